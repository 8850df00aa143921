// The one place the queue changes. Commands run strictly one at a time: the day rolls over if
// needed, the pure domain decides, the changes are committed to SQLite, and only then is the new
// state adopted, the caller answered and the events published. A failed commit changes nothing.
import {
  applyQueueEvent,
  RECENT_CALLS_KEPT,
  type Actor,
  type OfficeStatus,
  type PublicOffice,
  type QueueEvent,
  type QueueSnapshot,
} from '../../common/protocol';
import type { DomainError } from '../domain/errors';
import type { Outcome } from '../domain/outcome';
import { rollover } from '../domain/rollover';
import { officeStatus } from '../domain/schedule';
import type { CommandContext, QueueConfig, QueueState } from '../domain/state';
import { localDate } from '../domain/time';
import { ApiFailure } from '../http/respond';
import type { Database } from '../store/database';
import { commitChanges, lastSeq, loadQueueState, loadRecentCalls } from '../store/queue-store';

export type Clock = () => number;
export type EventListener = (events: QueueEvent[]) => void;
export type DomainCommand<T> = (state: QueueState, config: QueueConfig, ctx: CommandContext) => Outcome<T>;

export interface Who {
  actor: Actor;
  name?: string;
}

const SYSTEM: Who = { actor: { kind: 'system' } };

export function publicOffice(config: QueueConfig): PublicOffice {
  const { name, address, phones, timeZone, languages, defaultLanguage, categories } = config.office;
  return { name, address, phones, timeZone, languages, defaultLanguage, categories };
}

export class QueueEngine {
  private tail: Promise<unknown> = Promise.resolve();
  private listeners = new Set<EventListener>();

  private constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private config: QueueConfig,
    private state: QueueState,
    private published: QueueSnapshot,
  ) {}

  static async load(db: Database, config: QueueConfig, clock: Clock, newId: () => string): Promise<QueueEngine> {
    const now = clock();
    const today = localDate(now, config.office.timeZone);
    const state = await loadQueueState(db, today);
    const published: QueueSnapshot = {
      seq: await lastSeq(db),
      serverTime: now,
      serviceDay: today,
      office: publicOffice(config),
      officeStatus: officeStatus(config.office, now),
      services: [...config.services.values()],
      counters: [...config.counters.values()],
      counterStates: [...state.counters.values()],
      tickets: [...state.tickets.values()],
      recentCalls: await loadRecentCalls(db, today, RECENT_CALLS_KEPT),
    };
    const engine = new QueueEngine(db, clock, newId, config, state, published);
    await engine.execute(SYSTEM, () => ({ ok: true, state, changes: [], value: null }));
    return engine;
  }

  onEvents(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get currentConfig(): QueueConfig {
    return this.config;
  }

  get currentState(): QueueState {
    return this.state;
  }

  now(): number {
    return this.clock();
  }

  snapshot(): QueueSnapshot {
    const now = this.clock();
    return { ...this.published, serverTime: now, officeStatus: officeStatus(this.config.office, now) };
  }

  officeStatus(): OfficeStatus {
    return officeStatus(this.config.office, this.clock());
  }

  /** Runs a domain command in turn; resolves with its value once committed, or rejects with ApiFailure. */
  execute<T>(who: Who, command: DomainCommand<T>): Promise<T> {
    const run = () => this.run(who, command);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Adopts a new configuration (already saved by the caller) and republishes it. Runs in turn. */
  replaceConfig(config: QueueConfig): Promise<void> {
    return this.execute(SYSTEM, (state) => {
      this.config = config;
      this.published = {
        ...this.published,
        office: publicOffice(config),
        services: [...config.services.values()],
        counters: [...config.counters.values()],
      };
      return { ok: true, state, changes: [], value: undefined };
    });
  }

  private async run<T>(who: Who, command: DomainCommand<T>): Promise<T> {
    const now = this.clock();
    await this.adopt(rollover(this.state, this.config, now), SYSTEM, now);
    const today = localDate(now, this.config.office.timeZone);
    if (today !== this.published.serviceDay) {
      this.published = { ...this.published, serviceDay: today, recentCalls: [] };
    }
    const ctx: CommandContext = { now, actor: who.actor, newId: this.newId, ...(who.name ? { actorName: who.name } : {}) };
    return this.adopt(command(this.state, this.config, ctx), who, now);
  }

  private async adopt<T>(outcome: Outcome<T>, who: Who, now: number): Promise<T> {
    if (!outcome.ok) throw new ApiFailure(toApi(outcome.error));
    let events: QueueEvent[] = [];
    if (outcome.changes.length > 0) {
      events = await this.db.transaction((tx) => commitChanges(tx, outcome.changes, who.actor, now));
    }
    this.state = outcome.state;
    for (const event of events) this.published = applyQueueEvent(this.published, event);
    if (events.length > 0) for (const listener of this.listeners) listener(events);
    return outcome.value;
  }
}

function toApi(error: DomainError) {
  return error.details === undefined ? { code: error.code, message: error.message } : error;
}
