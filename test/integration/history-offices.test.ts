// `generate-history --offices N`: every office gets a history of its own — its own visitors on its
// own open days in its own time zone, a journal numbered from 1 without gaps, each day as the
// engine would have lived it (test/support/day-invariants.ts) — and its days stored as summaries
// for the regional view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../common/protocol';
import { openPeriods } from '../../server/domain/schedule';
import { addDays } from '../../common/time/calendar';
import { loadConfig } from '../../server/store/config-store';
import type { Database } from '../../server/store/database';
import { replayJournal, type JournalRow, type TicketRow } from '../support/day-invariants';
import { dataDirWithGeneratedHistory } from '../support/history-data';
import { openTestDatabase } from '../support/test-database';

const OFFICES = ['office-1', 'office-2', 'office-3'];
const FIRST = '2026-03-02';
const LAST = '2026-03-14';

let db: Database;

beforeAll(async () => {
  const dataDir = await dataDirWithGeneratedHistory(['--offices', '3', '--days', '13', '--per-day', '60', '--seed', '5', '--end', LAST]);
  db = await openTestDatabase(dataDir);
}, 240_000);

afterAll(async () => {
  await db?.close();
});

const ticketsOf = (officeId: string) =>
  db.read.all<TicketRow>(
    'SELECT id, issued_service_id, service_id, service_day, number, code, status, outcome, issued_at, called_at, started_at, finished_at, counter_id FROM tickets WHERE office_id = ?',
    [officeId],
  );

describe('a history of several offices', () => {
  it('creates office-1 … office-N on a few time zones', async () => {
    const rows = await db.read.all<{ id: string; data: string }>('SELECT id, data FROM offices ORDER BY id');
    expect(rows.map((row) => ({ id: row.id, zone: (JSON.parse(row.data) as { timeZone: string }).timeZone }))).toEqual([
      { id: 'office-1', zone: 'Asia/Irkutsk' },
      { id: 'office-2', zone: 'Europe/Moscow' },
      { id: 'office-3', zone: 'Asia/Yekaterinburg' },
    ]);
  });

  it('gives each office its own visitors on its own open days', async () => {
    const counts: number[] = [];
    for (const officeId of OFFICES) {
      const config = (await loadConfig(db, officeId))!;
      const tickets = await ticketsOf(officeId);
      counts.push(tickets.length);
      const days = new Set(tickets.map((t) => t.service_day));
      for (let date: LocalDate = FIRST; date <= LAST; date = addDays(date, 1)) {
        expect([officeId, date, days.has(date)]).toEqual([officeId, date, openPeriods(config.office.schedule, date, config.office.timeZone).length > 0]);
      }
    }
    expect(new Set(counts).size).toBe(OFFICES.length);
  });

  it('numbers each office’s journal from 1 without gaps, and every day keeps the engine’s rules', async () => {
    const roles = await db.read.all<{ id: string; role: string; office_id: string }>('SELECT user_id AS id, role, office_id FROM office_roles');
    for (const officeId of OFFICES) {
      const journal = await db.read.all<JournalRow>(
        'SELECT seq AS id, at, kind, ticket_id, counter_id, service_id, actor, from_state, to_state, note FROM journal WHERE office_id = ? ORDER BY seq',
        [officeId],
      );
      expect(journal.map((r) => r.id)).toEqual(journal.map((_, i) => i + 1));
      const config = (await loadConfig(db, officeId))!;
      const staff = new Map(roles.filter((r) => r.office_id === officeId).map((r) => [r.id, r.role]));
      const replay = replayJournal(config, [...journal].sort((a, b) => a.at - b.at || a.id - b.id), await ticketsOf(officeId), staff);
      expect([officeId, replay.problems.slice(0, 5)]).toEqual([officeId, []]);
    }
  });

  it('stores a whole-office summary of every open day of every office', async () => {
    for (const officeId of OFFICES) {
      const tickets = await ticketsOf(officeId);
      const stored = await db.read.all<{ date: string }>("SELECT date FROM analytics_days WHERE office_id = ? AND scope = '' ORDER BY date", [officeId]);
      expect([officeId, stored.map((r) => r.date)]).toEqual([officeId, [...new Set(tickets.map((t) => t.service_day))].sort()]);
    }
  });
});
