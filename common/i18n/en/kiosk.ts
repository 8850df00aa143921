// The kiosk's touch screen and the visitor's live ticket page (/t/<id>). Ticket wording that the
// printed ticket shares (people ahead, expected wait) lives in `ticket`.
export const kiosk = {
  chooseService: 'Choose a service',
  groupHint: 'Several services',
  appointment: 'I have an appointment',
  issuing: 'Issuing your ticket…',
  printing: 'Printing your ticket…',
  takeTicket: 'Please take your printed ticket',
  printFailed: 'The ticket could not be printed. Please remember your number or ask a staff member.',
  done: 'Done',
  reason: {
    limit: 'No tickets left today',
    notServed: 'Not provided at this time',
  },
  office: {
    breakUntil: 'Break. Tickets are issued again at {time}',
    break: 'The office is on a break',
    closedUntil: 'The office is closed. It opens {when}',
    closed: 'The office is closed',
    cutoffAt: 'Tickets are no longer issued today. The office closes at {time}',
    cutoff: 'Tickets are no longer issued today',
  },
  keypad: {
    title: 'Enter the code from your booking',
    erase: 'Erase',
    submit: 'Check in',
    unavailable: 'Check-in for appointments is not available yet. Please take a ticket for your service or ask a staff member.',
  },
  setup: {
    title: 'This kiosk is not set up',
    noKey: 'For staff: open this page once with the kiosk link from the administrator panel (…/kiosk/?key=…).',
    rejected: 'For staff: the server did not accept this kiosk’s key ({reason}). Register the kiosk again and open its new link.',
    wrongKind: 'For staff: this key belongs to a device that may not issue tickets. Open the link of a kiosk device.',
  },
  live: {
    title: 'Your ticket',
    waiting: 'You are in the queue',
    postponed: 'Your ticket is postponed: you will be called again a little later',
    called: 'It is your turn! Please go to window {number}',
    serving: 'You are being served at window {number}',
    served: 'Your visit is finished. Thank you!',
    noShow: 'Your ticket was called but nobody came',
    cancelled: 'This ticket was cancelled',
    dayEnded: 'This ticket expired at the end of the day',
    notFound: 'There is no such ticket',
    updatedLive: 'This page updates by itself',
  },
} as const;
