// Socket.IO: every client gets a full snapshot on connect, then every sequenced event; staff in
// one room with full tickets, everyone else in the public room with redacted ones. Commands arrive
// as acknowledged events and run through the same CommandRunner as REST.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  commandSchemas,
  type ClientToServerEvents,
  type CommandName,
  type OfficeStatus,
  type ServerToClientEvents,
} from '../../common/protocol';
import type { AccessRevocations } from '../auth/access-revocations';
import { accessRoomsOf } from '../auth/principal-cache';
import { toApiError } from '../http/respond';
import { sessionTokenOf, type Credentials, type Principal } from '../auth/principal';
import type { CommandRunner } from '../engine/commands';
import type { QueueEngine } from '../engine/queue-engine';
import { allowOrigins } from './origin-check';
import type { DevicePresenceBoard } from './presence';
import { publicEvent, publicSnapshot } from './redact';

export type Authenticate = (credentials: Credentials) => Promise<Principal | { error: { code: string; message: string } }>;

interface SocketData {
  principal: Principal;
  /** Rooms that name the socket's access, so revoking it disconnects the socket. */
  rooms: string[];
  credentials: Credentials;
}


type TalonSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TalonIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const OFFICE_STATUS_CHECK_MS = 15_000;

function credentialsOf(socket: TalonSocket): Credentials {
  const auth = socket.handshake.auth as { token?: unknown; deviceKey?: unknown };
  const authorization =
    typeof auth.deviceKey === 'string' ? `Device ${auth.deviceKey}` : typeof auth.token === 'string' ? `Bearer ${auth.token}` : undefined;
  return {
    ...(socket.handshake.headers.cookie ? { cookieHeader: socket.handshake.headers.cookie } : {}),
    ...(authorization ? { authorization } : {}),
  };
}

export function attachRealtime(
  httpServer: HttpServer,
  engine: QueueEngine,
  runner: CommandRunner,
  authenticate: Authenticate,
  revocations: AccessRevocations,
  presence: DevicePresenceBoard,
  /** Origins besides the server's own whose pages may connect (TALON_ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[] = [],
): TalonIo {
  const io: TalonIo = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024, allowRequest: allowOrigins(allowedOrigins) });

  io.use((socket, next) => {
    const credentials = credentialsOf(socket);
    authenticate(credentials).then(
      (result) => {
        // A stale session cookie is sent by the browser unasked: such a socket goes on as public
        // (a hall display on a staff PC must still work); a bad key or token is refused.
        if ('error' in result && credentials.authorization !== undefined) {
          return next(Object.assign(new Error(result.error.message), { data: result.error }));
        }
        socket.data.principal = 'error' in result ? { kind: 'public' } : result;
        socket.data.credentials = credentials;
        socket.data.rooms = accessRoomsOf(socket.data.principal, credentials);
        // A first connection after local midnight must not be handed yesterday's queue.
        engine.rollDay().then(() => next(), next);
      },
      () => next(new Error('authentication failed')),
    );
  });

  /** A staff session can expire while its socket stays open: check it again before each command. */
  const stillValid = async (socket: TalonSocket): Promise<boolean> => {
    if (socket.data.principal.kind !== 'user') return true;
    const result = await authenticate(socket.data.credentials).catch(() => null);
    return result !== null && !('error' in result) && result.kind === 'user';
  };

  const snapshotFor = (principal: Principal) => (principal.kind === 'user' ? engine.snapshot() : publicSnapshot(engine.snapshot()));

  io.on('connection', (socket) => {
    const { principal } = socket.data;
    void socket.join([principal.kind === 'user' ? 'staff' : 'public', ...socket.data.rooms]);
    socket.emit('queue:snapshot', snapshotFor(principal));
    socket.on('queue:resync', (ack) => {
      if (typeof ack !== 'function') return;
      engine.rollDay().then(
        () => ack({ ok: true, data: snapshotFor(principal) }),
        (error: unknown) => ack({ ok: false, error: toApiError(error) }),
      );
    });
    if (principal.kind === 'device') {
      const { device } = principal;
      presence.connected(device, socket.id);
      socket.on('device:report', (report) => presence.report(device, socket.id, report));
      socket.on('disconnect', () => presence.disconnected(device, socket.id));
    }
    if (principal.kind === 'user') socket.emit('devices:presence', presence.list());
    for (const name of Object.keys(commandSchemas) as CommandName[]) {
      socket.on(name, ((input: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        void stillValid(socket).then((valid) => {
          if (!valid) {
            ack({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended; log in again' } });
            socket.disconnect(true);
            return;
          }
          return runner.run(name, input, principal).then((result) => ack(result));
        });
      }) as ClientToServerEvents[typeof name]);
    }
  });

  revocations.onRevoked((room) => io.in(room).disconnectSockets(true));
  presence.onChange((list) => io.to('staff').emit('devices:presence', list));

  engine.onEvents((events) => {
    for (const event of events) {
      io.to('staff').emit('queue:event', event);
      io.to('public').emit('queue:event', publicEvent(event));
    }
  });

  let lastStatus = JSON.stringify(engine.officeStatus());
  const timer = setInterval(() => {
    // A failed commit is already logged and undone by the engine; the next tick tries again.
    engine.rollDay().catch(() => undefined);
    const status: OfficeStatus = engine.officeStatus();
    const json = JSON.stringify(status);
    if (json !== lastStatus) io.emit('office:status', status);
    lastStatus = json;
  }, OFFICE_STATUS_CHECK_MS);
  timer.unref();
  io.engine.on('close', () => clearInterval(timer));
  return io;
}
