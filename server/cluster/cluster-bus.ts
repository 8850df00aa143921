// What one Talon node tells the others that share its database: access that ended or changed (their
// caller caches and sockets must forget it too), an office's configuration saved (their engines must
// adopt it), an office's appointment settings saved (their appointment books must reload them), an
// office created or archived (they start or stop its runtime), an office's queue moved (they catch
// up at once rather than at the next look). Each node handles its own news directly;
// the bus carries it to the other nodes only. Messages may be lost while a node reconnects, so each
// receiver also hears `resynced` after a reconnect and then looks again at everything itself.
import type { OfficeId } from '../../common/protocol';
import { logger } from '../observability/logger';

export type ClusterNews =
  | { kind: 'access-revoked'; room: string }
  | { kind: 'access-changed'; room: string }
  | { kind: 'office-config-changed'; officeId: OfficeId }
  | { kind: 'appointment-settings-changed'; officeId: OfficeId }
  | { kind: 'office-created'; officeId: OfficeId }
  | { kind: 'office-archived'; officeId: OfficeId }
  | { kind: 'office-moved'; officeId: OfficeId; seq: number };

export interface ClusterListener {
  news(news: ClusterNews): void;
  /** The bus was cut off for a while and is back: whatever was said meanwhile is lost. */
  resynced(): void;
}

export interface ClusterBus {
  /** This node's id: news carries it, so no node hears its own. */
  readonly nodeId: string;
  /** To every other node; never throws (a lost message is made good by the listeners' own checks). */
  tell(news: ClusterNews): void;
  listen(listener: ClusterListener): () => void;
  close(): Promise<void>;
}

/** The wire form: news and who said it. */
export interface ClusterMessage {
  from: string;
  news: ClusterNews;
}

/** The listeners of a bus, told each message from another node. */
export class ClusterListeners {
  private readonly listeners = new Set<ClusterListener>();

  constructor(private readonly nodeId: string) {}

  add(listener: ClusterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(message: ClusterMessage): void {
    if (message.from === this.nodeId) return;
    this.each((listener) => listener.news(message.news));
  }

  resynced(): void {
    this.each((listener) => listener.resynced());
  }

  private each(tell: (listener: ClusterListener) => void): void {
    for (const listener of this.listeners) {
      try {
        tell(listener);
      } catch (error) {
        // One listener's failure must not keep the news from the others.
        logger.error({ err: error }, 'a cluster listener failed');
      }
    }
  }
}

/** SQLite: one node by construction (one process holds the data folder), so nobody else to tell. */
export class SingleNodeBus implements ClusterBus {
  constructor(readonly nodeId: string) {}

  tell(): void {}

  listen(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {}
}
