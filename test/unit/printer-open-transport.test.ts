import { describe, expect, it } from 'vitest';
import { InvalidConnectionStringError, parseConnectionString } from '../../printer/open-transport';

describe('printer connection strings', () => {
  it('reads a network printer with and without a port', () => {
    expect(parseConnectionString('tcp://192.168.1.50:9101')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9101 });
    expect(parseConnectionString('tcp://printer.local')).toEqual({ kind: 'tcp', host: 'printer.local', port: 9100 });
    expect(parseConnectionString('tcp://[::1]:9100')).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
  });

  it('reads a serial port with its baud rate, defaulting to 9600', () => {
    expect(parseConnectionString('serial:/dev/ttyUSB0?baud=19200')).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 });
    expect(parseConnectionString('serial:COM3')).toEqual({ kind: 'serial', path: 'COM3', baudRate: 9600 });
  });

  it('reads a device file', () => {
    expect(parseConnectionString('file:/dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
  });

  it.each(['usb://printer', 'tcp://host:port', 'serial:/dev/ttyS0?baud=fast', 'file:', 'serial:', '192.168.1.50'])(
    'refuses %s with a message that shows the expected forms',
    (connection) => {
      expect(() => parseConnectionString(connection)).toThrow(InvalidConnectionStringError);
      expect(() => parseConnectionString(connection)).toThrow(/tcp:\/\/host:9100/);
    },
  );
});
