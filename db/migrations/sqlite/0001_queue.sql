-- Configuration is small and document-shaped: stored as validated JSON documents.
CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- One row per ticket, current state; `data` is the whole ticket, the columns are for queries.
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
-- The database itself refuses a number issued twice for one service on one day.
CREATE UNIQUE INDEX tickets_number_once_a_day ON tickets (issued_service_id, service_day, number);
CREATE INDEX tickets_open ON tickets (status) WHERE status <> 'finished';
CREATE INDEX tickets_by_day ON tickets (service_day);

CREATE TABLE counter_states (
  counter_id TEXT PRIMARY KEY,
  data TEXT NOT NULL
);

-- Append-only: every transition, who made it and why. Its row id is the realtime sequence number.
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
CREATE INDEX journal_by_ticket ON journal (ticket_id);
CREATE INDEX journal_by_time ON journal (at);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'operator', 'consultant')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
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
);
