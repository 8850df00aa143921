import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTransport } from '../../printer/open-transport';
import { PrintQueue } from '../../printer/print-queue';
import { printerProfile } from '../../printer/profiles';
import { layoutTicket } from '../../printer/ticket-layout';
import type { SerialPortFactory } from '../../printer/transports/serial';
import { codePageNumbers, decodeEscPos, lineTexts } from '../support/escpos-decode';
import { UKRAINIAN_TICKET } from '../support/escpos-tickets';
import { FAKE_PRINTER_REPLIES, FAKE_STAR_REPLIES } from '../support/fake-printer';

// @serialport/binding-mock's MockBinding, taken from SerialPortMock: an ESM import of the package
// loads its separate ESM build, a second MockBinding with its own (empty) list of ports.
const MockBinding = SerialPortMock.binding;
const PATH = '/dev/ttyUSB0';

/** Opens ports through MockBinding and keeps the last one, so the test can see what reached it. */
function mockPorts() {
  let port: SerialPortMock | null = null;
  const createPort: SerialPortFactory = (settings) => {
    port = new SerialPortMock({ ...settings, autoOpen: false });
    return port;
  };
  const binding = () => {
    if (port?.port === undefined) throw new Error('The serial port was never opened');
    return port.port;
  };
  return { createPort, binding, baudRate: () => port?.baudRate };
}

describe('printing to a serial printer', () => {
  afterEach(() => MockBinding.reset());

  it('writes the ticket bytes to the port at the configured baud rate', async () => {
    MockBinding.createPort(PATH, { record: true });
    const ports = mockPorts();
    const profile = printerProfile('escpos-clone', '58mm');
    const transport = openTransport(`serial:${PATH}?baud=19200`, { timeoutMs: 5_000, realtimeStatus: null, createSerialPort: ports.createPort });
    const bytes = layoutTicket(UKRAINIAN_TICKET, profile);

    const queue = new PrintQueue({ transport, timeoutMs: 10_000 });
    expect(await queue.print({ jobId: 'job-1', bytes })).toEqual({ ok: true, paper: 'unknown' });

    expect(ports.baudRate()).toBe(19200);
    const recorded = new Uint8Array(ports.binding().recording);
    expect(recorded).toEqual(bytes);
    const [ticket] = decodeEscPos(recorded, codePageNumbers(profile));
    expect(ticket?.codePageSwitches).toEqual([6]);
    expect(lineTexts(ticket!)).toContain('Реєстрація місця проживання');
    await transport.close();
  });

  it('asks the printer for its status over the same line', async () => {
    MockBinding.createPort(PATH, { record: true });
    const ports = mockPorts();
    const transport = openTransport(`serial:${PATH}`, { timeoutMs: 5_000, realtimeStatus: 'dle-eot', createSerialPort: ports.createPort });
    const replies = FAKE_PRINTER_REPLIES['paper-near-end'];

    const status = transport.status();
    // Answer each DLE EOT n as it arrives, the way the printer would.
    for (const request of [1, 2, 4] as const) {
      await vi.waitFor(() => expect([...ports.binding().recording].slice(-3)).toEqual([0x10, 0x04, request]));
      ports.binding().emitData(Buffer.from([replies[request]]));
    }
    expect(await status).toEqual({ online: true, paper: 'near-end', coverOpen: false });
    await transport.close();
  });

  it('asks a Star for its ASB status over the same line and reads paper out', async () => {
    MockBinding.createPort(PATH, { record: true });
    const ports = mockPorts();
    const transport = openTransport(`serial:${PATH}`, { timeoutMs: 5_000, realtimeStatus: 'star-asb', createSerialPort: ports.createPort });

    const status = transport.status();
    await vi.waitFor(() => expect([...ports.binding().recording]).toEqual([0x1b, 0x06, 0x01]));
    // The frame in two pieces, as a slow line delivers it.
    const frame = FAKE_STAR_REPLIES['paper-out'];
    ports.binding().emitData(Buffer.from(frame.subarray(0, 4)));
    ports.binding().emitData(Buffer.from(frame.subarray(4)));
    expect(await status).toEqual({ online: false, paper: 'out', coverOpen: false });
    await transport.close();
  });
});
