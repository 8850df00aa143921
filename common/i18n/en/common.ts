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
  /** A weekday after "on" (ru/uk "в"/"на" + accusative: "в среду", "на середу"), Monday first. */
  weekdayAfterPreposition: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  demoDevice: {
    kiosk: 'Kiosk at the entrance',
    display: 'Hall display',
    printAgent: 'Kiosk printer',
  },
} as const;
