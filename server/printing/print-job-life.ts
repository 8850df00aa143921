// The life of a print job once it is made (db/migrations/0007_print_job_lifecycle.sql): each ticket
// comes out exactly once and never stale.
// - The agent claims a job just before printing it, and a job is claimed once: the server hands it
//   out only while it is pending, its ticket is waiting and it has not expired (the office's
//   `printing.jobExpiryMinutes`). A job the kiosk gave up on (it told the visitor printing failed)
//   has expired too, so that stray ticket never comes out later.
// - A reprint supersedes the ticket's pending job instead of adding a second ticket.
// - The agent keeps the answers it gave in a file; an answer that arrives twice (resent after a
//   reconnect or a restart) is recorded once.
// Claims, give-ups, reprints and answers run one at a time, so each decision sees the last one's.
import type { Device, Result, OfficeId } from '../../common/protocol';
import type { GaveUpPrinting, PrintJob, PrintJobResult } from '../../common/protocol/printing';
import type { CommandRunner } from '../engine/commands';
import type { QueueEngine } from '../engine/queue-engine';
import { ApiFailure, fail, toApiError } from '../http/respond';
import type { Database } from '../store/database';
import type { DevicesStore } from '../store/devices-store';
import { issuingDeviceId } from './issuing-device';
import type { FinalPrintJobState, PrintJobsStore, StoredPrintJob } from './print-jobs-store';
import type { PrinterBoard } from './printer-board';
import { logger } from '../observability/logger';

export interface PrintJobLifeDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  runner: CommandRunner;
  devices: DevicesStore;
  jobs: PrintJobsStore;
  board: PrinterBoard;
}

export class PrintJobLife {
  /** The end of the chain of decisions about jobs (see exclusive()). */
  private decided: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PrintJobLifeDeps) {}

  /** Runs one decision about jobs after the previous one has finished. */
  exclusive<T>(decide: () => Promise<T>): Promise<T> {
    const decision = this.decided.then(decide);
    this.decided = decision.catch(() => undefined);
    return decision;
  }

  /** Resolves once the last decision asked for so far has been made, so the database can close after it. */
  async settle(): Promise<void> {
    let last: Promise<unknown>;
    do {
      last = this.decided;
      await last;
    } while (last !== this.decided);
  }

  /** The agent's jobs to send on connect: those still to print, and those it claimed and may have
   * printed (it answers them from its file). Stale ones expire on the way. */
  pendingFor(agentId: string): Promise<PrintJob[]> {
    return this.exclusive(async () => {
      const jobs: PrintJob[] = [];
      for (const stored of await this.deps.jobs.liveFor(agentId)) {
        const stale = stored.state === 'pending' ? this.staleness(stored) : null;
        if (stale) await this.expire(stored, stale);
        else jobs.push(stored.job);
      }
      return jobs;
    });
  }

  /** An agent about to print a job: whether it still may. A job is handed out to print once. */
  claim(agent: Device, jobId: string): Promise<Result<{ print: boolean }>> {
    return this.answer(async () => {
      const stored = await this.deps.jobs.get(jobId);
      if (!stored || stored.agentId !== agent.id) fail('not-found', `No print job ${jobId} for this agent`);
      if (stored.state === 'printing') {
        // Claimed before, yet the agent has no answer for it: it stopped in the middle of the job.
        // The paper may or may not have come out; printing again could make a second ticket.
        await this.record(agent, stored, { ok: false, reason: 'error', message: 'The print agent stopped while printing it; it may not have come out' });
        return { print: false };
      }
      if (stored.state !== 'pending') return { print: false };
      const stale = this.staleness(stored);
      if (stale) {
        await this.expire(stored, stale);
        return { print: false };
      }
      return { print: await this.deps.jobs.claim(jobId) };
    });
  }

  /** A kiosk whose visitor waited long enough: the ticket's jobs expire, unless one is printing now. */
  giveUp(kiosk: Device, ticketId: string): Promise<Result<GaveUpPrinting>> {
    return this.answer(async () => {
      if ((await issuingDeviceId(this.deps.db, this.deps.officeId, ticketId)) !== kiosk.id) fail('not-found', `No ticket ${ticketId} from this kiosk`);
      const jobs = await this.deps.jobs.liveForTicket(ticketId);
      const printed = this.deps.engine.currentState.tickets.get(ticketId)?.print === 'printed';
      if (printed || jobs.some((job) => job.state === 'printing')) return { expired: false };
      const why = 'The kiosk told the visitor that printing failed';
      for (const job of jobs) await this.end(job, 'expired', why);
      await this.markUnprinted(ticketId, why, kiosk);
      return { expired: true };
    });
  }

  /** An agent's answer for one of its jobs; an answer for a job already ended is taken as given. */
  recordResult(agent: Device, report: PrintJobResult): Promise<Result<{ jobId: string }>> {
    return this.answer(async () => {
      const stored = await this.deps.jobs.get(report.jobId);
      if (!stored || stored.agentId !== agent.id) fail('not-found', `No print job ${report.jobId} for this agent`);
      if (stored.state === 'pending' || stored.state === 'printing') await this.record(agent, stored, report.result);
      return { jobId: report.jobId };
    });
  }

  /** One decision, answered `{ok}` or with the refusal; unexpected errors are logged. */
  private async answer<T>(decide: () => Promise<T>): Promise<Result<T>> {
    try {
      return { ok: true, data: await this.exclusive(decide) };
    } catch (error) {
      if (!(error instanceof ApiFailure)) logger.error({ err: error, office: this.deps.officeId }, 'a print job decision failed');
      return { ok: false, error: toApiError(error) };
    }
  }

  private async record(agent: Device, stored: StoredPrintJob, result: PrintJobResult['result']): Promise<void> {
    // The ticket first: should the server stop between the two writes, the job is still live, the
    // agent is asked again, and its remembered answer is recorded then.
    if (stored.job.payload.kind === 'ticket') {
      const input = { ticketId: stored.job.payload.ticketId, ok: result.ok, ...(result.ok ? {} : { error: result.message }) };
      const recorded = await this.deps.runner.run('ticket:print-result', input, { kind: 'device', device: agent });
      // A ticket cancelled or finished meanwhile has no print state to update; the job still ends.
      if (!recorded.ok && recorded.error.code !== 'not-found') fail(recorded.error.code, recorded.error.message);
    }
    await this.end(stored, result.ok ? 'printed' : 'failed', result.ok ? null : `${result.reason}: ${result.message}`);
  }

  /** Why a pending job must not print any more, or null while it may. */
  private staleness(stored: StoredPrintJob): string | null {
    const { engine } = this.deps;
    if (engine.now() >= stored.expiresAt) return `Not printed within ${engine.currentConfig.office.printing.jobExpiryMinutes} minutes`;
    const { payload } = stored.job;
    if (payload.kind === 'ticket' && engine.currentState.tickets.get(payload.ticketId)?.status !== 'waiting') return 'Its ticket is no longer waiting';
    return null;
  }

  /** Expires the ticket's pending jobs once the ticket no longer waits. */
  expireStale(ticketId: string): Promise<void> {
    return this.exclusive(async () => {
      for (const job of await this.deps.jobs.liveForTicket(ticketId)) {
        const stale = job.state === 'pending' ? this.staleness(job) : null;
        if (stale) await this.expire(job, stale);
      }
    });
  }

  /** A job that will never print; a waiting ticket left with no job to print it shows as failed. */
  private async expire(stored: StoredPrintJob, why: string): Promise<void> {
    if (!(await this.end(stored, 'expired', why)) || !stored.ticketId) return;
    const agent = await this.deps.devices.get(this.deps.officeId, stored.agentId);
    if (agent) await this.markUnprinted(stored.ticketId, why, agent);
  }

  private async end(stored: StoredPrintJob, state: FinalPrintJobState, why: string | null): Promise<boolean> {
    const ended = await this.deps.jobs.finish(stored.job.jobId, state, why, this.deps.engine.now());
    if (ended) this.deps.board.changed(stored.agentId);
    return ended;
  }

  /** Tells staff and the kiosk that the ticket did not print, unless another job may still print it. */
  private async markUnprinted(ticketId: string, why: string, actor: Device): Promise<void> {
    const ticket = this.deps.engine.currentState.tickets.get(ticketId);
    if (ticket?.status !== 'waiting' || ticket.print !== 'pending' || (await this.deps.jobs.liveForTicket(ticketId)).length > 0) return;
    const recorded = await this.deps.runner.run('ticket:print-result', { ticketId, ok: false, error: why }, { kind: 'device', device: actor });
    if (!recorded.ok && recorded.error.code !== 'not-found') fail(recorded.error.code, recorded.error.message);
  }

  /** A reprint is on its way: the ticket's job not yet taken by its agent will not print. */
  async supersedePending(ticketId: string): Promise<void> {
    for (const job of await this.deps.jobs.liveForTicket(ticketId)) {
      if (job.state === 'pending') await this.end(job, 'superseded', 'A reprint replaced it');
    }
  }
}
