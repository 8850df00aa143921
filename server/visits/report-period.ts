// The period of a report: local dates, both ends included, the last 28 days unless asked otherwise,
// at most MAX_PERIOD_DAYS (a year against the year before). The dates themselves are checked by the
// query schema (`localDate`); here the two ends are checked against each other.
import { daysInPeriod, MAX_PERIOD_DAYS, type LocalDate } from '../../common/protocol';
import { addDays } from '../../common/time/calendar';
import { fail } from '../http/respond';

const DEFAULT_PERIOD_DAYS = 28;

export function reportPeriod(query: { from?: LocalDate | undefined; to?: LocalDate | undefined }, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - DEFAULT_PERIOD_DAYS);
  const days = daysInPeriod(from, to);
  if (days < 1) refuse('from', `must not be after to (${from} > ${to})`);
  if (days > MAX_PERIOD_DAYS) refuse('to', `a period spans at most ${MAX_PERIOD_DAYS} days from \`from\` (${from})`);
  return { from, to };
}

/** Refused as `parse` refuses a field, so clients read one shape of message and details. */
function refuse(field: 'from' | 'to', message: string): never {
  return fail('invalid-input', `Invalid input — ${field}: ${message}`, { issues: [`${field}: ${message}`] });
}
