// One simulated day of the history generator, from a quiet day to an overloaded one: the same seed
// gives the same day, and every day keeps the invariants of real days (test/support/day-invariants.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterSchema, officeSchema, serviceSchema, type Counter, type LocalDate, type Office, type Service } from '../../common/protocol';
import { demoCounters, demoOffice, demoServices } from '../../db/demo-office';
import { createRandom } from '../../db/history/random';
import { CONSULTANT } from '../../db/history/arrivals';
import { simulateDay, type DayOutput } from '../../db/history/simulate-day';
import type { QueueConfig } from '../../server/domain/state';
import { addDays } from '../../common/time/calendar';
import { plannedPauses, replayJournal, type JournalRow, type TicketRow } from '../support/day-invariants';

const office = officeSchema.parse(demoOffice({ allDay: false })) as Office;
const services = demoServices.map((s) => serviceSchema.parse(s) as Service);
const counters = demoCounters.map((c) => counterSchema.parse(c) as Counter);
const config: QueueConfig = { office, services: new Map(services.map((s) => [s.id, s])), counters: new Map(counters.map((c) => [c.id, c])) };
const staff = new Map([...counters.map((c) => [`hist-${c.number}`, 'operator'] as const), [CONSULTANT, 'consultant'] as const]);

function simulate(seed: number, date: LocalDate, expected: number): DayOutput {
  return simulateDay(createRandom(seed), date, office, expected, services, counters);
}

/** The rows as the generator stores them. */
function stored(days: DayOutput[]): { journal: JournalRow[]; tickets: TicketRow[] } {
  const rows = days.flatMap((day) => day.rows);
  const journal = rows.map((r, i) => ({
    id: i + 1, at: r.at, kind: r.kind, ticket_id: r.ticketId, counter_id: r.counterId, service_id: r.serviceId, actor: r.actor, from_state: r.from, to_state: r.to, note: r.note,
  }));
  const tickets = days.flatMap((day) =>
    day.tickets.map((t) => ({
      id: t.id, issued_service_id: day.issuedService.get(t.id)!, service_id: t.serviceId, service_day: t.serviceDay, number: t.number, code: t.code, status: t.status,
      outcome: t.outcome, issued_at: t.issuedAt, called_at: t.calledAt, started_at: t.startedAt, finished_at: t.finishedAt, counter_id: t.counterId,
    })),
  );
  return { journal, tickets };
}

describe('a simulated office day', () => {
  it('is the same for the same seed', () => {
    expect(simulate(42, '2026-03-10', 300)).toEqual(simulate(42, '2026-03-10', 300));
  });

  it('keeps the invariants of real days over a week, from a quiet office to one with far too few booths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(20, 150, 400, 1200), (seed, expected) => {
        // Monday 9 March to the 2nd Saturday, 14 March 2026: five long days and one of 9–12.
        const days = Array.from({ length: 6 }, (_, i) => simulate(seed + i, addDays('2026-03-09', i), expected));
        const { journal, tickets } = stored(days);
        const replay = replayJournal(config, journal, tickets, staff);
        expect(replay.problems.slice(0, 5)).toEqual([]);
        const breaks = replay.boothDays.filter((day) => JSON.stringify(day.pauses) !== JSON.stringify(plannedPauses(config, day)));
        expect(breaks.slice(0, 3)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('serves nearly everybody when the booths match the demand, leaving few for the day’s end', () => {
    const { tickets } = stored([simulate(3, '2026-03-11', 150)]);
    const ended = tickets.filter((t) => t.outcome === 'day-ended').length;
    expect(ended / tickets.length).toBeLessThan(0.02);
  });
});
