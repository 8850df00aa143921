// One office's queue as phones see it: the join page's view, taking a ticket, "I'm here", and the
// sweep that drops phone tickets whose visitor never came. Rules are server/domain/remote-join.ts;
// tickets go through the office's engine like the kiosk's, so they are numbered like every other.
//
// Counting a phone's tickets needs today's finished ones, which only the store has: joins on this
// node run one at a time, each reading the counts after the previous one committed, so one node never
// lets a phone past its limit. Two nodes taking the same phone's taps in the same instant could each
// let one through (docs/phone-join.md says so); the per-address limit bounds it.
import {
  joinPageUrl,
  type JoinInfo,
  type JoinQueueInput,
  type JoinReceipt,
  type OfficeId,
  type RemoteJoinSettings,
  type Ticket,
} from '../../common/protocol';
import { localDate } from '../../common/time/calendar';
import { confirmArrival, dropUnarrived, issuePhoneTicket, serviceRefusal } from '../domain/remote-join';
import { isServed } from '../domain/ticket-commands';
import type { QueueEngine, Who } from '../engine/queue-engine';
import type { ChannelSettingsStore } from '../notify/channel-settings-store';
import type { Database } from '../store/database';
import { phoneCounts } from './phone-tickets';

const PUBLIC: Who = { actor: { kind: 'public' } };
const SYSTEM: Who = { actor: { kind: 'system' } };

export interface PhoneQueueDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  settings: Pick<ChannelSettingsStore, 'get' | 'offered'>;
  /** Where visitors' phones reach the server (TALON_PUBLIC_URL). */
  publicUrl: () => string;
}

export class PhoneQueue {
  private joinTail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PhoneQueueDeps) {}

  async info(): Promise<JoinInfo> {
    const { engine, db, officeId } = this.deps;
    await engine.upToDate();
    const [settings, channels] = await Promise.all([this.deps.settings.get('remote-join'), this.deps.settings.offered()]);
    const config = engine.currentConfig;
    const now = engine.now();
    const today = localDate(now, config.office.timeZone);
    const counts = await phoneCounts(db.read, officeId, today);
    const tickets = [...engine.currentState.tickets.values()];
    const { name, address, languages, defaultLanguage, timeZone } = config.office;
    return {
      office: { name, address, languages, defaultLanguage, timeZone },
      officeStatus: engine.officeStatus(),
      rules: rulesOf(settings),
      services: [...config.services.values()]
        .filter((s) => s.active)
        .sort((a, b) => a.kioskOrder - b.kioskOrder)
        .map((service) => {
          // What taking it would answer now: the same checks as issuing, in the order a visitor can act on.
          const numbering = engine.currentState.numbering.get(service.id);
          const limitReached = service.dailyLimit !== null && numbering?.day === today && numbering.issued >= service.dailyLimit;
          const refusal =
            (isServed(config, service.id) ? null : 'service-not-served-now') ??
            serviceRefusal(settings, service, config.office, counts.byService.get(service.id) ?? 0, now)?.code ??
            (limitReached ? 'daily-limit-reached' : null);
          return {
            id: service.id,
            name: service.name,
            group: service.group,
            kioskOrder: service.kioskOrder,
            waiting: tickets.filter((t) => t.serviceId === service.id && (t.status === 'waiting' || t.status === 'postponed')).length,
            refusal,
          };
        }),
      channels,
      joinUrl: joinPageUrl(this.deps.publicUrl(), officeId),
    };
  }

  join(input: JoinQueueInput): Promise<JoinReceipt> {
    const run = () => this.joinNow(input);
    const result = this.joinTail.then(run, run);
    this.joinTail = result.catch(() => undefined);
    return result;
  }

  private async joinNow(input: JoinQueueInput): Promise<JoinReceipt> {
    const { engine, db, officeId } = this.deps;
    const settings = await this.deps.settings.get('remote-join');
    await engine.upToDate();
    const counts = await phoneCounts(db.read, officeId, localDate(engine.now(), engine.currentConfig.office.timeZone), input.phoneId);
    const ticket = await engine.execute(PUBLIC, (state, config, ctx) =>
      issuePhoneTicket(
        state,
        config,
        settings,
        {
          serviceId: input.serviceId,
          phoneId: input.phoneId,
          ...(input.language ? { language: input.language } : {}),
          // Scoped to the phone: every phone is the same 'public' actor to the engine.
          ...(input.requestId ? { requestId: `phone:${input.phoneId}:${input.requestId}` } : {}),
        },
        counts,
        ctx,
      ),
    );
    return { ticketId: ticket.id, code: ticket.code, awaitingArrival: ticket.awaitingArrival ?? null };
  }

  arrived(ticketId: string, phoneId: string): Promise<Ticket> {
    return this.deps.engine.execute(PUBLIC, (state) => confirmArrival(state, ticketId, phoneId));
  }

  /** Drops the phone tickets whose time to arrive is over; a no-op (no write) when there are none. */
  async sweep(): Promise<number> {
    const { engine } = this.deps;
    const now = engine.now();
    const due = [...engine.currentState.tickets.values()].some((t) => t.awaitingArrival?.until != null && t.awaitingArrival.until <= now);
    if (!due) return 0;
    const dropped = await engine.execute(SYSTEM, (state, _config, ctx) => dropUnarrived(state, ctx));
    return dropped.length;
  }
}

function rulesOf(settings: RemoteJoinSettings): JoinInfo['rules'] {
  const { enabled, requireArrival, arriveWithinMinutes, ticketsPerPhonePerDay, minutesBeforeOpening } = settings;
  return { enabled, requireArrival, arriveWithinMinutes, ticketsPerPhonePerDay, minutesBeforeOpening };
}
