// The hall display and the booth signs. Seen from ten metres: short words only.
export const display = {
  ticket: 'Ticket',
  window: 'Window',
  nowCalling: 'Now calling',
  recentCalls: 'Recent calls',
  waiting: 'Waiting',
  noCalls: 'Please take a ticket and wait for your number',
  officeClosed: 'The office is closed',
  officeBreak: 'Break',
  enableSound: 'Tap the screen to turn on the sound',
  soundBlocked: 'The browser blocked sound on this display',
  boothBreak: 'Break',
  boothClosed: 'Closed',
  boothFree: 'Free',
  boothServing: 'Now serving',
  unknownCounter: 'This screen shows a window that does not exist: {counter}',
  refused: 'The server refused this display: {reason}',
} as const;
