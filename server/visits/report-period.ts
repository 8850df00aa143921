// The period of a visit or rating report: local dates, both ends included, the last 28 days unless
// asked otherwise, at most two years and a day (a year against the year before).
import type { LocalDate } from '../../common/protocol';
import { addDays } from '../../common/time/calendar';
import { fail } from '../http/respond';

const DEFAULT_PERIOD_DAYS = 28;
const MAX_PERIOD_DAYS = 732;

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function reportPeriod(query: { from?: LocalDate | undefined; to?: LocalDate | undefined }, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - DEFAULT_PERIOD_DAYS);
  const days = daysBetween(from, to);
  if (days < 1) fail('invalid-input', '`from` must not be after `to`');
  if (days > MAX_PERIOD_DAYS) fail('invalid-input', `A period may span at most ${MAX_PERIOD_DAYS} days`);
  return { from, to };
}
