// Narrowing to one service: its visits come from the service's own day summaries (visits that stood
// in its queue at any point); its counter time is that of the counters configured to serve it.
import type { Counter } from '../../common/protocol';
import type { DaySummary } from './day-summary-shape';

export function countersServing(serviceId: string, counters: Iterable<Counter>): Set<string> {
  return new Set([...counters].filter((c) => c.services.some((s) => s.serviceId === serviceId)).map((c) => c.id));
}

export function withCountersOnly(days: readonly DaySummary[], serving: ReadonlySet<string>): DaySummary[] {
  return days.map((day) => ({ ...day, counters: Object.fromEntries(Object.entries(day.counters).filter(([id]) => serving.has(id))) }));
}
