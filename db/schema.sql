CREATE TABLE "analytics_days" (
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

CREATE TABLE "appointment_settings" (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE "appointments" (
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
  updated_at INTEGER NOT NULL, manage_token_hash TEXT, cancelled_by TEXT, cancelled_at INTEGER,
  -- A visitor types the code at the office's kiosk: unique within the office.
  UNIQUE (office_id, code)
);

CREATE TABLE channel_settings (
  office_id TEXT NOT NULL REFERENCES offices (id),
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, kind)
);

CREATE TABLE "counter_states" (
  office_id TEXT NOT NULL REFERENCES offices (id),
  counter_id TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (office_id, counter_id)
);

CREATE TABLE "counters" (
  office_id TEXT NOT NULL REFERENCES offices (id),
  id TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, id)
);

CREATE TABLE daily_backups (
  -- The local date the backup is for, as in its file name: 2026-12-02.
  day TEXT PRIMARY KEY,
  node_id TEXT NOT NULL,
  file TEXT NOT NULL,
  made_at INTEGER NOT NULL
);

CREATE TABLE "devices" (
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

CREATE TABLE "journal" (
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

CREATE TABLE office_roles (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  office_id TEXT NOT NULL REFERENCES offices (id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'operator', 'consultant', 'analyst')),
  PRIMARY KEY (user_id, office_id)
) WITHOUT ROWID;

CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  archived_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE organisation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- {"name": LocalizedText}
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  contact_id TEXT NOT NULL REFERENCES visitor_contacts (id),
  kind TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  facts TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  -- A node sending the message holds it until then; after that another node may retry it.
  claimed_until INTEGER,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  last_error TEXT,
  UNIQUE (contact_id, dedupe_key)
);

CREATE TABLE "print_jobs" (
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

CREATE TABLE push_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE region_days (
  office_id TEXT NOT NULL REFERENCES offices (id),
  date TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  version INTEGER NOT NULL,
  targets TEXT NOT NULL,
  digest BLOB NOT NULL,
  PRIMARY KEY (office_id, date)
) WITHOUT ROWID;

CREATE TABLE retention_purges (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  ran_at INTEGER NOT NULL,
  -- The purge's RetentionPlan (common/protocol/retention.ts) as JSON: its boundaries and counts.
  report TEXT NOT NULL
);

CREATE TABLE retention_settings (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  journal_days INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL);

CREATE TABLE "services" (
  office_id TEXT NOT NULL REFERENCES offices (id),
  id TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, id)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE "tickets" (
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

CREATE TABLE "users" (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  organisation_role TEXT CHECK (organisation_role IN ('regional-admin', 'regional-analyst')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE "visit_journal_settings" (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE "visit_ratings" (
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

CREATE TABLE "visit_records" (
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

CREATE TABLE visitor_contacts (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('ticket', 'appointment')),
  subject_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  address TEXT NOT NULL,
  language TEXT NOT NULL,
  consented_at INTEGER NOT NULL,
  stop_token TEXT NOT NULL UNIQUE,
  stopped_at INTEGER,
  created_at INTEGER NOT NULL,
  -- The retention purge deletes the contact (and its messages) after this instant.
  keep_until INTEGER NOT NULL,
  UNIQUE (office_id, subject_kind, subject_id, channel, address)
);

CREATE INDEX analytics_days_by_scope ON analytics_days (office_id, scope, date, time_zone, version);

CREATE INDEX appointments_awaited ON appointments (office_id, slot_start) WHERE status = 'booked';

CREATE INDEX appointments_by_day ON appointments (office_id, day);

CREATE UNIQUE INDEX appointments_by_manage_token ON appointments (manage_token_hash) WHERE manage_token_hash IS NOT NULL;

CREATE INDEX appointments_by_phone ON appointments (office_id, phone_digits);

CREATE INDEX appointments_by_slot ON appointments (office_id, service_id, slot_start) WHERE status <> 'cancelled';

CREATE INDEX appointments_personal ON appointments (office_id, slot_end) WHERE name <> '' OR phone <> '' OR phone_digits <> '';

CREATE INDEX devices_by_office ON devices (office_id, kind, name);

CREATE INDEX journal_by_kind_time ON journal (office_id, kind, at);

CREATE INDEX journal_by_ticket ON journal (ticket_id);

CREATE INDEX journal_by_time ON journal (office_id, at);

CREATE INDEX office_roles_by_office ON office_roles (office_id, role);

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';

CREATE INDEX outbox_of_office ON outbox (office_id, created_at);

CREATE INDEX print_jobs_by_office ON print_jobs (office_id, state, created_at);

CREATE INDEX print_jobs_by_ticket ON print_jobs (ticket_id);

CREATE INDEX print_jobs_live ON print_jobs (agent_id, created_at) WHERE state IN ('pending', 'printing');

CREATE UNIQUE INDEX print_jobs_one_per_issue ON print_jobs (ticket_id) WHERE kind = 'issue';

CREATE INDEX tickets_by_day ON tickets (office_id, service_day);

CREATE INDEX tickets_by_issue ON tickets (office_id, issued_at);

CREATE UNIQUE INDEX tickets_number_once_a_day ON tickets (office_id, issued_service_id, service_day, number);

CREATE INDEX tickets_open ON tickets (office_id, status) WHERE status <> 'finished';

CREATE INDEX visit_ratings_by_day ON visit_ratings (office_id, service_day);

CREATE INDEX visit_records_by_contact ON visit_records (office_id, contact_key) WHERE contact_key IS NOT NULL;

CREATE INDEX visit_records_by_day ON visit_records (office_id, service_day, counter_id);

CREATE INDEX visit_records_personal ON visit_records (office_id, served_at) WHERE visitor_name IS NOT NULL OR visitor_contact IS NOT NULL;

CREATE INDEX visitor_contacts_kept ON visitor_contacts (office_id, keep_until);

CREATE INDEX visitor_contacts_of_subject ON visitor_contacts (office_id, subject_kind, subject_id);

CREATE INDEX visitor_contacts_watched ON visitor_contacts (office_id, subject_kind, created_at) WHERE stopped_at IS NULL;
