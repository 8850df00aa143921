-- The server's daily backups (server/ops/backup-schedule.ts): a row for each local day whose backup
-- is made, naming the node and the file, so nodes that keep backup folders of their own still make
-- one backup a day between them. Checked before each backup, written after it.
CREATE TABLE daily_backups (
  -- The local date the backup is for, as in its file name: 2026-12-02.
  day TEXT PRIMARY KEY,
  node_id TEXT NOT NULL,
  file TEXT NOT NULL,
  made_at INTEGER NOT NULL
);
