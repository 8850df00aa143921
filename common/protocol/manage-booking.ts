// The visitor manages their booking (#13): from the link in the receipt or a message (its token in the
// URL's #fragment, which browsers never send, so no server log sees it) or with the booking code and
// the phone number. Every request is a POST body for the same reason.
import { z } from 'zod';
import type { AppointmentStatus } from './appointments';
import { instant } from './calendar-date';
import type { LocalDate } from './model';
import { bookingPhone, storableText } from './schemas';

/** 16 random bytes, base64url: 22 characters. */
export const MANAGE_TOKEN_LENGTH = 22;

const manageToken = z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${MANAGE_TOKEN_LENGTH}}$`), 'not a booking link');
const byToken = z.object({ token: manageToken }).strict();
const byCode = z.object({ code: storableText.trim().min(1).max(20), phone: bookingPhone }).strict();

/** POST …/public/bookings/view and …/cancel. */
export const manageBookingSchema = z.union([byToken, byCode]);
export type ManageBookingInput = z.output<typeof manageBookingSchema>;

/** POST …/public/bookings/move: the same service, another time. */
export const moveManagedBookingSchema = z.union([byToken.extend({ slotStart: instant }), byCode.extend({ slotStart: instant })]);
export type MoveManagedBookingInput = z.output<typeof moveManagedBookingSchema>;

/** What the visitor sees of their booking: no name and no phone, which the visitor knows and a lost link must not tell. */
export interface ManagedBooking {
  code: string;
  serviceId: string;
  day: LocalDate;
  slotStart: number;
  slotEnd: number;
  status: AppointmentStatus;
  /** Only a booked visit can still be moved or cancelled. */
  changeable: boolean;
  /** 'visitor' or 'staff' when cancelled, else null: the visitor learns whether the office cancelled, not who. */
  cancelledBy: 'visitor' | 'staff' | null;
}

/** The page that manages a booking, relative to the server's public URL. */
export function manageBookingPath(officeId: string, token: string): string {
  return `/book/manage/?office=${encodeURIComponent(officeId)}#${token}`;
}
