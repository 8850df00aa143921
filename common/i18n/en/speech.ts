// Spoken announcements. `{ticket}` and `{counter}` are filled with spelled-out words, never digits,
// and the number always follows the word "number" so it stays in the nominative (see DOMAIN.md).
export const speech = {
  call: 'Ticket {ticket}, please go to window {counter}',
} as const;
