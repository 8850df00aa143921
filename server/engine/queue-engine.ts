// The one place an office's queue changes: each office has its own engine, its own command queue
// and its own journal sequence; only the database is shared (on SQLite its one writer, whose commits
// are grouped across offices, see sqlite-database.ts). Commands run strictly one at a time through
// the pure domain (the day rolls over first if needed); their changes are committed, and only then
// are the callers answered and the events published. Readers (snapshots, REST, print jobs) see only
// the committed state: what a batch decides stays private to the engine until it is on disk, so a
// failed commit can never have shown anyone a ticket that does not exist. Group commit: the commands that arrive while one
// transaction is being written are decided in order and committed together in the next one, so a
// busy office pays one disk sync per batch rather than per ticket. A failed commit on SQLite changes
// nothing; on PostgreSQL a COMMIT whose answer was lost may have been applied, so after any failed
// write the engine first looks whether the batch's journal rows are there (commit-outcome.ts): if so,
// the batch counts as committed (answered, published), and only otherwise is anything decided again.
// Several nodes (PostgreSQL): any node's engine may run the office's commands, so each batch is decided
// and written inside one transaction under the office's lock, after a look at the journal's last seq:
// when another node moved the office meanwhile, the engine first reloads the office as stored and
// decides on that. So one office's commands are decided one at a time across all nodes, and its seq
// and ticket numbers never skip or repeat. Only the node that committed a batch publishes its events
// (Socket.IO's adapter carries them to every node's clients); the others take the new state silently.
import {
  withRecentCall,
  type Actor,
  type CallRecord,
  type OfficeId,
  type OfficeStatus,
  type PublicOffice,
  type QueueEvent,
  type QueueSnapshot,
} from '../../common/protocol';
import type { DomainError } from '../domain/errors';
import type { Outcome } from '../domain/outcome';
import { rollover } from '../domain/rollover';
import { officeStatus } from '../domain/schedule';
import type { Change, CommandContext, QueueConfig, QueueState } from '../domain/state';
import { localDate } from '../../common/time/calendar';
import { ApiFailure } from '../http/respond';
import type { Database, Queryable } from '../store/database';
import { commitChanges, lastSeq } from '../store/queue-store';
import { officeLock } from '../store/office-lock';
import { readStoredQueue } from '../store/stored-queue';
import { commitOutcome } from './commit-outcome';
import { afterFailedBatch, type Retryable } from './failed-batch';
import { officeIfMoved } from './office-catch-up';
import { logger } from '../observability/logger';

export type Clock = () => number;
export type EventListener = (events: QueueEvent[]) => void;
export type DomainCommand<T> = (state: QueueState, config: QueueConfig, ctx: CommandContext) => Outcome<T>;

export interface Who {
  actor: Actor;
  name?: string;
}

const SYSTEM: Who = { actor: { kind: 'system' } };

export function publicOffice(config: QueueConfig): PublicOffice {
  const { name, address, phones, timeZone, languages, defaultLanguage, categories, rules } = config.office;
  return { name, address, phones, timeZone, languages, defaultLanguage, categories, rules };
}

type Published = Pick<QueueSnapshot, 'seq' | 'serviceDay' | 'office' | 'services' | 'counters' | 'recentCalls'>;

interface Pending extends Retryable {
  who: Who;
  command: DomainCommand<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Decided {
  pending: Pending;
  value: unknown;
  changes: Change[];
  now: number;
}

/**
 * Enough to amortise the disk sync, small enough that one office's batch holds the shared writer
 * only briefly: every other office's commit waits for the batch being written (issue #11). Measured
 * (bench "neighbour", load average 8–12): beside an office flooded by 50 clients, which then wrote
 * ~50 tickets per transaction, a neighbour's one ticket took 52–194 ms (p50, median 79 of five runs)
 * with 256 and 40–56 ms (median 49) with 16; most of it waiting for the writer, none in its engine.
 * The flooded office issued 161–656 tickets/s with 256 and 384–723 with 16: no clear cost. Since
 * then a batch's rows go in one INSERT per table (queue-store.ts), so it holds the writer for a few
 * statements however many commands it has.
 */
export const MAX_BATCH = 16;

/**
 * Admission per office: the commands that may wait in one office's engine. Beyond it a command is
 * refused at once with 'office-busy' rather than queued behind a backlog it would wait seconds for.
 * A real office sends a few commands a second and bursts of a few dozen (kiosks and booths at
 * once), which a batch or two clears; only a flood reaches this. Internal (system) commands — the
 * day's rollover, a new configuration — are never refused.
 */
export const MAX_QUEUED = 128;

export class QueueEngine {
  private queue: Pending[] = [];
  private draining = false;
  /** The clock as the engine uses it: never backwards, so a clock stepped back cannot reopen a finished day. */
  private lastNow = 0;
  /** The service day the state was last rolled over to: within it, nothing can turn stale. */
  private rolledDay = '';
  private listeners = new Set<EventListener>();
  /** The state as it is on disk: the only state anyone outside the engine sees. */
  private committed: QueueState;
  /**
   * Other nodes may write this office (PostgreSQL). On SQLite this node is the one writer by
   * construction (the data folder is locked), its seq is always the journal's, and no batch pays for a look.
   */
  private readonly shared: boolean;
  /** Reload before the next decision whatever the seq says: a write found the journal ahead of this engine. */
  private stale = false;
  private caughtUpListeners = new Set<() => void>();

  private constructor(
    private readonly db: Database,
    /** Every row this engine writes or reads belongs to this office. */
    readonly officeId: OfficeId,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private config: QueueConfig,
    private state: QueueState,
    /** What a snapshot holds beyond the live state: configuration, the latest calls, the last seq. */
    private published: Published,
  ) {
    this.committed = state;
    this.shared = db.engine === 'postgres';
  }

  static async load(db: Database, officeId: OfficeId, config: QueueConfig, clock: Clock, newId: () => string): Promise<QueueEngine> {
    const now = clock();
    const today = localDate(now, config.office.timeZone);
    // With other writers, the reads must agree with one another: under the office's lock.
    const read = (q: Queryable) => readStoredQueue(q, officeId, today);
    const { state, seq, recentCalls } = db.engine === 'postgres' ? await db.transaction(read, officeLock(officeId)) : await read(db.read);
    const published: Published = {
      seq,
      serviceDay: today,
      office: publicOffice(config),
      services: [...config.services.values()],
      counters: [...config.counters.values()],
      recentCalls,
    };
    const engine = new QueueEngine(db, officeId, clock, newId, config, state, published);
    await engine.execute(SYSTEM, () => ({ ok: true, state, changes: [], value: null }));
    return engine;
  }

  onEvents(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest calls, newest first, as the hall displays show them. */
  get recentCalls(): readonly CallRecord[] {
    return this.published.recentCalls;
  }

  /** The last seq this engine committed or took in from another node. */
  get seq(): number {
    return this.published.seq;
  }

  get currentConfig(): QueueConfig {
    return this.config;
  }

  /** The committed state: a batch being written is not visible here until its commit succeeds. */
  get currentState(): QueueState {
    return this.committed;
  }

  now(): number {
    this.lastNow = Math.max(this.lastNow, this.clock());
    return this.lastNow;
  }

  /**
   * Brings the engine up to date before someone is shown its state: rolls the service day over if
   * local midnight has passed since the last command, so displays and snapshots never show yesterday's
   * queue to the first visitor of the day, and (several nodes) takes in what other nodes committed.
   * Cheap when nothing is due: on PostgreSQL one indexed read of the journal's last seq.
   */
  async upToDate(): Promise<void> {
    const dayTurned = localDate(this.now(), this.config.office.timeZone) !== this.published.serviceDay;
    if (!dayTurned && !(this.shared && (await lastSeq(this.db.read, this.officeId)) > this.published.seq)) return;
    await this.execute(SYSTEM, (state) => ({ ok: true, state, changes: [], value: null }));
  }

  /**
   * Told after the engine took in another node's writes (no events: those were published by the node
   * that committed them), so what is worked out from the state here (breach alerts) can be again.
   */
  onCaughtUp(listener: () => void): () => void {
    this.caughtUpListeners.add(listener);
    return () => this.caughtUpListeners.delete(listener);
  }

  snapshot(): QueueSnapshot {
    const now = this.now();
    // Built on demand from the live state: keeping a second copy of every open ticket up to date
    // cost each command time in proportion to the length of the queue.
    return {
      ...this.published,
      serverTime: now,
      officeStatus: officeStatus(this.config.office, now),
      counterStates: [...this.committed.counters.values()],
      tickets: [...this.committed.tickets.values()],
    };
  }

  officeStatus(): OfficeStatus {
    return officeStatus(this.config.office, this.now());
  }

  /**
   * Runs a domain command in turn; resolves with its value once committed, or rejects with
   * ApiFailure — 'office-busy' at once, having changed nothing, when MAX_QUEUED commands are waiting.
   */
  execute<T>(who: Who, command: DomainCommand<T>): Promise<T> {
    if (who !== SYSTEM && this.queue.length >= MAX_QUEUED) {
      return Promise.reject(
        new ApiFailure({ code: 'office-busy', message: 'Too many commands at once in this office; try again', details: { limit: MAX_QUEUED } }),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ who, command, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
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

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.runBatch(this.nextBatch());
    } finally {
      this.draining = false;
    }
  }

  private nextBatch(): Pending[] {
    if (this.queue[0]?.solo) return this.queue.splice(0, 1);
    const end = this.queue.findIndex((p) => p.solo);
    return this.queue.splice(0, Math.min(MAX_BATCH, end === -1 ? this.queue.length : end));
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    // What the state goes back to if the commit fails: as it was, or as caught up to another node's writes.
    let base = this.state;
    let decided: Decided[] = [];
    /** Commands the domain refused: answered already, whatever becomes of the batch. */
    const refused = new Set<Pending>();
    let caughtUp = false;
    let events: QueueEvent[][] = [];
    /** What the transaction wrote, kept for when its commit fails: it may have landed all the same. */
    let written: QueueEvent[][] = [];
    const write = async (tx: Queryable) => (written = await this.write(tx, decided));
    try {
      if (this.shared) {
        // Decided under the office's lock, on the state the journal's last seq vouches for.
        events = await this.db.transaction(
          async (tx) => {
            caughtUp = await this.catchUp(tx);
            base = this.state;
            decided = this.decide(batch, refused);
            return write(tx);
          },
          officeLock(this.officeId),
        );
      } else {
        decided = this.decide(batch, refused);
        // Batches run one at a time and nobody else writes the office, so the published seq is the
        // journal's last until this one commits: nothing to look at, and no transaction when nothing changed.
        if (decided.some((d) => d.changes.length > 0)) events = await this.db.transaction(write, officeLock(this.officeId));
      }
    } catch (error) {
      const landed = await commitOutcome(this.db.read, this.officeId, written.flat(), error);
      if (landed !== true) return this.undo(batch, refused, base, error, landed === 'unknown');
      events = written;
    }
    this.committed = this.state;
    const published = events.flat();
    this.rollDisplayDay();
    for (const event of published) {
      this.published = { ...this.published, seq: event.seq, recentCalls: withRecentCall(this.published.recentCalls, event) };
    }
    // A broken listener must not keep committed commands from being answered.
    if (published.length > 0) tellEach(this.listeners, (listener) => listener(published), this.officeId, 'event listener failed');
    if (caughtUp) tellEach(this.caughtUpListeners, (listener) => listener(), this.officeId, 'catch-up listener failed');
    for (const d of decided) d.pending.resolve(d.value);
  }

  /** The batch did not land, or (`unknown`) nobody can tell: back to the state before it; its commands as afterFailedBatch says. */
  private undo(batch: Pending[], refused: Set<Pending>, base: QueueState, error: unknown, unknown: boolean): void {
    this.state = base;
    // The undone batch may have held the day's rollover: check again next time.
    this.rolledDay = '';
    // The batch's commands not yet answered: decided, or (PostgreSQL) not even decided when the
    // transaction failed before it got that far.
    const next = afterFailedBatch(batch.filter((p) => !refused.has(p)), error, unknown, this.shared);
    if (next.reload) this.stale = true;
    if (next.kind === 'retry') {
      if (next.reload) logger.warn({ office: this.officeId }, 'the journal moved under this node; catching up and deciding again');
      this.queue.unshift(...next.commands);
      return;
    }
    logger.error({ err: error, office: this.officeId }, next.failure.message);
    for (const p of batch) if (!refused.has(p)) p.reject(next.failure);
  }

  /** Runs the batch's commands through the domain in turn; refused ones are answered at once. */
  private decide(batch: Pending[], refused: Set<Pending>): Decided[] {
    const decided: Decided[] = [];
    for (const pending of batch) {
      const now = this.now();
      const today = localDate(now, this.config.office.timeZone);
      if (today !== this.rolledDay) {
        const rolled = rollover(this.state, this.config, now);
        if (rolled.ok && rolled.changes.length > 0) {
          this.state = rolled.state;
          decided.push({ pending: { ...pending, who: SYSTEM, resolve: () => undefined, reject: () => undefined }, value: null, changes: rolled.changes, now });
        }
        this.rolledDay = today;
      }
      const ctx: CommandContext = { now, actor: pending.who.actor, newId: this.newId, ...(pending.who.name ? { actorName: pending.who.name } : {}) };
      let outcome: Outcome<unknown>;
      try {
        outcome = pending.command(this.state, this.config, ctx);
      } catch (error) {
        refused.add(pending);
        pending.reject(error);
        continue;
      }
      if (!outcome.ok) {
        refused.add(pending);
        pending.reject(new ApiFailure(toApi(outcome.error)));
        continue;
      }
      this.state = outcome.state;
      decided.push({ pending, value: outcome.value, changes: outcome.changes, now });
    }
    return decided;
  }

  private async write(tx: Queryable, decided: Decided[]): Promise<QueueEvent[][]> {
    const toCommit = decided.filter((d) => d.changes.length > 0);
    if (toCommit.length === 0) return [];
    const changes = toCommit.map((d) => ({ changes: d.changes, actor: d.pending.who.actor, at: d.now }));
    return commitChanges(tx, this.officeId, this.published.seq, changes);
  }

  /**
   * Inside the office's locked transaction: when another node moved the office (office-catch-up.ts),
   * the engine takes it as stored — state, numbering, recent calls, seq — before deciding anything.
   * Returns whether it did.
   */
  private async catchUp(tx: Queryable): Promise<boolean> {
    const today = localDate(this.now(), this.config.office.timeZone);
    const stored = await officeIfMoved(tx, this.officeId, this.published.seq, this.stale, today);
    if (!stored) return false;
    this.state = stored.state;
    this.committed = stored.state;
    this.published = { ...this.published, seq: stored.seq, serviceDay: today, recentCalls: stored.recentCalls };
    // The stored queue may still hold a day the writer did not roll over yet: look before the next command.
    this.rolledDay = '';
    this.stale = false;
    return true;
  }

  /** A new service day starts with an empty list of recent calls on the hall displays. */
  private rollDisplayDay(): void {
    const today = localDate(this.now(), this.config.office.timeZone);
    if (today !== this.published.serviceDay) this.published = { ...this.published, serviceDay: today, recentCalls: [] };
  }
}

function tellEach<L>(listeners: Iterable<L>, tell: (listener: L) => void, officeId: OfficeId, failed: string): void {
  for (const listener of listeners) {
    try {
      tell(listener);
    } catch (error) {
      logger.error({ err: error, office: officeId }, failed);
    }
  }
}

function toApi(error: DomainError) {
  return error.details === undefined ? { code: error.code, message: error.message } : error;
}
