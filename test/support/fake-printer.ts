// A network printer on 127.0.0.1 (port chosen by the system) that keeps every byte it is sent and
// answers DLE EOT status requests the way an Epson in the chosen state would.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

export type FakePrinterState = 'online' | 'paper-near-end' | 'paper-out' | 'offline';

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

const DLE = 0x10;
const EOT = 0x04;

export interface FakePrinter {
  /** 'tcp://127.0.0.1:<port>' */
  readonly connection: string;
  readonly host: string;
  readonly port: number;
  /** Everything received except status requests, in arrival order across connections. */
  printed(): Uint8Array;
  /** The n of each DLE EOT received. */
  readonly statusRequests: number[];
  /** Replies from now on; null: stay silent. */
  replies: StatusReplyBytes | null;
  setState(state: FakePrinterState): void;
  /** Resolves once `predicate` holds for the printed bytes. */
  waitForPrinted(predicate: (printed: Uint8Array) => boolean): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startFakePrinter(state: FakePrinterState = 'online'): Promise<FakePrinter> {
  const chunks: number[] = [];
  const statusRequests: number[] = [];
  const sockets = new Set<Socket>();
  const watchers = new Set<() => void>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    // 0: plain data; 1: after DLE; 2: after DLE EOT. A lone DLE that is not a status request is data.
    let phase = 0;
    socket.on('data', (data: Buffer) => {
      for (const byte of data) {
        if (phase === 2) {
          phase = 0;
          statusRequests.push(byte);
          const reply = printer.replies?.[byte as 1 | 2 | 3 | 4];
          if (reply !== undefined) socket.write(Uint8Array.of(reply));
        } else if (phase === 1 && byte === EOT) {
          phase = 2;
        } else {
          if (phase === 1) chunks.push(DLE);
          phase = byte === DLE ? 1 : 0;
          if (phase === 0) chunks.push(byte);
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
    setState(next) {
      this.replies = FAKE_PRINTER_REPLIES[next];
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
