// One job: after a batch's transaction failed, tell whether its commit was applied all the same.
// PostgreSQL may commit while the client sees an error (the connection broke during COMMIT); SQLite
// never does, and there the answer is always no. Asked only on the failure path, so a batch that
// commits pays nothing for it.
import type { OfficeId, QueueEvent } from '../../common/protocol';
import type { Queryable } from '../store/database';
import { logger } from '../observability/logger';

/**
 * After a failed transaction: whether what it wrote (`written`) is in the database all the same,
 * read on `q`, another connection. 'unknown' when even that read fails. A unique violation is a
 * statement refused inside the transaction, so nothing landed.
 */
export async function commitOutcome(q: Queryable, officeId: OfficeId, written: readonly QueueEvent[], error: unknown): Promise<boolean | 'unknown'> {
  if (written.length === 0 || isUniqueViolation(error)) return false;
  try {
    const landed = await batchLanded(q, officeId, written);
    if (landed) logger.warn({ err: error, office: officeId }, 'the commit reported failure but was applied; taking the batch as committed');
    return landed;
  } catch (readError) {
    logger.error({ err: error, readError, office: officeId }, 'commit failed and its outcome cannot be read');
    return 'unknown';
  }
}

/** PostgreSQL's unique_violation: here, a journal row whose (office, seq) another writer took. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Whether the journal holds exactly the rows `events` stand for: same seq, kind, ticket and time to
 * the millisecond. Another writer taking these seqs would have to issue or move the same tickets at
 * the same instants, so a match means this batch landed. `q` must read committed data on a
 * connection other than the failed transaction's (the database's `read`).
 */
async function batchLanded(q: Queryable, officeId: OfficeId, events: readonly QueueEvent[]): Promise<boolean> {
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
