// Load per specialist: tickets served, time busy with visitors, paused (by reason) and idle, and
// utilisation = busy time ÷ logged-in time against the healthy band of 75–85 % (above ~90 % burns
// people out; well below 75 % means too many booths for the flow).
import type { PauseReason } from '../../common/protocol';
import { BURNOUT_UTILISATION, HEALTHY_UTILISATION, type SpecialistLoad, type UtilisationBand } from '../../common/protocol/analytics';
import type { DaySummary } from './day-summary-shape';
import { ratio } from './distribution';
import { MINUTE, type ReportInput } from './measures';

export function utilisationBand(utilisation: number): UtilisationBand {
  if (utilisation > BURNOUT_UTILISATION) return 'burnout';
  if (utilisation > HEALTHY_UTILISATION.high) return 'over';
  if (utilisation >= HEALTHY_UTILISATION.low) return 'healthy';
  return 'under';
}

interface Totals {
  served: number;
  handled: number;
  busy: number;
  open: number;
  paused: Record<PauseReason, number>;
}

export function specialistLoad(input: Pick<ReportInput, 'days'>): SpecialistLoad[] {
  const totals = new Map<string, Totals>();
  const of = (key: string) => {
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { served: 0, handled: 0, busy: 0, open: 0, paused: { lunch: 0, technical: 0, other: 0 } }));
    return t;
  };
  for (const day of input.days) {
    for (const [specialistId, load] of Object.entries(day.visits.specialists)) {
      const t = of(specialistId);
      t.handled += load.handled;
      t.served += load.served;
      t.busy += load.busyMs;
    }
    for (const counter of Object.values(day.counters)) {
      for (const [specialistId, time] of Object.entries(counter.bySpecialist)) {
        const t = of(specialistId);
        t.open += time.open;
        t.paused.lunch += time.lunch;
        t.paused.technical += time.technical;
        t.paused.other += time.other;
      }
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([specialistId, t]) => {
      const paused = t.paused.lunch + t.paused.technical + t.paused.other;
      const loggedIn = t.open + paused;
      const utilisation = ratio(t.busy, loggedIn);
      return {
        specialistId,
        served: t.served,
        handled: t.handled,
        busyMinutes: t.busy / MINUTE,
        openMinutes: t.open / MINUTE,
        idleMinutes: Math.max(0, t.open - t.busy) / MINUTE,
        pausedMinutes: { lunch: t.paused.lunch / MINUTE, technical: t.paused.technical / MINUTE, other: t.paused.other / MINUTE },
        loggedInMinutes: loggedIn / MINUTE,
        utilisation,
        band: utilisation === null ? null : utilisationBand(utilisation),
      };
    });
}

/** Busy time ÷ logged-in time over everyone: one number for comparisons. */
export function overallUtilisation(input: Pick<ReportInput, 'days'>): number | null {
  let busy = 0;
  let loggedIn = 0;
  for (const day of input.days) {
    busy += busyMsOf(day);
    loggedIn += loggedInMsOf(day);
  }
  return ratio(busy, loggedIn);
}

/** Everyone's busy time of a day in ms: whole ms, so sums of them are exact in any order. */
export function busyMsOf(day: DaySummary): number {
  let busy = 0;
  for (const load of Object.values(day.visits.specialists)) busy += load.busyMs;
  return busy;
}

/** Everyone's logged-in time (open and paused) of a day in ms. */
export function loggedInMsOf(day: DaySummary): number {
  let loggedIn = 0;
  for (const counter of Object.values(day.counters)) {
    for (const time of Object.values(counter.bySpecialist)) loggedIn += time.open + time.lunch + time.technical + time.other;
  }
  return loggedIn;
}
