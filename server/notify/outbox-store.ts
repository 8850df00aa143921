// Messages to send (table outbox). A booking's news is written inside the transaction of the change it
// tells of, so a crash loses none and a change that was undone sends none; a ticket's just after the
// commit, and looked for again until it is there (ticket-watch.ts). A message is one contact and one dedupe
// key: every node may offer the same message (each hears the same committed events) and it is queued
// once. Sending claims a row with a conditional UPDATE of claimed_until, so of two nodes only one
// sends it; a node that dies mid-send lets the claim lapse and another retries.
import { randomBytes } from 'node:crypto';
import type { MessageFacts, OfficeId } from '../../common/protocol';
import type { Database, Queryable } from '../store/database';
import { activeContacts, type ContactSubjectKind } from './contacts-store';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dropped';

export interface OutboxMessage {
  id: string;
  officeId: OfficeId;
  contactId: string;
  dedupeKey: string;
  facts: MessageFacts;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
}

/** Queues the message for the contact; false when this contact already has one with this key. */
export async function enqueue(tx: Queryable, officeId: OfficeId, contactId: string, facts: MessageFacts, dedupeKey: string, now: number): Promise<boolean> {
  const { changes } = await tx.run(
    `INSERT INTO outbox (id, office_id, contact_id, kind, dedupe_key, facts, status, attempts, next_attempt_at, claimed_until, created_at, sent_at, last_error)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, NULL, ?, NULL, NULL) ON CONFLICT DO NOTHING`,
    [randomBytes(12).toString('base64url'), officeId, contactId, facts.kind, dedupeKey, JSON.stringify(facts), now, now],
  );
  return changes === 1;
}

/** Queues the message for every contact of the ticket or booking not stopped; answers how many were queued anew. */
export async function enqueueForSubject(
  tx: Queryable,
  officeId: OfficeId,
  subject: { kind: ContactSubjectKind; id: string },
  facts: MessageFacts,
  dedupeKey: string,
  now: number,
): Promise<number> {
  let queued = 0;
  for (const contact of await activeContacts(tx, officeId, subject.kind, subject.id)) {
    if (await enqueue(tx, officeId, contact.id, facts, dedupeKey, now)) queued += 1;
  }
  return queued;
}

const COLUMNS = `id, office_id AS "officeId", contact_id AS "contactId", dedupe_key AS "dedupeKey", facts, status, attempts,
  next_attempt_at AS "nextAttemptAt", created_at AS "createdAt"`;

type Row = Omit<OutboxMessage, 'facts'> & { facts: string };
const fromRow = ({ facts, ...row }: Row): OutboxMessage => ({ ...row, facts: JSON.parse(facts) as MessageFacts });

/** The rows the dispatcher's bookkeeping works on; each write is its own short transaction. */
export interface OutboxStore {
  /** Pending rows of these offices due by `now` and not held by a live claim, oldest first. */
  due(officeIds: readonly OfficeId[], now: number, limit: number): Promise<OutboxMessage[]>;
  /** Holds the row until `until`; false when another node holds it, or it is no longer pending. */
  claim(id: string, now: number, until: number): Promise<boolean>;
  /** Sent. Like every ending (sent, given up, dropped) it forgets a booking's manage token: the token only served to write the link. */
  sent(id: string, now: number): Promise<void>;
  /** Failed this attempt: tried again at `retryAt`, or given up ('failed') when it is null. */
  failed(id: string, error: string, retryAt: number | null): Promise<void>;
  /** Not to be sent (the channel is off, the news is stale, the contact stopped). */
  dropped(id: string, reason: string): Promise<void>;
  /** Claimed but not yet sent, this time: waits until `at` without counting an attempt (quiet hours). */
  postpone(id: string, at: number): Promise<void>;
  find(id: string): Promise<(OutboxMessage & { lastError: string | null }) | null>;
}

export function createOutboxStore(db: Database): OutboxStore {
  const write = async (sql: string, params: (string | number | null)[]) => {
    await db.transaction((tx) => tx.run(sql, params), { lock: 'outbox' });
  };
  // A row that has ended is never rendered again, so it need not hold the plain manage token (it opens the booking).
  const end = async (id: string, sql: string, params: (string | number | null)[]) => {
    await db.transaction(
      async (tx) => {
        await tx.run(sql, params);
        const row = await tx.get<{ facts: string }>('SELECT facts FROM outbox WHERE id = ?', [id]);
        if (!row) return;
        const { manageToken, ...kept } = JSON.parse(row.facts) as MessageFacts & { manageToken?: string };
        if (manageToken !== undefined) await tx.run('UPDATE outbox SET facts = ? WHERE id = ?', [JSON.stringify(kept), id]);
      },
      { lock: 'outbox' },
    );
  };
  return {
    async due(officeIds, now, limit) {
      if (officeIds.length === 0) return [];
      const rows = await db.read.all<Row>(
        `SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
         AND office_id IN (${officeIds.map(() => '?').join(', ')}) ORDER BY next_attempt_at, id LIMIT ?`,
        [now, now, ...officeIds, limit],
      );
      return rows.map(fromRow);
    },

    async claim(id, now, until) {
      const { changes } = await db.transaction(
        (tx) =>
          tx.run("UPDATE outbox SET claimed_until = ? WHERE id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)", [until, id, now]),
        { lock: 'outbox' },
      );
      return changes === 1;
    },

    sent: (id, now) =>
      end(id, "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_until = NULL, last_error = NULL WHERE id = ?", [now, id]),

    failed: (id, error, retryAt) =>
      retryAt === null
        ? end(id, "UPDATE outbox SET status = 'failed', attempts = attempts + 1, claimed_until = NULL, last_error = ? WHERE id = ?", [error, id])
        : write('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?', [retryAt, error, id]),

    dropped: (id, reason) => end(id, "UPDATE outbox SET status = 'dropped', claimed_until = NULL, last_error = ? WHERE id = ?", [reason, id]),

    postpone: (id, at) => write('UPDATE outbox SET next_attempt_at = ?, claimed_until = NULL WHERE id = ?', [at, id]),

    async find(id) {
      const row = await db.read.get<Row & { lastError: string | null }>(`SELECT ${COLUMNS}, last_error AS "lastError" FROM outbox WHERE id = ?`, [id]);
      return row ? { ...fromRow(row), lastError: row.lastError } : null;
    },
  };
}
