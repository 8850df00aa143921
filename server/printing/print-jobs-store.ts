// One office's rows of the print_jobs table: every job made for its print agents and where it is in
// its life (see db/migrations/0007_print_job_lifecycle.sql). Moves between states are conditional
// updates on the state the decision read, so a job leaves `pending` or `printing` once, whichever of
// its agent, a reprint or its expiry comes first, on whichever node each is decided.
import type { OfficeId } from '../../common/protocol';
import type { PrintJob, PrintJobPayload } from '../../common/protocol/printing';
import type { Database, SqlValue } from '../store/database';
import { officeLock } from '../store/office-lock';
import { printJobInsertionOrder } from '../store/sql-dialect';

/** Why a job was made: a kiosk ticket's first print, a reprint by staff, or an admin's test page. */
export type PrintJobKind = 'issue' | 'reprint' | 'test-page';
/** Pending until its agent claims it, printing until the agent answers; the rest are final. */
export type PrintJobState = 'pending' | 'printing' | 'printed' | 'failed' | 'superseded' | 'expired';
export type LivePrintJobState = Extract<PrintJobState, 'pending' | 'printing'>;
export type FinalPrintJobState = Exclude<PrintJobState, LivePrintJobState>;

export interface StoredPrintJob {
  job: PrintJob;
  agentId: string;
  kind: PrintJobKind;
  ticketId: string | null;
  state: PrintJobState;
  expiresAt: number;
}

/** A job not yet answered, as a decision read it: its state is what that decision's write is conditional on. */
export type LivePrintJob = StoredPrintJob & { state: LivePrintJobState };

export function isLive(stored: StoredPrintJob): stored is LivePrintJob {
  return stored.state === 'pending' || stored.state === 'printing';
}

interface PrintJobRow {
  id: string;
  agent_id: string;
  kind: PrintJobKind;
  ticket_id: string | null;
  payload: string;
  state: PrintJobState;
  created_at: number;
  expires_at: number;
}

const COLUMNS = 'id, agent_id, kind, ticket_id, payload, state, created_at, expires_at';
const LIVE = "state IN ('pending', 'printing')";

function toStored(row: PrintJobRow): StoredPrintJob {
  return {
    job: { jobId: row.id, createdAt: row.created_at, payload: JSON.parse(row.payload) as PrintJobPayload },
    agentId: row.agent_id,
    kind: row.kind,
    ticketId: row.ticket_id,
    state: row.state,
    expiresAt: row.expires_at,
  };
}

export interface NewPrintJob {
  job: PrintJob;
  agentId: string;
  kind: PrintJobKind;
  expiresAt: number;
}

export interface PrintJobsStore {
  /** False when the ticket already has its issue job (nothing is stored then). */
  add(job: NewPrintJob): Promise<boolean>;
  get(jobId: string): Promise<StoredPrintJob | null>;
  /** The agent's jobs not yet answered (pending or printing), oldest first. */
  liveFor(agentId: string): Promise<LivePrintJob[]>;
  /** The ticket's jobs not yet answered. */
  liveForTicket(ticketId: string): Promise<LivePrintJob[]>;
  liveCounts(): Promise<Map<string, number>>;
  /** Whether the ticket was ever given a job (its issue job, or a reprint). */
  hasJobFor(ticketId: string): Promise<boolean>;
  /** The agent of the ticket's latest job, if any. */
  lastAgentFor(ticketId: string): Promise<string | null>;
  /** pending → printing; false when the job was not pending. */
  claim(jobId: string): Promise<boolean>;
  /** Ends the job if it is still in the state `from` its decision read; false when it had moved on. */
  finish(jobId: string, from: LivePrintJobState, state: FinalPrintJobState, error: string | null, at: number): Promise<boolean>;
}

export function createPrintJobsStore(db: Database, officeId: OfficeId): PrintJobsStore {
  const live = async (where: string, params: SqlValue[]) =>
    (
      await db.read.all<PrintJobRow>(`SELECT ${COLUMNS} FROM print_jobs WHERE office_id = ? AND ${where} AND ${LIVE} ORDER BY created_at, ${printJobInsertionOrder(db.engine)}`, [
        officeId,
        ...params,
      ])
    )
      .map(toStored)
      .filter(isLive);
  return {
    async add({ job, agentId, kind, expiresAt }) {
      const ticketId = job.payload.kind === 'ticket' ? job.payload.ticketId : null;
      const { changes } = await db.transaction(
        (tx) =>
          // The target is the partial unique index print_jobs_one_per_issue: a ticket's second issue job is dropped.
          tx.run(
            `INSERT INTO print_jobs (office_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
             ON CONFLICT (ticket_id) WHERE kind = 'issue' DO NOTHING`,
            [officeId, job.jobId, agentId, kind, ticketId, JSON.stringify(job.payload), job.createdAt, expiresAt],
          ),
        officeLock(officeId),
      );
      return changes === 1;
    },

    async get(jobId) {
      const row = await db.read.get<PrintJobRow>(`SELECT ${COLUMNS} FROM print_jobs WHERE office_id = ? AND id = ?`, [officeId, jobId]);
      return row ? toStored(row) : null;
    },

    liveFor: (agentId) => live('agent_id = ?', [agentId]),

    liveForTicket: (ticketId) => live('ticket_id = ?', [ticketId]),

    async liveCounts() {
      const rows = await db.read.all<{ agent_id: string; count: number }>(
        `SELECT agent_id, COUNT(*) AS count FROM print_jobs WHERE office_id = ? AND ${LIVE} GROUP BY agent_id`,
        [officeId],
      );
      return new Map(rows.map((r) => [r.agent_id, r.count]));
    },

    async hasJobFor(ticketId) {
      return (await db.read.get('SELECT 1 FROM print_jobs WHERE office_id = ? AND ticket_id = ? LIMIT 1', [officeId, ticketId])) !== undefined;
    },

    async lastAgentFor(ticketId) {
      const row = await db.read.get<{ agent_id: string }>(
        `SELECT agent_id FROM print_jobs WHERE office_id = ? AND ticket_id = ? ORDER BY created_at DESC, ${printJobInsertionOrder(db.engine)} DESC LIMIT 1`,
        [officeId, ticketId],
      );
      return row?.agent_id ?? null;
    },

    async claim(jobId) {
      const { changes } = await db.transaction(
        (tx) => tx.run("UPDATE print_jobs SET state = 'printing' WHERE office_id = ? AND id = ? AND state = 'pending'", [officeId, jobId]),
        officeLock(officeId),
      );
      return changes === 1;
    },

    async finish(jobId, from, state, error, at) {
      const { changes } = await db.transaction(
        (tx) => tx.run('UPDATE print_jobs SET state = ?, error = ?, finished_at = ? WHERE office_id = ? AND id = ? AND state = ?', [state, error, at, officeId, jobId, from]),
        officeLock(officeId),
      );
      return changes === 1;
    },
  };
}
