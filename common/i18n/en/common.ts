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
} as const;
