// Narrowing records to one service: the visits that stood in its queue at any point, and the
// counters configured to serve it.
import type { Counter } from '../../common/protocol';
import type { CounterInterval, Visit } from './visits';

export function forService(
  records: { visits: readonly Visit[]; intervals: readonly CounterInterval[] },
  serviceId: string,
  counters: Iterable<Counter>,
): { visits: Visit[]; intervals: CounterInterval[] } {
  const serving = new Set([...counters].filter((c) => c.services.some((s) => s.serviceId === serviceId)).map((c) => c.id));
  return {
    visits: records.visits.filter((v) => v.issuedServiceId === serviceId || v.legs.some((leg) => leg.serviceId === serviceId)),
    intervals: records.intervals.filter((i) => serving.has(i.counterId)),
  };
}
