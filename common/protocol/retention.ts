// Retention: how long an office keeps what it records. Visitors' names, contacts and phones (in the
// visit journal and in bookings) go after the visit journal's retentionDays; the journal of events,
// with the finished tickets it describes, after journalDays (five years unless an admin says
// otherwise). The analytics day summaries made from them stay. A daily purge does both; an admin
// sees beforehand what the next one would remove (a dry run) and can run it at once.
import { z } from 'zod';
import type { LocalDate } from './model';

/** Five years, leap days included: as long as the contact centres Talon replaces keep theirs. */
export const DEFAULT_JOURNAL_RETENTION_DAYS = 1826;
/** Reports compare a period with the one before it, up to a year back: keep at least that. */
export const MIN_JOURNAL_RETENTION_DAYS = 400;
export const MAX_JOURNAL_RETENTION_DAYS = 36_500;

export interface RetentionSettings {
  /** The journal of events and finished tickets of days older than this many days are deleted. */
  journalDays: number;
}

/** PUT /api/offices/<id>/retention/settings. */
export const retentionSettingsSchema = z
  .object({ journalDays: z.number().int().min(MIN_JOURNAL_RETENTION_DAYS).max(MAX_JOURNAL_RETENTION_DAYS) })
  .strict();

/** What a purge removes, in the order it removes it. */
export const PURGE_KINDS = [
  /** Names and contacts in the visit journal (the record itself stays). */
  'visitor-details',
  /** Names and phones of bookings (the booking itself stays, for the booked share and no-shows). */
  'booking-details',
  /** The join page's phone id in tickets taken from a phone, and the request key that names it (the ticket itself stays). */
  'phone-ids',
  /** Messages to visitors (outbox) of the contacts deleted next, and any older than the journal's bound. */
  'visitor-messages',
  /** Visitors' e-mail addresses, phone numbers and push subscriptions past their keep-until (the end of the ticket's or booking's day plus the personal-data period). */
  'visitor-contacts',
  /** Print jobs, visit records and ratings of the finished tickets deleted below. */
  'print-jobs',
  'visit-records',
  'ratings',
  'tickets',
  'journal-events',
] as const;
export type PurgeKind = (typeof PURGE_KINDS)[number];

/** GET …/retention/next (a dry run: nothing changes) and POST …/retention/purge (done). */
export interface RetentionPlan {
  /** When it was worked out, or carried out. */
  at: number;
  /** Visits served, and bookings whose slot ended, before this instant lose names, contacts and phones. */
  personalDataBefore: number;
  /** The journal and finished tickets of the office's days before this date are deleted. */
  journalBefore: LocalDate;
  /** The date journalDays asks for; journalBefore is earlier while an older day still has a ticket open. */
  journalWanted: LocalDate;
  /** Rows each kind removes (or erases, for personal data). */
  counts: Record<PurgeKind, number>;
}

/** GET …/retention: the settings, where personal data's period comes from, the next purge and the last. */
export interface RetentionOverview {
  settings: RetentionSettings;
  /** The visit journal's retentionDays, which also rules bookings (changed on the visit journal tab). */
  personalDataDays: number;
  next: RetentionPlan;
  lastPurge: RetentionPlan | null;
}
