// Each service numbers its tickets per service day from its start number. The day turns over
// lazily: the first ticket after local midnight starts again — nothing is deleted, nothing reset
// by a timer.
import type { LocalDate, Service } from '../../common/protocol';
import { domainError, type DomainError } from './errors';
import type { ServiceNumbering } from './state';

export function nextNumber(
  service: Service,
  current: ServiceNumbering | undefined,
  day: LocalDate,
): { ok: true; number: number; numbering: ServiceNumbering } | { ok: false; error: DomainError } {
  const today = current && current.day === day ? current : { day, last: service.startNumber - 1, issued: 0 };
  if (service.dailyLimit !== null && today.issued >= service.dailyLimit) {
    return { ok: false, error: domainError('daily-limit-reached', `The daily limit of ${service.dailyLimit} tickets is reached`) };
  }
  // A restart of the start number mid-day (configuration change) must still never repeat a number.
  const number = Math.max(today.last + 1, service.startNumber);
  if (number > service.endNumber) {
    return { ok: false, error: domainError('numbers-exhausted', `All numbers up to ${service.endNumber} are used today`) };
  }
  return { ok: true, number, numbering: { day, last: number, issued: today.issued + 1 } };
}

export function ticketCode(prefix: string, number: number): string {
  return `${prefix}${number}`;
}
