// The root element's link to one office's queue: a socket on the office's namespace, the latest
// snapshot, and the sequence number.
// A snapshot arrives on every (re)connect; events are applied in order; a gap in `seq` means we
// missed something, so we ask for a fresh snapshot rather than guess.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import {
  applyQueueEvent,
  type ClientToServerEvents,
  type CommandInput,
  type CommandName,
  type CommandOutputs,
  type QueueEvent,
  type QueueSnapshot,
  type Result,
  type ServerToClientEvents,
} from '../protocol';
import { retryWhileOfficeBusy } from './office-busy-retry';
import { officeNamespace, type OfficeId } from '../protocol/offices';

export type ConnectionState = 'connecting' | 'online' | 'offline';
export type TalonSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectionOptions {
  /** Whose queue: sequence numbers and events are the office's own. */
  officeId: OfficeId;
  /** A registered device's key (kiosk, display, print agent); staff use their session cookie. */
  deviceKey?: string | null;
  /** Called for every event applied, after the snapshot is updated (e.g. to announce calls). */
  onEvent?: (event: QueueEvent, snapshot: QueueSnapshot) => void;
  /** Called whenever a whole snapshot replaces the old one (connect, resync). */
  onSnapshot?: (snapshot: QueueSnapshot) => void;
  /** The server's base URL; the page's own origin when absent. */
  url?: string;
}

const COMMAND_TIMEOUT_MS = 10_000;
/** After the server closed the connection itself, the next attempt waits this long. */
const RECONNECT_AFTER_SERVER_CLOSE_MS = 1_000;

export class QueueConnection implements ReactiveController {
  snapshot: QueueSnapshot | null = null;
  state: ConnectionState = 'connecting';
  /** Why the server refused the connection (e.g. a revoked device), if it did. */
  refusal: string | null = null;
  readonly socket: TalonSocket;
  /** Whether the host is on the page: a socket whose element left stays closed. */
  private onPage = false;
  /**
   * The newest seq an event carried, applied or not. With several nodes an event committed on another
   * node can reach this socket before the node it is connected to has taken it in, so a snapshot may
   * come out older than an event already seen: then it is asked for once more.
   */
  private newestSeen = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ConnectionOptions,
  ) {
    this.socket = io(`${options.url ?? ''}${officeNamespace(options.officeId)}`, {
      autoConnect: false,
      withCredentials: true,
      auth: options.deviceKey ? { deviceKey: options.deviceKey } : {},
      // WebSocket from the start, no long-polling first: behind a load balancer without sticky
      // sessions, polling's requests could each reach another node, which knows none of them.
      transports: ['websocket'],
    });
    this.socket.on('connect', () => this.setState('online'));
    this.socket.on('disconnect', (reason) => {
      this.setState('offline');
      // Socket.IO does not come back by itself when the server closed the connection (it stopped or
      // restarted, the key was revoked, the session ended elsewhere): ask again, and a refusal says why.
      if (reason === 'io server disconnect') setTimeout(() => this.onPage && this.socket.connect(), RECONNECT_AFTER_SERVER_CLOSE_MS);
    });
    this.socket.on('connect_error', (err: Error & { data?: { message?: string } }) => {
      this.refusal = err.data?.message ?? null;
      this.setState('offline');
    });
    this.socket.on('queue:snapshot', (snapshot) => this.adopt(snapshot));
    this.socket.on('queue:event', (event) => this.apply(event));
    this.socket.on('office:status', (officeStatus) => {
      if (this.snapshot) this.snapshot = { ...this.snapshot, officeStatus };
      this.host.requestUpdate();
    });
    this.socket.on('config:changed', () => this.resync());
    // Last: a host already on the page calls hostConnected() at once, which needs the socket.
    host.addController(this);
  }

  hostConnected(): void {
    this.onPage = true;
    this.socket.connect();
  }

  hostDisconnected(): void {
    this.onPage = false;
    this.socket.disconnect();
  }

  /**
   * Sends a command and resolves with the server's typed answer (or a local 'internal' error). A busy
   * office's refusal changed nothing, so it is asked again before the caller hears of it.
   */
  command<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutputs[K]>> {
    return retryWhileOfficeBusy(() => this.send(name, input));
  }

  private async send<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutputs[K]>> {
    const send = this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck as (event: K, payload: CommandInput<K>) => Promise<Result<CommandOutputs[K]>>;
    try {
      return await send.call(this.socket.timeout(COMMAND_TIMEOUT_MS), name, input);
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The server did not answer in time' } };
    }
  }

  resync(): void {
    this.socket
      .timeout(COMMAND_TIMEOUT_MS)
      .emitWithAck('queue:resync')
      .then((result) => result.ok && this.adopt(result.data))
      .catch(() => undefined);
  }
  private adopt(snapshot: QueueSnapshot): void {
    const behind = this.newestSeen > snapshot.seq;
    // Once only: a seq that went back for good (a database restored from a backup) must not loop.
    this.newestSeen = snapshot.seq;
    this.snapshot = snapshot;
    this.options.onSnapshot?.(snapshot);
    this.host.requestUpdate();
    if (behind) this.resync();
  }

  private apply(event: QueueEvent): void {
    this.newestSeen = Math.max(this.newestSeen, event.seq);
    const current = this.snapshot;
    if (!current || event.seq <= current.seq) return;
    if (event.seq !== current.seq + 1) {
      this.resync();
      return;
    }
    this.snapshot = applyQueueEvent(current, event);
    this.options.onEvent?.(event, this.snapshot);
    this.host.requestUpdate();
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
