// Sends what the outbox holds, once per node: it looks every few seconds (on a timer that never keeps
// a stopping process alive) and at once when this node has just queued something (wake). Each message
// is claimed before it is sent, so two nodes never send the same one; it is checked against the
// office's rules at the moment it goes (channel still on, quiet hours for booking news other than a
// confirmation, queue news not stale), rendered in the contact's language, and handed to the
// channel's sender. A failed send is tried again later, less often each time, and given up after
// MAX_ATTEMPTS. Logs name the contact's id, never its address.
import type { OfficeId } from '../../common/protocol';
import type { QueueConfig } from '../domain/state';
import type { Logger } from '../observability/logger';
import type { Database } from '../store/database';
import type { ChannelSettingsStore } from './channel-settings-store';
import { SendFailure, type ChannelSenders } from './channel-sender';
import { findContact, stopContact } from './contacts-store';
import { createOutboxStore, type OutboxMessage } from './outbox-store';
import { quietHoursEnd } from './quiet-hours';
import { officeName, renderMessage } from './render-message';

export const DISPATCH_EVERY_MS = 5000;
/**
 * A claimed message is another node's to retry after this, should this node die sending it. Well above
 * the slowest send (an SMTP send may wait 3 × 20 s), so that a slow send is never sent twice.
 */
export const CLAIM_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 6;
/** "3 people ahead" or "your turn" that could not go for this long would only mislead. */
export const QUEUE_NEWS_STALE_MS = 15 * 60_000;
const BATCH = 50;

/** Waits before the next try after `attempts` failed ones: 30 s, 2 min, 8 min … capped at 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 2 * 60 * 60_000);
}

/** What the dispatcher needs of an office running on this node. */
export interface DispatchOffice {
  config: Pick<QueueConfig, 'office' | 'services'>;
  settings: ChannelSettingsStore;
}

export interface DispatcherDeps {
  db: Database;
  clock: () => number;
  senders: ChannelSenders;
  /** The offices this node runs: only their messages are sent from here. */
  officeIds: () => OfficeId[];
  office: (officeId: OfficeId) => DispatchOffice | undefined;
  publicUrl: () => string;
  log: Logger;
}

export class Dispatcher {
  private readonly outbox;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {
    this.outbox = createOutboxStore(deps.db);
  }

  start(): void {
    this.schedule();
  }

  /** Sends what is due now (coalesced with a pass under way). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once what is due now has been handled: for tests, and for wake's callers that want to wait. */
  async settle(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.wake();
      if (!this.stopped) this.schedule();
    }, DISPATCH_EVERY_MS);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    try {
      for (;;) {
        const due = await this.outbox.due(this.deps.officeIds(), this.deps.clock(), BATCH);
        for (const message of due) {
          if (this.stopped) return;
          // The clock read at each claim: sends before it in this batch may have taken minutes.
          const now = this.deps.clock();
          if (await this.outbox.claim(message.id, now, now + CLAIM_MS)) await this.handle(message);
        }
        if (due.length < BATCH) return;
      }
    } catch (error) {
      this.deps.log.error({ err: error }, 'sending queued messages failed');
    }
  }

  private async handle(message: OutboxMessage): Promise<void> {
    const { outbox, deps } = this;
    const now = deps.clock();
    const office = deps.office(message.officeId);
    const contact = await findContact(deps.db.read, message.contactId);
    if (!office || !contact || contact.stoppedAt !== null) return outbox.dropped(message.id, 'stopped');
    const isQueueNews = message.facts.kind === 'ticket-ahead' || message.facts.kind === 'ticket-called';
    if (isQueueNews && now - message.createdAt > QUEUE_NEWS_STALE_MS) return outbox.dropped(message.id, 'stale');
    const sender = deps.senders.get(contact.channel);
    const offered = await office.settings.offered();
    if (!sender || !offered[contact.channel]) return outbox.dropped(message.id, 'channel-off');
    // A confirmation is not held: the visitor has just booked and waits for it (and its manage link).
    if (!isQueueNews && message.facts.kind !== 'booking-confirmed' && contact.channel !== 'push') {
      const quietEnd = quietHoursEnd(now, await office.settings.get('messages'), office.config.office.timeZone);
      if (quietEnd !== null) return outbox.postpone(message.id, quietEnd);
    }

    const fields = { office: message.officeId, contact: contact.id, channel: contact.channel, kind: message.facts.kind, outbox: message.id };
    try {
      // Inside the try: a message that cannot even be written counts as a failed attempt, not a claim left to lapse forever.
      const rendered = renderMessage(message.facts, {
        config: office.config,
        publicUrl: deps.publicUrl(),
        officeId: message.officeId,
        language: contact.language,
        stopToken: contact.stopToken,
        queuedAt: message.createdAt,
      });
      await sender.send(
        { officeId: message.officeId, officeName: officeName(office.config, contact.language), timeZone: office.config.office.timeZone, settings: office.settings },
        contact,
        rendered,
      );
    } catch (error) {
      // A sender says what failed through SendFailure, whose message names no address; anything else may quote one, so it is not kept.
      const reason = error instanceof SendFailure ? error.message.slice(0, 500) : `unexpected ${error instanceof Error ? error.name : 'failure'}`;
      const outcome = error instanceof SendFailure ? error.outcome : 'retry';
      deps.log.warn({ ...fields, attempts: message.attempts + 1, outcome, reason }, 'a message was not sent');
      if (outcome === 'contact-gone') {
        await outbox.failed(message.id, reason, null);
        await deps.db.transaction((tx) => stopContact(tx, contact.id, deps.clock()), { lock: 'outbox' });
        return;
      }
      const giveUp = outcome === 'give-up' || message.attempts + 1 >= MAX_ATTEMPTS;
      return outbox.failed(message.id, reason, giveUp ? null : deps.clock() + retryDelayMs(message.attempts + 1));
    }
    await outbox.sent(message.id, deps.clock());
    deps.log.info(fields, 'message sent');
  }
}
