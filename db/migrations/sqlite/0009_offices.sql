-- Many offices in one Talon (issue #11). An organisation holds offices; every office-owned row names
-- its office, and keys include the office where an id is only unique within one office (services,
-- counters, the journal's seq, appointment codes, day summaries). Ticket, appointment, device and
-- print-job ids are unique across offices and stay the keys. A database from the single-office
-- version becomes office 'main', losing nothing; the organisation takes the office's name.
-- SQLite cannot add a key or a NOT NULL column without a default to a table, so tables are rebuilt
-- (create new, copy, drop, rename); migrate.ts runs this with foreign keys off and checks every
-- reference before the commit. Indexes lead with office_id, except those on ids unique across
-- offices (a ticket's jobs, an agent's queue), which are looked up by that id alone.

CREATE TABLE organisation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- {"name": LocalizedText}
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO organisation (id, data, updated_at) SELECT 1, json_object('name', json(data -> '$.name')), updated_at FROM office;

-- `data` is the Office document the old single-row `office` table held. An archived office keeps
-- its rows (reports still read them) but runs no queue and is hidden from the public.
CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  archived_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO offices (id, data, archived_at, created_at, updated_at) SELECT 'main', data, NULL, updated_at, updated_at FROM office;
DROP TABLE office;

CREATE TABLE services_new (
  office_id TEXT NOT NULL REFERENCES offices (id),
  id TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, id)
);
INSERT INTO services_new (office_id, id, data, updated_at) SELECT 'main', id, data, updated_at FROM services;
DROP TABLE services;
ALTER TABLE services_new RENAME TO services;

CREATE TABLE counters_new (
  office_id TEXT NOT NULL REFERENCES offices (id),
  id TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, id)
);
INSERT INTO counters_new (office_id, id, data, updated_at) SELECT 'main', id, data, updated_at FROM counters;
DROP TABLE counters;
ALTER TABLE counters_new RENAME TO counters;

CREATE TABLE counter_states_new (
  office_id TEXT NOT NULL REFERENCES offices (id),
  counter_id TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (office_id, counter_id)
);
INSERT INTO counter_states_new (office_id, counter_id, data) SELECT 'main', counter_id, data FROM counter_states;
DROP TABLE counter_states;
ALTER TABLE counter_states_new RENAME TO counter_states;

CREATE TABLE tickets_new (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  issued_service_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  service_day TEXT NOT NULL,
  number INTEGER NOT NULL,
  code TEXT NOT NULL,
  status TEXT NOT NULL,
  outcome TEXT,
  source TEXT NOT NULL,
  priority_kind TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  called_at INTEGER,
  started_at INTEGER,
  finished_at INTEGER,
  counter_id TEXT,
  data TEXT NOT NULL
);
INSERT INTO tickets_new (id, office_id, issued_service_id, service_id, service_day, number, code, status, outcome, source, priority_kind,
    issued_at, called_at, started_at, finished_at, counter_id, data)
  SELECT id, 'main', issued_service_id, service_id, service_day, number, code, status, outcome, source, priority_kind,
    issued_at, called_at, started_at, finished_at, counter_id, data FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_new RENAME TO tickets;
CREATE INDEX tickets_by_day ON tickets (office_id, service_day);
CREATE INDEX tickets_by_issue ON tickets (office_id, issued_at);
-- Numbers restart every day in every office, so two offices may both issue A001 today.
CREATE UNIQUE INDEX tickets_number_once_a_day ON tickets (office_id, issued_service_id, service_day, number);
CREATE INDEX tickets_open ON tickets (office_id, status) WHERE status <> 'finished';

-- The seq is the office's own event sequence, gap-free, assigned by the office's engine (no
-- AUTOINCREMENT: one counter for all offices would leave gaps in each). Old seqs are kept as they were.
CREATE TABLE journal_new (
  office_id TEXT NOT NULL REFERENCES offices (id),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ticket_id TEXT,
  counter_id TEXT,
  service_id TEXT,
  actor TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  note TEXT,
  PRIMARY KEY (office_id, seq)
) WITHOUT ROWID;
INSERT INTO journal_new (office_id, seq, at, kind, ticket_id, counter_id, service_id, actor, from_state, to_state, note)
  SELECT 'main', seq, at, kind, ticket_id, counter_id, service_id, actor, from_state, to_state, note FROM journal;
DROP TABLE journal;
ALTER TABLE journal_new RENAME TO journal;
CREATE INDEX journal_by_kind_time ON journal (office_id, kind, at);
CREATE INDEX journal_by_ticket ON journal (ticket_id);
CREATE INDEX journal_by_time ON journal (office_id, at);

CREATE TABLE appointments_new (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  code TEXT NOT NULL,
  service_id TEXT NOT NULL,
  day TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  slot_end INTEGER NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  -- Digits only, so "+7 (900) 123-45-67" and "79001234567" find the same bookings.
  phone_digits TEXT NOT NULL,
  language TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked-in', 'cancelled', 'no-show')),
  ticket_id TEXT,
  checked_in_at INTEGER,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  -- A visitor types the code at the office's kiosk: unique within the office.
  UNIQUE (office_id, code)
);
INSERT INTO appointments_new (id, office_id, code, service_id, day, slot_start, slot_end, name, phone, phone_digits, language, status,
    ticket_id, checked_in_at, created_at, created_by, updated_at)
  SELECT id, 'main', code, service_id, day, slot_start, slot_end, name, phone, phone_digits, language, status,
    ticket_id, checked_in_at, created_at, created_by, updated_at FROM appointments;
DROP TABLE appointments;
ALTER TABLE appointments_new RENAME TO appointments;
CREATE INDEX appointments_awaited ON appointments (office_id, slot_start) WHERE status = 'booked';
CREATE INDEX appointments_by_day ON appointments (office_id, day);
CREATE INDEX appointments_by_phone ON appointments (office_id, phone_digits);
CREATE INDEX appointments_by_slot ON appointments (office_id, service_id, slot_start) WHERE status <> 'cancelled';

CREATE TABLE appointment_settings_new (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO appointment_settings_new (office_id, data, updated_at) SELECT 'main', data, updated_at FROM appointment_settings;
DROP TABLE appointment_settings;
ALTER TABLE appointment_settings_new RENAME TO appointment_settings;

CREATE TABLE visit_journal_settings_new (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO visit_journal_settings_new (office_id, data, updated_at) SELECT 'main', data, updated_at FROM visit_journal_settings;
DROP TABLE visit_journal_settings;
ALTER TABLE visit_journal_settings_new RENAME TO visit_journal_settings;

-- Device keys stay unique across offices: a key alone tells which device, and so which office, calls.
CREATE TABLE devices_new (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'print-agent')),
  name TEXT NOT NULL,
  zone TEXT,
  key_hash TEXT NOT NULL UNIQUE,
  revoked INTEGER NOT NULL DEFAULT 0,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  printer_model TEXT,
  printer_paper TEXT
);
INSERT INTO devices_new (id, office_id, kind, name, zone, key_hash, revoked, settings, created_at, printer_model, printer_paper)
  SELECT id, 'main', kind, name, zone, key_hash, revoked, settings, created_at, printer_model, printer_paper FROM devices;
DROP TABLE devices;
ALTER TABLE devices_new RENAME TO devices;
CREATE INDEX devices_by_office ON devices (office_id, kind, name);

CREATE TABLE print_jobs_new (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  agent_id TEXT NOT NULL REFERENCES devices (id),
  kind TEXT NOT NULL CHECK (kind IN ('issue', 'reprint', 'test-page')),
  ticket_id TEXT REFERENCES tickets (id),
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'printing', 'printed', 'failed', 'superseded', 'expired')),
  error TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  finished_at INTEGER
);
INSERT INTO print_jobs_new (id, office_id, agent_id, kind, ticket_id, payload, state, error, created_at, expires_at, finished_at)
  SELECT id, 'main', agent_id, kind, ticket_id, payload, state, error, created_at, expires_at, finished_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
CREATE INDEX print_jobs_live ON print_jobs (agent_id, created_at) WHERE state IN ('pending', 'printing');
CREATE UNIQUE INDEX print_jobs_one_per_issue ON print_jobs (ticket_id) WHERE kind = 'issue';
CREATE INDEX print_jobs_by_ticket ON print_jobs (ticket_id);
-- An office's jobs still to finish, for its print desk after a restart.
CREATE INDEX print_jobs_by_office ON print_jobs (office_id, state, created_at);

CREATE TABLE visit_records_new (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id),
  office_id TEXT NOT NULL REFERENCES offices (id),
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter_id TEXT NOT NULL,
  specialist_id TEXT,
  served_at INTEGER NOT NULL,
  reason_id TEXT,
  reason_text TEXT NOT NULL DEFAULT '',
  result_id TEXT,
  result_text TEXT NOT NULL DEFAULT '',
  visitor_name TEXT,
  visitor_contact TEXT,
  contact_key TEXT,
  contact_recorded INTEGER NOT NULL DEFAULT 0,
  repeat_visit INTEGER NOT NULL DEFAULT 0,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);
INSERT INTO visit_records_new (ticket_id, office_id, service_day, service_id, counter_id, specialist_id, served_at, reason_id, reason_text,
    result_id, result_text, visitor_name, visitor_contact, contact_key, contact_recorded, repeat_visit, recorded_at, recorded_by)
  SELECT ticket_id, 'main', service_day, service_id, counter_id, specialist_id, served_at, reason_id, reason_text,
    result_id, result_text, visitor_name, visitor_contact, contact_key, contact_recorded, repeat_visit, recorded_at, recorded_by FROM visit_records;
DROP TABLE visit_records;
ALTER TABLE visit_records_new RENAME TO visit_records;
CREATE INDEX visit_records_by_day ON visit_records (office_id, service_day, counter_id);
-- A repeat visit is a repeat to the same office.
CREATE INDEX visit_records_by_contact ON visit_records (office_id, contact_key) WHERE contact_key IS NOT NULL;
-- Each office keeps personal data for its own number of days.
CREATE INDEX visit_records_personal ON visit_records (office_id, served_at) WHERE visitor_name IS NOT NULL OR visitor_contact IS NOT NULL;

CREATE TABLE visit_ratings_new (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id),
  office_id TEXT NOT NULL REFERENCES offices (id),
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter_id TEXT,
  specialist_id TEXT,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  rated_at INTEGER NOT NULL
);
INSERT INTO visit_ratings_new (ticket_id, office_id, service_day, service_id, counter_id, specialist_id, score, comment, rated_at)
  SELECT ticket_id, 'main', service_day, service_id, counter_id, specialist_id, score, comment, rated_at FROM visit_ratings;
DROP TABLE visit_ratings;
ALTER TABLE visit_ratings_new RENAME TO visit_ratings;
CREATE INDEX visit_ratings_by_day ON visit_ratings (office_id, service_day);

CREATE TABLE analytics_days_new (
  office_id TEXT NOT NULL REFERENCES offices (id),
  date TEXT NOT NULL,
  scope TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  version INTEGER NOT NULL,
  visits BLOB NOT NULL,
  longest TEXT NOT NULL,
  counters BLOB,
  PRIMARY KEY (office_id, date, scope)
) WITHOUT ROWID;
INSERT INTO analytics_days_new (office_id, date, scope, time_zone, version, visits, longest, counters)
  SELECT 'main', date, scope, time_zone, version, visits, longest, counters FROM analytics_days;
DROP TABLE analytics_days;
ALTER TABLE analytics_days_new RENAME TO analytics_days;

-- People: a role per office, and organisation roles over every office. Each person keeps their
-- role in office 'main'; an admin, who could manage everything, becomes a regional admin too.
CREATE TABLE users_new (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  organisation_role TEXT CHECK (organisation_role IN ('regional-admin', 'regional-analyst')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
INSERT INTO users_new (id, login, name, organisation_role, password_hash, active, created_at)
  SELECT id, login, name, CASE role WHEN 'admin' THEN 'regional-admin' END, password_hash, active, created_at FROM users;

CREATE TABLE office_roles (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  office_id TEXT NOT NULL REFERENCES offices (id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'operator', 'consultant', 'analyst')),
  PRIMARY KEY (user_id, office_id)
) WITHOUT ROWID;
-- A database whose office was never set up has no office 'main' to hold roles; its admins still become regional admins.
INSERT INTO office_roles (user_id, office_id, role) SELECT id, 'main', role FROM users WHERE EXISTS (SELECT 1 FROM offices WHERE id = 'main');
CREATE INDEX office_roles_by_office ON office_roles (office_id, role);

DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
