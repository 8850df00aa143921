// A network printer on 127.0.0.1 (port chosen by the system) that keeps every byte it is sent and
// answers status requests the way a printer in the chosen state would: an Epson answers DLE EOT n
// with one byte, a Star (Line Mode) answers its ASB status request with an ASB frame.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

export type FakePrinterState = 'online' | 'paper-near-end' | 'paper-out' | 'offline';
export type FakePrinterDialect = 'escpos' | 'star';

/** One reply byte per DLE EOT n (1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export type StatusReplyBytes = Record<1 | 2 | 3 | 4, number>;

/** Fixed bits of every status byte: bits 1 and 4 set. */
const BASE = 0x12;

export const FAKE_PRINTER_REPLIES: Record<FakePrinterState, StatusReplyBytes> = {
  online: { 1: BASE, 2: BASE, 3: BASE, 4: BASE },
  // Near-end sensor (bits 2–3) only: still online and printing.
  'paper-near-end': { 1: BASE, 2: BASE, 3: BASE, 4: BASE | 0x0c },
  // Offline (bit 3), stopped for paper end (bit 5), both paper sensors tripped.
  'paper-out': { 1: BASE | 0x08, 2: BASE | 0x20, 3: BASE, 4: BASE | 0x0c | 0x60 },
  // Offline with the cover open (DLE EOT 2 bit 2).
  offline: { 1: BASE | 0x08, 2: BASE | 0x04, 3: BASE, 4: BASE },
};

/**
 * A TSP100's 9-byte ASB frame: header 1 0x23 (9 bytes), header 2 0x06 (version 3), then printer
 * status (bit 3 offline, bit 5 cover open), two error bytes, the paper sensors (bit 3 paper end,
 * bit 2 near end) and three bytes this agent ignores.
 */
function asbFrame(printer: number, sensors: number): Uint8Array {
  return Uint8Array.of(0x23, 0x06, printer, 0x00, 0x00, sensors, 0x00, 0x00, 0x00);
}

export const FAKE_STAR_REPLIES: Record<FakePrinterState, Uint8Array> = {
  online: asbFrame(0x00, 0x00),
  'paper-near-end': asbFrame(0x00, 0x04),
  'paper-out': asbFrame(0x08, 0x0c),
  offline: asbFrame(0x08 | 0x20, 0x00),
};

const DLE = 0x10;
const EOT = 0x04;
const ESC = 0x1b;

/** A status command the printer answers instead of printing; null stands for any byte. */
type StatusCommand = { bytes: readonly (number | null)[]; kind: 'dle-eot' | 'asb-request' };

const STATUS_COMMANDS: Record<FakePrinterDialect, StatusCommand> = {
  escpos: { bytes: [DLE, EOT, null], kind: 'dle-eot' },
  // ESC ACK SOH: Star's real-time status request.
  star: { bytes: [ESC, 0x06, 0x01], kind: 'asb-request' },
};

export interface FakePrinter {
  /** 'tcp://127.0.0.1:<port>' */
  readonly connection: string;
  readonly host: string;
  readonly port: number;
  /** Everything received except status commands, in arrival order across connections. */
  printed(): Uint8Array;
  /** The n of each DLE EOT received (Epson), or 'asb-request' for each Star status request. */
  readonly statusRequests: (number | 'asb-request')[];
  /** Replies from now on; null: stay silent. */
  replies: StatusReplyBytes | null;
  /** The ASB frame a Star sends from now on; null: stay silent. */
  starReply: Uint8Array | null;
  setState(state: FakePrinterState): void;
  /** Resolves once `predicate` holds for the printed bytes. */
  waitForPrinted(predicate: (printed: Uint8Array) => boolean): Promise<Uint8Array>;
  close(): Promise<void>;
}

function matches(command: StatusCommand, pending: readonly number[]): 'whole' | 'prefix' | 'no' {
  if (pending.length > command.bytes.length) return 'no';
  const agrees = pending.every((byte, i) => command.bytes[i] === null || command.bytes[i] === byte);
  if (!agrees) return 'no';
  return pending.length === command.bytes.length ? 'whole' : 'prefix';
}

export async function startFakePrinter(state: FakePrinterState = 'online', dialect: FakePrinterDialect = 'escpos'): Promise<FakePrinter> {
  const chunks: number[] = [];
  const statusRequests: FakePrinter['statusRequests'] = [];
  const sockets = new Set<Socket>();
  const watchers = new Set<() => void>();
  const command = STATUS_COMMANDS[dialect];

  function answer(socket: Socket, last: number): void {
    if (command.kind === 'dle-eot') {
      statusRequests.push(last);
      const reply = printer.replies?.[last as 1 | 2 | 3 | 4];
      if (reply !== undefined) socket.write(Uint8Array.of(reply));
      return;
    }
    statusRequests.push(command.kind);
    if (printer.starReply !== null) socket.write(printer.starReply);
  }

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    // Bytes that may begin a status command; printed once they turn out not to.
    let pending: number[] = [];
    socket.on('data', (data: Buffer) => {
      for (const byte of data) {
        pending.push(byte);
        let match = matches(command, pending);
        while (match === 'no') {
          chunks.push(pending.shift() ?? 0);
          match = pending.length === 0 ? 'prefix' : matches(command, pending);
        }
        if (match === 'whole') {
          answer(socket, byte);
          pending = [];
        }
      }
      for (const watcher of watchers) watcher();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Fake printer has no TCP address');

  const printer: FakePrinter = {
    connection: `tcp://127.0.0.1:${address.port}`,
    host: '127.0.0.1',
    port: address.port,
    printed: () => Uint8Array.from(chunks),
    statusRequests,
    replies: FAKE_PRINTER_REPLIES[state],
    starReply: FAKE_STAR_REPLIES[state],
    setState(next) {
      this.replies = FAKE_PRINTER_REPLIES[next];
      this.starReply = FAKE_STAR_REPLIES[next];
    },
    waitForPrinted(predicate) {
      return new Promise((resolve) => {
        const check = () => {
          const printed = Uint8Array.from(chunks);
          if (!predicate(printed)) return;
          watchers.delete(check);
          resolve(printed);
        };
        watchers.add(check);
        check();
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  return printer;
}
