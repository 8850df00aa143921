// The life of a print job once it is made (db/migrations/0007_print_job_lifecycle.sql): each ticket
// comes out exactly once and never stale.
// - The agent claims a job just before printing it, and a job is claimed once: the server hands it
//   out only while it is pending, its ticket is waiting and it has not expired (the office's
//   `printing.jobExpiryMinutes`). A job the kiosk gave up on (it told the visitor printing failed)
//   has expired too, so that stray ticket never comes out later.
// - A reprint supersedes the ticket's pending job instead of adding a second ticket.
// - The agent keeps the answers it gave in a file; an answer that arrives twice (resent after a
//   reconnect or a restart) is recorded once.
// On one node claims, give-ups, reprints and answers run one at a time (exclusive()). Across nodes,
// every write is conditional on the job's state the decision read (print-jobs-store.ts): when a job
// moved on meanwhile (its agent claimed it through another node), the write changes nothing, and the
// decision gives way (a claim, an expiry, a supersede) or is made again from what is stored now (a
// give-up). A ticket's own state is read as committed by any node (engine.upToDate) before deciding.
import type { Device, Result, OfficeId } from '../../common/protocol';
import type { GaveUpPrinting, PrintJob, PrintJobResult } from '../../common/protocol/printing';
import type { CommandRunner } from '../engine/commands';
import type { QueueEngine } from '../engine/queue-engine';
import { ApiFailure, fail, toApiError } from '../http/respond';
import type { Database } from '../store/database';
import type { DevicesStore } from '../store/devices-store';
import { issuingDeviceId } from './issuing-device';
import { isLive, type FinalPrintJobState, type LivePrintJob, type PrintJobsStore, type StoredPrintJob } from './print-jobs-store';
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
      const live = await this.deps.jobs.liveFor(agentId);
      await this.ticketsCommittedWith();
      for (const stored of live) {
        const stale = stored.state === 'pending' ? this.staleness(stored) : null;
        if (!stale) jobs.push(stored.job);
        // Not expired: claimed meanwhile through another node, and the agent answers a claimed job from its file.
        else if (!(await this.expire(stored, stale)) && (await this.stillLive(stored))) jobs.push(stored.job);
      }
      return jobs;
    });
  }

  /** An agent about to print a job: whether it still may. A job is handed out to print once. */
  claim(agent: Device, jobId: string): Promise<Result<{ print: boolean }>> {
    return this.answer(async () => {
      const stored = await this.deps.jobs.get(jobId);
      if (!stored || stored.agentId !== agent.id) fail('not-found', `No print job ${jobId} for this agent`);
      if (!isLive(stored)) return { print: false };
      if (stored.state === 'printing') {
        // Claimed before, yet the agent has no answer for it: it stopped in the middle of the job.
        // The paper may or may not have come out; printing again could make a second ticket.
        await this.record(agent, stored, { ok: false, reason: 'error', message: 'The print agent stopped while printing it; it may not have come out' });
        return { print: false };
      }
      // Whether its ticket still waits, as any node committed it: one cancelled elsewhere must not print.
      await this.deps.engine.upToDate();
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
      const why = 'The kiosk told the visitor that printing failed';
      // Each round that fails to expire a job follows that job leaving `pending` for good, so this ends.
      for (;;) {
        const jobs = await this.deps.jobs.liveForTicket(ticketId);
        // After reading the jobs: an agent records its ticket printed before ending the job, so a job
        // seen ended (through any node) has its ticket's result in the state caught up to here.
        await this.deps.engine.upToDate();
        const printed = this.deps.engine.currentState.tickets.get(ticketId)?.print === 'printed';
        if (printed || jobs.some((job) => job.state === 'printing')) return { expired: false };
        if (await this.endEach(jobs, 'expired', why)) break;
      }
      await this.markUnprinted(ticketId, why, kiosk);
      return { expired: true };
    });
  }

  /** An agent's answer for one of its jobs; an answer for a job already ended is taken as given. */
  recordResult(agent: Device, report: PrintJobResult): Promise<Result<{ jobId: string }>> {
    return this.answer(async () => {
      const stored = await this.deps.jobs.get(report.jobId);
      if (!stored || stored.agentId !== agent.id) fail('not-found', `No print job ${report.jobId} for this agent`);
      if (isLive(stored)) await this.record(agent, stored, report.result);
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

  private async record(agent: Device, stored: LivePrintJob, result: PrintJobResult['result']): Promise<void> {
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

  /**
   * Catches up after the jobs were read: a job is made after its ticket is committed, so every ticket
   * of a job read is then in the state, and one missing from it has finished, not merely been missed.
   */
  private ticketsCommittedWith(): Promise<void> {
    return this.deps.engine.upToDate();
  }

  /** Why a pending job must not print any more, or null while it may. Needs the state caught up to the job. */
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
      const live = await this.deps.jobs.liveForTicket(ticketId);
      await this.ticketsCommittedWith();
      for (const job of live) {
        const stale = job.state === 'pending' ? this.staleness(job) : null;
        if (stale) await this.expire(job, stale);
      }
    });
  }

  /**
   * A job that will never print; a waiting ticket left with no job to print it shows as failed.
   * False when the job had moved on meanwhile (claimed or ended through another node).
   */
  private async expire(stored: LivePrintJob, why: string): Promise<boolean> {
    if (!(await this.end(stored, 'expired', why))) return false;
    if (stored.ticketId) {
      const agent = await this.deps.devices.get(this.deps.officeId, stored.agentId);
      if (agent) await this.markUnprinted(stored.ticketId, why, agent);
    }
    return true;
  }

  /** Ends the job if it is still as read; false when it moved on meanwhile. */
  private async end(stored: LivePrintJob, state: FinalPrintJobState, why: string | null): Promise<boolean> {
    const ended = await this.deps.jobs.finish(stored.job.jobId, stored.state, state, why, this.deps.engine.now());
    if (ended) this.deps.board.changed(stored.agentId);
    return ended;
  }

  /** Ends every job as read; false at the first that moved on meanwhile. */
  private async endEach(jobs: LivePrintJob[], state: FinalPrintJobState, why: string): Promise<boolean> {
    for (const job of jobs) if (!(await this.end(job, state, why))) return false;
    return true;
  }

  private async stillLive(stored: StoredPrintJob): Promise<boolean> {
    const now = await this.deps.jobs.get(stored.job.jobId);
    return now !== null && isLive(now);
  }

  /** Tells staff and the kiosk that the ticket did not print, unless another job may still print it. */
  private async markUnprinted(ticketId: string, why: string, actor: Device): Promise<void> {
    // As any node committed it: another job may have printed it through another node.
    await this.deps.engine.upToDate();
    const ticket = this.deps.engine.currentState.tickets.get(ticketId);
    if (ticket?.status !== 'waiting' || ticket.print !== 'pending' || (await this.deps.jobs.liveForTicket(ticketId)).length > 0) return;
    const recorded = await this.deps.runner.run('ticket:print-result', { ticketId, ok: false, error: why }, { kind: 'device', device: actor });
    if (!recorded.ok && recorded.error.code !== 'not-found') fail(recorded.error.code, recorded.error.message);
  }

  /**
   * A reprint is on its way: the ticket's job not yet taken by its agent will not print. One its agent
   * claimed meanwhile through another node is left to print: staff asked for paper, and get it.
   */
  async supersedePending(ticketId: string): Promise<void> {
    for (const job of await this.deps.jobs.liveForTicket(ticketId)) {
      if (job.state === 'pending') await this.end(job, 'superseded', 'A reprint replaced it');
    }
  }
}
