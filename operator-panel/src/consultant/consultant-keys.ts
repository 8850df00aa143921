// The appointment book's shortcuts, by physical key (KeyboardEvent.code): with a Russian or
// Ukrainian layout switched on, the key printed "F" types "а", and a consultant should not have to
// switch layouts to jump to the search. The label is what the screen prints beside the control.
export const CONSULTANT_KEYS = {
  find: { code: 'KeyF', label: 'F' },
  checkIn: { code: 'KeyC', label: 'C' },
  refresh: { code: 'KeyR', label: 'R' },
} as const;
