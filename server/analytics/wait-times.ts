// How long people wait and how long they are served: mean, median and 90th percentile per service,
// per hour of arrival, per day and per specialist; and the longest waits of the period.
import { describe, Groups, type Distribution } from './distribution';
import { abandonedAfterMinutes, type ReportInput, serviceMinutes, waitMinutes } from './measures';
import type { Visit } from './visits';

export interface TimesRow {
  key: string;
  wait: Distribution;
  service: Distribution;
}

export interface WaitTimes {
  overall: { wait: Distribution; service: Distribution };
  byService: TimesRow[];
  /** Key: local hour of arrival, '00'–'23'. */
  byHour: TimesRow[];
  /** Key: local date of arrival. */
  byDay: TimesRow[];
  /** Key: the specialist's user id ('unknown' when a device or the system called). */
  bySpecialist: TimesRow[];
}

class TimesTable {
  readonly wait = new Groups();
  readonly service = new Groups();

  rows(): TimesRow[] {
    const waits = this.wait.describeAll();
    const services = this.service.describeAll();
    const keys = [...new Set([...waits.keys(), ...services.keys()])].sort();
    return keys.map((key) => ({ key, wait: waits.get(key) ?? describe([]), service: services.get(key) ?? describe([]) }));
  }
}

export function waitTimes(input: ReportInput): WaitTimes {
  const byService = new TimesTable();
  const byHour = new TimesTable();
  const byDay = new TimesTable();
  const bySpecialist = new TimesTable();
  const allWaits: number[] = [];
  const allServices: number[] = [];
  for (const visit of input.visits) {
    const arrival = input.clock.slot(visit.issuedAt);
    const hour = String(arrival.hour).padStart(2, '0');
    const wait = waitMinutes(visit);
    if (wait !== null) {
      allWaits.push(wait);
      byService.wait.add(visit.issuedServiceId, wait);
      byHour.wait.add(hour, wait);
      byDay.wait.add(arrival.date, wait);
      bySpecialist.wait.add(visit.legs[0]!.specialistId ?? 'unknown', wait);
    }
    for (const leg of visit.legs) {
      const minutes = serviceMinutes(leg);
      if (minutes === null) continue;
      allServices.push(minutes);
      byService.service.add(leg.serviceId, minutes);
      byHour.service.add(hour, minutes);
      byDay.service.add(arrival.date, minutes);
      bySpecialist.service.add(leg.specialistId ?? 'unknown', minutes);
    }
  }
  return {
    overall: { wait: describe(allWaits), service: describe(allServices) },
    byService: byService.rows(),
    byHour: byHour.rows(),
    byDay: byDay.rows(),
    bySpecialist: bySpecialist.rows(),
  };
}

export interface LongWait {
  ticketId: string;
  code: string;
  serviceId: string;
  issuedAt: number;
  calledAt: number | null;
  waitMinutes: number;
  /** False when the visitor was never called (cancelled or the day ended). */
  called: boolean;
  booked: boolean;
  outcome: Visit['outcome'];
}

export function longestWaits(input: ReportInput, limit = 20): LongWait[] {
  const all: LongWait[] = [];
  for (const visit of input.visits) {
    const called = waitMinutes(visit);
    const minutes = called ?? abandonedAfterMinutes(visit);
    if (minutes === null) continue;
    all.push({
      ticketId: visit.ticketId,
      code: visit.code,
      serviceId: visit.issuedServiceId,
      issuedAt: visit.issuedAt,
      calledAt: visit.calledAt,
      waitMinutes: minutes,
      called: called !== null,
      booked: visit.priorityKind === 'booked',
      outcome: visit.outcome,
    });
  }
  return all.sort((a, b) => b.waitMinutes - a.waitMinutes || a.issuedAt - b.issuedAt).slice(0, limit);
}
