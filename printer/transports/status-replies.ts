// Real-time status over a two-way connection (TCP or serial): the printer answers each DLE EOT
// request with one byte on the same connection.
import { statusRequestBytes, type AskStatus, type StatusRequest } from '../status';
import { withTimeout } from '../with-timeout';

/** Collects the bytes a printer sends back, so a status request can wait for its one-byte answer. */
export class StatusReplies {
  private received: number[] = [];
  private waiting: ((byte: number) => void) | null = null;

  receive(data: Uint8Array): void {
    this.received.push(...data);
    this.deliver();
  }

  /** Asks over `send`, first dropping any stale byte (a late answer to an earlier, timed-out request). */
  asker(send: (bytes: Uint8Array) => Promise<void>, timeoutMs: number): AskStatus {
    return async (request: StatusRequest) => {
      this.received = [];
      const reply = new Promise<number>((resolve) => {
        this.waiting = resolve;
      });
      await send(statusRequestBytes(request));
      try {
        return await withTimeout(reply, timeoutMs, `Status request DLE EOT ${request}`);
      } finally {
        this.waiting = null;
      }
    };
  }

  private deliver(): void {
    const byte = this.received[0];
    if (this.waiting === null || byte === undefined) return;
    this.received.shift();
    const resolve = this.waiting;
    this.waiting = null;
    resolve(byte);
  }
}
