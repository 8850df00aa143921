// The screens' own link to an office's queue (common/ui/queue-connection.ts) outside a browser: the
// same QueueConnection a display runs — snapshot on every (re)connect, events in order, a resync on
// any gap — under a stand-in for the Lit element that would own it.
import type { ReactiveControllerHost } from 'lit';
import type { OfficeId } from '../../common/protocol';
import { QueueConnection } from '../../common/ui/queue-connection';

export interface QueueMirror {
  connection: QueueConnection;
  close(): void;
}

/** A display's connection to `url` (a node, or a proxy in front of nodes), connected at once. */
export function mirrorQueue(url: string, officeId: OfficeId, deviceKey: string): QueueMirror {
  const host: ReactiveControllerHost = {
    // A host on the page starts its controllers as they are added, as Lit does.
    addController: (controller) => controller.hostConnected?.(),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  const connection = new QueueConnection(host, { url, officeId, deviceKey });
  return { connection, close: () => connection.hostDisconnected() };
}
