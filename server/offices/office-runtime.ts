// Everything one office runs: its queue engine and command runner, printing, appointments, visits,
// analytics, announcements, device presence, its HTTP routes (one Router, mounted by the dispatcher
// at /api/offices/<id>) and its Socket.IO namespace /offices/<id>. Offices share only the database,
// the accounts and the speech cache, so one office's work never waits on another's queue.
import { Router } from 'express';
import { officeNamespace, type OfficeId } from '../../common/protocol';
import { startAnalytics } from '../analytics/analytics-feature';
import type { AnalyticsStore } from '../analytics/analytics-store';
import type { AppointmentBook } from '../appointments/appointment-book';
import { startAppointments } from '../appointments/appointments-feature';
import type { AccessRevocations } from '../auth/access-revocations';
import type { ResolveCaller } from '../auth/caller-cache';
import { issueRateGuard } from '../auth/issue-guard';
import { actorOf, type AuthStores } from '../auth/principal';
import { retriedTicket } from '../domain/ticket-commands';
import { CommandRunner } from '../engine/commands';
import { QueueEngine, type Clock } from '../engine/queue-engine';
import { analyticsRoutes } from '../http/analytics-routes';
import { announcementRoutes, warmAnnouncements, type AnnouncementSpeech } from '../http/announcement-routes';
import { commandRoutes } from '../http/command-routes';
import { configRoutes } from '../http/config-routes';
import { deviceRoutes } from '../http/device-routes';
import { queueRoutes } from '../http/queue-routes';
import type { PublicLimiters } from '../http/public-limits';
import { readAloudRoutes, type ScreenReader } from '../http/read-aloud-routes';
import { unprintableConfiguration } from '../printing/printable-config';
import { PrintDesk } from '../printing/print-desk';
import { printingRoutes } from '../printing/printing-routes';
import { TicketLogo } from '../printing/ticket-logo';
import { attachBreachAlerts } from '../realtime/breach-alerts';
import { attachOfficeHub } from '../realtime/hub';
import { DevicePresenceBoard } from '../realtime/presence';
import { presenceAcrossNodes } from '../realtime/presence-across-nodes';
import { attachPrintAgents } from '../realtime/print-agents';
import type { TalonMetrics } from '../observability/metrics';
import type { OfficeNamespace, TalonIo } from '../realtime/socket-server';
import type { ClusterBus } from '../cluster/cluster-bus';
import type { SayEngine } from '../speech/say-engine';
import { speakCallsOnServer } from '../speech/server-speakers';
import { loadConfig } from '../store/config-store';
import type { Database } from '../store/database';
import { startRetention } from '../retention/retention-feature';
import { appointmentNotices } from '../notify/appointment-notices';
import { startBookingReminders } from '../notify/booking-reminders';
import { startNotify } from '../notify/notify-feature';
import { startTicketAlerts } from '../notify/ticket-alerts-feature';
import type { NotifyNode } from '../notify/notify-node';
import type { OfficeNotify } from '../notify/office-notify';
import { startRemoteJoin } from '../remote-join/remote-join-feature';
import { startVisits } from '../visits/visits-feature';
import { OfficeConfig } from './office-config';

/** What every office's runtime shares with the others: built once in app.ts. */
export interface SharedServices {
  db: Database;
  clock: Clock;
  newId: () => string;
  /** The data folder: per-office files (the ticket logo) live under `offices/<id>/`. */
  dataDir: string;
  stores: AuthStores;
  revocations: AccessRevocations;
  resolveCaller: ResolveCaller;
  io: TalonIo;
  /** Where visitors' phones reach the server (the printed QR code). */
  publicUrl: () => string;
  speech: AnnouncementSpeech;
  screenReader: ScreenReader;
  /** The public's rate limits, counted across every office. */
  publicLimiters: PublicLimiters;
  serverSpeaker: Pick<SayEngine, 'speak'>;
  metrics: TalonMetrics;
  /** The other nodes on the same database: told of configuration changes and of each commit. */
  bus: ClusterBus;
  /** Whether other nodes may serve the same offices (Socket.IO has an adapter between the nodes). */
  spansNodes: boolean;
  /** Visitors' messages on this node: its dispatcher and the public's limits. */
  notifyNode: Pick<NotifyNode, 'dispatcher' | 'limiters'>;
  /** Push services a visitor's subscription may name (web-push-sender.ts pushEndpointAllowed, or a test's). */
  pushEndpointAllowed: (endpoint: URL) => boolean;
}

export interface OfficeRuntime {
  officeId: OfficeId;
  engine: QueueEngine;
  runner: CommandRunner;
  config: OfficeConfig;
  presence: DevicePresenceBoard;
  printDesk: PrintDesk;
  /** The office's analytics store: its reports, and the regional view's view of it. */
  analytics: AnalyticsStore;
  /** Telling the office's visitors: channel settings, contacts' retention, waking the dispatcher. */
  notify: OfficeNotify;
  /** The office's appointment book: another node's saved settings are reloaded into it. */
  appointments: Pick<AppointmentBook, 'reloadSettings'>;
  /** The office's routes, paths relative to /api/offices/<id> (e.g. '/tickets'). */
  router: Router;
  namespace: OfficeNamespace;
  /**
   * Stops the office's timers and listeners and waits for work under way; the database stays open.
   * Its sockets stay connected: on shutdown they drop with the server, so clients reconnect when it
   * is back; an archived office's are closed by the registry (closeNamespace).
   */
  stop(): Promise<void>;
}

export async function startOfficeRuntime(shared: SharedServices, officeId: OfficeId): Promise<OfficeRuntime> {
  const { db, clock, newId, stores, revocations, io } = shared;
  const loaded = await loadConfig(db, officeId);
  if (!loaded) throw new Error(`Office ${officeId} has no configuration`);
  const engine = await QueueEngine.load(db, officeId, loaded, clock, newId);
  const runner = new CommandRunner(
    engine,
    issueRateGuard(clock, (input, principal) => retriedTicket(engine.currentState, input, actorOf(principal)) !== undefined),
  );
  const presence = new DevicePresenceBoard(clock);
  const namespace: OfficeNamespace = io.of(officeNamespace(officeId));
  const presenceView = presenceAcrossNodes(namespace, presence, shared.spansNodes);
  // The engine's first listener, so the hub's fan-out is timed from the commit.
  const meter = shared.metrics.watchOffice({ officeId, engine, namespace });
  const config = new OfficeConfig({
    db,
    officeId,
    engine,
    vet: async (candidate) => unprintableConfiguration(candidate, await stores.devices.list(officeId)),
    changed: () => {
      // Through the adapter this reaches every node's clients; the other nodes' engines hear it on the bus.
      namespace.emit('config:changed');
      shared.bus.tell({ kind: 'office-config-changed', officeId });
    },
  });
  const printDesk = new PrintDesk({
    db,
    officeId,
    engine,
    runner,
    devices: stores.devices,
    publicUrl: shared.publicUrl,
    newId,
    logo: new TicketLogo(shared.dataDir, officeId),
  });
  const visits = startVisits({ db, officeId, engine, publicLimiters: shared.publicLimiters });
  const analytics = startAnalytics({ db, officeId, engine });
  const notify = startNotify({ db, officeId, engine, visitJournal: visits.journal, node: shared.notifyNode, pushEndpointAllowed: shared.pushEndpointAllowed });
  // After notify: phone joining reads the office's one channel settings store, notify's.
  const remoteJoin = startRemoteJoin({ db, officeId, engine, publicUrl: shared.publicUrl, publicLimiters: shared.publicLimiters, settings: notify.notify.settings });
  // After notify: a booking's messages are queued in the booking's own transaction.
  const appointments = await startAppointments({
    db,
    officeId,
    engine,
    newId,
    publicLimiters: shared.publicLimiters,
    namespace,
    notices: appointmentNotices(notify.notify),
    settingsSaved: () => shared.bus.tell({ kind: 'appointment-settings-changed', officeId }),
  });
  const ticketAlerts = startTicketAlerts({ db, engine, notify: notify.notify });
  const retention = await startRetention({ db, officeId, engine, analytics: analytics.store, visitJournal: visits.journal });

  const router = Router()
    .use(queueRoutes(engine, db))
    .use(analyticsRoutes(engine, analytics.store))
    .use(commandRoutes(runner))
    .use(configRoutes(config))
    .use(deviceRoutes(officeId, stores, revocations, presenceView))
    .use(printingRoutes(printDesk))
    .use(appointments.routes)
    .use(visits.routes)
    .use(retention.routes)
    .use(notify.routes)
    .use(remoteJoin.routes)
    .use(announcementRoutes(engine, shared.speech))
    .use(readAloudRoutes(() => engine.currentConfig, shared.screenReader));

  let open = true;
  const stops = [
    meter.stop,
    remoteJoin.stop,
    // So the other nodes catch up at once: their alerts, office status and snapshots stay fresh.
    engine.onEvents((events) => shared.bus.tell({ kind: 'office-moved', officeId, seq: events[events.length - 1]!.seq })),
    warmAnnouncements(engine, shared.speech),
    speakCallsOnServer(engine, shared.serverSpeaker),
    attachOfficeHub(namespace, { officeId, engine, runner, resolveCaller: shared.resolveCaller, revocations, presence, presenceView, fannedOut: meter.fannedOut, spansNodes: shared.spansNodes }),
    presenceView.stop,
    attachBreachAlerts(namespace, engine),
    startBookingReminders({ db, officeId, engine, notify: notify.notify }),
  ];
  attachPrintAgents(namespace, { desk: printDesk, devices: stores.devices, open: () => open, spansNodes: shared.spansNodes });
  await printDesk.start();

  return {
    officeId,
    engine,
    runner,
    config,
    presence,
    printDesk,
    analytics: analytics.store,
    notify: notify.notify,
    appointments: appointments.book,
    router,
    namespace,
    stop: async () => {
      open = false;
      appointments.stop();
      for (const stop of stops) stop();
      await ticketAlerts.stop();
      await retention.stop();
      await analytics.stop();
      await printDesk.settle();
    },
  };
}
