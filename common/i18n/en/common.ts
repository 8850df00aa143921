// Words several apps share. `language` is each language's own name, for a language switcher.
export const common = {
  language: 'English',
  window: 'Window {number}',
  ok: 'OK',
  cancel: 'Cancel',
  retry: 'Try again',
  close: 'Close',
  back: 'Back',
  loading: 'Loading…',
  reconnecting: 'No connection to the server. Reconnecting…',
  noscript: 'This page needs JavaScript. Please turn it on in the browser settings.',
  demoDevice: {
    kiosk: 'Kiosk at the entrance',
    display: 'Hall display',
    printAgent: 'Kiosk printer',
  },
  // A weekday after "on" (ru/uk "на"), which takes the accusative there: "на среду", "на середу".
  // Intl gives only the nominative; the rest of the date still comes from Intl (see date-after-on.ts).
  weekdayAfterOn: {
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
    sunday: 'Sunday',
  },
} as const;
