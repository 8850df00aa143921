// The one Socket.IO server. Each office has its own namespace, `/offices/<id>` (hub.ts), opened when
// its runtime starts; the root namespace carries nothing, and a client connecting there is told
// where to go instead of waiting forever for a snapshot. With several nodes an adapter
// (socket-adapter.ts) carries broadcasts to the other nodes' sockets.
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import type { ApiError, ClientToServerEvents, DevicePresence, QueueEvent, ServerToClientEvents } from '../../common/protocol';
import type { Credentials, Principal } from '../auth/principal';
import type { AgentState } from '../printing/printer-board';
import { allowOrigins } from './origin-check';
import type { SocketAdapter } from './socket-adapter';

export interface SocketData {
  /** Who the socket is in its office's namespace. */
  principal: Principal;
  /** Rooms that name the socket's access, so revoking it disconnects the socket. */
  rooms: string[];
  credentials: Credentials;
}

/** What one node asks the others through the adapter (serverSideEmit), within an office's namespace. */
export interface NodeToNodeEvents {
  /** Answer with the devices connected to you (presence-across-nodes.ts). */
  'presence:list': (answer: (list: DevicePresence[]) => void) => void;
  /** A device connected, disconnected or reported on the sending node. */
  'presence:changed': () => void;
  /** Answer with what your node knows of this print agent (printer-board.ts). */
  'printer:agent': (agentId: string, answer: (state: AgentState) => void) => void;
  /** Events committed on the sending node, for your own sockets (hub.ts). */
  'queue:events': (events: QueueEvent[]) => void;
}

export type TalonIo = Server<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, SocketData>;
export type OfficeNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, SocketData>;
export type OfficeSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, SocketData>;

/** A handshake refused: the client's `connect_error` carries the code and message in `data`. */
export const refusal = (error: ApiError): Error => Object.assign(new Error(error.message), { data: error });

/**
 * Closes an archived office's namespace: its sockets are told the server ended them (clients do not
 * reconnect) and new connections get Socket.IO's "Invalid namespace".
 */
export function closeNamespace(io: TalonIo, ns: OfficeNamespace): void {
  ns.disconnectSockets(true);
  ns.removeAllListeners();
  // Socket.IO closes the adapters of the namespaces it still knows when it closes; this one it will not know.
  void Promise.resolve(ns.adapter.close()).catch(() => undefined);
  // Socket.IO has no public way to forget a namespace; without this it would still accept connections.
  (io as unknown as { _nsps: Map<string, unknown> })._nsps.delete(ns.name);
}

export function createSocketServer(
  httpServer: HttpServer,
  /** Origins besides the server's own whose pages may connect (TALON_ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[] = [],
  /** Several nodes: how broadcasts reach the other nodes' sockets. */
  adapter?: SocketAdapter,
): TalonIo {
  const io: TalonIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: allowOrigins(allowedOrigins),
    ...(adapter ? { adapter: adapter.factory } : {}),
  });
  io.use((_socket, next) => next(refusal({ code: 'not-found', message: 'Connect to an office: /offices/<id>' })));
  return io;
}
