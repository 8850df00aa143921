// One office's live queue over Socket.IO, in its namespace `/offices/<id>`: every client gets a
// full snapshot on connect, then every sequenced event of that office, in one room per audience
// (redact.ts): staff with full tickets, each kiosk with the ids of the tickets it issued, everyone
// else (print agents too) without ticket ids. Commands arrive as acknowledged events and run through
// the office's CommandRunner, as REST does. Someone without access to the office (a person with no
// role there, another office's device) is refused with connect_error `forbidden`
// (`error.data.code`), unless only a browser's cookie says who they are (see office-dispatch.ts).
import {
  commandSchemas,
  type ClientToServerEvents,
  type CommandName,
  type OfficeId,
  type OfficeStatus,
  type QueueEvent,
} from '../../common/protocol';
import type { AccessRevocations } from '../auth/access-revocations';
import { accessRoomsOf, type ResolveCaller } from '../auth/caller-cache';
import { principalIn } from '../auth/office-access';
import { isStaff } from '../auth/permissions';
import type { Credentials, Principal } from '../auth/principal';
import type { CommandRunner } from '../engine/commands';
import type { QueueEngine } from '../engine/queue-engine';
import { toApiError } from '../http/respond';
import type { DevicePresenceBoard } from './presence';
import type { PresenceAcrossNodes } from './presence-across-nodes';
import { audienceOf, eventFor, isKioskAudience, snapshotFor, type Audience } from './redact';
import { refusal, type OfficeNamespace, type OfficeSocket } from './socket-server';

const OFFICE_STATUS_CHECK_MS = 15_000;

function credentialsOf(socket: OfficeSocket): Credentials {
  const auth = socket.handshake.auth as { token?: unknown; deviceKey?: unknown };
  const authorization =
    typeof auth.deviceKey === 'string' ? `Device ${auth.deviceKey}` : typeof auth.token === 'string' ? `Bearer ${auth.token}` : undefined;
  return {
    ...(socket.handshake.headers.cookie ? { cookieHeader: socket.handshake.headers.cookie } : {}),
    ...(authorization ? { authorization } : {}),
  };
}

export interface OfficeHubDeps {
  officeId: OfficeId;
  engine: QueueEngine;
  runner: CommandRunner;
  resolveCaller: ResolveCaller;
  revocations: AccessRevocations;
  /** This node's devices: the sockets connected here. */
  presence: DevicePresenceBoard;
  /** Every node's devices, as staff see them. */
  presenceView: PresenceAcrossNodes;
  /** Told once a batch has been sent to every socket (the metrics' fan-out latency). */
  fannedOut: (events: QueueEvent[]) => void;
  /** Other nodes serve this office too (an adapter carries messages between them). */
  spansNodes: boolean;
}

/** Wires the namespace; the returned function stops its timers and listeners (the office is archived or the server closes). */
export function attachOfficeHub(ns: OfficeNamespace, { officeId, engine, runner, resolveCaller, revocations, presence, presenceView, fannedOut, spansNodes }: OfficeHubDeps): () => void {
  ns.use((socket, next) => {
    const credentials = credentialsOf(socket);
    resolveCaller(credentials).then(
      (result) => {
        // A stale session cookie is sent by the browser unasked: such a socket goes on as public
        // (a hall display on a staff PC must still work); a bad key or token is refused.
        if ('error' in result && credentials.authorization !== undefined) return next(refusal(result.error));
        const caller = 'error' in result ? ({ kind: 'public' } as const) : result;
        // Likewise a cookie of someone without a role in this office: the public, as the dispatcher does.
        const principal = principalIn(caller, officeId);
        if ('error' in principal && credentials.authorization !== undefined) return next(refusal(principal.error));
        socket.data.principal = 'error' in principal ? { kind: 'public' } : principal;
        socket.data.credentials = credentials;
        socket.data.rooms = accessRoomsOf(caller, credentials);
        // A first connection after local midnight must not be handed yesterday's queue.
        engine.upToDate().then(() => next(), next);
      },
      () => next(new Error('authentication failed')),
    );
  });

  /**
   * A staff session can expire or lose its role here, a device can be revoked or get a new key, while
   * the socket stays open: look again. Rejects when the check itself failed (the database).
   */
  const stillValid = async (socket: OfficeSocket): Promise<boolean> => {
    const { principal } = socket.data;
    if (principal.kind === 'public') return true;
    const result = await resolveCaller(socket.data.credentials);
    return !('error' in result) && result.kind === principal.kind && !('error' in principalIn(result, officeId));
  };

  const snapshotOf = (principal: Principal) => snapshotFor(audienceOf(principal), engine.snapshot());

  ns.on('connection', (socket) => {
    const { principal } = socket.data;
    void socket.join([audienceOf(principal), ...socket.data.rooms]);
    socket.emit('queue:snapshot', snapshotOf(principal));
    socket.on('queue:resync', (ack) => {
      if (typeof ack !== 'function') return;
      engine.upToDate().then(
        () => ack({ ok: true, data: snapshotOf(principal) }),
        (error: unknown) => ack({ ok: false, error: toApiError(error) }),
      );
    });
    if (principal.kind === 'device') {
      const { device } = principal;
      presence.connected(device, socket.id);
      socket.on('device:report', (report) => presence.report(device, socket.id, report));
      socket.on('disconnect', () => presence.disconnected(device, socket.id));
    }
    if (isStaff(principal)) void presenceView.list().then((list) => socket.emit('devices:presence', list));
    for (const name of Object.keys(commandSchemas) as CommandName[]) {
      socket.on(name, ((input: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        void stillValid(socket).catch(() => false).then((valid) => {
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

  // This node's sockets: every node hears of a revocation (the cluster bus) and ends its own.
  const stopRevocations = revocations.onRevoked((room) => ns.local.in(room).disconnectSockets(true));
  // Each node tells its own staff the merged list.
  const stopPresence = presenceView.onChange((list) => ns.local.to('staff').emit('devices:presence', list));

  // An office's events reach this node's sockets at once, and the other nodes' in one message that
  // is not waited for. A broadcast (`ns.to(room).emit`) through a cluster adapter awaits its publish
  // (on PostgreSQL a NOTIFY round trip, ~40 ms) before it reaches even this node's own sockets.
  // serverSideEmit goes through the same adapter and its single publisher, so the batches of an
  // office stay in order; it is never delivered back to the sender, and large batches go through
  // the adapter's attachments table. Without an adapter (SQLite, one node) there is nobody to tell,
  // and the in-memory adapter's serverSideEmit throws.
  const tellOwnSockets = (events: QueueEvent[]) => {
    // Each kiosk connected here is its own audience: it sees the ids of its own tickets only.
    const audiences: Audience[] = ['staff', 'public', ...[...ns.adapter.rooms.keys()].filter(isKioskAudience)];
    for (const event of events) {
      for (const audience of audiences) ns.local.to(audience).emit('queue:event', eventFor(audience, event));
    }
  };
  const stopEvents = engine.onEvents((events) => {
    tellOwnSockets(events);
    if (spansNodes) ns.serverSideEmit('queue:events', events);
    fannedOut(events);
  });
  if (spansNodes) ns.on('queue:events', tellOwnSockets);

  let lastStatus = JSON.stringify(engine.officeStatus());
  const timer = setInterval(() => {
    // A failed commit is already logged and undone by the engine; the next tick tries again.
    engine.upToDate().catch(() => undefined);
    const status: OfficeStatus = engine.officeStatus();
    const json = JSON.stringify(status);
    // Every node runs this timer, so each tells only its own sockets.
    if (json !== lastStatus) ns.local.emit('office:status', status);
    lastStatus = json;
    // Access ended by another process (`talon reset-password`, `talon revoke-device`) is announced to
    // no listener here: the sockets holding it find out now. A failed check leaves them be.
    for (const socket of ns.sockets.values()) {
      stillValid(socket).then((valid) => valid || socket.disconnect(true), () => undefined);
    }
  }, OFFICE_STATUS_CHECK_MS);
  timer.unref();

  return () => {
    clearInterval(timer);
    stopRevocations();
    stopPresence();
    stopEvents();
    ns.off('queue:events', tellOwnSockets);
  };
}
