// The public booking page's API: what can be booked, the free slots of a day, and booking one.
// Nobody signs in here, so every endpoint is limited per IP address (across all offices, see
// public-limits.ts); a booking answers with the code and the visitor's manage link only, never
// echoing personal data.
import { Router } from 'express';
import { bookAppointmentSchema, manageBookingPath, slotsQuerySchema, type BookingInfo, type BookingReceipt, type OfficeId, type SlotView } from '../../common/protocol';
import type { AppointmentBook } from '../appointments/appointment-book';
import type { AppointmentNotices } from '../notify/appointment-notices';
import { limitPerIp } from '../auth/limit-per-ip';
import type { PublicLimiters } from './public-limits';
import { handle, parse } from './respond';

export { PUBLIC_BOOKING_LIMITS } from './public-limits';

/** `limiters`: the organisation's, shared by every office (app.ts); `notices` says which messages the form may offer. */
export function publicBookingRoutes(book: AppointmentBook, limiters: PublicLimiters, officeId: OfficeId, notices: AppointmentNotices): Router {
  const router = Router();
  const { browse, book: booking } = limiters;

  router.get(
    '/public/booking',
    handle(async (req, res): Promise<BookingInfo> => {
      limitPerIp(browse, req, res);
      return { ...book.info(), channels: await notices.offered() };
    }),
  );

  router.get(
    '/public/slots',
    handle((req, res): Promise<SlotView[]> => {
      limitPerIp(browse, req, res);
      const { serviceId, date } = parse(slotsQuerySchema, req.query);
      return book.slots(serviceId, date, 'public');
    }),
  );

  router.post(
    '/public/appointments',
    handle(async (req, res): Promise<BookingReceipt> => {
      limitPerIp(booking, req, res);
      const { appointment, manageToken } = await book.book(parse(bookAppointmentSchema, req.body), { actor: { kind: 'public' } }, 'public');
      const { code, serviceId, slotStart, slotEnd } = appointment;
      return { code, serviceId, slotStart, slotEnd, manageUrl: manageBookingPath(officeId, manageToken) };
    }),
  );

  return router;
}
