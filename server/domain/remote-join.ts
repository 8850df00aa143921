// Joining the queue from a phone (docs/phone-join.md): whether a phone may take a ticket now and for
// which service, within the phones' share of the service's daily limit and the phone's own daily
// count; the "I'm here" that makes a phone ticket callable; and dropping phone tickets whose visitor
// never came. Pure: the clock is `now`/`ctx.now`, and the counts of today's phone tickets (finished
// ones have left the state) are read by the caller and handed in.
import type { Office, RemoteJoinServiceRule, RemoteJoinSettings, Service, Ticket } from '../../common/protocol';
import { localDate } from '../../common/time/calendar';
import { domainError, type DomainError } from './errors';
import { failure, success, type Outcome } from './outcome';
import { officeStatus } from './schedule';
import { withTicket, type Change, type CommandContext, type QueueConfig, type QueueState } from './state';
import { issueTicket, retriedTicket } from './ticket-commands';

const MINUTE = 60_000;

/** Tickets phones took today in this office (finished ones included). */
export interface PhoneCounts {
  /** Per service (the service a ticket was issued for). */
  byService: ReadonlyMap<string, number>;
  /** Taken by the asking phone, any service. */
  thisPhone: number;
}

export function serviceRule(settings: Pick<RemoteJoinSettings, 'services' | 'defaultRule'>, serviceId: string): RemoteJoinServiceRule {
  return settings.services[serviceId] ?? settings.defaultRule;
}

/** How many of the service's tickets phones may take today; null when the service has no daily limit. */
export function phoneAllowance(service: Pick<Service, 'dailyLimit'>, rule: RemoteJoinServiceRule): number | null {
  return service.dailyLimit === null ? null : Math.floor(service.dailyLimit * rule.phoneShare);
}

/**
 * When a phone may join a service: while the kiosk issues, or within the service's minutes before
 * the office opens (in the morning or after a break) the same day — then the ticket is numbered for
 * today and its visitor's time to arrive counts from the opening. A service without its own minutes
 * has the office's.
 */
export type JoinTime = { kind: 'now' } | { kind: 'before-opening'; opensAt: number } | { kind: 'closed' };

export function joinTime(
  settings: Pick<RemoteJoinSettings, 'minutesBeforeOpening' | 'services' | 'defaultRule'>,
  serviceId: string,
  office: Pick<Office, 'schedule' | 'timeZone'>,
  now: number,
): JoinTime {
  const status = officeStatus(office, now);
  if (status.issuing) return { kind: 'now' };
  const opensAt = status.nextOpen;
  const minutesBeforeOpening = serviceRule(settings, serviceId).minutesBeforeOpening ?? settings.minutesBeforeOpening;
  const soon = opensAt !== null && opensAt - now <= minutesBeforeOpening * MINUTE;
  if (status.state !== 'open' && soon && localDate(opensAt, office.timeZone) === localDate(now, office.timeZone)) {
    return { kind: 'before-opening', opensAt };
  }
  return { kind: 'closed' };
}

/** Why phones may not take this service's tickets now (the same for every phone), or null. */
export function serviceRefusal(
  settings: RemoteJoinSettings,
  service: Pick<Service, 'id' | 'dailyLimit'>,
  office: Pick<Office, 'schedule' | 'timeZone'>,
  takenByPhones: number,
  now: number,
): DomainError | null {
  const rule = serviceRule(settings, service.id);
  if (!settings.enabled || !rule.enabled) return domainError('join-off', 'Tickets for this service are not taken from phones');
  if (joinTime(settings, service.id, office, now).kind === 'closed') {
    return domainError('office-closed', 'Phones may not join the queue at this time', { status: officeStatus(office, now) });
  }
  const allowance = phoneAllowance(service, rule);
  if (allowance !== null && takenByPhones >= allowance) {
    return domainError('phone-share-reached', `Phones have taken their ${allowance} tickets of this service today`);
  }
  return null;
}

/** Why this phone may not take another ticket today, or null. */
export function phoneRefusal(settings: Pick<RemoteJoinSettings, 'ticketsPerPhonePerDay'>, thisPhone: number): DomainError | null {
  return thisPhone >= settings.ticketsPerPhonePerDay
    ? domainError('phone-limit-reached', `This phone has taken ${settings.ticketsPerPhonePerDay} tickets today`)
    : null;
}

/** What a new phone ticket waits for: the visitor's "I'm here", until when (null: all day); undefined when the office does not ask. */
export function arrivalWait(settings: Pick<RemoteJoinSettings, 'requireArrival' | 'arriveWithinMinutes'>, time: JoinTime, now: number): Ticket['awaitingArrival'] {
  if (!settings.requireArrival) return undefined;
  if (settings.arriveWithinMinutes === null) return { until: null };
  // Joined before opening: the visitor cannot be expected in before the door opens.
  const from = time.kind === 'before-opening' ? time.opensAt : now;
  return { until: from + settings.arriveWithinMinutes * MINUTE };
}

export interface PhoneJoin {
  serviceId: string;
  phoneId: string;
  language?: Ticket['language'];
  /** Already scoped to the phone by the caller, so two phones' ids never meet. */
  requestId?: string;
}

/** Issues a phone ticket under the office's rules: numbered like every other, never printed. */
export function issuePhoneTicket(
  state: QueueState,
  config: QueueConfig,
  settings: RemoteJoinSettings,
  join: PhoneJoin,
  counts: PhoneCounts,
  ctx: CommandContext,
): Outcome<Ticket> {
  // A retry whose answer was lost gets its ticket back, though that ticket now counts against the phone.
  const retried = retriedTicket(state, join, ctx.actor);
  if (retried) return success(state, [], retried);
  const service = config.services.get(join.serviceId);
  if (!service) return failure(domainError('not-found', `No service ${join.serviceId}`));
  const refusal =
    serviceRefusal(settings, service, config.office, counts.byService.get(service.id) ?? 0, ctx.now) ?? phoneRefusal(settings, counts.thisPhone);
  if (refusal) return failure(refusal);
  const time = joinTime(settings, service.id, config.office, ctx.now);
  const awaitingArrival = arrivalWait(settings, time, ctx.now);
  return issueTicket(
    state,
    config,
    {
      serviceId: service.id,
      source: 'phone',
      print: false,
      ignoreHours: time.kind === 'before-opening',
      phoneId: join.phoneId,
      ...(join.language ? { language: join.language } : {}),
      ...(join.requestId ? { requestId: join.requestId } : {}),
      ...(awaitingArrival ? { awaitingArrival } : {}),
    },
    ctx,
  );
}

/**
 * The visitor says "I'm here" (a button on the live ticket page, or the entrance QR opened again on
 * the same phone): the ticket leaves the postponed pool for its queue, keeping its place by issue
 * time. Saying it twice, or after being called, changes nothing. Another phone's ticket is "not found".
 */
export function confirmArrival(state: QueueState, ticketId: string, phoneId: string): Outcome<Ticket> {
  const ticket = state.tickets.get(ticketId);
  if (!ticket || ticket.phoneId !== phoneId) return failure(domainError('not-found', 'No open ticket of this phone'));
  if (!ticket.awaitingArrival) return success(state, [], ticket);
  const { awaitingArrival: _waited, ...rest } = ticket;
  const here: Ticket = { ...rest, status: 'waiting', postponedUntil: null };
  return success(withTicket(state, here), [{ kind: 'ticket-arrived', ticketId, from: ticket.status, to: 'waiting', ticket: here }], here);
}

/** Phone tickets whose visitor did not say "I'm here" in time: finished as no-shows. */
export function dropUnarrived(state: QueueState, ctx: CommandContext): Outcome<Ticket[]> {
  let next = state;
  const changes: Change[] = [];
  const dropped: Ticket[] = [];
  for (const ticket of state.tickets.values()) {
    const until = ticket.awaitingArrival?.until;
    if (until === undefined || until === null || until > ctx.now) continue;
    const gone: Ticket = { ...ticket, status: 'finished', outcome: 'no-show', finishedAt: ctx.now };
    next = withTicket(next, gone);
    changes.push({ kind: 'ticket-finished', ticketId: ticket.id, from: ticket.status, to: 'no-show', note: 'did not arrive', ticket: gone });
    dropped.push(gone);
  }
  return success(next, changes, dropped);
}
