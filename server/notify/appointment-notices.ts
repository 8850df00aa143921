// Messages about a booking (#13): the appointment book calls `changed` inside the transaction that
// books, moves or cancels, and this writes the visitor's contacts (at booking, where they asked and
// the office offers the channel) and one outbox row per contact in that same transaction, so a
// booking that is undone sends nothing and a committed one is never left untold. Whether a message
// may go now (channel still on, quiet hours) is the dispatcher's to decide when it sends.
import type { Appointment, BookAppointmentInput, ContactChannel, MessageFacts, OfferedChannels } from '../../common/protocol';
import type { Queryable } from '../store/database';
import { addContact, extendContacts } from './contacts-store';
import type { OfficeNotify } from './office-notify';
import { enqueueForSubject } from './outbox-store';

export type AppointmentChange = 'booked' | 'moved' | 'cancelled';

/**
 * Only with 'booked': where the visitor asked to be told (the booking form), and the booking's manage
 * token, which exists in plain only now, for the confirmation's manage link.
 */
export type BookingNoticeRequest = Pick<BookAppointmentInput, 'email' | 'notify'> & { manageToken?: string };

/** One office's booking messages; called inside the appointment book's write transaction. */
export interface AppointmentNotices {
  changed(tx: Queryable, appointment: Appointment, change: AppointmentChange, now: number, asked?: BookingNoticeRequest): Promise<void>;
  /** After the transaction that called `changed` has committed: this node sends at once, not at its next look. */
  committed(): void;
  /** What the booking forms may offer: e-mail and SMS where the office has them on; never push (a booking has no live page). */
  offered(): Promise<OfferedChannels>;
}

/** Until an office's notices are wired: nothing is sent. */
export const NO_APPOINTMENT_NOTICES: AppointmentNotices = {
  changed: () => Promise.resolve(),
  committed: () => undefined,
  offered: () => Promise.resolve({ push: false, sms: false, email: false }),
};

/** What every booking message says of the booking, whatever its kind. */
export function bookingFacts(
  kind: Extract<MessageFacts, { appointmentId: string }>['kind'],
  appointment: Pick<Appointment, 'id' | 'code' | 'serviceId' | 'slotStart' | 'slotEnd'>,
): MessageFacts {
  const { id: appointmentId, code, serviceId, slotStart, slotEnd } = appointment;
  return { kind, appointmentId, code, serviceId, slotStart, slotEnd };
}

/** The contacts the visitor asked for, by channel; the booking's phone is the SMS number. */
function askedContacts(appointment: Appointment, asked: BookingNoticeRequest | undefined): [ContactChannel, string][] {
  const wanted: [ContactChannel, string][] = [];
  if (asked?.notify?.email && asked.email) wanted.push(['email', asked.email]);
  if (asked?.notify?.sms) wanted.push(['sms', appointment.phone]);
  return wanted;
}

export function appointmentNotices(notify: OfficeNotify): AppointmentNotices {
  const subject = (appointment: Appointment) => ({ kind: 'appointment' as const, id: appointment.id });
  return {
    async changed(tx, appointment, change, now, asked) {
      if (change === 'booked') {
        const wanted = askedContacts(appointment, asked);
        if (wanted.length === 0) return;
        // A channel the office stopped offering while the form was open is quietly left out: the
        // booking itself is what the visitor came for.
        const offered = await notify.settings.offered();
        const keepUntil = await notify.keepUntil(appointment.day);
        for (const [channel, address] of wanted) {
          if (offered[channel]) await addContact(tx, notify.officeId, { subjectKind: 'appointment', subjectId: appointment.id, channel, address, language: appointment.language, keepUntil }, now);
        }
        const facts = { ...bookingFacts('booking-confirmed', appointment), ...(asked?.manageToken && { manageToken: asked.manageToken }) };
        await enqueueForSubject(tx, notify.officeId, subject(appointment), facts, 'booking-confirmed', now);
        return;
      }
      if (change === 'moved') {
        // A later day keeps the visitor's contacts for longer; each move is news of its own, even back to a time it had before.
        await extendContacts(tx, notify.officeId, 'appointment', appointment.id, await notify.keepUntil(appointment.day));
        await enqueueForSubject(tx, notify.officeId, subject(appointment), bookingFacts('booking-moved', appointment), `booking-moved:${now}`, now);
        return;
      }
      await enqueueForSubject(tx, notify.officeId, subject(appointment), bookingFacts('booking-cancelled', appointment), 'booking-cancelled', now);
    },
    committed: () => notify.wake(),
    async offered() {
      return { ...(await notify.settings.offered()), push: false };
    },
  };
}
