// The public booking page's API: what can be booked, the free slots of a day, and booking one.
// Nobody signs in here, so every endpoint is limited per IP address; a booking answers with the
// code only, never echoing personal data.
import { Router } from 'express';
import { bookAppointmentSchema, slotsQuerySchema, type BookingInfo, type BookingReceipt, type SlotView } from '../../common/protocol';
import type { AppointmentBook } from '../appointments/appointment-book';
import { limitPerIp } from '../auth/limit-per-ip';
import { createRateLimiter, type RateLimit } from '../auth/rate-limit';
import { handle, parse } from './respond';

export const PUBLIC_BOOKING_LIMITS = {
  /** Browsing days and slots: a person clicks through a few dozen; a scraper asks far more. */
  browse: { burst: 60, refillEveryMs: 1000 },
  /** Bookings: a family books a few visits; more from one address in minutes is abuse. */
  book: { burst: 5, refillEveryMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

export function publicBookingRoutes(book: AppointmentBook, clock: () => number = Date.now): Router {
  const router = Router();
  const browse = createRateLimiter(PUBLIC_BOOKING_LIMITS.browse, clock);
  const booking = createRateLimiter(PUBLIC_BOOKING_LIMITS.book, clock);

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
