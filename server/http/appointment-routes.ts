// Staff side of the appointment book (consultants and admins book, managers read) and check-in by
// code at a kiosk or the consultant's desk. Personal data (name, phone) leaves only through here.
import { Router, type Request } from 'express';
import {
  appointmentSettingsSchema,
  id,
  bookAppointmentSchema,
  checkInSchema,
  findAppointmentsSchema,
  moveAppointmentSchema,
  slotsQuerySchema,
  type Appointment,
  type AppointmentSettings,
  type CheckInResult,
  type Role,
  type SlotView,
} from '../../common/protocol';
import type { AppointmentBook, AppointmentQuery } from '../appointments/appointment-book';
import { principalOf } from '../auth/authenticate';
import { hasRole, requireRole } from '../auth/permissions';
import { actorOf, type Principal } from '../auth/principal';
import type { Who } from '../engine/queue-engine';
import { fail, handle, parse } from './respond';

const BOOKING_STAFF: Role[] = ['consultant', 'admin'];
const READERS: Role[] = ['consultant', 'admin', 'manager'];

function whoIs(principal: Principal): Who {
  return { actor: actorOf(principal), ...(principal.kind === 'user' ? { name: principal.user.name } : {}) };
}

function mayCheckIn(principal: Principal): boolean {
  return (principal.kind === 'device' && principal.device.kind === 'kiosk') || hasRole(principal, BOOKING_STAFF);
}

const appointmentId = (req: Request) => parse(id, req.params.id);

export function appointmentRoutes(book: AppointmentBook): Router {
  const router = Router();

  router.get('/appointments/settings', requireRole(...READERS), handle((): AppointmentSettings => book.currentSettings));
  router.put(
    '/appointments/settings',
    requireRole('admin'),
    handle((req) => book.saveSettings(parse(appointmentSettingsSchema, req.body) as AppointmentSettings)),
  );

  router.get(
    '/appointments/slots',
    requireRole(...READERS),
    handle((req): Promise<SlotView[]> => {
      const { serviceId, date } = parse(slotsQuerySchema, req.query);
      return book.slots(serviceId, date, 'staff');
    }),
  );

  router.post(
    '/appointments/check-in',
    handle((req, res): Promise<CheckInResult> => {
      const principal = principalOf(res);
      if (!mayCheckIn(principal)) fail(principal.kind === 'public' ? 'unauthenticated' : 'forbidden', 'Only a kiosk or a consultant checks visitors in');
      return book.checkIn(parse(checkInSchema, req.body).code, whoIs(principal));
    }),
  );

  router.get(
    '/appointments',
    requireRole(...READERS),
    handle((req): Promise<Appointment[]> => book.find(parse(findAppointmentsSchema, req.query) as AppointmentQuery)),
  );
  router.post(
    '/appointments',
    requireRole(...BOOKING_STAFF),
    handle(async (req, res) => (await book.book(parse(bookAppointmentSchema, req.body), whoIs(principalOf(res)), 'staff')).appointment),
  );
  router.get('/appointments/:id', requireRole(...READERS), handle((req) => book.byId(appointmentId(req))));
  router.patch(
    '/appointments/:id',
    requireRole(...BOOKING_STAFF),
    handle((req) => book.move(appointmentId(req), parse(moveAppointmentSchema, req.body))),
  );
  router.post('/appointments/:id/cancel', requireRole(...BOOKING_STAFF), handle((req, res) => book.cancel(appointmentId(req), whoIs(principalOf(res)))));

  return router;
}
