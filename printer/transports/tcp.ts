// A network printer on its raw port (9100): one TCP connection, kept open between jobs.
import { Socket } from 'node:net';
import { UNKNOWN_STATUS, type PrinterStatus, type StatusProtocol } from '../status';
import { TimeoutError, withTimeout } from '../with-timeout';
import { StatusReplies } from './status-replies';
import type { PrinterTransport } from './transport';

export interface TcpTransportOptions {
  host: string;
  port: number;
  /** For connecting, for each write and for each status answer. */
  timeoutMs: number;
  /** How the printer answers status requests on this connection, if at all (see the printer profile). */
  realtimeStatus: StatusProtocol | null;
}

class TcpTransport implements PrinterTransport {
  private connection: Promise<Socket> | null = null;
  private readonly replies = new StatusReplies();

  constructor(private readonly options: TcpTransportOptions) {}

  async write(bytes: Uint8Array): Promise<void> {
    const socket = await this.connected();
    const written = new Promise<void>((resolve, reject) => socket.write(bytes, (error) => (error ? reject(error) : resolve())));
    await this.dropOnFailure(withTimeout(written, this.options.timeoutMs, 'Writing to the printer'));
  }

  async status(): Promise<PrinterStatus> {
    const { realtimeStatus, timeoutMs } = this.options;
    if (realtimeStatus === null) return UNKNOWN_STATUS;
    return this.dropOnFailure(this.replies.read(realtimeStatus, (bytes) => this.write(bytes), timeoutMs));
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    const socket = await connection?.catch(() => null);
    if (!socket || socket.destroyed) return;
    const ended = new Promise<void>((resolve) => socket.end(resolve));
    await withTimeout(ended, this.options.timeoutMs, 'Closing the printer connection').catch(() => undefined);
    socket.destroy();
  }

  private connected(): Promise<Socket> {
    if (this.connection === null) {
      const connection = this.connect();
      const forget = () => {
        if (this.connection === connection) this.connection = null;
      };
      connection.then((socket) => socket.on('close', forget), forget);
      this.connection = connection;
    }
    return this.connection;
  }

  private connect(): Promise<Socket> {
    const { host, port, timeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(new TimeoutError(`Connecting to ${host}:${port} took longer than ${timeoutMs} ms`)), timeoutMs);
      socket.once('error', fail);
      socket.connect(port, host, () => {
        clearTimeout(timer);
        socket.off('error', fail);
        // A later socket error surfaces as 'close', which makes the next job reconnect.
        socket.on('error', () => undefined);
        socket.on('data', (data: Buffer) => this.replies.receive(data));
        resolve(socket);
      });
    });
  }

  /** After a failed or timed-out exchange the connection is dropped, so half-sent bytes go no further. */
  private dropOnFailure<T>(work: Promise<T>): Promise<T> {
    return work.catch((error: unknown) => {
      const connection = this.connection;
      this.connection = null;
      connection?.then((socket) => socket.destroy(), () => undefined);
      throw error;
    });
  }
}

export function createTcpTransport(options: TcpTransportOptions): PrinterTransport {
  return new TcpTransport(options);
}
