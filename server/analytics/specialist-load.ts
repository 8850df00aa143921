// Load per specialist: tickets served, time busy with visitors, paused (by reason) and idle, and
// utilisation = busy time ÷ logged-in time against the healthy band of 75–85 % (above ~90 % burns
// people out; well below 75 % means too many booths for the flow).
import type { PauseReason } from '../../common/protocol';
import { ratio } from './distribution';
import { busyMs, MINUTE, type ReportInput } from './measures';

export const HEALTHY_UTILISATION = { low: 0.75, high: 0.85 } as const;
export const BURNOUT_UTILISATION = 0.9;

export type UtilisationBand = 'under' | 'healthy' | 'over' | 'burnout';

export interface SpecialistLoad {
  specialistId: string;
  served: number;
  /** Calls answered or not: every leg this specialist called. */
  handled: number;
  busyMinutes: number;
  openMinutes: number;
  idleMinutes: number;
  pausedMinutes: Record<PauseReason, number>;
  loggedInMinutes: number;
  utilisation: number | null;
  band: UtilisationBand | null;
}

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

export function specialistLoad(input: Pick<ReportInput, 'visits' | 'intervals'>): SpecialistLoad[] {
  const totals = new Map<string, Totals>();
  const of = (id: string | null) => {
    const key = id ?? 'unknown';
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { served: 0, handled: 0, busy: 0, open: 0, paused: { lunch: 0, technical: 0, other: 0 } }));
    return t;
  };
  for (const visit of input.visits) {
    for (const leg of visit.legs) {
      if (leg.firstCalledAt === null) continue;
      const t = of(leg.specialistId);
      t.handled += 1;
      if (leg.end === 'served') t.served += 1;
      t.busy += busyMs(leg);
    }
  }
  for (const interval of input.intervals) {
    const t = of(interval.specialistId);
    const ms = interval.to - interval.from;
    if (interval.state === 'open') t.open += ms;
    else t.paused[interval.pauseReason ?? 'other'] += ms;
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
export function overallUtilisation(input: Pick<ReportInput, 'visits' | 'intervals'>): number | null {
  let busy = 0;
  let loggedIn = 0;
  for (const visit of input.visits) for (const leg of visit.legs) busy += busyMs(leg);
  for (const interval of input.intervals) loggedIn += interval.to - interval.from;
  return ratio(busy, loggedIn);
}
