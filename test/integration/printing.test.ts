// Printing end to end: a real Talon, the real print agent in this process and a fake network
// printer that keeps every byte. What the printer receives is decoded back into lines and checked
// field by field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Lang, Office, ServerToClientEvents, Service, Ticket } from '../../common/protocol';
import type { PrinterInfo } from '../../common/protocol/printing';
import { startPrintAgent, type PrintAgent } from '../../printer/agent';
import { printerProfile } from '../../printer/profiles';
import { createPrintJobsStore } from '../../server/printing/print-jobs-store';
import { codePageNumbers, decodeEscPos, lineTexts, type DecodedTicket } from '../support/escpos-decode';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { printedDateTime } from '../support/ticket-dates';
import { connectClient, officeSocketUrl, type TestClient } from '../support/socket-client';
import { call, liveTicketPath, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const profile = printerProfile('epson', '80mm');
const pages = codePageNumbers(profile);
const OFFICE_TIME_ZONE = 'Asia/Irkutsk';
/** TALON_PUBLIC_URL: where visitors' phones reach the server, not the loopback address tests use. */
const PUBLIC_URL = 'http://talon.office.example:3000';

let server: RunningTalon;
let printer: FakePrinter;
let agent: PrintAgent;
let staff: TestClient;
let printerPushes: PrinterInfo[];
/** Moves the server's clock forward, for jobs that wait longer than the office lets them. */
let clockOffset = 0;

function startAgent(): PrintAgent {
  return startPrintAgent({
    server: server.url,
    key: server.deviceKey('print-agent'),
    printer: printer.connection,
    model: 'epson',
    paper: '80mm',
    jobsFile: join(server.dataDir, 'printed-jobs.jsonl'),
    log: () => undefined,
  });
}

async function issue(body: { serviceId: string; language?: Lang }, kioskKey = server.deviceKey('kiosk')): Promise<Ticket> {
  const response = await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body, deviceKey: kioskKey });
  if (!response.body.ok) throw new Error(JSON.stringify(response.body.error));
  return response.body.data.ticket;
}

/** Resolves with every ticket printed so far once `count` complete (cut) ones have come out. */
async function ticketsPrinted(count: number): Promise<DecodedTicket[]> {
  const bytes = await printer.waitForPrinted((printed) => decodeEscPos(printed, pages).filter((t) => t.cut).length >= count);
  return decodeEscPos(bytes, pages);
}

function printState(ticketId: string, state: Ticket['print']): Promise<unknown> {
  return staff.waitFor((events) => events.some((e) => e.kind === 'ticket-print' && e.ticket?.id === ticketId && e.ticket.print === state), 20_000);
}

function printerPush(predicate: (printer: PrinterInfo) => boolean): Promise<PrinterInfo> {
  return new Promise((resolve) => {
    const found = printerPushes.find(predicate);
    if (found) return resolve(found);
    const listener = (info: PrinterInfo) => {
      if (!predicate(info)) return;
      staff.socket.off('printer:status', listener);
      resolve(info);
    };
    staff.socket.on('printer:status', listener);
  });
}

async function printers(token: string): Promise<PrinterInfo[]> {
  const response = await call<PrinterInfo[]>(server, officeApi('/printers'), { token });
  if (!response.body.ok) throw new Error(JSON.stringify(response.body.error));
  return response.body.data;
}

function issuedLine(ticket: Ticket): string {
  return `${translate(ticket.language, 'ticket.label.issued')}: ${printedDateTime(ticket.issuedAt, ticket.language, OFFICE_TIME_ZONE)}`;
}

/** The ticket codes on the paper, in the order the tickets came out. */
const codesOf = (papers: DecodedTicket[]) => papers.map((t) => lineTexts(t)[lineTexts(t).indexOf('Номер вашего талона') + 1]);

/** Waits until the agent is seen gone, then issues a kiosk ticket that stays pending meanwhile. */
async function issueWhileAgentAway(serviceId = 'certificates'): Promise<Ticket> {
  await printerPush((info) => !info.connected);
  const ticket = await issue({ serviceId, language: 'ru' });
  await printerPush((info) => info.pendingJobs > 0);
  return ticket;
}

/**
 * Cuts the agent's link whenever it sends a print result, before the server sees it: the ticket
 * printed, but the server never learns so. `lost` resolves once a result was lost.
 */
function loseResults(): { lost: Promise<void>; letThrough: () => void } {
  let losing = true;
  let lose = () => {};
  const lost = new Promise<void>((resolve) => (lose = resolve));
  const cutOnResult = (socket: { use: (fn: (packet: unknown[], next: () => void) => void) => void; conn: { close(): void } }) =>
    socket.use(([event], next) => {
      if (!losing || event !== 'print:result') return next();
      socket.conn.close();
      lose();
    });
  server.namespace.sockets.forEach(cutOnResult);
  server.namespace.on('connection', cutOnResult);
  return {
    lost,
    letThrough: () => {
      losing = false;
      server.namespace.off('connection', cutOnResult);
    },
  };
}

/** The paper's lines joined with spaces, for texts the layout may wrap. */
const flowing = (ticket: DecodedTicket) => lineTexts(ticket).join(' ');

beforeEach(async () => {
  clockOffset = 0;
  server = await startTalon({ clock: () => Date.now() + clockOffset, publicUrl: PUBLIC_URL });
  printer = await startFakePrinter('online');
  staff = await connectClient(server.url, { token: await server.login('operator1') });
  printerPushes = [];
  staff.socket.on('printer:status', (info) => printerPushes.push(info));
  agent = startAgent();
  await agent.connected();
});

afterEach(async () => {
  staff.close();
  await agent.stop();
  await server.close();
  await printer.close();
});

describe('printing kiosk tickets', () => {
  it('prints a Russian kiosk ticket with every field readable and marks it printed', async () => {
    const ticket = await issue({ serviceId: 'certificates', language: 'ru' });
    const [paper] = await ticketsPrinted(1);
    await printState(ticket.id, 'printed');

    const lines = lineTexts(paper!);
    expect(paper!.codePageSwitches).toEqual([17]);
    for (const expected of [
      'Номер вашего талона',
      ticket.code,
      'Выдача справок',
      issuedLine(ticket),
      `Перед вами: ${ticket.estimate!.ahead}`,
      // No booth of the demo office is open: the wait is not made up.
      translate('ru', 'ticket.expectedWaitUnknown'),
      'Следите за очередью онлайн',
      'Ждите вызова на табло',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(flowing(paper!)).toContain('Клиентская служба ЦСПН (демо)');
    expect(flowing(paper!)).toContain('г. Гусиноозёрск, ул. Пушкина, 12');
    expect(flowing(paper!)).toContain('Тел.: +7 30145 4-12-34, +7 30145 4-56-78');
    expect(paper!.qrCodes).toHaveLength(1);
    expect(paper!.qrCodes[0]).toBe(`${PUBLIC_URL}${liveTicketPath(ticket.id)}`);
    expect(paper!.cut).toBe(true);
    expect(server.engine.currentState.tickets.get(ticket.id)?.print).toBe('printed');
  });

  it('prints a Ukrainian ticket whose і ї є ґ come out letter for letter', async () => {
    const admin = await server.login('admin');
    const config = await call<{ services: Service[] }>(server, officeApi('/config'), { token: admin });
    if (!config.body.ok) throw new Error('no config');
    const consultation = config.body.data.services.find((s) => s.id === 'consultation')!;
    const ukrainianName = 'Реєстрація ґрунтів і їхніх меж';
    const saved = await call(server, officeApi('/config/services/consultation'), {
      method: 'PUT',
      token: admin,
      body: { ...consultation, name: { ...consultation.name, uk: ukrainianName } },
    });
    expect(saved.status).toBe(200);

    const ticket = await issue({ serviceId: 'consultation', language: 'uk' });
    const [paper] = await ticketsPrinted(1);
    await printState(ticket.id, 'printed');

    expect(paper!.codePageSwitches).toEqual([46]);
    const lines = lineTexts(paper!);
    for (const expected of [
      'Номер вашого талона',
      ticket.code,
      ukrainianName,
      issuedLine(ticket),
      `Перед вами: ${ticket.estimate!.ahead}`,
      // No booth of the demo office is open: the wait is not made up.
      translate('uk', 'ticket.expectedWaitUnknown'),
      'Стежте за чергою онлайн',
      'Очікуйте виклику на табло',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(flowing(paper!)).toContain('Клієнтська служба ЦСЗН (демо)');
    expect(flowing(paper!)).toContain('м. Гусиноозерськ, вул. Пушкіна, 12');
    expect(flowing(paper!)).toContain('Тел.: +7 30145 4-12-34, +7 30145 4-56-78');
    for (const letter of ['і', 'ї', 'є', 'ґ']) expect(flowing(paper!)).toContain(letter);
    expect(flowing(paper!)).not.toContain('?');
  });

  it('marks the ticket failed when the printer is out of paper, shows it to staff and reprints once paper is back', async () => {
    printer.setState('paper-out');
    const ticket = await issue({ serviceId: 'documents', language: 'ru' });
    await printState(ticket.id, 'failed');
    // The ticket stays valid: still waiting in its queue.
    expect(server.engine.currentState.tickets.get(ticket.id)?.status).toBe('waiting');

    await printerPush((info) => info.status?.paper === 'out');
    const operator = await server.login('operator1');
    const [listed] = await printers(operator);
    expect(listed).toMatchObject({ connected: true, model: 'epson', paper: '80mm', status: { online: false, paper: 'out' }, pendingJobs: 0 });
    expect(printer.printed()).toHaveLength(0);

    printer.setState('online');
    const reprint = await call<{ jobId: string }>(server, officeApi(`/tickets/${ticket.id}/reprint`), { method: 'POST', token: operator, body: {} });
    expect(reprint.status).toBe(200);
    await printState(ticket.id, 'printed');
    // A second ticket after the reprint: had the reprint come out twice, it would stand before it.
    const next = await issue({ serviceId: 'documents', language: 'ru' });
    const printed = await ticketsPrinted(2);
    expect(printed.map((t) => lineTexts(t)[lineTexts(t).indexOf('Номер вашего талона') + 1])).toEqual([ticket.code, next.code]);
  });

  it('marks the ticket failed when a Star printer reports paper out in its ASB status', async () => {
    await agent.stop();
    const star = await startFakePrinter('paper-out', 'star');
    const starAgent = startPrintAgent({ server: server.url, key: server.deviceKey('print-agent'), printer: star.connection, model: 'star', paper: '80mm', jobsFile: join(server.dataDir, 'star-printed-jobs.jsonl'), log: () => undefined });
    try {
      await starAgent.connected();
      const ticket = await issue({ serviceId: 'documents', language: 'ru' });
      await printState(ticket.id, 'failed');
      await printerPush((info) => info.model === 'star' && info.status?.paper === 'out');
      expect(star.printed()).toHaveLength(0);
    } finally {
      await starAgent.stop();
      await star.close();
    }
  });

  it('does not let a consultant reprint, nor anyone but an admin print a test page', async () => {
    const ticket = await issue({ serviceId: 'documents' });
    const consultant = await server.login('consultant');
    expect((await call(server, officeApi(`/tickets/${ticket.id}/reprint`), { method: 'POST', token: consultant, body: {} })).status).toBe(403);
    const [agentInfo] = await printers(consultant);
    const operator = await server.login('operator1');
    expect((await call(server, officeApi(`/printers/${agentInfo!.agentId}/test-page`), { method: 'POST', token: operator, body: {} })).status).toBe(403);
    expect((await call(server, officeApi('/printers'))).status).toBe(401);
  });

  it('prints a ticket issued while the agent was away once it reconnects, exactly once', async () => {
    await agent.stop();
    const operator = await server.login('operator1');
    await printerPush((info) => !info.connected);
    const ticket = await issue({ serviceId: 'certificates' });
    await printerPush((info) => info.pendingJobs === 1);
    expect(await printers(operator)).toMatchObject([{ connected: false, pendingJobs: 1 }]);
    expect(server.engine.currentState.tickets.get(ticket.id)?.print).toBe('pending');

    agent = startAgent();
    await printState(ticket.id, 'printed');
    const next = await issue({ serviceId: 'certificates' });
    const printed = await ticketsPrinted(2);
    expect(printed.map((t) => t.qrCodes[0])).toEqual([ticket, next].map((t) => `${PUBLIC_URL}${liveTicketPath(t.id)}`));
  });

  it('comes back by itself after the server drops its connection and prints the next ticket', async () => {
    const [{ agentId }] = (await printers(await server.login('operator1'))) as [PrinterInfo];
    const room = server.namespace.in(`print-agent:${agentId}`);
    const [before] = await room.fetchSockets();
    room.disconnectSockets(true);
    // Back by itself: a new connection of the agent's, without anyone touching it.
    await expect.poll(async () => (await room.fetchSockets()).some((s) => s.id !== before?.id), { timeout: 20_000 }).toBe(true);
    const ticket = await issue({ serviceId: 'consultation' });
    await printState(ticket.id, 'printed');
    const [paper] = await ticketsPrinted(1);
    expect(lineTexts(paper!)).toContain(ticket.code);
  });

  it('keeps the tickets of two kiosks sharing one printer whole and apart', async () => {
    const admin = await server.login('admin');
    const created = await call<{ key: string }>(server, officeApi('/devices'), { body: { kind: 'kiosk', name: 'Second kiosk', zone: 'hall' }, token: admin });
    if (!created.body.ok) throw new Error('no second kiosk');
    const kiosks = [server.deviceKey('kiosk'), created.body.data.key];
    const services = ['certificates', 'documents', 'consultation'];
    const issued = (
      await Promise.all(kiosks.map((key) => Promise.all(Array.from({ length: 5 }, (_, i) => issue({ serviceId: services[i % 3]! }, key)))))
    ).flat();

    const printed = await ticketsPrinted(issued.length);
    expect(printed).toHaveLength(issued.length);
    const byId = new Map(issued.map((t) => [t.id, t]));
    for (const paper of printed) {
      expect(paper.cut).toBe(true);
      expect(paper.qrCodes).toHaveLength(1);
      const qr = new URL(paper.qrCodes[0]!);
      expect(qr.searchParams.get('office')).toBe(server.office);
      const ticket = byId.get(qr.pathname.split('/t/')[1]!)!;
      const lines = lineTexts(paper);
      expect(lines[lines.indexOf('Номер вашего талона') + 1]).toBe(ticket.code);
      byId.delete(ticket.id);
    }
    expect(byId.size).toBe(0);
  });

  it('prints an admin test page with each code page and the Russian and Ukrainian samples', async () => {
    const admin = await server.login('admin');
    const [{ agentId }] = (await printers(admin)) as [PrinterInfo];
    const response = await call(server, officeApi(`/printers/${agentId}/test-page`), { method: 'POST', token: admin, body: {} });
    expect(response.status).toBe(200);

    const [page] = await ticketsPrinted(1);
    const text = flowing(page!);
    expect(page!.codePageSwitches).toEqual([17, 46, 44]);
    for (const heading of ['Code page 17: cp866', 'Code page 46: cp1251', 'Code page 44: cp1125']) expect(lineTexts(page!)).toContain(heading);
    // cp1251 and cp1125 hold the whole Ukrainian sample; cp866 lacks і and ґ and says so.
    expect(text.split('Code page 46')[1]).toContain('Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!');
    expect(text.split('Code page 46')[1]).toContain('Съешь же ещё этих мягких французских булок, да выпей чаю');
    expect(text.split('Code page 46')[0]).toContain('Missing (_): U+0491 U+0456');
  });

  it('refuses a service name the connected printer cannot print, naming the letter, and keeps the old name', async () => {
    const admin = await server.login('admin');
    await expect.poll(async () => (await printers(admin)).some((p) => p.model === 'epson')).toBe(true);
    const config = await call<{ services: Service[] }>(server, officeApi('/config'), { token: admin });
    if (!config.body.ok) throw new Error('no config');
    const consultation = config.body.data.services.find((s) => s.id === 'consultation')!;
    const refused = await call(server, officeApi('/config/services/consultation'), {
      method: 'PUT',
      token: admin,
      // Kazakh «Қ» is in none of this Epson profile's code pages.
      body: { ...consultation, name: { ...consultation.name, ru: 'Қызмет' } },
    });
    expect(refused.status).toBe(400);
    expect(!refused.body.ok && refused.body.error.message).toContain('«Қ»');
    const after = await call<{ services: Service[] }>(server, officeApi('/config'), { token: admin });
    expect(after.body.ok && after.body.data.services.find((s) => s.id === 'consultation')?.name.ru).toBe(consultation.name.ru);
  });

  it('still refuses an unprintable letter after a restart, before the print agent reports again', async () => {
    const admin = await server.login('admin');
    await expect.poll(async () => (await printers(admin)).some((p) => p.model === 'epson')).toBe(true);
    const [{ name: agentName }] = (await printers(admin)) as [PrinterInfo];
    await agent.stop();
    staff.close();
    server = await server.restart();
    staff = await connectClient(server.url, { token: await server.login('operator1') });

    const token = await server.login('admin');
    // Staff still see the printer it last reported, though not its live status.
    const listed = await printers(token);
    expect(listed.map((p) => [p.model, p.status, p.connected])).toEqual([['epson', null, false]]);
    const config = await call<{ office: Office }>(server, officeApi('/config'), { token });
    if (!config.body.ok) throw new Error('no config');
    const { office } = config.body.data;
    // Kazakh «Ә» is in none of this Epson profile's code pages.
    const refused = await call(server, officeApi('/config/office'), { method: 'PUT', token, body: { ...office, name: { ...office.name, ru: 'Әкімдік' } } });
    expect(refused.status).toBe(400);
    const message = !refused.body.ok ? refused.body.error.message : '';
    expect(message).toContain('«Ә»');
    expect(message).toContain(`"${agentName}"`);
  });

  it('prints the office logo at the top once the office switches it on', async () => {
    const admin = await server.login('admin');
    const rows = 48 * 40;
    writeFileSync(join(server.dataDir, 'ticket-logo.pbm'), Buffer.concat([Buffer.from('P4\n384 40\n', 'ascii'), Buffer.alloc(rows, 0xaa)]));
    const config = await call<{ office: Office }>(server, officeApi('/config'), { token: admin });
    if (!config.body.ok) throw new Error('no config');
    const { office } = config.body.data;
    await call(server, officeApi('/config/office'), { method: 'PUT', token: admin, body: { ...office, ticketLayout: { ...office.ticketLayout, logo: true } } });
    await issue({ serviceId: 'documents' });
    const [paper] = await ticketsPrinted(1);
    expect(paper!.rasterImages).toEqual([{ widthDots: 384, heightDots: 40 }]);
  });
});

describe('printing each ticket exactly once, never stale', () => {
  it('does not print a ticket again when its result was lost on the way back and the agent restarted', async () => {
    const results = loseResults();
    const ticket = await issue({ serviceId: 'certificates', language: 'ru' });
    await ticketsPrinted(1);
    await results.lost;
    await agent.stop();
    results.letThrough();

    agent = startAgent();
    await printState(ticket.id, 'printed');
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    expect(codesOf(await ticketsPrinted(2))).toEqual([ticket.code, next.code]);
  });

  it('keeps one issue job per ticket: a second one is dropped, a reprint is kept', async () => {
    await agent.stop();
    const ticket = await issueWhileAgentAway();
    const jobs = createPrintJobsStore(server.db, server.office);
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
    await agent.stop();
    const ticket = await issueWhileAgentAway();
    const operator = await server.login('operator1');
    expect((await call(server, officeApi(`/tickets/${ticket.id}/reprint`), { method: 'POST', token: operator, body: {} })).status).toBe(200);
    expect(await printers(operator)).toMatchObject([{ pendingJobs: 1 }]);

    agent = startAgent();
    await printState(ticket.id, 'printed');
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    const printed = await ticketsPrinted(2);
    expect(codesOf(printed)).toEqual([ticket.code, next.code]);
    expect(lineTexts(printed[0]!)).toContain(translate('ru', 'ticket.duplicate'));
    expect(lineTexts(printed[1]!)).not.toContain(translate('ru', 'ticket.duplicate'));
  });

  it('does not print the tickets that stopped waiting while the agent was away', async () => {
    await agent.stop();
    const operator = await server.login('operator1');
    const cancelled = await issueWhileAgentAway('certificates');
    const called = await issue({ serviceId: 'documents', language: 'ru' });
    expect((await call(server, officeApi(`/tickets/${cancelled.id}/cancel`), { method: 'POST', token: operator, body: {} })).status).toBe(200);
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
    const callNext = await call<{ ticket: Ticket }>(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator });
    expect(callNext.body.ok && callNext.body.data.ticket?.id).toBe(called.id);
    const waiting = await issue({ serviceId: 'consultation', language: 'ru' });

    agent = startAgent();
    await printState(waiting.id, 'printed');
    const next = await issue({ serviceId: 'consultation', language: 'ru' });
    expect(codesOf(await ticketsPrinted(2))).toEqual([waiting.code, next.code]);
    // Nothing left behind for staff to wonder about (the job ends just after its ticket shows printed).
    await expect.poll(async () => (await printers(operator))[0]?.pendingJobs).toBe(0);
  });

  it('never prints a ticket once the kiosk has told the visitor that printing failed', async () => {
    await agent.stop();
    const ticket = await issueWhileAgentAway();
    const kiosk = await connectClient(server.url, { deviceKey: server.deviceKey('kiosk') });
    try {
      const gaveUp = await kiosk.socket.timeout(10_000).emitWithAck('print:give-up', { ticketId: ticket.id });
      expect(gaveUp).toEqual({ ok: true, data: { expired: true } });
    } finally {
      kiosk.close();
    }
    await printState(ticket.id, 'failed');

    agent = startAgent();
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    await printState(next.id, 'printed');
    expect(codesOf(await ticketsPrinted(1))).toEqual([next.code]);
    expect(server.engine.currentState.tickets.get(ticket.id)?.print).toBe('failed');
  });

  it('lets a job expire after the office\'s few minutes, marks its ticket failed and never prints it', async () => {
    await agent.stop();
    const ticket = await issueWhileAgentAway();
    clockOffset = (server.engine.currentConfig.office.printing.jobExpiryMinutes + 1) * 60_000;

    agent = startAgent();
    await printState(ticket.id, 'failed');
    const next = await issue({ serviceId: 'certificates', language: 'ru' });
    await printState(next.id, 'printed');
    expect(codesOf(await ticketsPrinted(1))).toEqual([next.code]);
  });

  it('tells a kiosk the server\'s public URL for the QR code of a ticket that did not print', async () => {
    const kiosk: Socket<ServerToClientEvents, ClientToServerEvents> = io(officeSocketUrl(server.url), { auth: { deviceKey: server.deviceKey('kiosk') }, transports: ['websocket'], forceNew: true });
    try {
      expect(await new Promise((resolve) => kiosk.once('print:public-url', resolve))).toEqual({ publicUrl: PUBLIC_URL });
    } finally {
      kiosk.close();
    }
  });
});
