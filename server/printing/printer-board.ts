// The latest word from each print agent: whether it is connected and what it last said about its
// printer. Kept in memory only: after a restart the agents report again as soon as they reconnect.
// With several nodes an agent is connected to one of them: each board knows its own node's agents,
// and `acrossNodes` asks the other boards too (print-agents.ts wires the asking).
import type { PrinterReport } from '../../common/protocol/printing';

export interface AgentState {
  connections: number;
  report: PrinterReport | null;
  reportedAt: number | null;
}

const NEVER_SEEN: AgentState = { connections: 0, report: null, reportedAt: null };

/** The other nodes' boards' word on one agent. */
export type AskOtherNodes = (agentId: string) => Promise<AgentState[]>;

export class PrinterBoard {
  private readonly agents = new Map<string, AgentState>();
  private readonly listeners = new Set<(agentId: string) => void>();
  private askOthers: AskOtherNodes = async () => [];

  constructor(private readonly clock: () => number) {}

  /** This node's word on the agent. */
  get(agentId: string): AgentState {
    return this.agents.get(agentId) ?? NEVER_SEEN;
  }

  /** Every node's word on the agent as one: its connections on all of them, the latest report of any. */
  async acrossNodes(agentId: string): Promise<AgentState> {
    const states = [this.get(agentId), ...(await this.askOthers(agentId))];
    const latest = states.reduce((a, b) => ((b.reportedAt ?? -1) > (a.reportedAt ?? -1) ? b : a));
    return { connections: states.reduce((sum, s) => sum + s.connections, 0), report: latest.report, reportedAt: latest.reportedAt };
  }

  askOtherNodesWith(ask: AskOtherNodes): void {
    this.askOthers = ask;
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
