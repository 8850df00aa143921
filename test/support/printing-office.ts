// Printing end to end for a test file: a real Talon, the real print agent in the test's process and a
// fake network printer that keeps every byte, started fresh for each test; plus the steps the
// printing tests share (issue at the kiosk, wait for paper, watch the print state and the printer).
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { translate } from '../../common/i18n';
import type { Lang, Ticket } from '../../common/protocol';
import type { PrinterInfo } from '../../common/protocol/printing';
import { startPrintAgent, type PrintAgent } from '../../printer/agent';
import { printerProfile } from '../../printer/profiles';
import { codePageNumbers, decodeEscPos, lineTexts, type DecodedTicket } from './escpos-decode';
import { startFakePrinter, type FakePrinter } from './fake-printer';
import { connectClient, type TestClient } from './socket-client';
import { call, officeApi, startTalon, type RunningTalon } from './talon-server';
import { printedDateTime } from './ticket-dates';

export const profile = printerProfile('epson', '80mm');
export const pages = codePageNumbers(profile);
export const OFFICE_TIME_ZONE = 'Asia/Irkutsk';
/** TALON_PUBLIC_URL: where visitors' phones reach the server, not the loopback address tests use. */
export const PUBLIC_URL = 'http://talon.office.example:3000';

export function issuedLine(ticket: Ticket): string {
  return `${translate(ticket.language, 'ticket.label.issued')}: ${printedDateTime(ticket.issuedAt, ticket.language, OFFICE_TIME_ZONE)}`;
}

/** The ticket codes on the paper, in the order the tickets came out. */
export const codesOf = (papers: DecodedTicket[]) => papers.map((t) => lineTexts(t)[lineTexts(t).indexOf('Номер вашего талона') + 1]);

/** The paper's lines joined with spaces, for texts the layout may wrap. */
export const flowing = (ticket: DecodedTicket) => lineTexts(ticket).join(' ');

export interface PrintingOffice {
  server: RunningTalon;
  printer: FakePrinter;
  agent: PrintAgent;
  /** A staff socket, which sees print states and printer status as they change. */
  staff: TestClient;
  printerPushes: PrinterInfo[];
  /** Moves the server's clock forward, for jobs that wait longer than the office lets them. */
  clockOffset: number;
  startAgent(): PrintAgent;
  issue(body: { serviceId: string; language?: Lang }, kioskKey?: string): Promise<Ticket>;
  /** Resolves with every ticket printed so far once `count` complete (cut) ones have come out. */
  ticketsPrinted(count: number): Promise<DecodedTicket[]>;
  printState(ticketId: string, state: Ticket['print']): Promise<unknown>;
  printerPush(predicate: (printer: PrinterInfo) => boolean): Promise<PrinterInfo>;
  printers(token: string): Promise<PrinterInfo[]>;
  /** Waits until the agent is seen gone, then issues a kiosk ticket that stays pending meanwhile. */
  issueWhileAgentAway(serviceId?: string): Promise<Ticket>;
  /**
   * Cuts the agent's link whenever it sends a print result, before the server sees it: the ticket
   * printed, but the server never learns so. `lost` resolves once a result was lost.
   */
  loseResults(): { lost: Promise<void>; letThrough: () => void };
}

export function usePrintingOffice(): PrintingOffice {
  const office = {
    clockOffset: 0,
    startAgent: () =>
      startPrintAgent({
        server: office.server.url,
        key: office.server.deviceKey('print-agent'),
        printer: office.printer.connection,
        model: 'epson',
        paper: '80mm',
        jobsFile: join(office.server.dataDir, 'printed-jobs.jsonl'),
        log: () => undefined,
      }),
    issue: async (body, kioskKey = office.server.deviceKey('kiosk')) => {
      const response = await call<{ ticket: Ticket }>(office.server, officeApi('/tickets'), { body, deviceKey: kioskKey });
      if (!response.body.ok) throw new Error(JSON.stringify(response.body.error));
      return response.body.data.ticket;
    },
    ticketsPrinted: async (count) => {
      const bytes = await office.printer.waitForPrinted((printed) => decodeEscPos(printed, pages).filter((t) => t.cut).length >= count);
      return decodeEscPos(bytes, pages);
    },
    printState: (ticketId, state) =>
      office.staff.waitFor((events) => events.some((e) => e.kind === 'ticket-print' && e.ticket?.id === ticketId && e.ticket.print === state), 20_000),
    printerPush: (predicate) =>
      new Promise((resolve) => {
        const found = office.printerPushes.find(predicate);
        if (found) return resolve(found);
        const listener = (info: PrinterInfo) => {
          if (!predicate(info)) return;
          office.staff.socket.off('printer:status', listener);
          resolve(info);
        };
        office.staff.socket.on('printer:status', listener);
      }),
    printers: async (token) => {
      const response = await call<PrinterInfo[]>(office.server, officeApi('/printers'), { token });
      if (!response.body.ok) throw new Error(JSON.stringify(response.body.error));
      return response.body.data;
    },
    issueWhileAgentAway: async (serviceId = 'certificates') => {
      await office.printerPush((info) => !info.connected);
      const ticket = await office.issue({ serviceId, language: 'ru' });
      await office.printerPush((info) => info.pendingJobs > 0);
      return ticket;
    },
    loseResults: () => {
      let losing = true;
      let lose = () => {};
      const lost = new Promise<void>((resolve) => (lose = resolve));
      const cutOnResult = (socket: { use: (fn: (packet: unknown[], next: () => void) => void) => void; conn: { close(): void } }) =>
        socket.use(([event], next) => {
          if (!losing || event !== 'print:result') return next();
          socket.conn.close();
          lose();
        });
      office.server.namespace.sockets.forEach(cutOnResult);
      office.server.namespace.on('connection', cutOnResult);
      return {
        lost,
        letThrough: () => {
          losing = false;
          office.server.namespace.off('connection', cutOnResult);
        },
      };
    },
  } as PrintingOffice;

  beforeEach(async () => {
    office.clockOffset = 0;
    office.server = await startTalon({ clock: () => Date.now() + office.clockOffset, publicUrl: PUBLIC_URL });
    office.printer = await startFakePrinter('online');
    office.staff = await connectClient(office.server.url, { token: await office.server.login('operator1') });
    office.printerPushes = [];
    office.staff.socket.on('printer:status', (info) => office.printerPushes.push(info));
    office.agent = office.startAgent();
    await office.agent.connected();
  });

  afterEach(async () => {
    office.staff.close();
    await office.agent.stop();
    await office.server.close();
    await office.printer.close();
  });
  return office;
}
