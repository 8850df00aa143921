// What the hall sees, derived from the snapshot: calls in progress, earlier calls, people waiting.
// Only ticket codes and counter numbers ever reach the screen — never anything about a person.
import type { QueueSnapshot, Service } from '../../common/protocol';
import type { DisplaySettings } from './display-settings';

/** The counters and services one display covers. */
export interface CallScope {
  counterIds: ReadonlySet<string>;
  /** null: every service. */
  serviceIds: ReadonlySet<string> | null;
}

export interface ShownCall {
  ticketId: string;
  code: string;
  counterNumber: number;
}

export interface WaitingRow {
  service: Service;
  waiting: number;
}

export function callScope(snapshot: QueueSnapshot, settings: Pick<DisplaySettings, 'zone' | 'counterIds' | 'serviceIds'>): CallScope {
  const counters = snapshot.counters.filter(
    (c) => c.active && (settings.zone === null || c.zone === settings.zone) && (settings.counterIds === null || settings.counterIds.includes(c.id)),
  );
  return {
    counterIds: new Set(counters.map((c) => c.id)),
    serviceIds: settings.serviceIds ? new Set(settings.serviceIds) : null,
  };
}

export function isInScope(scope: CallScope, counterId: string | null, serviceId: string): boolean {
  return counterId !== null && scope.counterIds.has(counterId) && (scope.serviceIds === null || scope.serviceIds.has(serviceId));
}

function counterNumbers(snapshot: QueueSnapshot): Map<string, number> {
  return new Map(snapshot.counters.map((c) => [c.id, c.number]));
}

/** Tickets called or being served right now, newest call first. */
export function activeCalls(snapshot: QueueSnapshot, scope: CallScope): ShownCall[] {
  const numbers = counterNumbers(snapshot);
  return snapshot.tickets
    .filter((t) => (t.status === 'called' || t.status === 'serving') && isInScope(scope, t.counterId, t.serviceId))
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0))
    .flatMap((t) => {
      const counterNumber = numbers.get(t.counterId ?? '');
      return counterNumber === undefined ? [] : [{ ticketId: t.id, code: t.code, counterNumber }];
    });
}

/** Earlier calls, newest first: each ticket once, leaving out those still on the "now calling" list. */
export function earlierCalls(snapshot: QueueSnapshot, scope: CallScope, count: number): ShownCall[] {
  const numbers = counterNumbers(snapshot);
  const active = new Set(activeCalls(snapshot, scope).map((c) => c.ticketId));
  const seen = new Set<string>();
  const shown: ShownCall[] = [];
  for (const call of snapshot.recentCalls) {
    if (shown.length >= count) break;
    const counterNumber = numbers.get(call.counterId);
    if (seen.has(call.ticketId) || active.has(call.ticketId) || counterNumber === undefined) continue;
    seen.add(call.ticketId);
    if (isInScope(scope, call.counterId, call.serviceId)) shown.push({ ticketId: call.ticketId, code: call.code, counterNumber });
  }
  return shown;
}

/** People waiting per service the display covers, in kiosk order. */
export function waitingByService(snapshot: QueueSnapshot, scope: CallScope): WaitingRow[] {
  const served = new Set(snapshot.counters.filter((c) => scope.counterIds.has(c.id)).flatMap((c) => c.services.map((s) => s.serviceId)));
  return snapshot.services
    .filter((s) => s.active && served.has(s.id) && (scope.serviceIds === null || scope.serviceIds.has(s.id)))
    .sort((a, b) => a.kioskOrder - b.kioskOrder)
    .map((service) => ({ service, waiting: snapshot.tickets.filter((t) => t.serviceId === service.id && t.status === 'waiting').length }));
}
