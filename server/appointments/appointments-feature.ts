// One office's appointment book wired up: its routes, and its no-show sweep at startup and every minute.
// With several nodes every node sweeps, and that is still once in effect: a booking turns no-show by a
// conditional UPDATE from 'booked' under the office's lock, so the second node finds nothing left to
// mark. A db.exclusively around it would open a connection per office per minute on every node to
// save one indexed read.
import { Router } from 'express';
import type { OfficeId } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import { appointmentRoutes } from '../http/appointment-routes';
import { publicBookingRoutes } from '../http/public-booking-routes';
import type { PublicLimiters } from '../http/public-limits';
import type { Database } from '../store/database';
import { AppointmentBook } from './appointment-book';
import { logger } from '../observability/logger';

export const NO_SHOW_SWEEP_EVERY_MS = 60_000;

export interface AppointmentsFeature {
  book: AppointmentBook;
  routes: Router;
  stop(): void;
}

export interface AppointmentsDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  newId: () => string;
  /** The organisation's limits on the public, shared by every office's booking page. */
  publicLimiters: PublicLimiters;
}

export async function startAppointments(deps: AppointmentsDeps): Promise<AppointmentsFeature> {
  const book = await AppointmentBook.load(deps);
  const sweep = () => book.sweepNoShows().catch((error: unknown) => logger.error({ err: error, office: deps.officeId }, 'no-show sweep failed'));
  await sweep();
  const timer = setInterval(() => void sweep(), NO_SHOW_SWEEP_EVERY_MS);
  // The sweep must never keep a stopping process alive.
  timer.unref();
  const routes = Router().use(appointmentRoutes(book)).use(publicBookingRoutes(book, deps.publicLimiters));
  return { book, routes, stop: () => clearInterval(timer) };
}
