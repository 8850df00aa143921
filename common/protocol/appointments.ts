// The appointment book: visitors booked for a service at a slot, checked in at the kiosk by a short
// code. Name and phone are personal data: they travel only to staff (consultant, admin, manager),
// never to displays, kiosks or public snapshots.
import { z } from 'zod';
import { weeklyHoursSchema } from './config-schemas';
import type { Lang, LocalDate, LocalizedText, Ticket, WeeklyRule } from './model';
import { instant, localDate } from './calendar-date';
import { bookingPhone, id, lang, storableText } from './schemas';
import type { OfferedChannels } from './visitor-channels';

/**
 * Booking codes are read out over the phone and typed on a kiosk keypad: of each group that looks
 * alike (0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B) at most one character stays, Latin capitals only so
 * every keyboard has them. 6 characters from 23 give 148 million codes: unguessable enough for a
 * place in a queue.
 */
export const APPOINTMENT_CODE_ALPHABET = '34679ACDEFHJKMNPRTUVWXY';
export const APPOINTMENT_CODE_LENGTH = 6;

export type AppointmentStatus = 'booked' | 'checked-in' | 'cancelled' | 'no-show';

export interface Appointment {
  id: string;
  code: string;
  serviceId: string;
  /** The office's local date of the slot. */
  day: LocalDate;
  slotStart: number;
  slotEnd: number;
  name: string;
  phone: string;
  language: Lang;
  status: AppointmentStatus;
  /** The ticket the visitor got at check-in. */
  ticketId: string | null;
  checkedInAt: number | null;
  createdAt: number;
  /** 'user:<id>' or 'public'. */
  createdBy: string;
  /** Who cancelled: 'visitor' (the manage page) or 'user:<id>'; null while not cancelled (and for bookings cancelled before this was kept). */
  cancelledBy: string | null;
  cancelledAt: number | null;
  /** The name of the person who cancelled, when staff did and they are still on the staff list (staff views only). */
  cancelledByName?: string;
}

/** What happens to a visitor who arrives after the grace period. */
export type LateArrivalPolicy = 'walk-in' | 'refuse';

export interface AppointmentSettings {
  /** Share of each slot kept for walk-ins, 0–1; per service where `serviceWalkInShare` names it. */
  walkInShare: number;
  serviceWalkInShare: Record<string, number>;
  /** Days ahead, today included, that can be booked. */
  horizonDays: number;
  /** The public page offers no slot starting sooner than this. */
  publicLeadMinutes: number;
  /** Future bookings one phone number may hold through the public page. */
  publicBookingsPerPhone: number;
  /** Check-in opens this many minutes before the slot … */
  checkInEarlyMinutes: number;
  /** … and after this many minutes past its start the visitor is late. */
  checkInGraceMinutes: number;
  lateArrival: LateArrivalPolicy;
  /**
   * Weekly hours in which visits can be booked, instead of the office's own weekly hours (its
   * holidays and exceptions still apply); null books in the office's hours. The demo keeps its
   * queue open around the clock but books visits in real office hours.
   */
  bookingHours: WeeklyRule[] | null;
}

export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = {
  walkInShare: 0.5,
  serviceWalkInShare: {},
  horizonDays: 14,
  publicLeadMinutes: 60,
  publicBookingsPerPhone: 2,
  checkInEarlyMinutes: 60,
  checkInGraceMinutes: 20,
  lateArrival: 'walk-in',
  bookingHours: null,
};

/**
 * PUT /api/appointments/settings replaces the whole document, so every field is required: an
 * empty or partial body is refused rather than quietly resetting what it left out to defaults.
 */
export const appointmentSettingsSchema = z
  .object({
    walkInShare: z.number().min(0).max(1),
    serviceWalkInShare: z.record(id, z.number().min(0).max(1)),
    horizonDays: z.number().int().min(1).max(90),
    publicLeadMinutes: z.number().int().min(0).max(24 * 60),
    publicBookingsPerPhone: z.number().int().min(1).max(20),
    checkInEarlyMinutes: z.number().int().min(0).max(24 * 60),
    checkInGraceMinutes: z.number().int().min(0).max(240),
    lateArrival: z.enum(['walk-in', 'refuse']),
    bookingHours: weeklyHoursSchema.nullable(),
  })
  .strict();

/** A stored document: a setting added after it was saved takes its default. */
export const storedAppointmentSettingsSchema = appointmentSettingsSchema
  .partial()
  .transform((stored): AppointmentSettings => ({ ...DEFAULT_APPOINTMENT_SETTINGS, ...stored }));

const personName = storableText.trim().min(1).max(100);

/**
 * `email` and `notify` are optional and only for an office that offers the channel: the visitor asks
 * to be sent the confirmation, a reminder and any change by e-mail and/or SMS to the booking's phone.
 * Asking needs `consent: true` — the booking form's checkbox, or the consultant's for consent given
 * on the phone — so no script books messages to a number or address whose owner never agreed.
 */
export const bookAppointmentSchema = z
  .object({
    serviceId: id,
    slotStart: instant,
    name: personName,
    phone: bookingPhone,
    language: lang.optional(),
    email: z.email().max(254).optional(),
    notify: z.object({ email: z.boolean().optional(), sms: z.boolean().optional() }).strict().optional(),
    consent: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => !b.notify?.email || b.email !== undefined, { message: 'an e-mail address is needed to be told by e-mail', path: ['email'] })
  .refine((b) => !(b.notify?.email || b.notify?.sms) || b.consent === true, { message: 'messages need the visitor’s consent', path: ['consent'] });
export type BookAppointmentInput = z.output<typeof bookAppointmentSchema>;

export const moveAppointmentSchema = z.object({ slotStart: instant, serviceId: id.optional() }).strict();
export type MoveAppointmentInput = z.output<typeof moveAppointmentSchema>;

export const checkInSchema = z.object({ code: storableText.trim().min(1).max(20) }).strict();

/** GET /api/appointments: exactly one of day, phone, code. */
export const findAppointmentsSchema = z
  .object({
    day: localDate.optional(),
    /** Matched by its digits, so it needs some: `---` would match every booking. */
    phone: storableText
      .trim()
      .max(30)
      .refine((p) => p.replace(/\D/g, '').length >= 3, 'at least 3 digits')
      .optional(),
    code: storableText.trim().min(1).max(20).optional(),
  })
  .strict()
  .refine((q) => [q.day, q.phone, q.code].filter((v) => v !== undefined).length === 1, 'give exactly one of day, phone, code');

export const slotsQuerySchema = z.object({ serviceId: id, date: localDate }).strict();

/** One slot as clients see it. */
export interface SlotView {
  start: number;
  end: number;
  free: number;
}

/** GET /api/public/booking: what the booking page needs before the visitor chooses anything. */
export interface BookingInfo {
  office: { name: LocalizedText; timeZone: string; languages: Lang[]; defaultLanguage: Lang };
  services: { id: string; name: LocalizedText; slotMinutes: number }[];
  /** Bookable days, today first, within the horizon; closed days left out. */
  days: LocalDate[];
  /** How the office can tell the visitor about the booking (the form offers only these; push is never offered here). */
  channels: OfferedChannels;
}

/** POST /api/public/appointments: what the visitor needs to come; no personal data echoed back. */
export interface BookingReceipt {
  code: string;
  serviceId: string;
  slotStart: number;
  slotEnd: number;
  /** The visitor's page to see, move or cancel the booking (`manageBookingPath`); its token is shown this once only. */
  manageUrl: string;
}

/** POST /api/appointments/check-in. */
export interface CheckInResult {
  ticket: Ticket;
  /** 'booked': served at the slot time; 'walk-in': late, queued like anyone else. */
  as: 'booked' | 'walk-in';
  /** The code had been checked in before: this is the ticket it got then. */
  repeated: boolean;
  slotStart: number;
}
