// Office-local hour, weekday and date for many instants at once. `localParts` asks Intl every time,
// which is far too slow for a year of tickets; zone offsets only change on quarter-hour boundaries,
// so one Intl reading per quarter hour serves every instant inside it.
import type { LocalDate } from '../../common/protocol';
import { localParts } from '../../common/time/calendar';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface LocalSlot {
  date: LocalDate;
  /** 0–23. */
  hour: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  dayOfMonth: number;
}

export class LocalClock {
  private readonly offsets = new Map<number, number>();
  private readonly dates = new Map<number, LocalDate>();

  constructor(readonly timeZone: string) {}

  /** Milliseconds to add to an instant to read the office's wall clock as if it were UTC. */
  offsetAt(epochMs: number): number {
    const quarter = Math.floor(epochMs / QUARTER);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      const start = quarter * QUARTER;
      const parts = localParts(start, this.timeZone);
      offset = Date.parse(`${parts.date}T00:00:00Z`) + parts.minutes * MINUTE - start;
      this.offsets.set(quarter, offset);
    }
    return offset;
  }

  slot(epochMs: number): LocalSlot {
    const wall = epochMs + this.offsetAt(epochMs);
    const dayNumber = Math.floor(wall / DAY);
    const calendar = new Date(dayNumber * DAY);
    return {
      date: this.dateOf(dayNumber),
      hour: Math.floor((wall - dayNumber * DAY) / HOUR),
      weekday: ((calendar.getUTCDay() + 6) % 7) + 1,
      dayOfMonth: calendar.getUTCDate(),
    };
  }

  /** The next local full hour after an instant (the instant itself is never returned). */
  nextHourBoundary(epochMs: number): number {
    const wall = epochMs + this.offsetAt(epochMs);
    const next = Math.floor(wall / HOUR) * HOUR + HOUR - this.offsetAt(epochMs);
    return next > epochMs ? next : epochMs + HOUR;
  }

  private dateOf(dayNumber: number): LocalDate {
    let date = this.dates.get(dayNumber);
    if (!date) {
      date = new Date(dayNumber * DAY).toISOString().slice(0, 10);
      this.dates.set(dayNumber, date);
    }
    return date;
  }
}
