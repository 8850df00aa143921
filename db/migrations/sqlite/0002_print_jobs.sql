-- Print jobs for the print agents. A job stays 'pending' until its agent reports a result, so a
-- job survives a server restart and an agent that is away; it is sent again whenever the agent
-- connects. `payload` is the job exactly as the agent receives it (common/protocol/printing.ts).
CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES devices (id),
  kind TEXT NOT NULL CHECK (kind IN ('issue', 'reprint', 'test-page')),
  ticket_id TEXT REFERENCES tickets (id),
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'printed', 'failed')),
  error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
-- What an agent gets when it connects: its pending jobs in the order they were made.
CREATE INDEX print_jobs_pending ON print_jobs (agent_id, created_at) WHERE state = 'pending';
-- A kiosk ticket gets exactly one job at issue, however many times the server looks for missing ones.
CREATE UNIQUE INDEX print_jobs_one_per_issue ON print_jobs (ticket_id) WHERE kind = 'issue';
-- The printer a reprint goes to: the one that printed the ticket before.
CREATE INDEX print_jobs_by_ticket ON print_jobs (ticket_id);
