import { plural } from '../plural';

// Texts of a printed ticket, top to bottom. Dates and times come preformatted in `{date}`/`{time}`.
export const ticket = {
  yourNumber: 'Your ticket number',
  service: 'Service: {service}',
  issued: 'Issued: {date} {time}',
  /** A date on a ticket: the day, the month's name (in the case a date takes) and the year. */
  date: '{day} {month} {year}',
  appointment: 'Appointment at {time}',
  outOfTurn: 'Out of turn',
  peopleAhead: plural({
    '=0': 'Nobody is ahead of you',
    one: '{count} person ahead of you',
    other: '{count} people ahead of you',
  }),
  expectedWait: plural({
    '=0': 'Expected wait: under a minute',
    one: 'Expected wait: about {count} minute',
    other: 'Expected wait: about {count} minutes',
  }),
  /** When no booth that serves the ticket is open or due back: no number is promised. */
  expectedWaitUnknown: 'Expected wait: cannot be estimated yet',
  waitForCall: 'Please wait to be called on the display',
  trackOnline: 'Track your place online',
  phones: 'Phone: {phones}',
  duplicate: 'Duplicate',
  /** Labels of the printed ticket's `label: value` lines, and the wait as a value. */
  label: {
    issued: 'Issued',
    peopleAhead: 'People ahead of you',
    expectedWait: 'Expected wait',
    phones: 'Phone',
  },
  waitValue: plural({
    '=0': 'under a minute',
    one: 'about {count} minute',
    other: 'about {count} minutes',
  }),
  waitValueUnknown: 'cannot be estimated yet',
} as const;
