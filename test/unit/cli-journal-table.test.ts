// The rows `talon export-journal` writes: office time, the event in English, details that need the
// office's names (a transfer's route, a finished ticket's outcome), and ids where a name is gone.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { journalTable } from '../../server/cli/journal-table';
import { makeConfig } from '../support/domain-fixtures';

const config = makeConfig({ timeZone: 'Europe/Minsk' });
const at = (time: string) => zonedToEpoch('2026-12-01', time, 'Europe/Minsk');

function entry(fields: Partial<JournalEntry>): JournalEntry {
  return { seq: 1, at: at('09:30'), kind: 'ticket-issued', ticketId: 't1', code: 'A100', counterId: null, serviceId: 'A', actor: 'system', from: null, to: null, note: null, ...fields };
}

describe('the journal as a table', () => {
  it("names booths, services and actors, in the office's time", () => {
    const table = journalTable([entry({ kind: 'ticket-finished', counterId: 'c1', to: 'served', actor: 'user:u1' })], config, new Map([['user:u1', 'Anna']]));
    expect(table.rows).toEqual([['09:30:00', 'A100', 'Finished', 'Served', '1 Window 1', 'Service A', 'Anna']]);
  });

  it('spells a transfer as its route, to a service or to a booth, with its note', () => {
    const rows = journalTable(
      [
        entry({ kind: 'ticket-transferred', from: 'A', to: 'B', note: 'wrong queue' }),
        entry({ kind: 'ticket-transferred', from: 'A', to: 'counter:c2' }),
      ],
      config,
      new Map(),
    ).rows.map((row) => row[3]);
    expect(rows).toEqual(['Service A → Service B · wrong queue', 'Service A → 2 Window 2']);
  });

  it('keeps the id of a service, booth or actor it has no name for', () => {
    const [row] = journalTable([entry({ kind: 'counter-paused', counterId: 'gone', serviceId: 'old', actor: 'device:d9', note: 'lunch' })], config, new Map()).rows;
    expect(row).toEqual(['09:30:00', 'A100', 'Booth paused', 'lunch', 'gone', 'old', 'device:d9']);
  });
});
