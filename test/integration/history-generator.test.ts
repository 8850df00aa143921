// The history generator writes a month as the engine would have lived it, checked against the
// invariants every real day satisfies (test/support/day-invariants.ts); a new data folder gets a
// working admin; the command line explains itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../common/protocol';
import { ALL_VISITS, AnalyticsStore } from '../../server/analytics/analytics-store';
import { openPeriods } from '../../server/domain/schedule';
import type { QueueConfig } from '../../server/domain/state';
import { addDays, isoWeekday, zonedToEpoch } from '../../common/time/calendar';
import { loadConfig } from '../../server/store/config-store';
import type { Database } from '../../server/store/database';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { plannedPauses, replayJournal, type JournalRow, type Replay, type Rule, type TicketRow } from '../support/day-invariants';
import { ADMIN_PASSWORD, MAIN_OFFICE, startTalon } from '../support/talon-server';
import { onlyOn } from '../support/test-database';

const ROOT = join(import.meta.dirname, '..', '..');
const FIRST = '2026-03-01';
const LAST = '2026-03-31';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run generate-history -- …` as a child process, with the given environment on top of ours. */
function generateHistory(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'db', 'generate-history.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const withoutAdminPassword = { TALON_ADMIN_PASSWORD: undefined };
let monthDir: string;
let newFolderRun: Run;
let newFolderDir: string;
let db: Database;
let config: QueueConfig;
let journal: JournalRow[];
let tickets: TicketRow[];
let replay: Replay;

// SQLite only: the generator writes its SQLite file through raw sqlite3 (history-data.ts copies it into PostgreSQL for the other tests).
onlyOn('sqlite')('the history generator', () => {
  beforeAll(async () => {
    monthDir = mkdtempSync(join(tmpdir(), 'talon-history-'));
    newFolderDir = mkdtempSync(join(tmpdir(), 'talon-history-new-'));
    // A small month keeps this quick on a busy machine; every day still has queues, lunches and a close.
    const [month, fresh] = await Promise.all([
      generateHistory(['--days', '31', '--per-day', '150', '--seed', '7', '--end', LAST, '--data-dir', monthDir], { TALON_ADMIN_PASSWORD: ADMIN_PASSWORD }),
      generateHistory(['--days', '1', '--per-day', '10', '--end', LAST, '--data-dir', newFolderDir], withoutAdminPassword),
    ]);
    newFolderRun = fresh;
    expect(month.stderr).toBe('');
    expect(month.code).toBe(0);
    db = await SqliteDatabase.open(join(monthDir, 'talon.sqlite'));
    config = (await loadConfig(db, MAIN_OFFICE))!;
    journal = await db.read.all<JournalRow>(
      'SELECT seq AS id, at, kind, ticket_id, counter_id, service_id, actor, from_state, to_state, note FROM journal WHERE office_id = ? ORDER BY at, seq',
      [MAIN_OFFICE],
    );
    tickets = await db.read.all<TicketRow>(
      'SELECT id, issued_service_id, service_id, service_day, number, code, status, outcome, issued_at, called_at, started_at, finished_at, counter_id FROM tickets WHERE office_id = ?',
      [MAIN_OFFICE],
    );
    const users = await db.read.all<{ id: string; role: string }>('SELECT user_id AS id, role FROM office_roles WHERE office_id = ?', [MAIN_OFFICE]);
    replay = replayJournal(config, journal, tickets, new Map(users.map((u) => [u.id, u.role])));
  }, 240_000);

  afterAll(async () => {
    await db?.close();
  });

  describe('a generated month', () => {
    it('has visitors on every open day and none on closed days', () => {
      const days = new Set(tickets.map((t) => t.service_day));
      for (let date: LocalDate = FIRST; date <= LAST; date = addDays(date, 1)) {
        expect([date, days.has(date)]).toEqual([date, openPeriods(config.office.schedule, date, config.office.timeZone).length > 0]);
      }
    });

    it.each<{ rule: Rule; sentence: string }>([
      { rule: 'hours', sentence: 'opens, pauses, resumes and closes booths only within the office hours, and issues tickets only while the office issues' },
      { rule: 'counter-state', sentence: 'moves booths only as the engine allows: opened when closed, paused and closed only when idle, all closed by the end of each day' },
      { rule: 'booth-work', sentence: 'calls, starts and finishes tickets only at a booth that is open, serves that service and is worked by the specialist signed in there' },
      { rule: 'ticket-state', sentence: 'moves tickets only along the engine transitions and removes walk-outs by a member of staff' },
      { rule: 'day-end', sentence: 'ends a day only at the rollover after midnight, with every booth closed, and writes nothing of that day after it' },
      { rule: 'ticket-row', sentence: 'stores every ticket as the journal left it, finished, with issue ≤ call ≤ start ≤ finish' },
      { rule: 'numbering', sentence: 'numbers each service from 100 every day without gaps or repeats' },
    ])('$sentence', ({ rule }) => {
      expect(replay.problems.filter((p) => p.rule === rule).map((p) => p.what).slice(0, 10)).toEqual([]);
    });

    it('pauses each booth exactly for the breaks its schedule plans within the office hours and its shift', () => {
      const mismatches = replay.boothDays
        .map((day) => ({ day: `${day.date} ${day.counterId}`, actual: day.pauses, planned: plannedPauses(config, day) }))
        .filter((d) => JSON.stringify(d.actual) !== JSON.stringify(d.planned));
      expect(mismatches.slice(0, 5)).toEqual([]);
      const lunches = replay.boothDays.flatMap((day) => day.pauses.filter((p) => p.reason === 'lunch'));
      expect(lunches.length).toBeGreaterThan(0);
    });

    it('sends nobody to lunch on the short Saturdays (9–12) and closes every booth by noon there', () => {
      const saturdays = replay.boothDays.filter((day) => isoWeekday(day.date) === 6);
      expect(new Set(saturdays.map((day) => day.date))).toEqual(new Set(['2026-03-14', '2026-03-28']));
      for (const day of saturdays) {
        expect(day.pauses.filter((p) => p.reason === 'lunch')).toEqual([]);
        expect(day.closed).toBeLessThanOrEqual(zonedToEpoch(day.date, '12:00', config.office.timeZone));
      }
    });

    it('summarises each day for analytics consistently with its raw tickets and booth hours', async () => {
      const analytics = new AnalyticsStore(db, MAIN_OFFICE, Date.now);
      const summaries = await analytics.days({ from: FIRST, to: LAST, timeZone: config.office.timeZone, scope: ALL_VISITS });
      for (const summary of summaries) {
        const ofDay = tickets.filter((t) => t.service_day === summary.date);
        const count = (outcome: string) => ofDay.filter((t) => t.outcome === outcome).length;
        const tallies = Object.values(summary.visits.outcomes);
        const sum = (key: 'issued' | 'served' | 'noShow' | 'cancelled' | 'dayEnded') => tallies.reduce((s, t) => s + t[key], 0);
        expect([summary.date, summary.visits.arrivalsByHour.reduce((a, b) => a + b, 0)]).toEqual([summary.date, ofDay.length]);
        expect([summary.date, sum('issued'), sum('served'), sum('noShow'), sum('cancelled'), sum('dayEnded')]).toEqual([
          summary.date, ofDay.length, count('served'), count('no-show'), count('cancelled'), count('day-ended'),
        ]);
        // Booth hours: from the raw stretches (opened to closed minus pauses), and only in opening hours.
        const periods = openPeriods(config.office.schedule, summary.date, config.office.timeZone);
        const openHours = new Set(periods.flatMap((p) => Array.from({ length: 24 }, (_, h) => h).filter((h) => hourOverlaps(summary.date, h, p))));
        const booths = replay.boothDays.filter((day) => day.date === summary.date);
        for (const [counterId, counter] of Object.entries(summary.counters)) {
          const raw = booths.filter((d) => d.counterId === counterId).reduce((s, d) => s + d.closed - d.opened - d.pauses.reduce((p, q) => p + q.end - q.start, 0), 0);
          expect([summary.date, counterId, counter.openMsByHour.reduce((a, b) => a + b, 0)]).toEqual([summary.date, counterId, raw]);
          const outside = [...counter.openMsByHour].flatMap((ms, hour) => (ms > 0 && !openHours.has(hour) ? [hour] : []));
          expect([summary.date, counterId, outside]).toEqual([summary.date, counterId, []]);
        }
      }
    });

    function hourOverlaps(date: LocalDate, hour: number, period: { start: number; end: number }): boolean {
      const start = zonedToEpoch(date, hour * 60, config.office.timeZone);
      return start < period.end && period.start < start + 3_600_000;
    }
  });

  describe('the history generator on a new data folder', () => {
    it('creates the admin with TALON_ADMIN_PASSWORD, who can sign in to a server started on the folder', async () => {
      const server = await startTalon({ dataDir: monthDir });
      try {
        await expect(server.login('admin', ADMIN_PASSWORD)).resolves.toEqual(expect.any(String));
      } finally {
        await server.close();
      }
    });

    it('prints a generated one-time password once when none is given, and that password signs in', async () => {
      expect(newFolderRun.stderr).toBe('');
      expect(newFolderRun.code).toBe(0);
      const password = /sign in as "admin" with the one-time password (\S+)/.exec(newFolderRun.stdout)?.[1];
      expect(password).toBeDefined();
      const server = await startTalon({ dataDir: newFolderDir });
      try {
        await expect(server.login('admin', password)).resolves.toEqual(expect.any(String));
      } finally {
        await server.close();
      }
    });
  });

  describe('the history generator command line', () => {
    it('prints its usage for --help and exits 0 without touching a database', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'talon-history-help-'));
      const run = await generateHistory(['--help', '--data-dir', dir]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('usage: npm run generate-history');
      expect(run.stdout).toContain('--per-day');
      expect(run.stderr).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    });

    it('refuses an unknown option with a clear message and exit code 2', async () => {
      const run = await generateHistory(['--dayz', '3', '--data-dir', mkdtempSync(join(tmpdir(), 'talon-history-typo-'))]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Unknown option '--dayz'");
      expect(run.stderr).toContain('--help');
      expect(run.stdout).toBe('');
    });

    it('refuses a malformed value with exit code 2', async () => {
      const run = await generateHistory(['--end', '2026-02-30', '--days', '1', '--data-dir', mkdtempSync(join(tmpdir(), 'talon-history-bad-'))]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--end must be a date as YYYY-MM-DD');
    });
  });
});
