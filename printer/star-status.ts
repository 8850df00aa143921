// Star's status protocol, ASB (Automatic Status Back), as Star Line Mode printers (TSP100, TSP650,
// mC-Print) speak it on their data connection. `ESC ACK SOH` asks for the status now; it is a
// real-time command, answered even while the printer has stopped with paper out or the cover open.
// We do not switch ASB on (`ESC RS a 1`): that command is buffered, so it waits behind a stopped
// printer, and its answer would race with the requested one. A printer whose memory switch has ASB
// on sends the same frame by itself at every change; it is just as current, so either is taken.
// The frame:
//
//   byte 1  header 1: bit 0 set, bits 4 and 7 clear; bits 1–3 and 5–6 give the frame's length
//   byte 2  header 2: the ASB version; bit 7 announces an extension (2-byte length + data) after the frame
//   byte 3  printer status: bit 3 offline, bit 5 cover open
//   byte 4  errors: bit 2 mechanical, bit 3 autocutter, bit 5 unrecoverable, bit 6 head overheated
//   byte 5  errors: bit 2 presenter paper jam
//   byte 6  paper sensors: bit 3 paper end, bit 2 and bit 1 paper near its end (inner and outer sensor)
//   byte 7… further status (ETB counter, presenter) this agent does not need
//
// Header 2 and the status bytes all have bit 0 clear, so header 1 is the only byte of a frame with
// bit 0 set: a reply can be found after the tail of an older frame.
import type { PaperState, PrinterStatus } from './status';

const ESC = 0x1b;
const ACK = 0x06;
const SOH = 0x01;

/** ESC ACK SOH: the real-time status request, answered with an ASB frame. */
export const STAR_STATUS_REQUEST = Uint8Array.of(ESC, ACK, SOH);

/** Bytes 1–6: everything a print job needs to know. */
const NEEDED_LENGTH = 6;
const EXTENSION_LENGTH_BYTES = 2;

const bit = (byte: number, n: number): boolean => (byte & (1 << n)) !== 0;
const isHeader = (byte: number): boolean => (byte & 0b1001_0001) === 0b0000_0001;

export class InvalidStarStatusError extends Error {
  override readonly name = 'InvalidStarStatusError';

  constructor(readonly frame: readonly number[]) {
    super(`The printer's ASB status is ${frame.length} bytes long, too short to read paper and errors from`);
  }
}

function frameLength(header1: number): number {
  return ((header1 & 0b0000_1110) >> 1) | ((header1 & 0b0110_0000) >> 2);
}

/** Where the first complete ASB frame in `received` lies; null while none has arrived whole. */
export function findStarStatusFrame(received: readonly number[]): { start: number; end: number } | null {
  const start = received.findIndex(isHeader);
  if (start < 0) return null;
  const header1 = received[start] ?? 0;
  const header2 = received[start + 1];
  if (header2 === undefined) return null;
  let end = start + frameLength(header1);
  if (bit(header2, 7)) {
    const low = received[end];
    const high = received[end + 1];
    if (low === undefined || high === undefined) return null;
    end += EXTENSION_LENGTH_BYTES + low + (high << 8);
  }
  return end <= received.length ? { start, end } : null;
}

const ERRORS: readonly [byteIndex: number, bit: number, description: string][] = [
  [3, 6, 'print head overheated'],
  [3, 5, 'unrecoverable error'],
  [3, 3, 'autocutter error'],
  [3, 2, 'mechanical error'],
  [4, 2, 'paper jam'],
];

/** The printer's state from one ASB frame (as `findStarStatusFrame` cut it out). */
export function parseStarStatus(frame: readonly number[]): PrinterStatus {
  if (frame.length < NEEDED_LENGTH || frameLength(frame[0] ?? 0) < NEEDED_LENGTH) throw new InvalidStarStatusError(frame);
  const [, , printer = 0, , , sensors = 0] = frame;
  const paper: PaperState = bit(sensors, 3) ? 'out' : bit(sensors, 2) || bit(sensors, 1) ? 'near-end' : 'ok';
  const errors = ERRORS.filter(([index, n]) => bit(frame[index] ?? 0, n)).map(([, , description]) => description);
  return {
    online: !bit(printer, 3),
    paper,
    coverOpen: bit(printer, 5),
    ...(errors.length > 0 ? { error: errors.join(', ') } : {}),
  };
}
