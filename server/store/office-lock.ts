// The lock key of an office's own writes (database.ts, TransactionOptions): its queue, appointments,
// print jobs, visit journal, ratings, analytics and settings. Under PostgreSQL two transactions with the
// same key never overlap on any node, so each office's read-check-write steps (capacity, repeat visits,
// a day's summaries replaced) stay one at a time as they were on SQLite's single writer; other offices
// go on meanwhile.
import type { OfficeId } from '../../common/protocol';
import type { TransactionOptions } from './database';

export function officeLock(officeId: OfficeId): TransactionOptions {
  return { lock: `office:${officeId}` };
}
