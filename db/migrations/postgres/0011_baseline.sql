-- Talon's schema at version 11 for PostgreSQL: the same tables, columns, keys and indexes as
-- SQLite's migrations 0001…0011 leave (db/schema.sql), written natively at once. Every later
-- migration goes into both folders with the same number.
-- How the engines' types meet:
-- - Epoch milliseconds and the journal's seq are BIGINT (they outgrow INTEGER); the engine reads
--   int8 back as a JS number, as SQLite gives it.
-- - Booleans stay INTEGER 0/1 and JSON documents stay TEXT, as in SQLite: the stores read them alike.
-- - BLOB is BYTEA.
-- - Every TEXT column compares COLLATE "C", byte by byte like SQLite's BINARY, so ORDER BY and key
--   order are the same on both engines whatever the database's locale.
-- - users.login: SQLite's UNIQUE COLLATE NOCASE is a unique index on lower(login) here.
-- - print_jobs.pos numbers jobs in the order they were made: SQLite sorts same-millisecond jobs by
--   rowid, which PostgreSQL has no counterpart for.

CREATE TABLE organisation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- {"name": LocalizedText}
  data TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL
);

-- `data` is the Office document. An archived office keeps its rows (reports still read them) but
-- runs no queue and is hidden from the public.
CREATE TABLE offices (
  id TEXT COLLATE "C" PRIMARY KEY,
  data TEXT COLLATE "C" NOT NULL,
  archived_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE services (
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  id TEXT COLLATE "C" NOT NULL,
  data TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (office_id, id)
);

CREATE TABLE counters (
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  id TEXT COLLATE "C" NOT NULL,
  data TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (office_id, id)
);

CREATE TABLE counter_states (
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  counter_id TEXT COLLATE "C" NOT NULL,
  data TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (office_id, counter_id)
);

CREATE TABLE tickets (
  id TEXT COLLATE "C" PRIMARY KEY,
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  issued_service_id TEXT COLLATE "C" NOT NULL,
  service_id TEXT COLLATE "C" NOT NULL,
  service_day TEXT COLLATE "C" NOT NULL,
  number INTEGER NOT NULL,
  code TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  outcome TEXT COLLATE "C",
  source TEXT COLLATE "C" NOT NULL,
  priority_kind TEXT COLLATE "C" NOT NULL,
  issued_at BIGINT NOT NULL,
  called_at BIGINT,
  started_at BIGINT,
  finished_at BIGINT,
  counter_id TEXT COLLATE "C",
  data TEXT COLLATE "C" NOT NULL
);
CREATE INDEX tickets_by_day ON tickets (office_id, service_day);
CREATE INDEX tickets_by_issue ON tickets (office_id, issued_at);
CREATE UNIQUE INDEX tickets_number_once_a_day ON tickets (office_id, issued_service_id, service_day, number);
CREATE INDEX tickets_open ON tickets (office_id, status) WHERE status <> 'finished';

-- seq is assigned by the office's engine, one after another without gaps.
CREATE TABLE journal (
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  ticket_id TEXT COLLATE "C",
  counter_id TEXT COLLATE "C",
  service_id TEXT COLLATE "C",
  actor TEXT COLLATE "C" NOT NULL,
  from_state TEXT COLLATE "C",
  to_state TEXT COLLATE "C",
  note TEXT COLLATE "C",
  PRIMARY KEY (office_id, seq)
);
CREATE INDEX journal_by_kind_time ON journal (office_id, kind, at);
CREATE INDEX journal_by_ticket ON journal (ticket_id);
CREATE INDEX journal_by_time ON journal (office_id, at);

CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  login TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  organisation_role TEXT COLLATE "C" CHECK (organisation_role IN ('regional-admin', 'regional-analyst')),
  password_hash TEXT COLLATE "C" NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
-- One login whatever its letters' case (SQLite: UNIQUE COLLATE NOCASE).
CREATE UNIQUE INDEX users_login_once ON users (lower(login));

CREATE TABLE office_roles (
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  role TEXT COLLATE "C" NOT NULL CHECK (role IN ('admin', 'manager', 'operator', 'consultant', 'analyst')),
  PRIMARY KEY (user_id, office_id)
);
CREATE INDEX office_roles_by_office ON office_roles (office_id, role);

CREATE TABLE sessions (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE devices (
  id TEXT COLLATE "C" PRIMARY KEY,
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('kiosk', 'display', 'print-agent')),
  name TEXT COLLATE "C" NOT NULL,
  zone TEXT COLLATE "C",
  key_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  revoked INTEGER NOT NULL DEFAULT 0,
  settings TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL,
  printer_model TEXT COLLATE "C",
  printer_paper TEXT COLLATE "C"
);
CREATE INDEX devices_by_office ON devices (office_id, kind, name);

CREATE TABLE print_jobs (
  id TEXT COLLATE "C" PRIMARY KEY,
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  agent_id TEXT COLLATE "C" NOT NULL REFERENCES devices (id),
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('issue', 'reprint', 'test-page')),
  ticket_id TEXT COLLATE "C" REFERENCES tickets (id),
  payload TEXT COLLATE "C" NOT NULL,
  state TEXT COLLATE "C" NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'printing', 'printed', 'failed', 'superseded', 'expired')),
  error TEXT COLLATE "C",
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  finished_at BIGINT,
  -- The order jobs were made in, for jobs made in the same millisecond (SQLite: rowid).
  pos BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX print_jobs_by_office ON print_jobs (office_id, state, created_at);
CREATE INDEX print_jobs_by_ticket ON print_jobs (ticket_id);
CREATE INDEX print_jobs_live ON print_jobs (agent_id, created_at) WHERE state IN ('pending', 'printing');
CREATE UNIQUE INDEX print_jobs_one_per_issue ON print_jobs (ticket_id) WHERE kind = 'issue';

CREATE TABLE appointment_settings (
  office_id TEXT COLLATE "C" PRIMARY KEY REFERENCES offices (id),
  data TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE appointments (
  id TEXT COLLATE "C" PRIMARY KEY,
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  code TEXT COLLATE "C" NOT NULL,
  service_id TEXT COLLATE "C" NOT NULL,
  day TEXT COLLATE "C" NOT NULL,
  slot_start BIGINT NOT NULL,
  slot_end BIGINT NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  phone TEXT COLLATE "C" NOT NULL,
  -- Digits only, so "+7 (900) 123-45-67" and "79001234567" find the same bookings.
  phone_digits TEXT COLLATE "C" NOT NULL,
  language TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL CHECK (status IN ('booked', 'checked-in', 'cancelled', 'no-show')),
  ticket_id TEXT COLLATE "C",
  checked_in_at BIGINT,
  created_at BIGINT NOT NULL,
  created_by TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  -- A visitor types the code at the office's kiosk: unique within the office.
  UNIQUE (office_id, code)
);
CREATE INDEX appointments_awaited ON appointments (office_id, slot_start) WHERE status = 'booked';
CREATE INDEX appointments_by_day ON appointments (office_id, day);
CREATE INDEX appointments_by_phone ON appointments (office_id, phone_digits);
CREATE INDEX appointments_by_slot ON appointments (office_id, service_id, slot_start) WHERE status <> 'cancelled';
CREATE INDEX appointments_personal ON appointments (office_id, slot_end) WHERE name <> '' OR phone <> '' OR phone_digits <> '';

CREATE TABLE analytics_days (
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  date TEXT COLLATE "C" NOT NULL,
  scope TEXT COLLATE "C" NOT NULL,
  time_zone TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  visits BYTEA NOT NULL,
  longest TEXT COLLATE "C" NOT NULL,
  counters BYTEA,
  PRIMARY KEY (office_id, date, scope)
);
CREATE INDEX analytics_days_by_scope ON analytics_days (office_id, scope, date, time_zone, version);

CREATE TABLE region_days (
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  date TEXT COLLATE "C" NOT NULL,
  time_zone TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  targets TEXT COLLATE "C" NOT NULL,
  digest BYTEA NOT NULL,
  PRIMARY KEY (office_id, date)
);

CREATE TABLE visit_journal_settings (
  office_id TEXT COLLATE "C" PRIMARY KEY REFERENCES offices (id),
  data TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE visit_records (
  ticket_id TEXT COLLATE "C" PRIMARY KEY REFERENCES tickets (id),
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  service_day TEXT COLLATE "C" NOT NULL,
  service_id TEXT COLLATE "C" NOT NULL,
  counter_id TEXT COLLATE "C" NOT NULL,
  specialist_id TEXT COLLATE "C",
  served_at BIGINT NOT NULL,
  reason_id TEXT COLLATE "C",
  reason_text TEXT COLLATE "C" NOT NULL DEFAULT '',
  result_id TEXT COLLATE "C",
  result_text TEXT COLLATE "C" NOT NULL DEFAULT '',
  visitor_name TEXT COLLATE "C",
  visitor_contact TEXT COLLATE "C",
  contact_key TEXT COLLATE "C",
  contact_recorded INTEGER NOT NULL DEFAULT 0,
  repeat_visit INTEGER NOT NULL DEFAULT 0,
  recorded_at BIGINT NOT NULL,
  recorded_by TEXT COLLATE "C" NOT NULL
);
CREATE INDEX visit_records_by_contact ON visit_records (office_id, contact_key) WHERE contact_key IS NOT NULL;
CREATE INDEX visit_records_by_day ON visit_records (office_id, service_day, counter_id);
CREATE INDEX visit_records_personal ON visit_records (office_id, served_at) WHERE visitor_name IS NOT NULL OR visitor_contact IS NOT NULL;

CREATE TABLE visit_ratings (
  ticket_id TEXT COLLATE "C" PRIMARY KEY REFERENCES tickets (id),
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  service_day TEXT COLLATE "C" NOT NULL,
  service_id TEXT COLLATE "C" NOT NULL,
  counter_id TEXT COLLATE "C",
  specialist_id TEXT COLLATE "C",
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment TEXT COLLATE "C" NOT NULL DEFAULT '',
  rated_at BIGINT NOT NULL
);
CREATE INDEX visit_ratings_by_day ON visit_ratings (office_id, service_day);

-- How long each office keeps its journal of events and the finished tickets it describes, and what
-- the last purge removed. An office without a row keeps the journal five years.
CREATE TABLE retention_settings (
  office_id TEXT COLLATE "C" PRIMARY KEY REFERENCES offices (id),
  journal_days INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE retention_purges (
  office_id TEXT COLLATE "C" PRIMARY KEY REFERENCES offices (id),
  ran_at BIGINT NOT NULL,
  -- The purge's RetentionPlan (common/protocol/retention.ts) as JSON: its boundaries and counts.
  report TEXT COLLATE "C" NOT NULL
);

-- Not Talon's data: @socket.io/postgres-adapter keeps here the events too large for a NOTIFY
-- between nodes, and deletes them after a while. Its shape is the adapter's.
CREATE TABLE socket_io_attachments (
  id BIGSERIAL UNIQUE,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  payload BYTEA
);
