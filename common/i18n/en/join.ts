import { plural } from '../plural';

// Joining the queue from a phone (docs/phone-join.md): the join page the entrance poster's QR code
// opens, the "I'm here" on the live ticket page, the A4 poster itself, and the admin's rules.
export const join = {
  title: 'Join the queue',
  pageTitle: 'Join the queue · {office}',
  chooseService: 'Choose a service',
  take: 'Taking a ticket…',
  waiting: plural({ '=0': 'nobody waiting', one: '{count} waiting', other: '{count} waiting' }),
  off: 'This office does not give tickets to phones now. Please take one at the kiosk in the office.',
  arriveNote: 'After taking a ticket, come to the office within {minutes} minutes and tap “I’m here” on your ticket’s page.',
  arriveNoteAllDay: 'After taking a ticket, come to the office and tap “I’m here” on your ticket’s page.',
  phoneLimit: plural({ one: '{count} ticket a day from each phone.', other: 'Up to {count} tickets a day from each phone.' }),
  loadFailed: 'The office could not be reached. Please check the connection and try again.',
  yourTicket: 'Your ticket {code}: open its page',
  retry: 'Try again',
  // The live ticket page while the ticket waits for its visitor.
  arrivalHeading: 'Come to the office',
  arrivalUntil: 'Tap “I’m here” once you are inside, by {time}, or the ticket will be cancelled.',
  arrivalAllDay: 'Tap “I’m here” once you are inside: you will be called after that.',
  imHere: 'I’m here',
  arriving: 'Sending…',
  otherPhone: 'Open this page on the phone that took the ticket to say you are here.',
  // The booth's postponed pool: a phone ticket whose visitor has not said "I'm here" (staff may still call it).
  staffAwaiting: 'From a phone, not here yet',
  staffAwaitingUntil: 'From a phone, not here yet (dropped at {time})',
  // The A4 poster at the entrance.
  posterHeading: 'Join the queue from your phone',
  // The third step follows the office's rule: tap "I'm here" to be called, or simply be called.
  posterStepsArrival: 'Scan the code with your phone’s camera · choose a service · come in and tap “I’m here”',
  posterStepsNoArrival: 'Scan the code with your phone’s camera · choose a service · come in and wait for your number on the screen',
  posterNoCamera: 'Or open {url}',
  posterPrint: 'Print',
  // The admin's screen.
  adminTitle: 'Joining from a phone',
  adminIntro: 'Visitors scan the poster at the entrance and take a ticket on their phone. Phone tickets are numbered like the kiosk’s.',
  adminEnabled: 'Visitors may take tickets from their phones',
  adminBeforeOpening: 'From this many minutes before opening (0: only while the kiosk gives tickets)',
  adminRequireArrival: 'A phone ticket is called only after the visitor taps “I’m here”',
  adminArriveWithin: 'Minutes to arrive before the ticket is dropped (empty: all day)',
  adminPerPhone: 'Tickets per phone a day',
  adminService: 'Service',
  adminServiceEnabled: 'From phones',
  adminShare: 'Share of the daily limit for phones, %',
  adminNoLimit: 'no daily limit',
  adminServiceBeforeOpening: 'Minutes before opening phones may join (empty: as the office)',
  adminPoster: 'Print the poster for the entrance',
} as const;
