// Daily backups the server makes itself: one a day, due from a local hour chosen to be quiet
// (TALON_BACKUP_HOUR), written into the backup folder, the last TALON_BACKUPS_KEPT of them kept.
// The database remembers which days have theirs (daily-backup-record.ts), so a restart later that
// day makes no second one, and with several nodes on PostgreSQL one of them makes the day's pg_dump
// (talon-daily-….dump) whether or not they share a backup folder: the record is checked and
// written under one lock for all nodes (db.exclusively), and a node that finds it held tries again
// at its next check. A day's file already in the folder counts too: a SQLite database restored from
// an older backup has no record of today's. A PC switched off at the quiet hour makes the day's
// backup when it is next on. The copy blocks no one (see backup.ts), so a late one costs the
// office nothing.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../engine/queue-engine';
import { childLogger } from '../observability/logger';
import type { Database } from '../store/database';
import type { DatabaseCopy } from './database-copy';
import { dailyBackupMadeFor, recordDailyBackup } from './daily-backup-record';
import { repeatEvery } from '../timing/repeat';
import type { BackupSettings } from './backup-settings';

/** Often enough to start within minutes of the hour, rarely enough to cost nothing. */
const CHECK_EVERY_MS = 5 * 60_000;
/** The daily backups of this kind (sqlite, dump); those of the other engine are left alone. */
const dailyFile = (extension: string) => new RegExp(`^talon-daily-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`);

const log = childLogger({ component: 'backup' });

/**
 * The local date a backup is for, which also names its file: 2026-12-02. The machine's own time zone,
 * as TALON_BACKUP_HOUR is: the nodes of one database must share it (docs/deploy.md), or around
 * midnight they would disagree about the day and each make one.
 */
function localDay(at: number): string {
  const day = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
}

export class DailyBackups {
  private timer: { cancel: () => void } | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly copy: DatabaseCopy,
    private readonly settings: BackupSettings,
    /** The database backed up, which also records the days made. */
    private readonly db: Database,
    /** Recorded with the day's backup: on PostgreSQL, which node's folder holds it. */
    private readonly nodeId: string,
    private readonly clock: Clock = Date.now,
  ) {}

  /** Makes today's backup if its hour has come and no node has made it yet, then drops the oldest beyond the kept number. */
  async runIfDue(): Promise<string | undefined> {
    const { folder, kept, hour } = this.settings;
    const now = this.clock();
    if (kept === 0 || new Date(now).getHours() < hour) return undefined;
    const day = localDay(now);
    const file = join(folder, `talon-daily-${day}.${this.copy.extension}`);
    let made: string | undefined;
    await this.db.exclusively('daily-backup', async () => {
      if (await dailyBackupMadeFor(this.db, day)) return;
      if (!existsSync(file)) {
        await mkdir(folder, { recursive: true });
        await this.copy.to(file);
        await pruneDailyBackups(folder, kept, this.copy.extension);
        made = file;
      }
      await recordDailyBackup(this.db, { day, nodeId: this.nodeId, file, madeAt: this.clock() });
    });
    return made;
  }

  /** Checks every few minutes until stopped; the timer keeps no process alive. */
  start(): void {
    if (this.settings.kept === 0) return;
    this.timer = repeatEvery(() => this.check(), CHECK_EVERY_MS, CHECK_EVERY_MS);
  }

  /** Stops checking and waits for a backup under way, so the database closes after it. */
  async stop(): Promise<void> {
    this.timer?.cancel();
    await this.running;
  }

  private check(): void {
    if (this.running) return;
    this.running = this.runIfDue()
      .then((file) => file && log.info({ file }, 'daily backup written'))
      // A failed backup must not stop the queue; the next check tries again.
      .catch((error: unknown) => log.error({ err: error }, 'daily backup failed'))
      .finally(() => (this.running = undefined));
  }
}

/** Keeps the newest `kept` daily backups (their names sort by date); other files in the folder are left alone. */
async function pruneDailyBackups(folder: string, kept: number, extension: string): Promise<void> {
  const daily = (await readdir(folder)).filter((name) => dailyFile(extension).test(name)).sort();
  for (const name of daily.slice(0, Math.max(0, daily.length - kept))) await rm(join(folder, name), { force: true });
}
