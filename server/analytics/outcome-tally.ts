// How a set of visits ended, as plain counts: what a day keeps and a period adds up.
import type { OutcomeTally } from '../../common/protocol/analytics';
import type { Visit } from './visits';

export const emptyTally = (): OutcomeTally => ({ issued: 0, served: 0, noShow: 0, cancelled: 0, dayEnded: 0, transferred: 0, recalled: 0 });

export function tallyVisit(tally: OutcomeTally, visit: Visit): void {
  tally.issued += 1;
  if (visit.outcome === 'served') tally.served += 1;
  else if (visit.outcome === 'no-show') tally.noShow += 1;
  else if (visit.outcome === 'cancelled') tally.cancelled += 1;
  else if (visit.outcome === 'day-ended') tally.dayEnded += 1;
  if (visit.transfers > 0) tally.transferred += 1;
  if (visit.legs.some((leg) => leg.recalls > 0)) tally.recalled += 1;
}

export function addTally(into: OutcomeTally, more: OutcomeTally): void {
  for (const key of Object.keys(into) as (keyof OutcomeTally)[]) into[key] += more[key];
}
