// One office's appointment book wired up: its routes, and its no-show sweep at startup and every minute.
// With several nodes every node sweeps, and that is still once in effect: a booking turns no-show by a
// conditional UPDATE from 'booked' under the office's lock, so the second node finds nothing left to
// mark. A db.exclusively around it would open a connection per office per minute on every node to
// save one indexed read. Each committed change is told to the office's staff on every node (the
// namespace's emit goes through the adapter), so an open appointment book reads its day again.
import { Router } from 'express';
import type { OfficeId } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import { appointmentRoutes } from '../http/appointment-routes';
import { manageBookingRoutes } from '../http/manage-booking-routes';
import { publicBookingRoutes } from '../http/public-booking-routes';
import type { PublicLimiters } from '../http/public-limits';
import { NO_APPOINTMENT_NOTICES, type AppointmentNotices } from '../notify/appointment-notices';
import type { OfficeNamespace } from '../realtime/socket-server';
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
  /** The office's namespace: its staff hear `appointments:changed`. */
  namespace: OfficeNamespace;
  /** The visitor's messages about their booking; none when not given. */
  notices?: AppointmentNotices;
  /** Told after this node saved the office's appointment settings, so the other nodes reload theirs. */
  settingsSaved?: () => void;
}

export async function startAppointments(deps: AppointmentsDeps): Promise<AppointmentsFeature> {
  const { namespace } = deps;
  const changed = (days: string[]) => {
    for (const day of days) namespace.to('staff').emit('appointments:changed', { day });
  };
  const book = await AppointmentBook.load({ ...deps, changed });
  const sweep = () => book.sweepNoShows().catch((error: unknown) => logger.error({ err: error, office: deps.officeId }, 'no-show sweep failed'));
  await sweep();
  const timer = setInterval(() => void sweep(), NO_SHOW_SWEEP_EVERY_MS);
  // The sweep must never keep a stopping process alive.
  timer.unref();
  const routes = Router()
    .use(appointmentRoutes(book))
    .use(publicBookingRoutes(book, deps.publicLimiters, deps.officeId, deps.notices ?? NO_APPOINTMENT_NOTICES))
    .use(manageBookingRoutes(book, deps.publicLimiters));
  return { book, routes, stop: () => clearInterval(timer) };
}
