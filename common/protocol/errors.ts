// Machine-readable error codes: a closed union every client can switch on and translate.

export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'office-not-found',
  'unauthenticated',
  'forbidden',
  'device-revoked',
  'rate-limited',
  'office-busy',
  'service-inactive',
  'service-not-served-now',
  'daily-limit-reached',
  'numbers-exhausted',
  'office-closed',
  'ticket-not-waiting',
  'ticket-not-at-counter',
  'ticket-finished',
  'counter-closed',
  'counter-paused',
  'counter-busy',
  'counter-idle',
  'counter-not-serving-service',
  'counter-taken',
  'queue-empty',
  'not-due-yet',
  'conflict',
  'slot-full',
  'join-off',
  'phone-share-reached',
  'phone-limit-reached',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** For people, in English; clients show their own translation of `code` where they have one. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const HTTP_STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  'office-not-found': 404,
  unauthenticated: 401,
  forbidden: 403,
  'device-revoked': 403,
  'rate-limited': 429,
  'office-busy': 503,
  'service-inactive': 409,
  'service-not-served-now': 409,
  'daily-limit-reached': 409,
  'numbers-exhausted': 409,
  'office-closed': 409,
  'ticket-not-waiting': 409,
  'ticket-not-at-counter': 409,
  'ticket-finished': 409,
  'counter-closed': 409,
  'counter-paused': 409,
  'counter-busy': 409,
  'counter-idle': 409,
  'counter-not-serving-service': 409,
  'counter-taken': 409,
  'queue-empty': 409,
  'not-due-yet': 409,
  conflict: 409,
  'slot-full': 409,
  'join-off': 409,
  'phone-share-reached': 409,
  'phone-limit-reached': 429,
  internal: 500,
};
