// Each analytics report over one year of a busy office (~730,000 tickets from
// db/generate-history.ts): the first query, which reads the year from SQLite, and then each report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyticsStore } from '../server/analytics/analytics-store';
import { REPORTS } from '../server/analytics/reports';
import { DEFAULT_STAFFING } from '../server/analytics/staffing';
import { addDays, localDate } from '../server/domain/time';
import { loadConfig } from '../server/store/config-store';
import { Database } from '../server/store/database';
import { ms } from './stats';

const TARGET_MS = 300;

export async function benchAnalytics(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-history-'));
  const generateStart = performance.now();
  execFileSync('npx', ['tsx', join(import.meta.dirname, '..', 'db', 'generate-history.ts'), '--days', '365', '--per-day', '2000', '--data-dir', dataDir], { stdio: 'ignore' });
  const generateMs = performance.now() - generateStart;
  const db = await Database.open(join(dataDir, 'talon.sqlite'));
  try {
    const config = (await loadConfig(db))!;
    const { timeZone } = config.office;
    const store = new AnalyticsStore(db, Date.now);
    const to = addDays(localDate(Date.now(), timeZone), -1);
    const from = addDays(to, -364);
    const loadStart = performance.now();
    const records = await store.records(from, to, timeZone);
    const loadMs = performance.now() - loadStart;
    const lines = [
      `${records.visits.length} tickets generated in ${(generateMs / 1000).toFixed(1)} s; first read of the year ${ms(loadMs)}.`,
      '',
      '| report | time (records in memory) | within 300 ms |',
      '| --- | --- | --- |',
    ];
    for (const [name, definition] of Object.entries(REPORTS)) {
      const start = performance.now();
      const input = { period: { from, to }, ...(await store.records(from, to, timeZone)), services: config.services, clock: store.clock(timeZone) };
      const previous = definition.needsPrevious ? { ...input, period: { from: addDays(from, -365), to: addDays(from, -1) }, ...(await store.records(addDays(from, -365), addDays(from, -1), timeZone)) } : null;
      definition.produce({ input, previous, staffing: DEFAULT_STAFFING, limit: 20, staffNames: await store.staffNames() });
      const took = performance.now() - start;
      lines.push(`| ${name} | ${ms(took)} | ${took <= TARGET_MS ? 'yes' : 'no'} |`);
    }
    return lines.join('\n');
  } finally {
    await db.close();
  }
}
