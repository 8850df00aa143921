// Which slots a service offers on a date under the appointment settings: the booking hours, the slot
// length (the service's expected duration), the booths that serve it and the walk-in share. Pure.
import type { AppointmentSettings, LocalDate, OfficeSchedule, Service } from '../../common/protocol';
import { openPeriods } from './schedule';
import { computeSlots, slotCapacity, type Slot } from './slots';
import type { QueueConfig } from './state';
import { addDays } from '../../common/time/calendar';

export function walkInShareFor(settings: AppointmentSettings, serviceId: string): number {
  return settings.serviceWalkInShare[serviceId] ?? settings.walkInShare;
}

/** Active counters that list the service: each can take one booked visitor per slot. */
export function countersServing(config: QueueConfig, serviceId: string): number {
  return [...config.counters.values()].filter((c) => c.active && c.services.some((s) => s.serviceId === serviceId)).length;
}

/** Services a visitor may book: active, served by some counter, with room left after the walk-in share. */
export function bookableServices(config: QueueConfig, settings: AppointmentSettings): Service[] {
  return [...config.services.values()].filter((s) => s.active && slotCapacity(countersServing(config, s.id), walkInShareFor(settings, s.id)) > 0);
}

export function withinHorizon(date: LocalDate, today: LocalDate, horizonDays: number): boolean {
  return date >= today && date < addDays(today, horizonDays);
}

/** The office's schedule with the weekly booking hours, where the settings set their own. */
export function bookingSchedule(config: QueueConfig, settings: AppointmentSettings): OfficeSchedule {
  const { schedule } = config.office;
  return settings.bookingHours ? { ...schedule, weekly: settings.bookingHours } : schedule;
}

/** The days within the horizon that have booking hours at all, today first. */
export function bookableDays(config: QueueConfig, settings: AppointmentSettings, today: LocalDate): LocalDate[] {
  const schedule = bookingSchedule(config, settings);
  const { timeZone } = config.office;
  return Array.from({ length: settings.horizonDays }, (_, i) => addDays(today, i)).filter((day) => openPeriods(schedule, day, timeZone).length > 0);
}

export interface SlotsQuery {
  serviceId: string;
  date: LocalDate;
  today: LocalDate;
  booked: ReadonlyMap<number, number>;
  now: number;
  leadMinutes: number;
}

/** The service's slots on the date; none for an unknown or inactive service or a date outside the horizon. */
export function serviceSlots(config: QueueConfig, settings: AppointmentSettings, query: SlotsQuery): Slot[] {
  const service = config.services.get(query.serviceId);
  if (!service?.active || !withinHorizon(query.date, query.today, settings.horizonDays)) return [];
  return computeSlots({
    schedule: bookingSchedule(config, settings),
    timeZone: config.office.timeZone,
    date: query.date,
    slotMinutes: service.expectedServiceMinutes,
    countersServing: countersServing(config, service.id),
    walkInShare: walkInShareFor(settings, service.id),
    booked: query.booked,
    now: query.now,
    minLeadMinutes: query.leadMinutes,
  });
}
