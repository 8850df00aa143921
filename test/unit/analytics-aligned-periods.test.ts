import { describe, expect, it } from 'vitest';
import { previousPeriod } from '../../server/analytics/aligned-periods';

// Every expected period below was read off a calendar by hand.
describe('the period a comparison sets beside the chosen one', () => {
  it('is the same weekdays of last week: Monday to Wednesday against last Monday to Wednesday', () => {
    // Wednesday 2 December 2026, "this week" so far.
    expect(previousPeriod({ from: '2026-11-30', to: '2026-12-02' }, 'week')).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    // A single day against the same weekday a week before, across a year end.
    expect(previousPeriod({ from: '2027-01-01', to: '2027-01-01' }, 'week')).toEqual({ from: '2026-12-25', to: '2026-12-25' });
    // Thirty days keep their weekdays by going back five whole weeks, not thirty days.
    expect(previousPeriod({ from: '2026-11-03', to: '2026-12-02' }, 'week')).toEqual({ from: '2026-09-29', to: '2026-10-28' });
  });

  it('is the same dates of last month, clamped at the month end', () => {
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-02' }, 'month')).toEqual({ from: '2026-11-01', to: '2026-11-02' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-30' }, 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2024-03-31', to: '2024-03-31' }, 'month')).toEqual({ from: '2024-02-29', to: '2024-02-29' });
    expect(previousPeriod({ from: '2026-01-15', to: '2026-01-31' }, 'month')).toEqual({ from: '2025-12-15', to: '2025-12-31' });
  });

  it('sets a whole month beside the whole month before it', () => {
    expect(previousPeriod({ from: '2026-04-01', to: '2026-04-30' }, 'month')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' }, 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('is the same dates of last year, 29 February falling on the 28th', () => {
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-02' }, 'year')).toEqual({ from: '2025-01-01', to: '2025-12-02' });
    expect(previousPeriod({ from: '2024-02-29', to: '2024-02-29' }, 'year')).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    expect(previousPeriod({ from: '2024-02-01', to: '2024-02-29' }, 'year')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(previousPeriod({ from: '2025-02-01', to: '2025-02-28' }, 'year')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});
