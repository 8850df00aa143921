// How visitors asked to be told (table visitor_contacts): an e-mail address, a phone number or a push
// subscription for one ticket or booking, with the visitor's language, consent and stop token. These
// are personal data: they leave this module only towards a sender, never into an answer or a log
// (log a contact's id). Every function takes the Queryable it works in, so a caller adds contacts and
// their messages inside the transaction that makes the ticket or booking.
import { randomBytes } from 'node:crypto';
import type { ContactChannel, Lang, OfficeId } from '../../common/protocol';
import type { Queryable } from '../store/database';

export type ContactSubjectKind = 'ticket' | 'appointment';

export interface StoredContact {
  id: string;
  officeId: OfficeId;
  subjectKind: ContactSubjectKind;
  subjectId: string;
  channel: ContactChannel;
  /** The e-mail address, the phone number, or the push subscription as JSON (PushSubscriptionJson). */
  address: string;
  language: Lang;
  consentedAt: number;
  /** The stop link's secret (128 random bits, base64url). */
  stopToken: string;
  stoppedAt: number | null;
  createdAt: number;
  /** The retention purge removes the contact, with its messages, after this instant (keepUntil()). */
  keepUntil: number;
}

export interface NewContact {
  subjectKind: ContactSubjectKind;
  subjectId: string;
  channel: ContactChannel;
  address: string;
  language: Lang;
  keepUntil: number;
}

const COLUMNS = `id, office_id AS "officeId", subject_kind AS "subjectKind", subject_id AS "subjectId", channel, address, language,
  consented_at AS "consentedAt", stop_token AS "stopToken", stopped_at AS "stoppedAt", created_at AS "createdAt", keep_until AS "keepUntil"`;

const randomToken = (): string => randomBytes(16).toString('base64url');

/**
 * Adds the contact, consented now; the same address asked again for the same subject and channel is
 * the contact already stored (asked again after a stop link, it is on again: the visitor asked anew).
 */
export async function addContact(tx: Queryable, officeId: OfficeId, contact: NewContact, now: number): Promise<StoredContact> {
  const { subjectKind, subjectId, channel, address, language, keepUntil } = contact;
  await tx.run(
    `INSERT INTO visitor_contacts (id, office_id, subject_kind, subject_id, channel, address, language, consented_at, stop_token, stopped_at, created_at, keep_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
     ON CONFLICT (office_id, subject_kind, subject_id, channel, address)
     DO UPDATE SET stopped_at = NULL, consented_at = excluded.consented_at, language = excluded.language`,
    [randomToken(), officeId, subjectKind, subjectId, channel, address, language, now, randomToken(), now, keepUntil],
  );
  const stored = await tx.get<StoredContact>(
    `SELECT ${COLUMNS} FROM visitor_contacts WHERE office_id = ? AND subject_kind = ? AND subject_id = ? AND channel = ? AND address = ?`,
    [officeId, subjectKind, subjectId, channel, address],
  );
  if (!stored) throw new Error(`contact for ${subjectKind} ${subjectId} not stored`);
  return stored;
}

/** The subject's contacts not stopped: whom a message about it goes to. */
export function activeContacts(q: Queryable, officeId: OfficeId, subjectKind: ContactSubjectKind, subjectId: string): Promise<StoredContact[]> {
  return q.all<StoredContact>(
    `SELECT ${COLUMNS} FROM visitor_contacts WHERE office_id = ? AND subject_kind = ? AND subject_id = ? AND stopped_at IS NULL ORDER BY created_at, id`,
    [officeId, subjectKind, subjectId],
  );
}

/** The ticket's or booking's contacts are kept at least until `keepUntil` (a booking moved to a later day). */
export async function extendContacts(tx: Queryable, officeId: OfficeId, subjectKind: ContactSubjectKind, subjectId: string, keepUntil: number): Promise<void> {
  await tx.run('UPDATE visitor_contacts SET keep_until = ? WHERE office_id = ? AND subject_kind = ? AND subject_id = ? AND keep_until < ?', [
    keepUntil,
    officeId,
    subjectKind,
    subjectId,
    keepUntil,
  ]);
}

export async function findContact(q: Queryable, contactId: string): Promise<StoredContact | null> {
  return (await q.get<StoredContact>(`SELECT ${COLUMNS} FROM visitor_contacts WHERE id = ?`, [contactId])) ?? null;
}

/**
 * Nothing more goes to the contact: its pending messages are dropped. By id (a push service said the
 * subscription is gone) — false when it was already stopped.
 */
export async function stopContact(tx: Queryable, contactId: string, now: number): Promise<boolean> {
  const { changes } = await tx.run('UPDATE visitor_contacts SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL', [now, contactId]);
  // Dropped rows keep no booking manage token, as every ended row (outbox-store.ts).
  const confirmations = await tx.all<{ id: string; facts: string }>(
    "SELECT id, facts FROM outbox WHERE contact_id = ? AND status = 'pending' AND kind = 'booking-confirmed'",
    [contactId],
  );
  for (const row of confirmations) {
    const { manageToken: _forgotten, ...kept } = JSON.parse(row.facts) as { manageToken?: string };
    await tx.run('UPDATE outbox SET facts = ? WHERE id = ?', [JSON.stringify(kept), row.id]);
  }
  await tx.run("UPDATE outbox SET status = 'dropped', claimed_until = NULL, last_error = 'stopped' WHERE contact_id = ? AND status = 'pending'", [contactId]);
  return changes === 1;
}

/** The subject's other contacts on the channel, stopped: the one kept (by id) replaces them. */
export async function stopOtherContacts(tx: Queryable, kept: StoredContact, now: number): Promise<void> {
  const others = await tx.all<{ id: string }>(
    'SELECT id FROM visitor_contacts WHERE office_id = ? AND subject_kind = ? AND subject_id = ? AND channel = ? AND id <> ? AND stopped_at IS NULL',
    [kept.officeId, kept.subjectKind, kept.subjectId, kept.channel, kept.id],
  );
  for (const { id } of others) await stopContact(tx, id, now);
}

/** The stop link followed: the contact whose token it is, stopped (again is fine); null for an unknown token. */
export async function stopByToken(tx: Queryable, token: string, now: number): Promise<StoredContact | null> {
  const contact = await tx.get<StoredContact>(`SELECT ${COLUMNS} FROM visitor_contacts WHERE stop_token = ?`, [token]);
  if (!contact) return null;
  await stopContact(tx, contact.id, now);
  return contact;
}
