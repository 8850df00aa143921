// The regional staffing advisor reads the offices' day digests, the office's own staffing report its
// full day summaries: on generated history (two offices in two time zones, five weeks of visitors,
// recalls, no-shows, transfers and breaks) both give the same advice to the last bit — whether the
// four weeks come as stored days, as a whole month's one digest, with today digested live, or as
// digests of an older format built again from the summaries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffingSettings } from '../../common/protocol/analytics';
import { zonedToEpoch } from '../../common/time/calendar';
import { ALL_VISITS, AnalyticsStore } from '../../server/analytics/analytics-store';
import { digestOf } from '../../server/analytics/day-digest';
import { decodeDigest, encodeDigest } from '../../server/analytics/day-digest-codec';
import { storeDayDigests } from '../../server/analytics/day-digest-store';
import { scheduledOpenHours } from '../../server/analytics/open-days';
import { DEFAULT_STAFFING, staffingAdvice } from '../../server/analytics/staffing';
import { RegionDigests } from '../../server/region/region-digests';
import { OpenHoursMemo } from '../../server/region/region-open-hours';
import type { RegionOffice } from '../../server/region/region-offices';
import type { Period } from '../../server/region/region-period';
import { regionStaffing } from '../../server/region/region-staffing';
import { loadConfig } from '../../server/store/config-store';
import type { Database } from '../../server/store/database';
import { dataDirWithGeneratedHistory } from '../support/history-data';
import { openTestDatabase } from '../support/test-database';

/** The history's last day, a Tuesday: "today" in both offices (Irkutsk and Moscow), so it is digested live. */
const TODAY = '2026-03-03';
const NOW = zonedToEpoch(TODAY, '12:00', 'Europe/Moscow');
const STRICT: StaffingSettings = { serviceLevel: 0.9, targetMinutes: 5, maxOccupancy: 0.75, shrinkage: 0.2 };

let db: Database;
let offices: RegionOffice[];

beforeAll(async () => {
  const dataDir = await dataDirWithGeneratedHistory(['--offices', '2', '--days', '40', '--per-day', '200', '--seed', '11', '--end', TODAY]);
  db = await openTestDatabase(dataDir);
  offices = await Promise.all(
    ['office-1', 'office-2'].map(async (id) => {
      const config = (await loadConfig(db, id))!;
      return { id, config, analytics: new AnalyticsStore(db, id, () => NOW, storeDayDigests(id, () => config.services)) };
    }),
  );
}, 240_000);

afterAll(async () => {
  await db?.close();
});

/** The office's own staffing report over the same days, from its full day summaries, as its analytics route builds it. */
async function ownAdvice(office: RegionOffice, period: Period, settings: StaffingSettings) {
  const { timeZone, schedule } = office.config.office;
  const days = await office.analytics.days({ ...period, timeZone, scope: ALL_VISITS });
  return staffingAdvice({ period, days, services: office.config.services, openHours: scheduledOpenHours(schedule, period, timeZone) }, settings);
}

/** The regional answer, each office's advice beside its own report's; a fresh RegionDigests reads what is stored. */
async function compare(period: Period, settings: StaffingSettings, digests = new RegionDigests(db)) {
  const region = await regionStaffing(digests, offices, period, NOW, new OpenHoursMemo(), settings);
  const pairs = await Promise.all(offices.map(async (office) => ({ region: region.offices.find((row) => row.officeId === office.id)!.staffing, own: await ownAdvice(office, region.basedOn, settings) })));
  return { basedOn: region.basedOn, pairs };
}

describe('the regional staffing advisor from digests', () => {
  it('gives each office the advice of its own report over four weeks of days, today digested live', async () => {
    for (const settings of [DEFAULT_STAFFING, STRICT]) {
      const { basedOn, pairs } = await compare({ from: '2026-01-23', to: TODAY }, settings);
      expect(basedOn).toEqual({ from: '2026-02-04', to: TODAY });
      for (const { region, own } of pairs) {
        // Real advice, not two empty answers: most hours of the week, with measured service levels and booths open.
        expect(own.cells.length).toBeGreaterThan(40);
        expect(own.cells.some((cell) => cell.measuredServiceLevel !== null && cell.measuredServiceLevel < 1)).toBe(true);
        expect(own.cells.every((cell) => cell.meanBoothsOpen > 0)).toBe(true);
        expect(region).toEqual(own);
      }
    }
  });

  it('gives the same advice from a whole month’s one digest, and again from the stored rows', async () => {
    const february = { from: '2026-02-01', to: '2026-02-28' };
    for (const { pairs } of [await compare(february, DEFAULT_STAFFING), await compare(february, STRICT)]) {
      for (const { region, own } of pairs) expect(region).toEqual(own);
    }
    const months = await db.read.all<{ officeId: string }>(`SELECT office_id AS "officeId" FROM region_days WHERE date = '2026-02' ORDER BY office_id`);
    expect(months.map((m) => m.officeId)).toEqual(['office-1', 'office-2']);
  });

  it('builds digests of an older format again from the summaries, and advises the same', async () => {
    // The format is part of the fingerprint; a row under another one must not be read at all.
    await db.transaction(async (tx) => {
      for (const row of await tx.all<{ office_id: string; date: string; targets: string }>('SELECT office_id, date, targets FROM region_days')) {
        const older = `v3${row.targets.slice(row.targets.indexOf(','))}`;
        await tx.run('UPDATE region_days SET targets = ?, digest = ? WHERE office_id = ? AND date = ?', [older, Buffer.from([0]), row.office_id, row.date]);
      }
    });
    const { pairs } = await compare({ from: '2026-02-10', to: '2026-03-02' }, DEFAULT_STAFFING);
    for (const { region, own } of pairs) expect(region).toEqual(own);
  });

  it('keeps every field of a digest through its stored bytes', async () => {
    const office = offices[0]!;
    const days = await office.analytics.days({ from: '2026-02-23', to: '2026-03-01', timeZone: office.config.office.timeZone, scope: ALL_VISITS });
    for (const day of days) {
      const digest = digestOf(day, office.config.services);
      expect(decodeDigest(encodeDigest(digest))).toEqual(digest);
    }
  });
});
