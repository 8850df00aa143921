-- A print job's whole life, so that each ticket comes out exactly once and never stale:
--   pending    → made, not yet taken by its agent;
--   printing   → the agent has claimed it and is printing it (it is never handed out to print again);
--   printed / failed → the agent's answer;
--   superseded → a reprint of the same ticket replaced it before it printed;
--   expired    → it was not printed in time (`expires_at`), its ticket stopped waiting, or the kiosk
--                told the visitor that printing failed.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
CREATE TABLE print_jobs_new (
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
-- Jobs made before this migration get the default lifetime of three minutes.
INSERT INTO print_jobs_new (id, agent_id, kind, ticket_id, payload, state, error, created_at, expires_at, finished_at)
  SELECT id, agent_id, kind, ticket_id, payload, state, error, created_at, created_at + 180000, finished_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
-- What an agent gets when it connects: its unfinished jobs in the order they were made.
CREATE INDEX print_jobs_live ON print_jobs (agent_id, created_at) WHERE state IN ('pending', 'printing');
-- A kiosk ticket gets exactly one job at issue, however many times the server looks for missing ones.
CREATE UNIQUE INDEX print_jobs_one_per_issue ON print_jobs (ticket_id) WHERE kind = 'issue';
-- A ticket's jobs: the printer a reprint goes to, and the pending job a reprint supersedes.
CREATE INDEX print_jobs_by_ticket ON print_jobs (ticket_id);
