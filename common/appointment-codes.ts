// Booking codes: drawn from an alphabet without look-alikes, and read back forgivingly (a visitor
// may type lower case, spaces or a dash). Randomness is the caller's; this stays pure.
import { APPOINTMENT_CODE_ALPHABET, APPOINTMENT_CODE_LENGTH } from './protocol';

// The largest multiple of the alphabet's size that fits in a byte: bytes above it are drawn again,
// so every character is equally likely (a plain `byte % size` would favour the first few).
const UNBIASED_BELOW = 256 - (256 % APPOINTMENT_CODE_ALPHABET.length);

/** A new code from a source of random bytes (0–255). */
export function appointmentCode(randomByte: () => number): string {
  let code = '';
  while (code.length < APPOINTMENT_CODE_LENGTH) {
    const byte = randomByte();
    if (byte < UNBIASED_BELOW) code += APPOINTMENT_CODE_ALPHABET[byte % APPOINTMENT_CODE_ALPHABET.length];
  }
  return code;
}

/** The code as stored: upper case, without the spaces and dashes people add when they write it down. */
export function normalizeAppointmentCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isAppointmentCode(code: string): boolean {
  return code.length === APPOINTMENT_CODE_LENGTH && [...code].every((c) => APPOINTMENT_CODE_ALPHABET.includes(c));
}
