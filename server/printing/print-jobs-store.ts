// The print_jobs table: every job made for a print agent, pending until the agent answers.
import type { PrintJob, PrintJobPayload } from '../../common/protocol/printing';
import type { Database } from '../store/database';

/** Why a job was made: a kiosk ticket's first print, a reprint by staff, or an admin's test page. */
export type PrintJobKind = 'issue' | 'reprint' | 'test-page';
export type PrintJobState = 'pending' | 'printed' | 'failed';

export interface StoredPrintJob {
  job: PrintJob;
  agentId: string;
  kind: PrintJobKind;
  ticketId: string | null;
  state: PrintJobState;
}

interface PrintJobRow {
  id: string;
  agent_id: string;
  kind: PrintJobKind;
  ticket_id: string | null;
  payload: string;
  state: PrintJobState;
  created_at: number;
}

const COLUMNS = 'id, agent_id, kind, ticket_id, payload, state, created_at';

function toStored(row: PrintJobRow): StoredPrintJob {
  return {
    job: { jobId: row.id, createdAt: row.created_at, payload: JSON.parse(row.payload) as PrintJobPayload },
    agentId: row.agent_id,
    kind: row.kind,
    ticketId: row.ticket_id,
    state: row.state,
  };
}

export interface NewPrintJob {
  job: PrintJob;
  agentId: string;
  kind: PrintJobKind;
}

export interface PrintJobsStore {
  /** False when the ticket already has its issue job (nothing is stored then). */
  add(job: NewPrintJob): Promise<boolean>;
  get(jobId: string): Promise<StoredPrintJob | null>;
  /** The agent's unanswered jobs, oldest first. */
  pendingFor(agentId: string): Promise<PrintJob[]>;
  pendingCounts(): Promise<Map<string, number>>;
  /** Whether the ticket was ever given a job (its issue job, or a reprint). */
  hasJobFor(ticketId: string): Promise<boolean>;
  /** The agent of the ticket's latest job, if any. */
  lastAgentFor(ticketId: string): Promise<string | null>;
  /** Records the agent's answer; false when the job was already answered. */
  finish(jobId: string, state: Exclude<PrintJobState, 'pending'>, error: string | null, at: number): Promise<boolean>;
}

export function createPrintJobsStore(db: Database): PrintJobsStore {
  return {
    async add({ job, agentId, kind }) {
      const ticketId = job.payload.kind === 'ticket' ? job.payload.ticketId : null;
      const { changes } = await db.transaction((tx) =>
        tx.run(`INSERT OR IGNORE INTO print_jobs (${COLUMNS}) VALUES (?, ?, ?, ?, ?, 'pending', ?)`, [
          job.jobId,
          agentId,
          kind,
          ticketId,
          JSON.stringify(job.payload),
          job.createdAt,
        ]),
      );
      return changes === 1;
    },

    async get(jobId) {
      const row = await db.read.get<PrintJobRow>(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`, [jobId]);
      return row ? toStored(row) : null;
    },

    async pendingFor(agentId) {
      const rows = await db.read.all<PrintJobRow>(
        `SELECT ${COLUMNS} FROM print_jobs WHERE agent_id = ? AND state = 'pending' ORDER BY created_at, rowid`,
        [agentId],
      );
      return rows.map((row) => toStored(row).job);
    },

    async pendingCounts() {
      const rows = await db.read.all<{ agent_id: string; count: number }>(
        "SELECT agent_id, COUNT(*) AS count FROM print_jobs WHERE state = 'pending' GROUP BY agent_id",
      );
      return new Map(rows.map((r) => [r.agent_id, r.count]));
    },

    async hasJobFor(ticketId) {
      return (await db.read.get('SELECT 1 FROM print_jobs WHERE ticket_id = ? LIMIT 1', [ticketId])) !== undefined;
    },

    async lastAgentFor(ticketId) {
      const row = await db.read.get<{ agent_id: string }>(
        'SELECT agent_id FROM print_jobs WHERE ticket_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
        [ticketId],
      );
      return row?.agent_id ?? null;
    },

    async finish(jobId, state, error, at) {
      const { changes } = await db.transaction((tx) =>
        tx.run("UPDATE print_jobs SET state = ?, error = ?, finished_at = ? WHERE id = ? AND state = 'pending'", [state, error, at, jobId]),
      );
      return changes === 1;
    },
  };
}
