// ESC/POS real-time status: `DLE EOT n` requests and their one-byte replies.
// Every reply has bits 1 and 4 set and bits 0 and 7 clear, which tells a status byte from noise.

export type PaperState = 'ok' | 'near-end' | 'out' | 'unknown';

/** How a printer tells its state: ESC/POS real-time status (DLE EOT) or Star's ASB (star-status.ts). */
export type StatusProtocol = 'dle-eot' | 'star-asb';

export interface PrinterStatus {
  online: boolean;
  paper: PaperState;
  coverOpen?: boolean;
  /** For people, in English: what the printer reports as broken. */
  error?: string;
}

/** For transports that cannot ask: not known to be offline, so printing is attempted. */
export const UNKNOWN_STATUS: PrinterStatus = { online: true, paper: 'unknown' };

export const STATUS_REQUEST = {
  printer: 1,
  offlineCause: 2,
  errorCause: 3,
  paperSensor: 4,
} as const;

export type StatusRequest = (typeof STATUS_REQUEST)[keyof typeof STATUS_REQUEST];

const DLE = 0x10;
const EOT = 0x04;

export function statusRequestBytes(request: StatusRequest): Uint8Array {
  return Uint8Array.of(DLE, EOT, request);
}

export class InvalidStatusReplyError extends Error {
  override readonly name = 'InvalidStatusReplyError';

  constructor(readonly request: StatusRequest, readonly reply: number) {
    super(`Printer answered DLE EOT ${request} with 0x${reply.toString(16).padStart(2, '0')}, which is not a status byte`);
  }
}

function checkedReply(request: StatusRequest, reply: number): number {
  if ((reply & 0b1001_0011) !== 0b0001_0010) throw new InvalidStatusReplyError(request, reply);
  return reply;
}

const bit = (reply: number, n: number): boolean => (reply & (1 << n)) !== 0;

/** DLE EOT 1. */
export function parsePrinterReply(reply: number): { online: boolean } {
  return { online: !bit(checkedReply(STATUS_REQUEST.printer, reply), 3) };
}

/** DLE EOT 2. */
export function parseOfflineCauseReply(reply: number): { coverOpen: boolean; stoppedForPaperEnd: boolean; errorOccurred: boolean } {
  const checked = checkedReply(STATUS_REQUEST.offlineCause, reply);
  return { coverOpen: bit(checked, 2), stoppedForPaperEnd: bit(checked, 5), errorOccurred: bit(checked, 6) };
}

/** DLE EOT 3: the errors, described for people; empty when there are none. */
export function parseErrorCauseReply(reply: number): string[] {
  const checked = checkedReply(STATUS_REQUEST.errorCause, reply);
  const errors: [number, string][] = [
    [2, 'recoverable error'],
    [3, 'autocutter error'],
    [5, 'unrecoverable error'],
    [6, 'automatically recoverable error (e.g. print head overheated)'],
  ];
  return errors.filter(([n]) => bit(checked, n)).map(([, description]) => description);
}

/** DLE EOT 4: bits 2–3 are the near-end sensor, bits 5–6 the paper-end sensor. */
export function parsePaperSensorReply(reply: number): PaperState {
  const checked = checkedReply(STATUS_REQUEST.paperSensor, reply);
  if (bit(checked, 5) || bit(checked, 6)) return 'out';
  if (bit(checked, 2) || bit(checked, 3)) return 'near-end';
  return 'ok';
}

/** Sends one request and resolves with the one-byte reply. */
export type AskStatus = (request: StatusRequest) => Promise<number>;

async function askErrorCause(ask: AskStatus): Promise<string[]> {
  const errors = parseErrorCauseReply(await ask(STATUS_REQUEST.errorCause));
  return errors.length > 0 ? errors : ['error without a reported cause'];
}

/** Asks a printer everything a print job needs to know; the error cause only when there is one. */
export async function readPrinterStatus(ask: AskStatus): Promise<PrinterStatus> {
  const { online } = parsePrinterReply(await ask(STATUS_REQUEST.printer));
  const offline = parseOfflineCauseReply(await ask(STATUS_REQUEST.offlineCause));
  const sensor = parsePaperSensorReply(await ask(STATUS_REQUEST.paperSensor));
  const errors = offline.errorOccurred ? await askErrorCause(ask) : [];
  return {
    online,
    paper: offline.stoppedForPaperEnd ? 'out' : sensor,
    coverOpen: offline.coverOpen,
    ...(errors.length > 0 ? { error: errors.join(', ') } : {}),
  };
}
