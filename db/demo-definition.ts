// What the demo knows about one of its offices, and how the demo opens a queue around the clock.
import type { CounterInput, OfficeId, OfficeInput, ServiceInput } from '../common/protocol';

/** One demo office as its source documents describe it: real opening hours, services and booths. */
export interface DemoOfficeDefinition {
  id: OfficeId;
  office: OfficeInput;
  services: ServiceInput[];
  counters: CounterInput[];
}

/**
 * The demo usually opens its queues around the clock, so it can be tried at any hour; visits are
 * still booked in the real office hours (the seed saves them as booking hours), as no office takes
 * appointments at 00:30.
 */
export function openAroundTheClock(office: OfficeInput): OfficeInput {
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ weekday: d, hours: { open: '00:00', close: '23:59', breaks: [] } }));
  return { ...office, schedule: { ...office.schedule, weekly, cutoffMinutes: 0 } };
}
