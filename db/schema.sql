CREATE TABLE analytics_days (
  date TEXT NOT NULL,
  scope TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  version INTEGER NOT NULL,
  visits BLOB NOT NULL,
  longest TEXT NOT NULL,
  counters BLOB,
  PRIMARY KEY (date, scope)
) WITHOUT ROWID;

CREATE TABLE appointment_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
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
  updated_at INTEGER NOT NULL
);

CREATE TABLE counter_states (
  counter_id TEXT PRIMARY KEY,
  data TEXT NOT NULL
);

CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'print-agent')),
  name TEXT NOT NULL,
  zone TEXT,
  key_hash TEXT NOT NULL UNIQUE,
  revoked INTEGER NOT NULL DEFAULT 0,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
, printer_model TEXT, printer_paper TEXT);

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ticket_id TEXT,
  counter_id TEXT,
  service_id TEXT,
  actor TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  note TEXT
);

CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE "print_jobs" (
  id TEXT PRIMARY KEY,
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

CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
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

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'operator', 'consultant')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE visit_journal_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE visit_ratings (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id),
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter_id TEXT,
  specialist_id TEXT,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  rated_at INTEGER NOT NULL
);

CREATE TABLE visit_records (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id),
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

CREATE INDEX appointments_awaited ON appointments (slot_start) WHERE status = 'booked';

CREATE INDEX appointments_by_day ON appointments (day);

CREATE INDEX appointments_by_phone ON appointments (phone_digits);

CREATE INDEX appointments_by_slot ON appointments (service_id, slot_start) WHERE status <> 'cancelled';

CREATE INDEX journal_by_kind_time ON journal (kind, at);

CREATE INDEX journal_by_ticket ON journal (ticket_id);

CREATE INDEX journal_by_time ON journal (at);

CREATE INDEX print_jobs_by_ticket ON print_jobs (ticket_id);

CREATE INDEX print_jobs_live ON print_jobs (agent_id, created_at) WHERE state IN ('pending', 'printing');

CREATE UNIQUE INDEX print_jobs_one_per_issue ON print_jobs (ticket_id) WHERE kind = 'issue';

CREATE INDEX tickets_by_day ON tickets (service_day);

CREATE INDEX tickets_by_issue ON tickets (issued_at);

CREATE UNIQUE INDEX tickets_number_once_a_day ON tickets (issued_service_id, service_day, number);

CREATE INDEX tickets_open ON tickets (status) WHERE status <> 'finished';

CREATE INDEX visit_ratings_by_day ON visit_ratings (service_day);

CREATE INDEX visit_records_by_contact ON visit_records (contact_key) WHERE contact_key IS NOT NULL;

CREATE INDEX visit_records_by_day ON visit_records (service_day, counter_id);

CREATE INDEX visit_records_personal ON visit_records (served_at) WHERE visitor_name IS NOT NULL OR visitor_contact IS NOT NULL;
