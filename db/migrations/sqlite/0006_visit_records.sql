-- The visit journal: one record per served ticket, written by the specialist. Reason and result stay
-- for statistics; the visitor's name and contact are personal data, erased by the retention sweep
-- (server/visits/visits-feature.ts). `contact_key` is the contact normalised for recognising repeat
-- visits and is erased with it; `contact_recorded` and `repeat_visit` are decided when the record is
-- written, so the counts of repeats survive the erasure.
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
CREATE INDEX visit_records_by_day ON visit_records (service_day, counter_id);
CREATE INDEX visit_records_by_contact ON visit_records (contact_key) WHERE contact_key IS NOT NULL;
CREATE INDEX visit_records_personal ON visit_records (served_at) WHERE visitor_name IS NOT NULL OR visitor_contact IS NOT NULL;

-- The office's lists of reasons and results and its personal-data rules: one validated JSON document.
CREATE TABLE visit_journal_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Visitor satisfaction: at most one rating per ticket (the primary key refuses a second).
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
CREATE INDEX visit_ratings_by_day ON visit_ratings (service_day);
