// Status over a two-way connection (TCP or serial): the printer answers on the same connection,
// one byte for each ESC/POS DLE EOT request, a Star ASB frame for a Star status request.
import { findStarStatusFrame, parseStarStatus, STAR_STATUS_REQUEST } from '../star-status';
import { readPrinterStatus, statusRequestBytes, type AskStatus, type PrinterStatus, type StatusProtocol, type StatusRequest } from '../status';
import { withTimeout } from '../with-timeout';

/** Where the first complete reply in the received bytes lies; null while none has arrived whole. */
type Framing = (received: readonly number[]) => { start: number; end: number } | null;

type Send = (bytes: Uint8Array) => Promise<void>;

const oneByte: Framing = (received) => (received.length > 0 ? { start: 0, end: 1 } : null);

/** A printer that sends its status unasked (Star ASB) would otherwise fill memory between requests. */
const MAX_KEPT_BYTES = 1024;

/** Collects the bytes a printer sends back, so a status request can wait for its answer. */
export class StatusReplies {
  private received: number[] = [];
  private waiting: { framing: Framing; resolve: (reply: number[]) => void } | null = null;

  receive(data: Uint8Array): void {
    this.received.push(...data);
    if (this.received.length > MAX_KEPT_BYTES) this.received = this.received.slice(-MAX_KEPT_BYTES);
    this.deliver();
  }

  /** Reads the printer's status in its protocol; `send` writes on the same connection. */
  read(protocol: StatusProtocol, send: Send, timeoutMs: number): Promise<PrinterStatus> {
    if (protocol === 'dle-eot') return readPrinterStatus(this.asker(send, timeoutMs));
    return this.exchange(send, STAR_STATUS_REQUEST, findStarStatusFrame, timeoutMs, 'Star status request (ASB)').then(parseStarStatus);
  }

  /** DLE EOT requests over `send`, each answered with one byte. */
  asker(send: Send, timeoutMs: number): AskStatus {
    return async (request: StatusRequest) => {
      const [reply = 0] = await this.exchange(send, statusRequestBytes(request), oneByte, timeoutMs, `Status request DLE EOT ${request}`);
      return reply;
    };
  }

  /** Sends `request`, first dropping anything stale (a late answer to an earlier, timed-out request). */
  private async exchange(send: Send, request: Uint8Array, framing: Framing, timeoutMs: number, what: string): Promise<number[]> {
    this.received = [];
    const reply = new Promise<number[]>((resolve) => {
      this.waiting = { framing, resolve };
    });
    await send(request);
    try {
      return await withTimeout(reply, timeoutMs, what);
    } finally {
      this.waiting = null;
    }
  }

  private deliver(): void {
    if (this.waiting === null) return;
    const frame = this.waiting.framing(this.received);
    if (frame === null) return;
    const reply = this.received.slice(frame.start, frame.end);
    this.received = this.received.slice(frame.end);
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve(reply);
  }
}
