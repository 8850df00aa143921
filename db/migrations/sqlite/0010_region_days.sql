-- The regional view's per-office-day digests (server/region/region-digests.ts): a few hundred bytes
-- each, built from the day's stored summary, so a year of 200 offices is read in one short range
-- scan instead of walking past every full summary. `version` is the SUMMARY_VERSION it was built
-- from and `targets` a fingerprint of the service targets: a digest that differs is rebuilt, and a
-- rebuilt day's digest is deleted with its summary.
CREATE TABLE region_days (
  office_id TEXT NOT NULL REFERENCES offices (id),
  date TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  version INTEGER NOT NULL,
  targets TEXT NOT NULL,
  digest BLOB NOT NULL,
  PRIMARY KEY (office_id, date)
) WITHOUT ROWID;

-- "Which dates of this office have a current summary" without reading the ~30 KB rows themselves:
-- after a restart every office asks it for its recent days.
CREATE INDEX analytics_days_by_scope ON analytics_days (office_id, scope, date, time_zone, version);
