// Printing end to end: a real Talon, the real print agent in this process and a fake network
// printer that keeps every byte. What the printer receives is decoded back into lines and checked
// field by field.
import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Office, Service } from '../../common/protocol';
import type { PrinterInfo } from '../../common/protocol/printing';
import { startPrintAgent } from '../../printer/agent';
import { lineTexts } from '../support/escpos-decode';
import { startFakePrinter } from '../support/fake-printer';
import { connectClient } from '../support/socket-client';
import { call, liveTicketPath, officeApi } from '../support/talon-server';
import { profile, pages, PUBLIC_URL, issuedLine, flowing, usePrintingOffice } from '../support/printing-office';

const printing = usePrintingOffice();
const { startAgent, issue, ticketsPrinted, printState, printerPush, printers } = printing;

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
    expect(printing.server.engine.currentState.tickets.get(ticket.id)?.print).toBe('printed');
  });

  it('prints a Ukrainian ticket whose і ї є ґ come out letter for letter', async () => {
    const admin = await printing.server.login('admin');
    const config = await call<{ services: Service[] }>(printing.server, officeApi('/config'), { token: admin });
    if (!config.body.ok) throw new Error('no config');
    const consultation = config.body.data.services.find((s) => s.id === 'consultation')!;
    const ukrainianName = 'Реєстрація ґрунтів і їхніх меж';
    const saved = await call(printing.server, officeApi('/config/services/consultation'), {
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
    printing.printer.setState('paper-out');
    const ticket = await issue({ serviceId: 'documents', language: 'ru' });
    await printState(ticket.id, 'failed');
    // The ticket stays valid: still waiting in its queue.
    expect(printing.server.engine.currentState.tickets.get(ticket.id)?.status).toBe('waiting');

    await printerPush((info) => info.status?.paper === 'out');
    const operator = await printing.server.login('operator1');
    const [listed] = await printers(operator);
    expect(listed).toMatchObject({ connected: true, model: 'epson', paper: '80mm', status: { online: false, paper: 'out' }, pendingJobs: 0 });
    expect(printing.printer.printed()).toHaveLength(0);

    printing.printer.setState('online');
    const reprint = await call<{ jobId: string }>(printing.server, officeApi(`/tickets/${ticket.id}/reprint`), { method: 'POST', token: operator, body: {} });
    expect(reprint.status).toBe(200);
    await printState(ticket.id, 'printed');
    // A second ticket after the reprint: had the reprint come out twice, it would stand before it.
    const next = await issue({ serviceId: 'documents', language: 'ru' });
    const printed = await ticketsPrinted(2);
    expect(printed.map((t) => lineTexts(t)[lineTexts(t).indexOf('Номер вашего талона') + 1])).toEqual([ticket.code, next.code]);
  });

  it('marks the ticket failed when a Star printer reports paper out in its ASB status', async () => {
    await printing.agent.stop();
    const star = await startFakePrinter('paper-out', 'star');
    const starAgent = startPrintAgent({ server: printing.server.url, key: printing.server.deviceKey('print-agent'), printer: star.connection, model: 'star', paper: '80mm', jobsFile: join(printing.server.dataDir, 'star-printed-jobs.jsonl'), log: () => undefined });
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
    const consultant = await printing.server.login('consultant');
    expect((await call(printing.server, officeApi(`/tickets/${ticket.id}/reprint`), { method: 'POST', token: consultant, body: {} })).status).toBe(403);
    const [agentInfo] = await printers(consultant);
    const operator = await printing.server.login('operator1');
    expect((await call(printing.server, officeApi(`/printers/${agentInfo!.agentId}/test-page`), { method: 'POST', token: operator, body: {} })).status).toBe(403);
    expect((await call(printing.server, officeApi('/printers'))).status).toBe(401);
  });

  it('prints a ticket issued while the agent was away once it reconnects, exactly once', async () => {
    await printing.agent.stop();
    const operator = await printing.server.login('operator1');
    await printerPush((info) => !info.connected);
    const ticket = await issue({ serviceId: 'certificates' });
    await printerPush((info) => info.pendingJobs === 1);
    expect(await printers(operator)).toMatchObject([{ connected: false, pendingJobs: 1 }]);
    expect(printing.server.engine.currentState.tickets.get(ticket.id)?.print).toBe('pending');

    printing.agent = startAgent();
    await printState(ticket.id, 'printed');
    const next = await issue({ serviceId: 'certificates' });
    const printed = await ticketsPrinted(2);
    expect(printed.map((t) => t.qrCodes[0])).toEqual([ticket, next].map((t) => `${PUBLIC_URL}${liveTicketPath(t.id)}`));
  });

  it('comes back by itself after the server drops its connection and prints the next ticket', async () => {
    const [{ agentId }] = (await printers(await printing.server.login('operator1'))) as [PrinterInfo];
    const room = printing.server.namespace.in(`print-agent:${agentId}`);
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
    const admin = await printing.server.login('admin');
    const created = await call<{ key: string }>(printing.server, officeApi('/devices'), { body: { kind: 'kiosk', name: 'Second kiosk', zone: 'hall' }, token: admin });
    if (!created.body.ok) throw new Error('no second kiosk');
    const kiosks = [printing.server.deviceKey('kiosk'), created.body.data.key];
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
      expect(qr.searchParams.get('office')).toBe(printing.server.office);
      const ticket = byId.get(qr.pathname.split('/t/')[1]!)!;
      const lines = lineTexts(paper);
      expect(lines[lines.indexOf('Номер вашего талона') + 1]).toBe(ticket.code);
      byId.delete(ticket.id);
    }
    expect(byId.size).toBe(0);
  });

  it('prints an admin test page with each code page and the Russian and Ukrainian samples', async () => {
    const admin = await printing.server.login('admin');
    const [{ agentId }] = (await printers(admin)) as [PrinterInfo];
    const response = await call(printing.server, officeApi(`/printers/${agentId}/test-page`), { method: 'POST', token: admin, body: {} });
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
    const admin = await printing.server.login('admin');
    await expect.poll(async () => (await printers(admin)).some((p) => p.model === 'epson')).toBe(true);
    const config = await call<{ services: Service[] }>(printing.server, officeApi('/config'), { token: admin });
    if (!config.body.ok) throw new Error('no config');
    const consultation = config.body.data.services.find((s) => s.id === 'consultation')!;
    const refused = await call(printing.server, officeApi('/config/services/consultation'), {
      method: 'PUT',
      token: admin,
      // Kazakh «Қ» is in none of this Epson profile's code pages.
      body: { ...consultation, name: { ...consultation.name, ru: 'Қызмет' } },
    });
    expect(refused.status).toBe(400);
    expect(!refused.body.ok && refused.body.error.message).toContain('«Қ»');
    const after = await call<{ services: Service[] }>(printing.server, officeApi('/config'), { token: admin });
    expect(after.body.ok && after.body.data.services.find((s) => s.id === 'consultation')?.name.ru).toBe(consultation.name.ru);
  });

  it('still refuses an unprintable letter after a restart, before the print agent reports again', async () => {
    const admin = await printing.server.login('admin');
    await expect.poll(async () => (await printers(admin)).some((p) => p.model === 'epson')).toBe(true);
    const [{ name: agentName }] = (await printers(admin)) as [PrinterInfo];
    await printing.agent.stop();
    printing.staff.close();
    printing.server = await printing.server.restart();
    printing.staff = await connectClient(printing.server.url, { token: await printing.server.login('operator1') });

    const token = await printing.server.login('admin');
    // Staff still see the printer it last reported, though not its live status.
    const listed = await printers(token);
    expect(listed.map((p) => [p.model, p.status, p.connected])).toEqual([['epson', null, false]]);
    const config = await call<{ office: Office }>(printing.server, officeApi('/config'), { token });
    if (!config.body.ok) throw new Error('no config');
    const { office } = config.body.data;
    // Kazakh «Ә» is in none of this Epson profile's code pages.
    const refused = await call(printing.server, officeApi('/config/office'), { method: 'PUT', token, body: { ...office, name: { ...office.name, ru: 'Әкімдік' } } });
    expect(refused.status).toBe(400);
    const message = !refused.body.ok ? refused.body.error.message : '';
    expect(message).toContain('«Ә»');
    expect(message).toContain(`"${agentName}"`);
  });

  it('prints the office logo at the top once the office switches it on', async () => {
    const admin = await printing.server.login('admin');
    const rows = 48 * 40;
    writeFileSync(join(printing.server.dataDir, 'ticket-logo.pbm'), Buffer.concat([Buffer.from('P4\n384 40\n', 'ascii'), Buffer.alloc(rows, 0xaa)]));
    const config = await call<{ office: Office }>(printing.server, officeApi('/config'), { token: admin });
    if (!config.body.ok) throw new Error('no config');
    const { office } = config.body.data;
    await call(printing.server, officeApi('/config/office'), { method: 'PUT', token: admin, body: { ...office, ticketLayout: { ...office.ticketLayout, logo: true } } });
    await issue({ serviceId: 'documents' });
    const [paper] = await ticketsPrinted(1);
    expect(paper!.rasterImages).toEqual([{ widthDots: 384, heightDots: 40 }]);
  });
});
