import { plural } from '../plural';

// Messages sent to a visitor's phone or mailbox (push, SMS, e-mail). An SMS carries the short text and
// its stop link only, so each text stays well inside 160 Latin or 70 Cyrillic characters with its
// values filled in. A booth is a "window" to visitors, as on the display and in the voice.
export const messages = {
  ticketAheadSubject: 'Ticket {code}: your turn is near',
  ticketAhead: plural({
    one: 'Ticket {code}: {count} person ahead of you. Please come back to the hall.',
    other: 'Ticket {code}: {count} people ahead of you. Please come back to the hall.',
  }),
  ticketCalledSubject: 'Ticket {code}: your turn',
  ticketCalledAt: 'Your turn: window {counter}. Ticket {code}.',
  ticketCalled: 'Your turn: ticket {code}. See the hall display.',
  bookingConfirmedSubject: 'Booking {code}: {date}, {time}',
  bookingConfirmed: '{office}: {service}, {date} at {time}. Code {code}.',
  bookingReminderSubject: 'Reminder: {date}, {time}',
  bookingReminder: 'Reminder. {office}: {service}, {date} at {time}. Code {code}.',
  bookingMovedSubject: 'Booking {code} moved: {date}, {time}',
  bookingMoved: '{office}: booking {code} moved to {date} at {time}.',
  bookingCancelledSubject: 'Booking {code} cancelled',
  bookingCancelled: '{office}: booking {code} for {date} at {time} is cancelled.',
  openTicket: 'Your ticket: {url}',
  manageBooking: 'See, move or cancel the booking: {url}',
  stopLine: 'Stop these messages: {url}',
  smsStop: 'Stop: {url}',
  /** The .ics entry's title. */
  calendarTitle: '{service} · {office}',
  /** The page /stop/ that a stop link opens. */
  stopTitle: 'Stop messages',
  stopExplain: 'You will receive no more messages about this ticket or booking on this channel.',
  stopButton: 'Stop the messages',
  stopDone: 'Done: no more messages will be sent here.',
  stopUnknown: 'This link is not valid any more.',
  stopFailed: 'Could not stop the messages. Please try again.',
  /** The admin's test e-mail. */
  testSubject: 'Talon: test message',
  testText: 'This test message from {office} shows that the mail server settings work.',
} as const;
