// Prometheus metrics of one running Talon, served at GET /metrics (http/metrics-routes.ts). Each app
// has its own registry: tests run several apps in one process, and prom-client's global default
// registry would add one app's counts to another's and refuse the second app's metric names.
// What happens is counted where it is already announced — the engine's committed events (one
// listener per office), the database's commit timer, the hub's fan-out; what is true now (tickets
// waiting, screens connected, the announcement cache) is read when Prometheus scrapes, so it cannot
// drift from the state it describes. Labels are office and service ids and screen kinds: bounded
// sets, never a ticket's id.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OfficeId, QueueEvent } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import type { OfficeNamespace } from '../realtime/socket-server';
import { screenKindOf, SCREEN_KINDS } from './screen-kind';

/** From half a minute to three hours: what a visitor waits, in seconds. */
const WAIT_BUCKETS = [30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800];
/** A commit is a disk sync, usually a few ms; past a second offices feel it (issue #11). */
const COMMIT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Handing a batch to listeners and sockets is in-memory work: tenths of a millisecond to tens. */
const FAN_OUT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];

let processRegistry: Registry | undefined;

/**
 * Node's own metrics (CPU, memory, event loop, GC) belong to the process, not to an app: collected
 * once, into a registry every app's registry includes. Collecting them per app would start another
 * GC observer and event-loop monitor with each app, which prom-client never stops.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** What the metrics read from one office: its engine's committed state and its sockets. */
export interface MeteredOffice {
  officeId: OfficeId;
  engine: QueueEngine;
  namespace: OfficeNamespace;
}

export interface OfficeMeter {
  /** The hub has sent a batch to every socket: observes the time since the batch was committed. */
  fannedOut(events: readonly QueueEvent[]): void;
  stop(): void;
}

export class TalonMetrics {
  private readonly own = new Registry();
  /** This app's metrics and the process's: what /metrics serves. */
  readonly registry: Registry;
  private readonly offices = new Map<OfficeId, MeteredOffice>();
  /** When each batch reached the listeners. Every listener is handed the same array (queue-engine.ts). */
  private readonly committedAt = new WeakMap<readonly QueueEvent[], number>();

  private readonly issued = this.ticketCounter('talon_tickets_issued_total', 'Tickets issued, by office and service');
  private readonly called = this.ticketCounter('talon_tickets_called_total', 'Tickets called to a booth (recalls not counted), by office and service');
  private readonly finished = this.ticketCounter(
    'talon_tickets_finished_total',
    'Tickets finished — served, no-show, cancelled or ended with the day — by office and service',
  );
  private readonly waitSeconds = new Histogram({
    name: 'talon_wait_seconds',
    help: 'Seconds from entering a queue (issue, or return to the queue) to being called, by office and service',
    labelNames: ['office', 'service'] as const,
    buckets: WAIT_BUCKETS,
    registers: [this.own],
  });
  private readonly printFailures = new Counter({
    name: 'talon_print_failures_total',
    help: 'Tickets whose printing failed (the agent reported an error, or the job expired unprinted), by office',
    labelNames: ['office'] as const,
    registers: [this.own],
  });
  private readonly commitSeconds = new Histogram({
    name: 'talon_commit_seconds',
    help: 'Seconds from asking for a database transaction to its being durable, waiting for the shared writer included',
    buckets: COMMIT_BUCKETS,
    registers: [this.own],
  });
  private readonly fanOutSeconds = new Histogram({
    name: 'talon_event_fan_out_seconds',
    help: "Seconds from a batch's commit to its events being sent to every connected screen, by office",
    labelNames: ['office'] as const,
    buckets: FAN_OUT_BUCKETS,
    registers: [this.own],
  });

  constructor(announcementCacheBytes: () => Promise<number>) {
    this.officeGauge('talon_tickets_waiting', 'Tickets waiting to be called now, by office and service', 'service', waitingByService);
    this.officeGauge(
      'talon_screens_connected',
      "Live connections to an office's queue, by office and kind (kiosk, display, print-agent, staff, public)",
      'kind',
      screensByKind,
    );
    new Gauge({
      name: 'talon_announcement_cache_bytes',
      help: 'Bytes of synthesized announcement audio kept on disk',
      registers: [this.own],
      async collect() {
        this.set(await announcementCacheBytes());
      },
    });
    this.registry = Registry.merge([this.own, processMetrics()]);
  }

  /** For Database.onCommitted: one transaction's time, asked for to durable. */
  readonly commitTook = (ms: number): void => this.commitSeconds.observe(ms / 1000);

  /**
   * Counts the office's committed events from now on and reads its state at each scrape. Call it
   * before anything else listens to the engine: listeners run in the order they subscribed, and
   * the fan-out is timed from the moment this one hears the batch.
   */
  watchOffice(office: MeteredOffice): OfficeMeter {
    const { officeId, engine } = office;
    this.offices.set(officeId, office);
    for (const service of engine.currentConfig.services.keys()) {
      const labels = { office: officeId, service };
      for (const counter of [this.issued, this.called, this.finished]) counter.inc(labels, 0);
      this.waitSeconds.zero(labels);
    }
    this.printFailures.inc({ office: officeId }, 0);
    this.fanOutSeconds.zero({ office: officeId });
    const stopListening = engine.onEvents((events) => {
      this.committedAt.set(events, performance.now());
      for (const event of events) this.count(officeId, event);
    });
    return {
      fannedOut: (events) => {
        const committed = this.committedAt.get(events);
        if (committed !== undefined) this.fanOutSeconds.observe({ office: officeId }, (performance.now() - committed) / 1000);
      },
      stop: () => {
        stopListening();
        this.offices.delete(officeId);
      },
    };
  }

  /** A gauge counted afresh from every watched office at each scrape: `countsOf` gives a count per value of `label`. */
  private officeGauge(name: string, help: string, label: string, countsOf: (office: MeteredOffice) => Map<string, number>): void {
    const offices = this.offices;
    new Gauge({
      name,
      help,
      labelNames: ['office', label],
      registers: [this.own],
      collect() {
        // Offices archived since the last scrape leave no stale series behind.
        this.reset();
        for (const office of offices.values()) {
          for (const [value, count] of countsOf(office)) this.set({ office: office.officeId, [label]: value }, count);
        }
      },
    });
  }

  private ticketCounter(name: string, help: string): Counter<'office' | 'service'> {
    return new Counter({ name, help, labelNames: ['office', 'service'] as const, registers: [this.own] });
  }

  private count(office: OfficeId, { kind, ticket }: QueueEvent): void {
    if (!ticket) return;
    const labels = { office, service: ticket.serviceId };
    if (kind === 'ticket-issued') this.issued.inc(labels);
    else if (kind === 'ticket-finished') this.finished.inc(labels);
    else if (kind === 'ticket-print' && ticket.print === 'failed') this.printFailures.inc({ office });
    else if (kind === 'ticket-called' && ticket.calledAt !== null) {
      this.called.inc(labels);
      this.waitSeconds.observe(labels, Math.max(0, ticket.calledAt - ticket.queuedAt) / 1000);
    }
  }
}

/** Every service of the office, so one nobody waits for reads 0 rather than vanishing. */
function waitingByService({ engine }: MeteredOffice): Map<string, number> {
  const waiting = new Map([...engine.currentConfig.services.keys()].map((id) => [id, 0]));
  for (const ticket of engine.currentState.tickets.values()) {
    if (ticket.status === 'waiting') waiting.set(ticket.serviceId, (waiting.get(ticket.serviceId) ?? 0) + 1);
  }
  return waiting;
}

function screensByKind({ namespace }: MeteredOffice): Map<string, number> {
  const counts = new Map<string, number>(SCREEN_KINDS.map((kind) => [kind, 0]));
  for (const socket of namespace.sockets.values()) {
    const kind = screenKindOf(socket.data.principal);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}
