// The public booking page's API: what can be booked, the free slots of a day, and booking one.
// Nobody signs in here, so every endpoint is limited per IP address (across all offices, see
// public-limits.ts); a booking answers with the code only, never echoing personal data.
import { Router } from 'express';
import { bookAppointmentSchema, slotsQuerySchema, type BookingInfo, type BookingReceipt, type SlotView } from '../../common/protocol';
import type { AppointmentBook } from '../appointments/appointment-book';
import { limitPerIp } from '../auth/limit-per-ip';
import type { PublicLimiters } from './public-limits';
import { handle, parse } from './respond';

export { PUBLIC_BOOKING_LIMITS } from './public-limits';

/** `limiters`: the organisation's, shared by every office (app.ts). */
export function publicBookingRoutes(book: AppointmentBook, limiters: PublicLimiters): Router {
  const router = Router();
  const { browse, book: booking } = limiters;

  router.get(
    '/public/booking',
    handle((req, res): BookingInfo => {
      limitPerIp(browse, req, res);
      return book.info();
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
      const { code, serviceId, slotStart, slotEnd } = await book.book(parse(bookAppointmentSchema, req.body), { actor: { kind: 'public' } }, 'public');
      return { code, serviceId, slotStart, slotEnd };
    }),
  );

  return router;
}
