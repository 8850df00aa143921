// The day-before reminder (#13): every minute each node looks whether the office's reminder hour has
// come today and, if so, queues a reminder for each of tomorrow's bookings with a contact. The outbox
// keeps one row per contact and key, so several nodes sweeping at once still queue it once; the key
// names the slot, so a booking moved to another time is reminded of again. A booking made (or its
// contact added) after today's reminder hour has just been confirmed, which tells the same.
// Quiet hours are the dispatcher's: a reminder hour inside them waits until they end.
import type { OfficeId } from '../../common/protocol';
import { addDays, localDate, zonedToEpoch } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import { logger } from '../observability/logger';
import type { Database } from '../store/database';
import { officeLock } from '../store/office-lock';
import { bookingFacts } from './appointment-notices';
import type { OfficeNotify } from './office-notify';
import { enqueue } from './outbox-store';

export const REMINDER_SWEEP_EVERY_MS = 60_000;

export interface BookingRemindersDeps {
  db: Database;
  officeId: OfficeId;
  engine: Pick<QueueEngine, 'now' | 'currentConfig'>;
  notify: OfficeNotify;
}

interface Due {
  contactId: string;
  id: string;
  code: string;
  serviceId: string;
  slotStart: number;
  slotEnd: number;
}

const reminderKey = (slotStart: number) => `booking-reminder:${slotStart}`;

/** Queues the reminders due now; answers how many were queued anew. */
export async function sweepBookingReminders(deps: BookingRemindersDeps): Promise<number> {
  const { db, officeId, engine, notify } = deps;
  const now = engine.now();
  const { timeZone } = engine.currentConfig.office;
  const today = localDate(now, timeZone);
  const { reminderHour } = await notify.settings.get('messages');
  const reminderAt = zonedToEpoch(today, reminderHour * 60, timeZone);
  if (now < reminderAt) return 0;
  const due = await db.read.all<Due>(
    `SELECT c.id AS "contactId", a.id, a.code, a.service_id AS "serviceId", a.slot_start AS "slotStart", a.slot_end AS "slotEnd"
     FROM appointments a JOIN visitor_contacts c ON c.office_id = a.office_id AND c.subject_kind = 'appointment' AND c.subject_id = a.id
     WHERE a.office_id = ? AND a.day = ? AND a.status = 'booked' AND c.stopped_at IS NULL AND c.consented_at < ?
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.contact_id = c.id AND o.dedupe_key = 'booking-reminder:' || CAST(a.slot_start AS TEXT))`,
    [officeId, addDays(today, 1), reminderAt],
  );
  if (due.length === 0) return 0;
  const queued = await db.transaction(async (tx) => {
    let count = 0;
    for (const row of due) {
      // Found before the transaction: a booking cancelled or moved since then has had its own news.
      const still = await tx.get<{ n: number }>("SELECT 1 AS n FROM appointments WHERE office_id = ? AND id = ? AND status = 'booked' AND slot_start = ?", [officeId, row.id, row.slotStart]);
      if (still && (await enqueue(tx, officeId, row.contactId, bookingFacts('booking-reminder', row), reminderKey(row.slotStart), now))) count += 1;
    }
    return count;
  }, officeLock(officeId));
  if (queued > 0) notify.wake();
  return queued;
}

/** Sweeps now and every minute until stopped; a failed sweep is logged and the next one tries again. */
export function startBookingReminders(deps: BookingRemindersDeps): () => void {
  const sweep = () => void sweepBookingReminders(deps).catch((error: unknown) => logger.error({ err: error, office: deps.officeId }, 'booking reminder sweep failed'));
  sweep();
  const timer = setInterval(sweep, REMINDER_SWEEP_EVERY_MS);
  // The sweep must never keep a stopping process alive.
  timer.unref();
  return () => clearInterval(timer);
}
