// Which days have their daily backup, kept in the database (daily_backups) rather than in a backup
// folder, so every node sees the day's backup made, whichever node made it into whichever folder.
import type { Database } from '../store/database';

export interface DailyBackupMade {
  /** The local date the backup is for: 2026-12-02. */
  day: string;
  nodeId: string;
  file: string;
  madeAt: number;
}

export async function dailyBackupMadeFor(db: Database, day: string): Promise<boolean> {
  return (await db.read.get('SELECT 1 AS made FROM daily_backups WHERE day = ?', [day])) !== undefined;
}

export async function recordDailyBackup(db: Database, made: DailyBackupMade): Promise<void> {
  await db.transaction(
    (tx) => tx.run('INSERT INTO daily_backups (day, node_id, file, made_at) VALUES (?, ?, ?, ?) ON CONFLICT (day) DO NOTHING', [made.day, made.nodeId, made.file, made.madeAt]),
    { lock: 'daily-backup' },
  );
}
