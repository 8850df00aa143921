// A line when a screen, kiosk, print agent or staff app connects to an office's namespace and one
// when it leaves (with Socket.IO's reason), so "the display went dark at 10:14" can be read back.
// The handshake's auth (token, device key) and headers never enter the line: only the office, what
// kind of client it is and the ids of who it is (log-actor.ts).
import { officeNamespace } from '../../common/protocol';
import type { TalonIo } from '../realtime/socket-server';
import { loggedActor } from './log-actor';
import { screenKindOf } from './screen-kind';
import type { Logger } from './logger';

const OFFICE_NAMESPACE_PREFIX = officeNamespace('');

/** Call before the offices open their namespaces: each one is watched as it is created. */
export function logSocketConnections(io: TalonIo, logger: Logger): void {
  io.on('new_namespace', (ns) => {
    if (!ns.name.startsWith(OFFICE_NAMESPACE_PREFIX)) return;
    const office = ns.name.slice(OFFICE_NAMESPACE_PREFIX.length);
    ns.on('connection', (socket) => {
      const { principal } = socket.data;
      const log = logger.child({ office, socketId: socket.id, kind: screenKindOf(principal), actor: loggedActor(principal) });
      log.info('socket connected');
      socket.on('disconnect', (reason) => log.info({ reason }, 'socket disconnected'));
    });
  });
}
