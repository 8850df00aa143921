/** Splits a length into the little-endian byte pair printers expect (pL pH, nL nH, xL xH). */
export function lowHigh(length: number): [number, number] {
  return [length & 0xff, (length >> 8) & 0xff];
}
