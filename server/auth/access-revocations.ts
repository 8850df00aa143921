// When access ends — a device revoked, an account deactivated or its password reset, a session
// logged out — open sockets holding that access must end too; REST checks on every request, a
// socket only at connect. Routes announce here, the realtime hub disconnects the matching sockets;
// with several nodes, the other nodes hear it too and do the same with theirs.
import { hashSecret } from './passwords';

export type AccessTarget = { kind: 'device'; id: string } | { kind: 'user'; id: string } | { kind: 'session'; token: string };

/** The room name a socket holding that access joins. */
export function accessRoom(target: AccessTarget): string {
  return target.kind === 'session' ? `session:${hashSecret(target.token)}` : `${target.kind}:${target.id}`;
}

/** The other nodes' part: what ended or changed on this node is told to them (cluster-bus.ts). */
export type TellOtherNodes = (news: { kind: 'access-revoked' | 'access-changed'; room: string }) => void;

export class AccessRevocations {
  private listeners = new Set<(room: string) => void>();
  private changeListeners = new Set<(room: string) => void>();

  constructor(private readonly tellOthers: TellOtherNodes = () => undefined) {}

  /** Called when a device or user changed but keeps its access (new settings, a new name). */
  onChanged(listener: (room: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  changed(target: AccessTarget): void {
    const room = accessRoom(target);
    this.changedElsewhere(room);
    this.tellOthers({ kind: 'access-changed', room });
  }

  /** Another node announced the change: this node's listeners only. */
  changedElsewhere(room: string): void {
    for (const listener of this.changeListeners) listener(room);
  }

  onRevoked(listener: (room: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  revoke(target: AccessTarget): void {
    const room = accessRoom(target);
    this.revokedElsewhere(room);
    this.tellOthers({ kind: 'access-revoked', room });
  }

  /** Another node revoked it: this node's caches and sockets forget it too. */
  revokedElsewhere(room: string): void {
    for (const listener of this.listeners) listener(room);
  }
}
