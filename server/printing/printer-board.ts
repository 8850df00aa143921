// The latest word from each print agent: whether it is connected and what it last said about its
// printer. Kept in memory only: after a restart the agents report again as soon as they reconnect.
import type { PrinterReport } from '../../common/protocol/printing';

export interface AgentState {
  connections: number;
  report: PrinterReport | null;
  reportedAt: number | null;
}

const NEVER_SEEN: AgentState = { connections: 0, report: null, reportedAt: null };

export class PrinterBoard {
  private readonly agents = new Map<string, AgentState>();
  private readonly listeners = new Set<(agentId: string) => void>();

  constructor(private readonly clock: () => number) {}

  get(agentId: string): AgentState {
    return this.agents.get(agentId) ?? NEVER_SEEN;
  }

  /** Called with the agent's id whenever anything about it changes. */
  onChange(listener: (agentId: string) => void): void {
    this.listeners.add(listener);
  }

  connected(agentId: string): void {
    this.update(agentId, (s) => ({ ...s, connections: s.connections + 1 }));
  }

  disconnected(agentId: string): void {
    this.update(agentId, (s) => ({ ...s, connections: Math.max(0, s.connections - 1) }));
  }

  reported(agentId: string, report: PrinterReport): void {
    this.update(agentId, (s) => ({ ...s, report, reportedAt: this.clock() }));
  }

  /** Something staff see about the agent changed elsewhere (its pending jobs). */
  changed(agentId: string): void {
    for (const listener of this.listeners) listener(agentId);
  }

  private update(agentId: string, change: (state: AgentState) => AgentState): void {
    this.agents.set(agentId, change(this.get(agentId)));
    this.changed(agentId);
  }
}
