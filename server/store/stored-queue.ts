// One office's queue as the database holds it, read in one go: the live state, the latest calls and
// the journal's last seq — what an engine starts from, and what it catches up to when another node
// moved the office. Read inside the office's locked transaction, the three agree with one another
// (nobody can write the office meanwhile); read through `db.read` they agree only when this node is
// the office's one writer (SQLite).
import { RECENT_CALLS_KEPT, type CallRecord, type LocalDate, type OfficeId } from '../../common/protocol';
import type { QueueState } from '../domain/state';
import type { Queryable } from './database';
import { lastSeq, loadQueueState, loadRecentCalls } from './queue-store';

export interface StoredQueue {
  seq: number;
  state: QueueState;
  recentCalls: CallRecord[];
}

export async function readStoredQueue(q: Queryable, officeId: OfficeId, today: LocalDate, seq?: number): Promise<StoredQueue> {
  return {
    state: await loadQueueState(q, officeId, today),
    // The journal's last seq: the engine numbers the office's next rows from it.
    seq: seq ?? (await lastSeq(q, officeId)),
    recentCalls: await loadRecentCalls(q, officeId, today, RECENT_CALLS_KEPT),
  };
}
