-- One summary per finished local day and scope ('' = every visit, else a service id: the visits that
-- stood in its queue), computed once from tickets and journal (server/analytics/day-summary.ts).
-- `visits` and `counters` are a JSON header followed by little-endian typed arrays (summary-codec.ts);
-- `counters` is set on the '' row only; `longest` is JSON. A row whose version or time zone differs
-- from the running code is rebuilt.
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
