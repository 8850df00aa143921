// The public booking page at /book/.
export const booking = {
  title: 'Book a visit',
  service: 'Service',
  day: 'Day',
  time: 'Time',
  noSlots: 'No free times on this day. Please choose another day.',
  noServices: 'Booking is not available at the moment.',
  name: 'Your name',
  phone: 'Phone number',
  submit: 'Book this time',
  sending: 'Booking…',
  chosen: '{service}, {date} at {time}',
  codeTitle: 'Your booking code',
  codeHint: 'At the office, enter this code at the kiosk or tell it to a consultant. Please come on time.',
  another: 'Book another visit',
  phoneLimit: 'This phone number already has as many bookings as allowed.',
  loadFailed: 'The booking service cannot be reached. Please try again later.',
} as const;
