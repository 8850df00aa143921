// Printing each ticket exactly once and never stale: results lost on the way back, an agent that
// restarts, tickets that stopped waiting or waited too long while the agent was away — with a real
// Talon, the real print agent and a fake network printer (test/support/printing-office.ts).
import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Device, ServerToClientEvents, Ticket } from '../../common/protocol';
import { issuingDeviceId } from '../../server/printing/issuing-device';
import { PrintJobLife } from '../../server/printing/print-job-life';
import { createPrintJobsStore, type PrintJobsStore, type StoredPrintJob } from '../../server/printing/print-jobs-store';
import { lineTexts } from '../support/escpos-decode';
import { connectClient, officeSocketUrl } from '../support/socket-client';
import { call, officeApi } from '../support/talon-server';
import { PUBLIC_URL, codesOf, usePrintingOffice } from '../support/printing-office';

const printing = usePrintingOffice();
const { startAgent, issue, ticketsPrinted, printState, printers, issueWhileAgentAway, loseResults } = printing;

describe('printing each ticket exactly once, never stale', () => {
  it('does not print a ticket again when its result was lost on the way back and the agent restarted', async () => {
    const results = loseResults();
    const ticket = await issue({ serviceId: 'certificates', language: 'ru' });
    await ticketsPrinted(1);
    await results.lost;
    await printing.agent.stop();
    results.letThrough();

    printing.agent = startAgent();
    await printState(ticket.id, 'printed');
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    expect(codesOf(await ticketsPrinted(2))).toEqual([ticket.code, next.code]);
  });

  it('keeps one issue job per ticket: a second one is dropped, a reprint is kept', async () => {
    await printing.agent.stop();
    const ticket = await issueWhileAgentAway();
    const jobs = createPrintJobsStore(printing.server.db, printing.server.office);
    const [first] = await jobs.liveForTicket(ticket.id);
    const again = { job: { ...first!.job, jobId: 'second-issue-job' }, agentId: first!.agentId, kind: 'issue' as const, expiresAt: first!.expiresAt };
    expect(await jobs.add(again)).toBe(false);
    expect(await jobs.add({ ...again, job: { ...again.job, jobId: 'reprint-job' }, kind: 'reprint' })).toBe(true);
    expect((await jobs.liveForTicket(ticket.id)).map((j) => [j.job.jobId, j.kind])).toEqual([
      [first!.job.jobId, 'issue'],
      ['reprint-job', 'reprint'],
    ]);
  });

  it('prints a ticket reprinted while its first job was pending once, marked as a reprint', async () => {
    await printing.agent.stop();
    const ticket = await issueWhileAgentAway();
    const operator = await printing.server.login('operator1');
    expect((await call(printing.server, officeApi(`/tickets/${ticket.id}/reprint`), { method: 'POST', token: operator, body: {} })).status).toBe(200);
    expect(await printers(operator)).toMatchObject([{ pendingJobs: 1 }]);

    printing.agent = startAgent();
    await printState(ticket.id, 'printed');
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    const printed = await ticketsPrinted(2);
    expect(codesOf(printed)).toEqual([ticket.code, next.code]);
    expect(lineTexts(printed[0]!)).toContain(translate('ru', 'ticket.duplicate'));
    expect(lineTexts(printed[1]!)).not.toContain(translate('ru', 'ticket.duplicate'));
  });

  it('does not print the tickets that stopped waiting while the agent was away', async () => {
    await printing.agent.stop();
    const operator = await printing.server.login('operator1');
    const cancelled = await issueWhileAgentAway('certificates');
    const called = await issue({ serviceId: 'documents', language: 'ru' });
    expect((await call(printing.server, officeApi(`/tickets/${cancelled.id}/cancel`), { method: 'POST', token: operator, body: {} })).status).toBe(200);
    await call(printing.server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
    const callNext = await call<{ ticket: Ticket }>(printing.server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator });
    expect(callNext.body.ok && callNext.body.data.ticket?.id).toBe(called.id);
    const waiting = await issue({ serviceId: 'consultation', language: 'ru' });

    printing.agent = startAgent();
    await printState(waiting.id, 'printed');
    const next = await issue({ serviceId: 'consultation', language: 'ru' });
    expect(codesOf(await ticketsPrinted(2))).toEqual([waiting.code, next.code]);
    // Nothing left behind for staff to wonder about (the job ends just after its ticket shows printed).
    await expect.poll(async () => (await printers(operator))[0]?.pendingJobs).toBe(0);
  });

  it('never prints a ticket once the kiosk has told the visitor that printing failed', async () => {
    await printing.agent.stop();
    const ticket = await issueWhileAgentAway();
    const kiosk = await connectClient(printing.server.url, { deviceKey: printing.server.deviceKey('kiosk') });
    try {
      const gaveUp = await kiosk.socket.timeout(10_000).emitWithAck('print:give-up', { ticketId: ticket.id });
      expect(gaveUp).toEqual({ ok: true, data: { expired: true } });
    } finally {
      kiosk.close();
    }
    await printState(ticket.id, 'failed');

    printing.agent = startAgent();
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    await printState(next.id, 'printed');
    expect(codesOf(await ticketsPrinted(1))).toEqual([next.code]);
    expect(printing.server.engine.currentState.tickets.get(ticket.id)?.print).toBe('failed');
  });

  /**
   * The kiosk's give-up decided as on another node than the agent's: `meanwhile` runs through this
   * node's own decisions (or the store) after the give-up read the ticket's jobs and before it writes.
   */
  async function giveUpOnAnotherNode(ticketId: string, meanwhile: (job: StoredPrintJob, agent: Device) => Promise<unknown>) {
    const { server } = printing;
    const office = server.talon.office(server.office)!;
    const devices = server.talon.stores.devices;
    const jobs = createPrintJobsStore(server.db, server.office);
    let interleaved = false;
    const kioskNodeJobs: PrintJobsStore = {
      ...jobs,
      liveForTicket: async (id) => {
        const read = await jobs.liveForTicket(id);
        if (!interleaved) {
          interleaved = true;
          await meanwhile(read[0]!, (await devices.get(server.office, read[0]!.agentId))!);
        }
        return read;
      },
    };
    const kioskNode = new PrintJobLife({ db: server.db, officeId: server.office, engine: office.engine, runner: office.runner, devices, jobs: kioskNodeJobs, board: office.printDesk.board });
    const kiosk = (await devices.get(server.office, (await issuingDeviceId(server.db, server.office, ticketId))!))!;
    return { answer: await kioskNode.giveUp(kiosk, ticketId), jobs };
  }

  it('does not tell the visitor printing failed when the agent claimed the job through another node meanwhile', async () => {
    await printing.agent.stop();
    const ticket = await issueWhileAgentAway();
    const life = printing.server.talon.office(printing.server.office)!.printDesk.life;
    let claimed: { jobId: string; answer: unknown } | undefined;
    const { answer, jobs } = await giveUpOnAnotherNode(ticket.id, async (job, agent) => {
      claimed = { jobId: job.job.jobId, answer: await life.claim(agent, job.job.jobId) };
    });
    expect(claimed?.answer).toEqual({ ok: true, data: { print: true } });
    expect(answer).toEqual({ ok: true, data: { expired: false } });
    expect((await jobs.get(claimed!.jobId))?.state).toBe('printing');
    expect(printing.server.engine.currentState.tickets.get(ticket.id)?.print).toBe('pending');
  });

  it('tells the visitor printing failed when another node expired the job meanwhile', async () => {
    await printing.agent.stop();
    const ticket = await issueWhileAgentAway();
    const { answer } = await giveUpOnAnotherNode(ticket.id, (job) => createPrintJobsStore(printing.server.db, printing.server.office).finish(job.job.jobId, 'pending', 'expired', 'expired elsewhere', Date.now()));
    expect(answer).toEqual({ ok: true, data: { expired: true } });
    await printState(ticket.id, 'failed');
  });

  it('lets a job expire after the office\'s few minutes, marks its ticket failed and never prints it', async () => {
    await printing.agent.stop();
    const ticket = await issueWhileAgentAway();
    printing.clockOffset = (printing.server.engine.currentConfig.office.printing.jobExpiryMinutes + 1) * 60_000;

    printing.agent = startAgent();
    await printState(ticket.id, 'failed');
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    await printState(next.id, 'printed');
    expect(codesOf(await ticketsPrinted(1))).toEqual([next.code]);
  });

  it('tells a kiosk the server\'s public URL for the QR code of a ticket that did not print', async () => {
    const kiosk: Socket<ServerToClientEvents, ClientToServerEvents> = io(officeSocketUrl(printing.server.url), { auth: { deviceKey: printing.server.deviceKey('kiosk') }, transports: ['websocket'], forceNew: true });
    try {
      expect(await new Promise((resolve) => kiosk.once('print:public-url', resolve))).toEqual({ publicUrl: PUBLIC_URL });
    } finally {
      kiosk.close();
    }
  });
});
