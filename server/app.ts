// Composition in one place: the store, the accounts, the offices' runtimes, the organisation's
// routes, the office dispatcher, realtime and the web apps are wired here; main.ts only reads the
// environment, migrates, seeds and listens. What one office runs is built in offices/office-runtime.ts.
import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { AnnouncementSettings, OfficeId } from '../common/protocol';
import { AccessRevocations } from './auth/access-revocations';
import { authenticate } from './auth/authenticate';
import { CallerCache } from './auth/caller-cache';
import { followCluster } from './cluster/follow-cluster';
import { nodeIdFrom } from './cluster/node-id';
import { openClusterBus } from './cluster/open-bus';
import { resolveCaller, type AuthStores } from './auth/principal';
import type { RateLimit } from './auth/rate-limit';
import type { Clock } from './engine/queue-engine';
import { authRoutes } from './http/auth-routes';
import { DatabaseProbe } from './http/database-probe';
import { answerErrors } from './http/error-handler';
import { healthRoutes } from './http/health-routes';
import { metricsRoutes, type MetricsAccess } from './http/metrics-routes';
import { pushRoutes } from './http/push-routes';
import { officeRoutes } from './http/office-routes';
import { createPublicLimiters } from './http/public-limits';
import { regionRoutes } from './http/region-routes';
import { sendError } from './http/respond';
import { securityHeaders } from './http/security-headers';
import { userRoutes } from './http/user-routes';
import { serveWebApps } from './http/web-apps';
import { dispatchToOffice, OFFICE_ROUTES_MOUNT } from './offices/office-dispatch';
import { OfficeRegistry } from './offices/office-registry';
import type { ChannelSender } from './notify/channel-sender';
import { startNotifyNode, type NotifyNode } from './notify/notify-node';
import { vapidKeys } from './notify/push/vapid-keys';
import { pushEndpointAllowed, vapidSubject } from './notify/push/web-push-sender';
import { logger as processLogger, type Logger } from './observability/logger';
import { TalonMetrics } from './observability/metrics';
import { requestLog } from './observability/request-log';
import { logSocketConnections } from './observability/socket-log';
import type { OfficeRuntime } from './offices/office-runtime';
import { publicUrlFor } from './printing/public-url';
import { socketAdapterFor } from './realtime/socket-adapter';
import { createSocketServer, type TalonIo } from './realtime/socket-server';
import { AnnouncementCache } from './speech/announcement-cache';
import { OfficeVoice } from './speech/office-voice';
import { SayEngine } from './speech/say-engine';
import type { Database } from './store/database';
import { createDevicesStore } from './store/devices-store';
import { createSessionsStore } from './store/sessions-store';
import { createUsersStore } from './store/users-store';

export interface AppDeps {
  db: Database;
  clock?: Clock;
  newId?: () => string;
  /** Serve the built web apps from dist/ (production) or through Vite's dev server (development). */
  webApps?: 'dist' | 'vite' | 'none';
  /** Where visitors' phones reach this server (the printed QR code); default: this machine's LAN address. */
  publicUrl?: string;
  /** The data folder: announcement audio is cached, voice packs and offices' logos are found here. */
  dataDir: string;
  /** Sign-in attempts allowed per address and login; the default guards against password guessing. */
  loginLimit?: RateLimit;
  /** Origins besides the server's own (and the public URL) whose pages may open a Socket.IO connection. */
  allowedOrigins?: readonly string[];
  /** How much synthesized announcement audio is kept on disk; the least recently used goes first. */
  announcementCacheBytes?: number;
  /** Speaks on the server's own speakers for offices that want it; `say` unless replaced. */
  serverSpeaker?: Pick<SayEngine, 'speak'>;
  /** Where request and socket lines go; the process's logger (stdout) unless a test catches them. */
  logger?: Logger;
  /** Who may read GET /metrics (TALON_METRICS); a signed-in regional admin unless set. */
  metrics?: MetricsAccess;
  /** This node's name among the nodes sharing the database (TALON_NODE_ID); host and process id unless set. */
  nodeId?: string;
  /** Socket.IO's broadcasts between nodes through Redis (TALON_REDIS_URL) instead of PostgreSQL. */
  redisUrl?: string;
  /**
   * Which proxies' X-Forwarded-For and -Proto to believe (TALON_TRUST_PROXY: Express's `trust proxy`,
   * e.g. `loopback,10.0.0.10` for a balancer in front of several nodes); `loopback` unless set.
   */
  trustProxy?: string;
  /** Senders that replace the real ones of their channels (tests: a fake push service, SMS gateway). */
  senders?: readonly ChannelSender[];
  /** Push services the server may post visitors' messages to: https public hosts only (pushEndpointAllowed), unless a test allows its own on loopback. */
  pushEndpointAllowed?: (endpoint: URL) => boolean;
  /** The addresses a push service may be connected at: public unicast only (publicUnicastAddress), unless a test's listens on loopback. */
  pushAddressAllowed?: (address: string) => boolean;
}

export interface TalonApp {
  app: Express;
  httpServer: HttpServer;
  io: TalonIo;
  stores: AuthStores;
  offices: OfficeRegistry;
  /** A running office's runtime (engine, namespace, router …); undefined for an unknown or archived office. */
  office(officeId: OfficeId): OfficeRuntime | undefined;
  /** Visitors' messages: the dispatcher (tests settle it), the stop route. */
  notify: NotifyNode;
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
  const stores: AuthStores = {
    users: createUsersStore(db, clock),
    sessions: createSessionsStore(db, clock),
    devices: createDevicesStore(db, clock),
  };
  const nodeId = deps.nodeId ?? nodeIdFrom(process.env);
  const bus = await openClusterBus(db, nodeId);
  const revocations = new AccessRevocations((news) => bus.tell(news));
  const callers = new CallerCache((credentials) => resolveCaller(stores, credentials), revocations, clock);
  const pushKeys = await vapidKeys(db, clock());

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? 'loopback');
  const log = deps.logger ?? processLogger;
  app.use(requestLog(log));
  app.use(securityHeaders(deps.webApps ?? 'dist'));
  const httpServer = createServer(app);
  const allowedOrigins = [...(deps.allowedOrigins ?? []), ...(deps.publicUrl ? [deps.publicUrl] : [])];
  const socketAdapter = await socketAdapterFor(db, deps.redisUrl, nodeId);
  const io = createSocketServer(httpServer, allowedOrigins, socketAdapter);
  logSocketConnections(io, log);

  const voice = new OfficeVoice(deps.dataDir);
  const announcementCache = new AnnouncementCache(join(deps.dataDir, 'announcements'), deps.announcementCacheBytes);
  const metrics = new TalonMetrics(() => announcementCache.bytesOnDisk());
  const publicUrl = publicUrlFor(httpServer, deps.publicUrl);
  // One rule for the subscriptions the contacts route stores and the ones the sender posts to.
  const endpointAllowed = deps.pushEndpointAllowed ?? pushEndpointAllowed;
  const notify = startNotifyNode({
    db,
    clock,
    log,
    publicUrl,
    push: { keys: pushKeys, subject: () => vapidSubject(publicUrl()), endpointAllowed, ...(deps.pushAddressAllowed ? { addressAllowed: deps.pushAddressAllowed } : {}) },
    ...(deps.senders ? { senders: deps.senders } : {}),
    officeIds: () => offices.running().map((runtime) => runtime.officeId),
    office: (officeId) => {
      const runtime = offices.get(officeId);
      return runtime && { config: runtime.engine.currentConfig, settings: runtime.notify.settings };
    },
  });
  const stopTimingCommits = db.onCommitted(metrics.commitTook);
  const offices = await OfficeRegistry.start({
    db,
    clock,
    newId: deps.newId ?? randomId,
    dataDir: deps.dataDir,
    stores,
    revocations,
    resolveCaller: callers.resolve,
    io,
    publicUrl: publicUrlFor(httpServer, deps.publicUrl),
    speech: { engineFor: (settings: AnnouncementSettings) => voice.engineFor(settings), cache: announcementCache },
    screenReader: { engine: voice.osVoice(), cache: announcementCache },
    serverSpeaker: deps.serverSpeaker ?? new SayEngine(),
    publicLimiters: createPublicLimiters(clock),
    metrics,
    bus,
    spansNodes: socketAdapter !== undefined,
    notifyNode: notify,
    pushEndpointAllowed: endpointAllowed,
  });
  notify.dispatcher.start();
  const stopFollowing = followCluster(bus, { revocations, offices });
  const officeIds = () => offices.ids();

  app.use('/api', express.json({ limit: '64kb' }));
  app.use('/api', authenticate(callers.resolve));
  app.use(healthRoutes({ clock, officesRunning: () => offices.running().length, database: db.engine, probe: new DatabaseProbe(db), node: nodeId }));
  app.use(metricsRoutes({ access: deps.metrics ?? 'admin', registry: metrics.registry, resolveCaller: callers.resolve }));
  app.use(authRoutes({ stores, revocations, officeIds, clock, ...(deps.loginLimit ? { loginLimit: deps.loginLimit } : {}) }));
  app.use(userRoutes({ stores, revocations, officeIds }));
  app.use(officeRoutes(offices));
  app.use(notify.routes);
  app.use(pushRoutes(pushKeys.publicKey));
  app.use(
    regionRoutes({
      db,
      now: clock,
      offices: () => offices.running().map((runtime) => ({ id: runtime.officeId, config: runtime.engine.currentConfig, analytics: runtime.analytics })),
    }),
  );
  app.use(OFFICE_ROUTES_MOUNT, dispatchToOffice(offices));
  app.use('/api', (_req, res) => sendError(res, { code: 'not-found', message: 'No such API endpoint' }));
  app.use(answerErrors);
  const closeWebApps = await serveWebApps(app, httpServer, deps.webApps ?? 'dist');

  return {
    app,
    httpServer,
    io,
    stores,
    offices,
    office: (officeId) => offices.get(officeId),
    notify,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      stopFollowing();
      await notify.dispatcher.stop();
      await offices.close();
      stopTimingCommits();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // After Socket.IO, which releases the adapter's LISTEN connection; the bus holds one of the database's pool until here.
      await socketAdapter?.close();
      await bus.close();
      await closeWebApps();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
