// The manager's live view, computed from the engine's state: queues, counters, and an alert for
// each waiting visitor predicted to miss the target — raised before the target passes, while
// there is still time to open a booth.
import type { Ticket } from '../../common/protocol';
import type { BreachAlert, LiveCounter, LiveMonitor, LiveService } from '../../common/protocol/analytics';
import { peopleAhead, recentServiceMinutes } from '../domain/estimates';
import { ticketRef } from '../realtime/redact';
import type { QueueConfig, QueueState } from '../domain/state';
import { DEFAULT_BOOKED_TARGET_MINUTES, DEFAULT_TARGET_MINUTES, MINUTE } from './measures';

function waitStartOf(ticket: Ticket): number {
  return ticket.priority.kind === 'booked' ? Math.max(ticket.issuedAt, ticket.priority.slotStart) : ticket.issuedAt;
}

function openCountersFor(state: QueueState, config: QueueConfig, serviceId: string): number {
  return [...config.counters.values()].filter(
    (c) => c.active && c.services.some((s) => s.serviceId === serviceId) && state.counters.get(c.id)?.status === 'open',
  ).length;
}

export function liveMonitor(state: QueueState, config: QueueConfig, now: number): LiveMonitor {
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  const services: LiveService[] = [];
  const alerts: BreachAlert[] = [];
  for (const service of config.services.values()) {
    const queue = waiting.filter((t) => t.serviceId === service.id);
    const countersOpen = openCountersFor(state, config, service.id);
    const minutesEach = recentServiceMinutes(state, config, service.id);
    const longest = queue.reduce<number | null>((max, t) => Math.max(max ?? 0, (now - waitStartOf(t)) / MINUTE), null);
    services.push({ serviceId: service.id, waiting: queue.length, longestWaitMinutes: longest, countersOpen, serviceMinutes: minutesEach, targetMinutes: service.targetWaitMinutes });
    for (const ticket of queue) {
      const booked = ticket.priority.kind === 'booked';
      const target = (booked ? service.bookedTargetWaitMinutes : service.targetWaitMinutes) ?? (booked ? DEFAULT_BOOKED_TARGET_MINUTES : DEFAULT_TARGET_MINUTES);
      const waited = Math.max(0, (now - waitStartOf(ticket)) / MINUTE);
      // A quick forecast for every waiting ticket: people ahead × recent service time ÷ open counters.
      // The ticket's own estimate also weighs other services at shared booths and paused booths' returns,
      // but costs a pass over the queue per ticket.
      const predicted = countersOpen === 0 ? null : waited + (peopleAhead(state, ticket) * minutesEach) / countersOpen;
      if (predicted !== null && predicted <= target) continue;
      alerts.push({
        ticketRef: ticketRef(ticket.id),
        code: ticket.code,
        serviceId: service.id,
        waitedMinutes: waited,
        predictedWaitMinutes: predicted,
        targetMinutes: target,
        minutesLeft: target - waited,
        state: waited > target ? 'breached' : 'at-risk',
      });
    }
  }
  const counters: LiveCounter[] = [...config.counters.values()]
    .filter((c) => c.active)
    .map((counter) => {
      const live = state.counters.get(counter.id);
      const ticket = live?.ticketId ? state.tickets.get(live.ticketId) : undefined;
      return {
        counterId: counter.id,
        number: counter.number,
        status: live?.status ?? 'closed',
        operatorName: live?.operatorName ?? null,
        pauseReason: live?.pause?.reason ?? null,
        ticketRef: ticket ? ticketRef(ticket.id) : null,
        ticketCode: ticket?.code ?? null,
        ticketStatus: ticket?.status ?? null,
        minutesInState: live ? Math.max(0, now - live.since) / MINUTE : 0,
      };
    });
  alerts.sort((a, b) => a.minutesLeft - b.minutesLeft);
  return { at: now, services, counters, alerts };
}
