// Printer connection strings, as an admin types them: tcp://192.168.1.50:9100,
// serial:/dev/ttyUSB0?baud=19200 (or serial:COM3?baud=9600), file:/dev/usb/lp0.
import type { StatusProtocol } from './status';
import { createDeviceFileTransport } from './transports/device-file';
import { createSerialTransport, type SerialPortFactory } from './transports/serial';
import { createTcpTransport } from './transports/tcp';
import type { PrinterTransport } from './transports/transport';

export type PrinterConnection =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'file'; path: string };

const DEFAULT_TCP_PORT = 9100;
/** The factory setting of most ESC/POS printers' serial interface. */
const DEFAULT_BAUD_RATE = 9600;

export class InvalidConnectionStringError extends Error {
  override readonly name = 'InvalidConnectionStringError';

  constructor(readonly connection: string, reason: string) {
    super(`Printer connection "${connection}": ${reason}. Expected tcp://host:9100, serial:/dev/ttyUSB0?baud=19200 or file:/dev/usb/lp0`);
  }
}

function positiveInteger(value: string, connection: string, what: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number <= 0) throw new InvalidConnectionStringError(connection, `${what} "${value}" is not a positive whole number`);
  return number;
}

export function parseConnectionString(connection: string): PrinterConnection {
  let url: URL;
  try {
    url = new URL(connection.trim());
  } catch {
    throw new InvalidConnectionStringError(connection, 'not a valid address');
  }
  switch (url.protocol) {
    case 'tcp:': {
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      if (host === '') throw new InvalidConnectionStringError(connection, 'no host');
      const port = url.port === '' ? DEFAULT_TCP_PORT : positiveInteger(url.port, connection, 'port');
      return { kind: 'tcp', host, port };
    }
    case 'serial:': {
      const path = decodeURIComponent(url.pathname);
      if (path === '') throw new InvalidConnectionStringError(connection, 'no port path');
      const baud = url.searchParams.get('baud');
      return { kind: 'serial', path, baudRate: baud === null ? DEFAULT_BAUD_RATE : positiveInteger(baud, connection, 'baud rate') };
    }
    case 'file:': {
      const path = decodeURIComponent(url.pathname);
      if (path === '' || path === '/') throw new InvalidConnectionStringError(connection, 'no device path');
      return { kind: 'file', path };
    }
    default:
      throw new InvalidConnectionStringError(connection, `unknown kind "${url.protocol}"`);
  }
}

export interface OpenTransportOptions {
  timeoutMs: number;
  /** From the printer profile: how the printer answers status requests, if at all. */
  realtimeStatus: StatusProtocol | null;
  /** Tests only: stands in for the serial port (see transports/serial.ts). */
  createSerialPort?: SerialPortFactory;
}

export function openTransport(connection: string, options: OpenTransportOptions): PrinterTransport {
  const parsed = parseConnectionString(connection);
  const { timeoutMs, realtimeStatus } = options;
  switch (parsed.kind) {
    case 'tcp':
      return createTcpTransport({ host: parsed.host, port: parsed.port, timeoutMs, realtimeStatus });
    case 'serial':
      return createSerialTransport({
        path: parsed.path,
        baudRate: parsed.baudRate,
        timeoutMs,
        realtimeStatus,
        createPort: options.createSerialPort,
      });
    case 'file':
      return createDeviceFileTransport({ path: parsed.path, timeoutMs });
  }
}
