-- Retention (server/retention/): how long each office keeps its journal of events and the finished
-- tickets it describes (personal data follows the visit journal's retentionDays), and what the last
-- purge removed, for the admin screen. An office without a row keeps the journal five years.
CREATE TABLE retention_settings (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  journal_days INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE retention_purges (
  office_id TEXT PRIMARY KEY REFERENCES offices (id),
  ran_at INTEGER NOT NULL,
  -- The purge's RetentionPlan (common/protocol/retention.ts) as JSON: its boundaries and counts.
  report TEXT NOT NULL
);

-- Erasing bookings' names and phones finds the ones still holding them by the slot's end.
CREATE INDEX appointments_personal ON appointments (office_id, slot_end) WHERE name <> '' OR phone <> '' OR phone_digits <> '';
