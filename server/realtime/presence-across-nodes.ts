// Device presence when several nodes serve an office: each node's board (presence.ts) knows the
// screens connected to that node, while staff on any node must see them all. The node where a
// device connects, disconnects or reports tells the others (serverSideEmit through the adapter);
// each node then asks every other node for its board, merges, and tells its own staff. One node
// (no adapter: SQLite) just has its board.
import type { DevicePresence } from '../../common/protocol';
import { logger } from '../observability/logger';
import { mergePresence, type DevicePresenceBoard } from './presence';
import type { OfficeNamespace } from './socket-server';

export interface PresenceAcrossNodes {
  /** Every node's devices, merged. */
  list(): Promise<DevicePresence[]>;
  /** Told the merged list whenever it may have changed, on this node or another. */
  onChange(listener: (list: DevicePresence[]) => void): () => void;
  stop(): void;
}

export function presenceAcrossNodes(ns: OfficeNamespace, board: DevicePresenceBoard, spansNodes: boolean): PresenceAcrossNodes {
  const listeners = new Set<(list: DevicePresence[]) => void>();
  const list = async (): Promise<DevicePresence[]> => {
    if (!spansNodes) return board.list();
    try {
      const others = await ns.serverSideEmitWithAck('presence:list');
      return mergePresence([board.list(), ...others]);
    } catch (error) {
      // A node that died answers nobody until the adapter notices it is gone: show what is known.
      logger.warn({ err: error, namespace: ns.name }, 'not every node told its devices');
      return board.list();
    }
  };
  const tellStaff = () => {
    if (listeners.size === 0) return;
    void list().then((merged) => listeners.forEach((listener) => listener(merged)));
  };
  const stopBoard = board.onChange((local) => {
    if (!spansNodes) return listeners.forEach((listener) => listener(local));
    ns.serverSideEmit('presence:changed');
    tellStaff();
  });
  if (spansNodes) {
    ns.on('presence:list', (answer) => answer(board.list()));
    ns.on('presence:changed', tellStaff);
  }
  return {
    list,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      stopBoard();
      ns.removeAllListeners('presence:list');
      ns.removeAllListeners('presence:changed');
    },
  };
}
