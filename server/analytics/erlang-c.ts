// Erlang C for a pool of c identical counters fed by random (Poisson) arrivals, with no
// abandonment. Computed through the Erlang B recursion B(k) = A·B(k−1) / (k + A·B(k−1)), which
// never forms A^c or c! and so stays exact for hundreds of counters and loads.
import type { StaffingGoal, StaffingOption } from '../../common/protocol/analytics';

/** Offered load in erlangs: arrivals per hour × mean service minutes / 60. */
export function offeredLoad(arrivalsPerHour: number, serviceMinutes: number): number {
  return (arrivalsPerHour * serviceMinutes) / 60;
}

/** Probability that all c servers are busy and the call is lost (Erlang B). */
export function erlangB(counters: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= counters; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Probability that an arrival has to wait (Erlang C); 1 when the load reaches the counters. */
export function probabilityOfWait(counters: number, load: number): number {
  if (load <= 0) return 0;
  if (load >= counters) return 1;
  const b = erlangB(counters, load);
  return (counters * b) / (counters - load * (1 - b));
}

/** Share of arrivals called within `targetMinutes`. */
export function serviceLevel(counters: number, load: number, serviceMinutes: number, targetMinutes: number): number {
  if (load <= 0) return 1;
  if (load >= counters) return 0;
  return 1 - probabilityOfWait(counters, load) * Math.exp((-(counters - load) * targetMinutes) / serviceMinutes);
}

/** Mean wait over all arrivals (average speed of answer), in minutes; Infinity when overloaded. */
export function averageWaitMinutes(counters: number, load: number, serviceMinutes: number): number {
  if (load <= 0) return 0;
  if (load >= counters) return Number.POSITIVE_INFINITY;
  return (probabilityOfWait(counters, load) * serviceMinutes) / (counters - load);
}

export function occupancy(counters: number, load: number): number {
  return counters === 0 ? Number.POSITIVE_INFINITY : load / counters;
}

export function staffingOption(counters: number, load: number, serviceMinutes: number, goal: StaffingGoal): StaffingOption {
  const level = serviceLevel(counters, load, serviceMinutes, goal.targetMinutes);
  const busy = occupancy(counters, load);
  return {
    counters,
    probabilityOfWait: probabilityOfWait(counters, load),
    serviceLevel: level,
    averageWaitMinutes: averageWaitMinutes(counters, load, serviceMinutes),
    occupancy: busy,
    meetsGoal: level >= goal.serviceLevel && busy <= goal.maxOccupancy,
  };
}

/** The smallest number of counters that meets the service level goal and the occupancy cap. */
export function countersNeeded(load: number, serviceMinutes: number, goal: StaffingGoal): number {
  if (load <= 0) return 0;
  let counters = Math.max(1, Math.floor(load) + 1);
  while (!staffingOption(counters, load, serviceMinutes, goal).meetsGoal) counters += 1;
  return counters;
}

/** Staff to roster so that `counters` are actually open after breaks, sickness and training. */
export function staffToRoster(counters: number, shrinkage: number): number {
  return Math.ceil(counters / (1 - shrinkage));
}
