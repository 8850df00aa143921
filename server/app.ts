// Composition in one place: the store, the engine, the auth stores, HTTP routes, realtime and the
// web apps are wired here; main.ts only reads the environment, migrates, seeds and listens.
import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { AnnouncementSettings } from '../common/protocol';
import { AccessRevocations } from './auth/access-revocations';
import { authenticate } from './auth/authenticate';
import type { AuthStores } from './auth/principal';
import { actorOf, resolvePrincipal } from './auth/principal';
import { issueRateGuard } from './auth/issue-guard';
import type { RateLimit } from './auth/rate-limit';
import { PrincipalCache } from './auth/principal-cache';
import { startAppointments } from './appointments/appointments-feature';
import { CommandRunner } from './engine/commands';
import { retriedTicket } from './domain/ticket-commands';
import { QueueEngine, type Clock } from './engine/queue-engine';
import { analyticsRoutes } from './http/analytics-routes';
import { authRoutes } from './http/auth-routes';
import { commandRoutes } from './http/command-routes';
import { configRoutes } from './http/config-routes';
import { answerErrors } from './http/error-handler';
import { deviceRoutes } from './http/device-routes';
import { queueRoutes } from './http/queue-routes';
import { sendError } from './http/respond';
import { securityHeaders } from './http/security-headers';
import { userRoutes } from './http/user-routes';
import { serveWebApps } from './http/web-apps';
import { PrintDesk } from './printing/print-desk';
import { printingRoutes } from './printing/printing-routes';
import { unprintableConfiguration } from './printing/printable-config';
import { TicketLogo } from './printing/ticket-logo';
import { publicUrlFor } from './printing/public-url';
import { attachRealtime, type TalonIo } from './realtime/hub';
import { attachBreachAlerts } from './realtime/breach-alerts';
import { attachPrintAgents } from './realtime/print-agents';
import { AnnouncementCache } from './speech/announcement-cache';
import { OfficeVoice } from './speech/office-voice';
import { SayEngine } from './speech/say-engine';
import { speakCallsOnServer } from './speech/server-speakers';
import { announcementRoutes, warmAnnouncements } from './http/announcement-routes';
import { readAloudRoutes } from './http/read-aloud-routes';
import { DevicePresenceBoard } from './realtime/presence';
import { loadConfig } from './store/config-store';
import type { Database } from './store/database';
import { createDevicesStore } from './store/devices-store';
import { createSessionsStore } from './store/sessions-store';
import { createUsersStore } from './store/users-store';
import { startVisits } from './visits/visits-feature';

export interface AppDeps {
  db: Database;
  clock?: Clock;
  newId?: () => string;
  /** Serve the built web apps from dist/ (production) or through Vite's dev server (development). */
  webApps?: 'dist' | 'vite' | 'none';
  /** Where visitors' phones reach this server (the printed QR code); default: this machine's LAN address. */
  publicUrl?: string;
  /** The data folder: announcement audio is cached and voice packs are found here. */
  dataDir: string;
  /** Sign-in attempts allowed per address and login; the default guards against password guessing. */
  loginLimit?: RateLimit;
  /** Origins besides the server's own (and the public URL) whose pages may open a Socket.IO connection. */
  allowedOrigins?: readonly string[];
  /** How much synthesized announcement audio is kept on disk; the least recently used goes first. */
  announcementCacheBytes?: number;
  /** Speaks on the server's own speakers for offices that want it; `say` unless replaced. */
  serverSpeaker?: Pick<SayEngine, 'speak'>;
}

export interface TalonApp {
  app: Express;
  httpServer: HttpServer;
  io: TalonIo;
  engine: QueueEngine;
  stores: AuthStores;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** 96 random bits: a ticket id nobody can guess from another (it opens the visitor's live page). */
export function randomId(): string {
  return randomBytes(12).toString('base64url');
}

export async function createApp(deps: AppDeps): Promise<TalonApp> {
  const { db } = deps;
  const clock = deps.clock ?? Date.now;
  const config = await loadConfig(db);
  if (!config) throw new Error('The database has no office configuration; seed it first');
  const engine = await QueueEngine.load(db, config, clock, deps.newId ?? randomId);
  const stores: AuthStores = {
    users: createUsersStore(db, clock),
    sessions: createSessionsStore(db, clock),
    devices: createDevicesStore(db, clock),
  };
  const runner = new CommandRunner(
    engine,
    issueRateGuard(clock, (input, principal) => retriedTicket(engine.currentState, input, actorOf(principal)) !== undefined),
  );
  const revocations = new AccessRevocations();
  const presence = new DevicePresenceBoard(clock);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders(deps.webApps ?? 'dist'));
  const httpServer = createServer(app);
  const printDesk = new PrintDesk({ db, engine, runner, devices: stores.devices, publicUrl: publicUrlFor(httpServer, deps.publicUrl), newId: randomId, logo: new TicketLogo(deps.dataDir) });
  let io: TalonIo | undefined;
  const appointments = await startAppointments({ db, engine, clock, newId: deps.newId ?? randomId });
  const visits = await startVisits({ db, engine, clock });

  app.use('/api', express.json({ limit: '64kb' }));
  const principals = new PrincipalCache((credentials) => resolvePrincipal(stores, credentials), revocations, clock);
  app.use('/api', authenticate(principals.resolve));
  app.use(authRoutes(stores, revocations, clock, deps.loginLimit));
  app.use(userRoutes(stores, revocations));
  app.use(deviceRoutes(stores, revocations, presence));
  app.use(queueRoutes(engine, db));
  app.use(analyticsRoutes(engine, db));
  app.use(commandRoutes(runner));
  app.use(configRoutes(engine, db, () => io, async (candidate) => unprintableConfiguration(candidate, await stores.devices.list())));
  app.use(printingRoutes(printDesk));
  app.use(appointments.routes);
  app.use(visits.routes);
  const voice = new OfficeVoice(deps.dataDir);
  const announcementCache = new AnnouncementCache(join(deps.dataDir, 'announcements'), deps.announcementCacheBytes);
  const speech = { engineFor: (settings: AnnouncementSettings) => voice.engineFor(settings), cache: announcementCache };
  app.use(announcementRoutes(engine, speech));
  warmAnnouncements(engine, speech);
  app.use(readAloudRoutes(() => engine.currentConfig, { engine: voice.osVoice(), cache: announcementCache }));
  speakCallsOnServer(engine, deps.serverSpeaker ?? new SayEngine());
  app.use('/api', (_req, res) => sendError(res, { code: 'not-found', message: 'No such API endpoint' }));
  app.use(answerErrors);
  const closeWebApps = await serveWebApps(app, httpServer, deps.webApps ?? 'dist');

  const allowedOrigins = [...(deps.allowedOrigins ?? []), ...(deps.publicUrl ? [deps.publicUrl] : [])];
  io = attachRealtime(httpServer, engine, runner, principals.resolve, revocations, presence, allowedOrigins);
  attachPrintAgents(io, { desk: printDesk, devices: stores.devices });
  attachBreachAlerts(io, engine);
  await printDesk.start();

  return {
    app,
    httpServer,
    io,
    engine,
    stores,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      appointments.stop();
      visits.stop();
      await new Promise<void>((resolve) => io!.close(() => resolve()));
      await printDesk.settle();
      await closeWebApps();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
