// A page on another site can make the browser open a WebSocket to Talon with the staff cookie; the
// handshake refuses it by its Origin. Talon's own pages, configured origins and programs without an
// Origin (the print agent, a Node client with a device key) still connect.
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeSocketUrl } from '../support/socket-client';
import { startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon;
let staffCookie: string;
const opened: Socket[] = [];

beforeAll(async () => {
  server = await startTalon({ allowedOrigins: ['https://queue.example.org'] });
  staffCookie = `talon_session=${await server.login('operator1')}`;
});

afterAll(async () => {
  opened.forEach((s) => s.close());
  await server.close();
});

type Transport = 'websocket' | 'polling';

/** Connects and says whether the handshake let it in. */
function connect(headers: Record<string, string>, transport: Transport = 'websocket', auth: Record<string, string> = {}): Promise<Socket | 'refused'> {
  const socket = io(officeSocketUrl(server.url), { transports: [transport], forceNew: true, reconnection: false, extraHeaders: headers, auth });
  opened.push(socket);
  return new Promise((resolve) => {
    socket.once('queue:snapshot', () => resolve(socket));
    socket.once('connect_error', () => resolve('refused'));
  });
}

describe('a Socket.IO handshake', () => {
  it.each<Transport>(['websocket', 'polling'])('from a page on another site, with a staff cookie, is refused (%s)', async (transport) => {
    expect(await connect({ origin: 'https://evil.example', cookie: staffCookie }, transport)).toBe('refused');
    expect(await connect({ origin: 'null', cookie: staffCookie }, transport)).toBe('refused');
  });

  it("from Talon's own page runs staff commands", async () => {
    const socket = await connect({ origin: server.url, cookie: staffCookie });
    if (socket === 'refused') throw new Error('own page refused');
    const opened = await socket.emitWithAck('counter:open', { counterId: 'booth-1' });
    expect(opened.ok).toBe(true);
  });

  it('from a configured origin is let in', async () => {
    expect(await connect({ origin: 'https://queue.example.org', cookie: staffCookie })).not.toBe('refused');
  });

  it('from a program without an Origin, proving itself with a device key, is let in', async () => {
    for (const kind of ['print-agent', 'display'] as const) {
      expect(await connect({}, 'websocket', { deviceKey: server.deviceKey(kind) })).not.toBe('refused');
    }
  });
});
