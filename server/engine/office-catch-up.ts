// One job: inside an office's locked transaction, tell whether another node moved the office since
// this engine last looked, and if so read the office as stored. Several nodes (PostgreSQL) only; on
// SQLite the engine is the office's one writer and never asks.
import type { LocalDate, OfficeId } from '../../common/protocol';
import type { Queryable } from '../store/database';
import { lastSeq } from '../store/queue-store';
import { readStoredQueue, type StoredQueue } from '../store/stored-queue';

/**
 * The office as stored — state, recent calls, seq — when the journal's last seq is past `knownSeq`
 * (or `force`: a write found the journal ahead), else null. A journal behind the engine was purged
 * (retention removes whole finished days, never an open ticket): nothing to take.
 */
export async function officeIfMoved(tx: Queryable, officeId: OfficeId, knownSeq: number, force: boolean, today: LocalDate): Promise<StoredQueue | null> {
  const seq = await lastSeq(tx, officeId);
  if (seq <= knownSeq && !force) return null;
  return readStoredQueue(tx, officeId, today, seq);
}
