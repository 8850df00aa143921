// One job: after a batch's transaction failed, tell whether its commit was applied all the same.
// PostgreSQL may commit while the client sees an error (the connection broke during COMMIT); SQLite
// never does, and there the answer is always no. Asked only on the failure path, so a batch that
// commits pays nothing for it.
import type { QueueEvent } from '../../common/protocol';
import type { Queryable } from '../store/database';

/**
 * Whether the journal holds exactly the rows `events` stand for: same seq, kind, ticket and time to
 * the millisecond. Another writer taking these seqs would have to issue or move the same tickets at
 * the same instants, so a match means this batch landed. `q` must read committed data on a
 * connection other than the failed transaction's (the database's `read`).
 */
export async function batchLanded(q: Queryable, officeId: string, events: readonly QueueEvent[]): Promise<boolean> {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return false;
  const rows = await q.all<{ seq: number; at: number; kind: string; ticket_id: string | null }>(
    'SELECT seq, at, kind, ticket_id FROM journal WHERE office_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
    [officeId, first.seq, last.seq],
  );
  return (
    rows.length === events.length &&
    rows.every((row, i) => {
      const event = events[i]!;
      return row.seq === event.seq && row.at === event.at && row.kind === event.kind && row.ticket_id === (event.ticket?.id ?? null);
    })
  );
}
