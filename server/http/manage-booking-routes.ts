// The visitor's own booking (#13): see it, move it to another free time of the same service, cancel
// it — named by the link's token or by code and phone, always in a POST body so no URL and no log
// holds them. Limited per IP; a booking not found costs the asker one more request, and a wrong code
// or phone answers exactly as an unknown booking does, so nothing tells a guess apart.
import { Router, type Request, type Response } from 'express';
import { manageBookingSchema, moveManagedBookingSchema, type Appointment, type ManageBookingInput, type ManagedBooking } from '../../common/protocol';
import type { AppointmentBook } from '../appointments/appointment-book';
import { limitPerIp } from '../auth/limit-per-ip';
import type { PublicLimiters } from './public-limits';
import { fail, handle, parse } from './respond';

function managed(a: Appointment): ManagedBooking {
  return {
    code: a.code,
    serviceId: a.serviceId,
    day: a.day,
    slotStart: a.slotStart,
    slotEnd: a.slotEnd,
    status: a.status,
    changeable: a.status === 'booked',
    // Before visitors could cancel, only staff did: a cancellation without a name is the office's.
    cancelledBy: a.status !== 'cancelled' ? null : a.cancelledBy === 'visitor' ? 'visitor' : 'staff',
  };
}

export function manageBookingRoutes(book: AppointmentBook, limiters: PublicLimiters): Router {
  const router = Router();

  const find = async (input: ManageBookingInput, req: Request, res: Response): Promise<Appointment> => {
    const limiter = 'token' in input ? limiters.manageByLink : limiters.manageByCode;
    limitPerIp(limiter, req, res);
    const found = await book.findManaged(input);
    if (found) return found;
    limiter.take(req.ip ?? 'unknown');
    return fail('not-found', 'No booking matches this link, or this code and phone number');
  };

  router.post(
    '/public/bookings/view',
    handle(async (req, res) => managed(await find(parse(manageBookingSchema, req.body), req, res))),
  );

  router.post(
    '/public/bookings/cancel',
    handle(async (req, res) => {
      const found = await find(parse(manageBookingSchema, req.body), req, res);
      return managed(await book.cancel(found.id, 'visitor'));
    }),
  );

  router.post(
    '/public/bookings/move',
    handle(async (req, res) => {
      const input = parse(moveManagedBookingSchema, req.body);
      const found = await find(input, req, res);
      return managed(await book.move(found.id, { slotStart: input.slotStart }, 'public'));
    }),
  );

  return router;
}
