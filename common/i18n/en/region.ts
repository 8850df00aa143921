import { plural } from '../plural';

// The regional view of the staff app (regional administrators and analysts): every office side by
// side, the region's arrivals by weekday and hour, and the staffing advisor per office. Period,
// comparison, loading and CSV words are the analytics section's.
export const region = {
  nav: 'Region',
  heading: 'Offices of the region',
  views: {
    offices: 'Offices side by side',
    heatmap: 'Arrivals by weekday and hour',
    staffing: 'Booths per office',
  },
  measures: {
    visitors: 'Visitors',
    meanWaitMinutes: 'Mean wait, min',
    p90WaitMinutes: '90 % waited at most, min',
    serviceLevel: 'Within target',
    noShowRate: 'No-shows',
    utilisation: 'Utilisation',
    satisfaction: 'Rating (1–5)',
    bookedShare: 'Booked',
  },
  office: 'Office',
  wholeRegion: 'Whole region',
  change: 'change',
  /** A sortable column header's accessible name. */
  sortBy: 'Sort by {column}',
  changeColumn: '{measure}: change',
  openAnalytics: 'Open the analytics of {office}',
  comparedWith: 'Compared with {from} – {to}. Each office counts the dates in its own time zone.',
  csv: {
    report: 'CSV: offices',
    heatmap: 'CSV: heat map',
    staffing: 'CSV: booths per office',
  },
  selection: {
    legend: 'Offices in the heat map',
    all: 'All offices',
    none: 'Choose at least one office.',
  },
  heatLegend: 'visitors per day, the chosen offices together',
  heatCaption: 'Each figure adds up, over the chosen offices, the visitors each office receives in that hour on a typical day it is open then. Office hours are each office’s own local time.',
  heatCellTitle: '{weekday} {hour}:00 — {mean} per day, {total} in all',
  staffing: {
    basedOn: 'The advice stands on the last four weeks of the period: {from} – {to}.',
    caption: 'The advisor’s busiest hour per office, and how often fewer (or more) booths were open than it advises. Open an office to see every hour.',
    peak: 'Busiest hour',
    arrivals: 'Arrivals per hour',
    recommended: 'Booths advised',
    open: 'Booths open, mean',
    understaffed: 'Hours short of booths',
    overstaffed: 'Hours with booths to spare',
    noVisitors: 'no visitors',
  },
  /** What the rating column stands on (its cells' tooltip). */
  ratingsCount: plural({ '=0': 'no ratings', one: '{count} rating', other: '{count} ratings' }),
  noOffices: 'There are no offices yet.',
} as const;
