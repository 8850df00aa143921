// One office's print jobs from start to end: a kiosk ticket gets a job for its kiosk's print agent,
// staff ask for reprints and test pages, and an agent's answer is recorded on the job and, through
// the ordinary `ticket:print-result` command, on the ticket — so staff get the usual queue event.
// Only the office's own devices print its tickets: another office's device is unknown here.
//
// A job is stored before it is sent and stays pending until its agent answers, so nothing is lost
// to a disconnected agent or a restart; what happens to it then — claimed once, superseded,
// expired — is PrintJobLife's (print-job-life.ts).
import type { Device, Ticket, OfficeId } from '../../common/protocol';
import type { PrinterInfo, PrintJob, PrintJobPayload, QueuedPrintJob } from '../../common/protocol/printing';
import { estimateWait } from '../domain/estimates';
import type { TicketLogo } from './ticket-logo';
import type { CommandRunner } from '../engine/commands';
import type { QueueEngine } from '../engine/queue-engine';
import { fail } from '../http/respond';
import type { Database } from '../store/database';
import type { DevicesStore } from '../store/devices-store';
import { issuingDeviceId } from './issuing-device';
import { pairedAgent } from './pairing';
import { PrintJobLife } from './print-job-life';
import { createPrintJobsStore, type PrintJobKind, type PrintJobsStore } from './print-jobs-store';
import { PrinterBoard } from './printer-board';
import { printedTicket } from './ticket-print-data';
import { logger } from '../observability/logger';

export interface PrintDeskDeps {
  db: Database;
  officeId: OfficeId;
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
  /** Claims, give-ups and answers: `pendingFor`, `claim`, `giveUp`, `recordResult`. */
  readonly life: PrintJobLife;

  constructor(private readonly deps: PrintDeskDeps) {
    this.jobs = createPrintJobsStore(deps.db, deps.officeId);
    this.board = new PrinterBoard(() => deps.engine.now());
    this.life = new PrintJobLife({ ...deps, jobs: this.jobs, board: this.board });
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
        else if (event.ticket && event.ticket.status !== 'waiting') this.track(this.logFailure(this.life.expireStale(event.ticket.id)));
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

  /** Resolves once no job creation and no decision about a job is under way. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.life.settle();
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
    return this.life.exclusive(async () => {
      await this.life.supersedePending(ticketId);
      return this.queue(target, 'reprint', payload);
    });
  }

  async testPage(agentId: string): Promise<QueuedPrintJob> {
    await this.activeAgent(agentId);
    return this.queue(agentId, 'test-page', { kind: 'test-page' });
  }

  async printers(): Promise<PrinterInfo[]> {
    const agents = (await this.deps.devices.list(this.deps.officeId)).filter((d) => d.kind === 'print-agent' && !d.revoked);
    const pending = await this.jobs.liveCounts();
    return Promise.all(agents.map((agent) => this.info(agent, pending.get(agent.id) ?? 0)));
  }

  async printer(agentId: string): Promise<PrinterInfo | null> {
    const agent = await this.deps.devices.get(this.deps.officeId, agentId);
    if (!agent || agent.kind !== 'print-agent') return null;
    return this.info(agent, (await this.jobs.liveCounts()).get(agentId) ?? 0);
  }

  private async info(agent: Device, pendingJobs: number): Promise<PrinterInfo> {
    const state = await this.board.acrossNodes(agent.id);
    return {
      agentId: agent.id,
      name: agent.name,
      zone: agent.zone,
      connected: state.connections > 0,
      // Before the agent reports again after a restart, what it reported last (stored with the device).
      model: state.report?.model ?? agent.printer?.model ?? null,
      paper: state.report?.paper ?? agent.printer?.paper ?? null,
      status: state.report?.status ?? null,
      reportedAt: state.reportedAt,
      pendingJobs,
    };
  }

  private async issueJob(ticket: Ticket): Promise<void> {
    const kioskId = await issuingDeviceId(this.deps.db, this.deps.officeId, ticket.id);
    const devices = await this.deps.devices.list(this.deps.officeId);
    const kiosk = devices.find((d) => d.id === kioskId && d.kind === 'kiosk');
    if (!kiosk) return;
    const pairing = pairedAgent(kiosk, devices);
    if (!pairing.ok) {
      logger.warn({ office: this.deps.officeId, ticket: ticket.code, device: kiosk.id, reason: pairing.reason }, 'ticket not printed: the kiosk has no printer');
      return;
    }
    // Its few minutes count from the tap: a job made late (after a crash) gets no extra time.
    await this.queue(pairing.agentId, 'issue', await this.ticketPayload(ticket, ticket.estimate, false), ticket.issuedAt);
  }

  private async ticketPayload(ticket: Ticket, estimate: Ticket['estimate'], duplicate: boolean): Promise<PrintJobPayload> {
    const config = this.deps.engine.currentConfig;
    const logo = config.office.ticketLayout.logo ? await this.deps.logo?.image() : null;
    const data = printedTicket(ticket, config, { publicUrl: this.deps.publicUrl(), officeId: this.deps.officeId, estimate, duplicate, logo });
    return { kind: 'ticket', ticketId: ticket.id, ticket: data };
  }

  /** Stores and sends a job that may print until the office's few minutes after `since`. */
  private async queue(agentId: string, kind: PrintJobKind, payload: PrintJobPayload, since?: number): Promise<QueuedPrintJob> {
    const { engine } = this.deps;
    const createdAt = engine.now();
    const job: PrintJob = { jobId: this.deps.newId(), createdAt, payload };
    const expiresAt = (since ?? createdAt) + engine.currentConfig.office.printing.jobExpiryMinutes * 60_000;
    if (await this.jobs.add({ job, agentId, kind, expiresAt })) {
      this.deliver(agentId, job);
      this.board.changed(agentId);
    }
    return { jobId: job.jobId, agentId };
  }

  private async activeAgent(agentId: string): Promise<Device> {
    const agent = await this.deps.devices.get(this.deps.officeId, agentId);
    if (!agent || agent.kind !== 'print-agent') fail('not-found', `No print agent ${agentId}`);
    if (agent.revoked) fail('device-revoked', `Print agent "${agent.name}" was revoked`);
    return agent;
  }

  private async logFailure(work: Promise<void>): Promise<void> {
    await work.catch((error: unknown) => logger.error({ err: error, office: this.deps.officeId }, 'could not make a print job'));
  }
}
