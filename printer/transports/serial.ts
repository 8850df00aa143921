// A printer on a serial line (RS-232 or a USB-serial adapter such as /dev/ttyUSB0).
import { SerialPort } from 'serialport';
import { UNKNOWN_STATUS, type PrinterStatus, type StatusProtocol } from '../status';
import { withTimeout } from '../with-timeout';
import { StatusReplies } from './status-replies';
import type { PrinterTransport } from './transport';

type Callback = (error: Error | null | undefined) => void;

/** What we use of a serialport stream; both `SerialPort` and `SerialPortMock` fit. */
export interface SerialPortHandle {
  readonly isOpen: boolean;
  open(callback: Callback): void;
  write(data: Uint8Array): boolean;
  drain(callback: Callback): void;
  close(callback: Callback): void;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
}

export interface SerialPortSettings {
  path: string;
  baudRate: number;
}

/**
 * Makes the port. Injected rather than a bare binding because serialport's public classes are
 * where a binding is chosen: tests pass `(s) => new SerialPortMock({ ...s, autoOpen: false })`,
 * backed by @serialport/binding-mock's MockBinding.
 */
export type SerialPortFactory = (settings: SerialPortSettings) => SerialPortHandle;

export interface SerialTransportOptions extends SerialPortSettings {
  timeoutMs: number;
  realtimeStatus: StatusProtocol | null;
  createPort?: SerialPortFactory;
}

const systemPort: SerialPortFactory = (settings) => new SerialPort({ ...settings, autoOpen: false });

function callbackPromise(start: (callback: Callback) => void): Promise<void> {
  return new Promise((resolve, reject) => start((error) => (error ? reject(error) : resolve())));
}

class SerialTransport implements PrinterTransport {
  private readonly port: SerialPortHandle;
  private readonly replies = new StatusReplies();

  constructor(private readonly options: SerialTransportOptions) {
    this.port = (options.createPort ?? systemPort)({ path: options.path, baudRate: options.baudRate });
    this.port.on('data', (data) => this.replies.receive(data));
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.port.isOpen) {
      await withTimeout(callbackPromise((done) => this.port.open(done)), this.options.timeoutMs, `Opening ${this.options.path}`);
    }
    this.port.write(bytes);
    // drain resolves once the bytes have left for the device, which is what a job's timeout should cover.
    await withTimeout(callbackPromise((done) => this.port.drain(done)), this.options.timeoutMs, `Writing to ${this.options.path}`);
  }

  async status(): Promise<PrinterStatus> {
    const { realtimeStatus, timeoutMs } = this.options;
    if (realtimeStatus === null) return UNKNOWN_STATUS;
    return this.replies.read(realtimeStatus, (bytes) => this.write(bytes), timeoutMs);
  }

  async close(): Promise<void> {
    if (this.port.isOpen) await callbackPromise((done) => this.port.close(done));
  }
}

export function createSerialTransport(options: SerialTransportOptions): PrinterTransport {
  return new SerialTransport(options);
}
