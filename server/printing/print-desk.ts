// Print jobs from start to end: a kiosk ticket gets a job for its kiosk's print agent, staff ask
// for reprints and test pages, and an agent's answer is recorded on the job and, through the
// ordinary `ticket:print-result` command, on the ticket — so staff get the usual queue event.
//
// A job is stored before it is sent and stays pending until its agent answers, so nothing is lost
// to a disconnected agent or a restart. Each ticket comes out exactly once and never stale:
// - the agent claims a job just before printing it, and a job is claimed once: the server hands it
//   out only while it is pending, its ticket is waiting and it has not expired (the office's
//   `printing.jobExpiryMinutes`); a job the kiosk gave up on (it told the visitor printing failed)
//   has expired too, so the stray ticket never comes out later;
// - a reprint supersedes the ticket's pending job instead of adding a second ticket;
// - the agent keeps the answers it gave in a file, and an answer that arrives twice (resent after a
//   reconnect or a restart) is recorded once.
// Claims, give-ups, reprints and answers run one at a time, so each decision sees the last one's.
import type { Device, Result, Ticket } from '../../common/protocol';
import type { GaveUpPrinting, PrinterInfo, PrintJob, PrintJobPayload, PrintJobResult, QueuedPrintJob } from '../../common/protocol/printing';
import { estimateWait } from '../domain/estimates';
import type { TicketLogo } from './ticket-logo';
import type { CommandRunner } from '../engine/commands';
import type { QueueEngine } from '../engine/queue-engine';
import { ApiFailure, fail, toApiError } from '../http/respond';
import type { Database } from '../store/database';
import type { DevicesStore } from '../store/devices-store';
import { issuingDeviceId } from './issuing-device';
import { pairedAgent } from './pairing';
import { createPrintJobsStore, type FinalPrintJobState, type PrintJobKind, type PrintJobsStore, type StoredPrintJob } from './print-jobs-store';
import { PrinterBoard } from './printer-board';
import { printedTicket } from './ticket-print-data';

export interface PrintDeskDeps {
  db: Database;
  engine: QueueEngine;
  runner: CommandRunner;
  devices: DevicesStore;
  /** Where visitors' phones reach the server, for the QR code's live-page link. */
  publicUrl: () => string;
  newId: () => string;
  /** The office's logo file, for offices that print one. */
  logo?: TicketLogo;
}

type Deliver = (agentId: string, job: PrintJob) => void;

export class PrintDesk {
  readonly board: PrinterBoard;
  private readonly jobs: PrintJobsStore;
  private deliver: Deliver = () => undefined;
  /** Job creations under way, so shutting down can let them finish before the database closes. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The end of the chain of decisions about jobs (see exclusive()). */
  private decided: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PrintDeskDeps) {
    this.jobs = createPrintJobsStore(deps.db);
    this.board = new PrinterBoard(() => deps.engine.now());
  }

  /** Where visitors' phones reach the server: kiosks show it as a QR code when a ticket does not print. */
  publicUrl(): string {
    return this.deps.publicUrl();
  }

  /** The socket side hands each new job to its agent through this; unsent jobs wait in the table. */
  sendJobsWith(deliver: Deliver): void {
    this.deliver = deliver;
  }

  /** Makes a job for every kiosk ticket from now on, and for those a crash left without one. */
  async start(): Promise<void> {
    this.deps.engine.onEvents((events) => {
      for (const event of events) {
        if (event.kind === 'ticket-issued' && event.ticket?.print === 'pending') this.track(this.logFailure(this.issueJob(event.ticket)));
        // Called, served or gone: its paper would only mislead, and staff should not count it as pending.
        else if (event.ticket && event.ticket.status !== 'waiting') this.track(this.logFailure(this.expireStale(event.ticket.id)));
      }
    });
    for (const ticket of this.deps.engine.currentState.tickets.values()) {
      if (ticket.print === 'pending' && !(await this.jobs.hasJobFor(ticket.id))) await this.logFailure(this.issueJob(ticket));
    }
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Resolves once no job creation is under way. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Runs one decision about jobs after the previous one has finished. */
  private exclusive<T>(decide: () => Promise<T>): Promise<T> {
    const decision = this.decided.then(decide);
    this.decided = decision.catch(() => undefined);
    return decision;
  }

  /** The agent's jobs to send on connect: those still to print, and those it claimed and may have
   * printed (it answers them from its file). Stale ones expire on the way. */
  pendingFor(agentId: string): Promise<PrintJob[]> {
    return this.exclusive(async () => {
      const jobs: PrintJob[] = [];
      for (const stored of await this.jobs.liveFor(agentId)) {
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
      const stored = await this.jobs.get(jobId);
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
      return { print: await this.jobs.claim(jobId) };
    });
  }

  /** A kiosk whose visitor waited long enough: the ticket's jobs expire, unless one is printing now. */
  giveUp(kiosk: Device, ticketId: string): Promise<Result<GaveUpPrinting>> {
    return this.answer(async () => {
      if ((await issuingDeviceId(this.deps.db, ticketId)) !== kiosk.id) fail('not-found', `No ticket ${ticketId} from this kiosk`);
      const jobs = await this.jobs.liveForTicket(ticketId);
      const printed = this.deps.engine.currentState.tickets.get(ticketId)?.print === 'printed';
      if (printed || jobs.some((job) => job.state === 'printing')) return { expired: false };
      const why = 'The kiosk told the visitor that printing failed';
      for (const job of jobs) await this.end(job, 'expired', why);
      await this.markUnprinted(ticketId, why, kiosk);
      return { expired: true };
    });
  }

  async reprint(ticketId: string, agentId: string | undefined): Promise<QueuedPrintJob> {
    const { engine } = this.deps;
    const ticket = engine.currentState.tickets.get(ticketId) ?? fail('not-found', `No open ticket ${ticketId} today`);
    // It would never print: a job expires once its ticket stops waiting.
    if (ticket.status !== 'waiting') fail('ticket-not-waiting', `Ticket ${ticket.code} is no longer waiting`);
    const target = agentId ?? (await this.jobs.lastAgentFor(ticketId)) ?? fail('conflict', 'This ticket was never printed; say which printer (agentId)');
    await this.activeAgent(target);
    const estimate = estimateWait(engine.currentState, engine.currentConfig, ticket, engine.now());
    const payload = await this.ticketPayload(ticket, estimate, true);
    return this.exclusive(async () => {
      for (const job of await this.jobs.liveForTicket(ticketId)) {
        if (job.state === 'pending') await this.end(job, 'superseded', 'A reprint replaced it');
      }
      return this.queue(target, 'reprint', payload);
    });
  }

  async testPage(agentId: string): Promise<QueuedPrintJob> {
    await this.activeAgent(agentId);
    return this.queue(agentId, 'test-page', { kind: 'test-page' });
  }

  /** An agent's answer for one of its jobs; an answer for a job already ended is taken as given. */
  recordResult(agent: Device, report: PrintJobResult): Promise<Result<{ jobId: string }>> {
    return this.answer(async () => {
      const stored = await this.jobs.get(report.jobId);
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
      if (!(error instanceof ApiFailure)) console.error('[talon] a print job decision failed', error);
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
  private expireStale(ticketId: string): Promise<void> {
    return this.exclusive(async () => {
      for (const job of await this.jobs.liveForTicket(ticketId)) {
        const stale = job.state === 'pending' ? this.staleness(job) : null;
        if (stale) await this.expire(job, stale);
      }
    });
  }

  /** A job that will never print; a waiting ticket left with no job to print it shows as failed. */
  private async expire(stored: StoredPrintJob, why: string): Promise<void> {
    if (!(await this.end(stored, 'expired', why)) || !stored.ticketId) return;
    const agent = await this.deps.devices.get(stored.agentId);
    if (agent) await this.markUnprinted(stored.ticketId, why, agent);
  }

  private async end(stored: StoredPrintJob, state: FinalPrintJobState, why: string | null): Promise<boolean> {
    const ended = await this.jobs.finish(stored.job.jobId, state, why, this.deps.engine.now());
    if (ended) this.board.changed(stored.agentId);
    return ended;
  }

  /** Tells staff and the kiosk that the ticket did not print, unless another job may still print it. */
  private async markUnprinted(ticketId: string, why: string, actor: Device): Promise<void> {
    const ticket = this.deps.engine.currentState.tickets.get(ticketId);
    if (ticket?.status !== 'waiting' || ticket.print !== 'pending' || (await this.jobs.liveForTicket(ticketId)).length > 0) return;
    const recorded = await this.deps.runner.run('ticket:print-result', { ticketId, ok: false, error: why }, { kind: 'device', device: actor });
    if (!recorded.ok && recorded.error.code !== 'not-found') fail(recorded.error.code, recorded.error.message);
  }

  async printers(): Promise<PrinterInfo[]> {
    const agents = (await this.deps.devices.list()).filter((d) => d.kind === 'print-agent' && !d.revoked);
    const pending = await this.jobs.liveCounts();
    return agents.map((agent) => this.info(agent, pending.get(agent.id) ?? 0));
  }

  async printer(agentId: string): Promise<PrinterInfo | null> {
    const agent = await this.deps.devices.get(agentId);
    if (!agent || agent.kind !== 'print-agent') return null;
    return this.info(agent, (await this.jobs.liveCounts()).get(agentId) ?? 0);
  }

  private info(agent: Device, pendingJobs: number): PrinterInfo {
    const state = this.board.get(agent.id);
    return {
      agentId: agent.id,
      name: agent.name,
      zone: agent.zone,
      connected: state.connections > 0,
      model: state.report?.model ?? null,
      paper: state.report?.paper ?? null,
      status: state.report?.status ?? null,
      reportedAt: state.reportedAt,
      pendingJobs,
    };
  }

  private async issueJob(ticket: Ticket): Promise<void> {
    const kioskId = await issuingDeviceId(this.deps.db, ticket.id);
    const devices = await this.deps.devices.list();
    const kiosk = devices.find((d) => d.id === kioskId && d.kind === 'kiosk');
    if (!kiosk) return;
    const pairing = pairedAgent(kiosk, devices);
    if (!pairing.ok) {
      console.warn(`[talon] ticket ${ticket.code} is not printed: kiosk "${kiosk.name}" has no printer (${pairing.reason})`);
      return;
    }
    await this.queue(pairing.agentId, 'issue', await this.ticketPayload(ticket, ticket.estimate, false));
  }

  private async ticketPayload(ticket: Ticket, estimate: Ticket['estimate'], duplicate: boolean): Promise<PrintJobPayload> {
    const config = this.deps.engine.currentConfig;
    const logo = config.office.ticketLayout.logo ? await this.deps.logo?.image() : null;
    const data = printedTicket(ticket, config, { publicUrl: this.deps.publicUrl(), estimate, duplicate, logo });
    return { kind: 'ticket', ticketId: ticket.id, ticket: data };
  }

  private async queue(agentId: string, kind: PrintJobKind, payload: PrintJobPayload): Promise<QueuedPrintJob> {
    const { engine } = this.deps;
    const createdAt = engine.now();
    const job: PrintJob = { jobId: this.deps.newId(), createdAt, payload };
    const expiresAt = createdAt + engine.currentConfig.office.printing.jobExpiryMinutes * 60_000;
    if (await this.jobs.add({ job, agentId, kind, expiresAt })) {
      this.deliver(agentId, job);
      this.board.changed(agentId);
    }
    return { jobId: job.jobId, agentId };
  }

  private async activeAgent(agentId: string): Promise<Device> {
    const agent = await this.deps.devices.get(agentId);
    if (!agent || agent.kind !== 'print-agent') fail('not-found', `No print agent ${agentId}`);
    if (agent.revoked) fail('device-revoked', `Print agent "${agent.name}" was revoked`);
    return agent;
  }

  private async logFailure(work: Promise<void>): Promise<void> {
    await work.catch((error: unknown) => console.error('[talon] could not make a print job', error));
  }
}
