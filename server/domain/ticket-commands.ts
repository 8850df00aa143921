// Commands on a ticket itself: issuing, out-of-turn categories, cancelling, the print result.
import type { Actor, CommandInput, IssueRequestKey, Priority, Ticket, TicketSource } from '../../common/protocol';
import { domainError } from './errors';
import { estimateWait } from './estimates';
import { nextNumber, ticketCode } from './numbering';
import { failure, success, type Outcome } from './outcome';
import { officeStatus } from './schedule';
import { withTicket, type CommandContext, type QueueConfig, type QueueState } from './state';
import { localDate } from '../../common/time/calendar';

export interface IssueRequest {
  serviceId: string;
  language?: CommandInput<'ticket:issue'>['language'];
  source: TicketSource;
  priority?: Priority;
  /** Staff may issue outside the kiosk's hours (a visitor already standing at the booth). */
  ignoreHours?: boolean;
  /** A paper ticket is to be printed (issued at a kiosk, by tap or by check-in); default: kiosk tickets. */
  print?: boolean;
  /** The client's id for this request; the same id from the same actor for the same content gets the same ticket. */
  requestId?: string;
  /** Taken on a phone: the phone's id, and whether it waits for "I'm here" (remote-join.ts). */
  phoneId?: string;
  awaitingArrival?: Ticket['awaitingArrival'];
}

function actorKey(actor: Actor): string {
  return actor.kind === 'user' || actor.kind === 'device' ? `${actor.kind}:${actor.id}` : actor.kind;
}

function requestKey(req: Pick<IssueRequest, 'requestId' | 'serviceId' | 'language'>, actor: Actor): IssueRequestKey | undefined {
  return req.requestId ? { id: req.requestId, actor: actorKey(actor), serviceId: req.serviceId, language: req.language ?? null } : undefined;
}

const sameContent = (a: IssueRequestKey, b: IssueRequestKey) => a.serviceId === b.serviceId && a.language === b.language;

/** The open ticket this actor's request id already made, whatever it asked for then. */
function ticketOfRequest(state: QueueState, key: IssueRequestKey): Ticket | undefined {
  for (const ticket of state.tickets.values()) {
    if (ticket.request?.id === key.id && ticket.request.actor === key.actor) return ticket;
  }
  return undefined;
}

/** The ticket a request already made when this is a retry of it (same actor, id and content); else undefined. */
export function retriedTicket(state: QueueState, req: Pick<IssueRequest, 'requestId' | 'serviceId' | 'language'>, actor: Actor): Ticket | undefined {
  const key = requestKey(req, actor);
  const ticket = key && ticketOfRequest(state, key);
  return ticket?.request && key && sameContent(ticket.request, key) ? ticket : undefined;
}

/** Some active counter lists the service: otherwise a ticket for it could never be called. */
export function isServed(config: QueueConfig, serviceId: string): boolean {
  return [...config.counters.values()].some((c) => c.active && c.services.some((s) => s.serviceId === serviceId));
}

export function issueTicket(state: QueueState, config: QueueConfig, req: IssueRequest, ctx: CommandContext): Outcome<Ticket> {
  // A retried request (its answer was lost on the way) gets the ticket it already made, not a second
  // one. The id is the sender's own: another actor's same id is a request of its own.
  const request = requestKey(req, ctx.actor);
  const already = request && ticketOfRequest(state, request);
  if (already?.request && request) {
    if (!sameContent(already.request, request)) return failure(domainError('conflict', 'This request id was already used for a different request'));
    return success(state, [], already);
  }
  const service = config.services.get(req.serviceId);
  if (!service) return failure(domainError('not-found', `No service ${req.serviceId}`));
  if (!service.active) return failure(domainError('service-inactive', 'This service is not available'));
  if (!isServed(config, service.id)) return failure(domainError('service-not-served-now', 'No counter serves this service'));
  const { office } = config;
  if (!req.ignoreHours) {
    const status = officeStatus(office, ctx.now);
    if (!status.issuing) {
      return failure(domainError('office-closed', 'Tickets are not issued now', { status }));
    }
  }
  const day = localDate(ctx.now, office.timeZone);
  const numbered = nextNumber(service, state.numbering.get(service.id), day);
  if (!numbered.ok) return failure(numbered.error);
  const draft: Ticket = {
    id: ctx.newId(),
    serviceId: service.id,
    serviceDay: day,
    number: numbered.number,
    code: ticketCode(service.prefix, numbered.number),
    issuedAt: ctx.now,
    queuedAt: ctx.now,
    source: req.source,
    priority: req.priority ?? { kind: 'normal' },
    language: req.language ?? office.defaultLanguage,
    // A phone ticket whose visitor is not here yet waits in the postponed pool (remote-join.ts).
    status: req.awaitingArrival ? 'postponed' : 'waiting',
    outcome: null,
    counterId: null,
    assignedCounterId: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    recalls: 0,
    callReason: null,
    postponedUntil: null,
    returnToServiceId: null,
    comment: null,
    print: (req.print ?? req.source === 'kiosk') ? 'pending' : 'not-requested',
    estimate: null,
    ...(request ? { request } : {}),
    ...(req.phoneId ? { phoneId: req.phoneId } : {}),
    ...(req.awaitingArrival ? { awaitingArrival: req.awaitingArrival } : {}),
  };
  const numbering = new Map(state.numbering).set(service.id, numbered.numbering);
  const ticket = { ...draft, estimate: estimateWait(state, config, draft, ctx.now) };
  return success(withTicket({ ...state, numbering }, ticket), [{ kind: 'ticket-issued', ticketId: ticket.id, to: ticket.status, ticket }], ticket);
}

function openTicket(state: QueueState, ticketId: string): Outcome<Ticket> {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return failure(domainError('not-found', `No open ticket ${ticketId} today`));
  return success(state, [], ticket);
}

export function grantCategory(
  state: QueueState,
  config: QueueConfig,
  input: CommandInput<'ticket:grant-category'>,
  ctx: CommandContext,
): Outcome<Ticket> {
  const found = openTicket(state, input.ticketId);
  if (!found.ok) return found;
  const category = config.office.categories.find((c) => c.id === input.categoryId);
  if (!category) return failure(domainError('not-found', `No out-of-turn category ${input.categoryId}`));
  const ticket = found.value;
  if (ticket.status !== 'waiting' && ticket.status !== 'postponed') {
    return failure(domainError('ticket-not-waiting', `Ticket ${ticket.code} is not waiting`));
  }
  const grantedBy = ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind;
  const updated: Ticket = { ...ticket, priority: { kind: 'category', categoryId: category.id, grantedBy, reason: input.reason } };
  return success(
    withTicket(state, updated),
    [{ kind: 'ticket-category-granted', ticketId: ticket.id, from: ticket.priority.kind, to: category.id, note: input.reason, ticket: updated }],
    updated,
  );
}

export function cancelTicket(state: QueueState, input: CommandInput<'ticket:cancel'>, ctx: CommandContext): Outcome<Ticket> {
  const found = openTicket(state, input.ticketId);
  if (!found.ok) return found;
  const ticket = found.value;
  if (ticket.status !== 'waiting' && ticket.status !== 'postponed') {
    return failure(domainError('ticket-not-waiting', `Ticket ${ticket.code} is at a counter; finish it there`));
  }
  const updated: Ticket = { ...ticket, status: 'finished', outcome: 'cancelled', finishedAt: ctx.now };
  return success(
    withTicket(state, updated),
    [{ kind: 'ticket-finished', ticketId: ticket.id, from: ticket.status, to: 'cancelled', ticket: updated, ...(input.reason ? { note: input.reason } : {}) }],
    updated,
  );
}

export function recordPrint(state: QueueState, input: CommandInput<'ticket:print-result'>): Outcome<Ticket> {
  const found = openTicket(state, input.ticketId);
  if (!found.ok) return found;
  const ticket = found.value;
  const updated: Ticket = { ...ticket, print: input.ok ? 'printed' : 'failed' };
  return success(
    withTicket(state, updated),
    [{ kind: 'ticket-print', ticketId: ticket.id, from: ticket.print, to: updated.print, ticket: updated, ...(input.error ? { note: input.error } : {}) }],
    updated,
  );
}
