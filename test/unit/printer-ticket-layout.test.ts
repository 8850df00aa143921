import { describe, expect, it } from 'vitest';
import type { PrinterProfile } from '../../printer/profiles';
import { PRINTER_MODELS, printerProfile } from '../../printer/profiles';
import { checkProfileSupports, layoutTicket, UnprintableTextError, type TicketPrintData } from '../../printer/ticket-layout';
import { codePageNumbers, decodeEscPos, lineTexts, type DecodedTicket } from '../support/escpos-decode';
import { RUSSIAN_TICKET, UKRAINIAN_TICKET } from '../support/escpos-tickets';

function printAndDecode(ticket: TicketPrintData, profile: PrinterProfile): DecodedTicket {
  const tickets = decodeEscPos(layoutTicket(ticket, profile), codePageNumbers(profile));
  expect(tickets).toHaveLength(1);
  return tickets[0] as DecodedTicket;
}

/** Every field of the ticket, as it should read on paper. */
function expectEveryField(decoded: DecodedTicket, ticket: TicketPrintData): void {
  const text = lineTexts(decoded).join('\n');
  const { labels } = ticket;
  for (const expected of [
    ticket.ticketCode,
    ticket.serviceName,
    labels.ticketNumber,
    `${labels.issuedAt}: ${ticket.issuedAt}`,
    `${labels.peopleAhead}: ${ticket.peopleAhead}`,
    `${labels.expectedWait}: ${ticket.expectedWait}`,
    labels.liveStatus,
  ]) {
    expect(lineTexts(decoded)).toContain(expected);
  }
  // Header, address, phones and footer may wrap: compare them with the line breaks taken out.
  const joined = text.replace(/\n/g, ' ');
  for (const wrapped of [ticket.officeName, ticket.officeAddress, `${labels.phones}: ${ticket.phones.join(', ')}`, ...(ticket.footer ?? [])]) {
    expect(joined).toContain(wrapped);
  }
  expect(decoded.qrCodes).toEqual([ticket.liveUrl]);
  expect(decoded.cut).toBe(true);
  expect(text).not.toContain('?');
}

describe('ticket layout', () => {
  it('prints a Russian ticket on an Epson in PC866 with every field readable', () => {
    const decoded = printAndDecode(RUSSIAN_TICKET, printerProfile('epson', '80mm'));
    expect(decoded.codePageSwitches).toEqual([17]);
    expectEveryField(decoded, RUSSIAN_TICKET);
  });

  it('prints a Ukrainian ticket on an Epson in WPC1251 so that і ї є ґ come out right', () => {
    const decoded = printAndDecode(UKRAINIAN_TICKET, printerProfile('epson', '80mm'));
    expect(decoded.codePageSwitches).toEqual([46]);
    expectEveryField(decoded, UKRAINIAN_TICKET);
    const text = lineTexts(decoded).join(' ');
    for (const letter of ['і', 'ї', 'є', 'ґ', 'Ґ', 'Ї']) expect(text).toContain(letter);
  });

  it('moves a Russian ticket to WPC1251 when its text has typographic quotes and dashes PC866 lacks', () => {
    const ticket = { ...RUSSIAN_TICKET, officeName: 'МФЦ «Мои документы»', footer: ['Окно № 3 — справки'] };
    const decoded = printAndDecode(ticket, printerProfile('epson', '80mm'));
    expect(decoded.codePageSwitches).toEqual([46]);
    expectEveryField(decoded, ticket);
  });

  it('uses the clone numbering of WPC1251 and PC866 on a clone printer', () => {
    const profile = printerProfile('escpos-clone', '58mm');
    expect(printAndDecode(UKRAINIAN_TICKET, profile).codePageSwitches).toEqual([6]);
    const russian = printAndDecode(RUSSIAN_TICKET, profile);
    expect(russian.codePageSwitches).toEqual([7]);
    expectEveryField(russian, RUSSIAN_TICKET);
  });

  it('prints the ticket code in large type that still fits the paper', () => {
    for (const [paper, magnification] of [['80mm', 4], ['58mm', 4]] as const) {
      const decoded = printAndDecode(RUSSIAN_TICKET, printerProfile('epson', paper));
      const codeLine = decoded.lines.find((line) => line.text === RUSSIAN_TICKET.ticketCode);
      expect(codeLine).toMatchObject({ width: magnification, height: magnification, bold: true, align: 'center' });
    }
    const longCode = printAndDecode({ ...RUSSIAN_TICKET, ticketCode: 'АБ12345678' }, printerProfile('epson', '58mm'));
    expect(longCode.lines.find((line) => line.text === 'АБ12345678')).toMatchObject({ width: 3, height: 3 });
  });

  it('keeps every line within the paper width', () => {
    const profile = printerProfile('epson', '58mm');
    const decoded = printAndDecode(UKRAINIAN_TICKET, profile);
    for (const line of decoded.lines) {
      expect([...line.text].length * line.width).toBeLessThanOrEqual(profile.paper.charsPerLine);
    }
  });

  it('keeps phone numbers whole and the house number with its street on 58 mm paper', () => {
    const ticket = { ...UKRAINIAN_TICKET, officeAddress: 'м. Гусиноозерськ, вул. Пушкіна, 12', phones: ['+7 30145 4-12-34', '+7 30145 4-56-78'] };
    const lines = lineTexts(printAndDecode(ticket, printerProfile('epson', '58mm')));
    expect(lines).toEqual(expect.arrayContaining(['м. Гусиноозерськ, вул.', 'Пушкіна, 12', 'Телефони: +7 30145 4-12-34,', '+7 30145 4-56-78']));
  });

  it('switches code page in the middle of a line when no single page holds the line', () => {
    const profile: PrinterProfile = {
      model: { ...PRINTER_MODELS.epson, codePages: [{ page: 'cp866', number: 17 }, { page: 'cp1125', number: 44 }] },
      paper: printerProfile('epson', '80mm').paper,
    };
    // Ў exists only in cp866, Ґ only in cp1125.
    const ticket = { ...RUSSIAN_TICKET, serviceName: 'Ўезд Ґрунт', footer: [] };
    const decoded = printAndDecode(ticket, profile);
    expect(lineTexts(decoded)).toContain('Ўезд Ґрунт');
    expect(decoded.codePageSwitches).toEqual([17, 44]);
  });

  it('refuses, naming the letters, a Ukrainian ticket on a printer that has only PC866', () => {
    const profile: PrinterProfile = {
      model: { ...PRINTER_MODELS.epson, name: 'Old Epson', codePages: [{ page: 'cp866', number: 17 }] },
      paper: printerProfile('epson', '80mm').paper,
    };
    let error: unknown;
    try {
      layoutTicket(UKRAINIAN_TICKET, profile);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(UnprintableTextError);
    const { characters, message } = error as UnprintableTextError;
    expect([...characters].sort()).toEqual(['Ґ', 'і', 'ґ', '’'].sort());
    expect(message).toContain('Old Epson');
    expect(message).toContain('«і» (U+0456)');
  });

  it('refuses Kazakh letters that none of the Star pages holds', () => {
    const result = checkProfileSupports(printerProfile('star', '80mm'), ['Талон нөмірі', 'Қызмет']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.characters).toEqual(['ө', 'Қ']);
  });

  it('accepts a configuration whose texts all fit some page of the printer', () => {
    const texts = [UKRAINIAN_TICKET.officeName, UKRAINIAN_TICKET.serviceName, ...(RUSSIAN_TICKET.footer ?? [])];
    expect(checkProfileSupports(printerProfile('escpos-clone', '80mm'), texts)).toEqual({ ok: true });
  });

  it('prints the Ukrainian apostrophe ʼ as ’ in WPC1251 and accepts it in configured texts', () => {
    const profile = printerProfile('epson', '80mm');
    const ticket = { ...UKRAINIAN_TICKET, serviceName: 'Довідка про вʼїзд', footer: ['Підʼїзд 2, сімʼя'] };
    expect(checkProfileSupports(profile, [ticket.serviceName, ...ticket.footer])).toEqual({ ok: true });
    const decoded = printAndDecode(ticket, profile);
    expect(decoded.codePageSwitches).toEqual([46]);
    expect(lineTexts(decoded)).toContain('Довідка про в’їзд');
    expect(lineTexts(decoded)).toContain('Під’їзд 2, сім’я');
  });

  it('prints the Ukrainian apostrophe ʼ as \' in a page without ’', () => {
    const profile = printerProfile('epson', '80mm');
    const decoded = printAndDecode({ ...RUSSIAN_TICKET, footer: ['Обʼект № 3'] }, profile);
    expect(decoded.codePageSwitches).toEqual([17]);
    expect(lineTexts(decoded)).toContain("Об'ект № 3");
  });

  it('never lets a control character in ticket text reach the printer as a command', () => {
    expect(() => layoutTicket({ ...RUSSIAN_TICKET, footer: ['Окно\u001bd5'] }, printerProfile('epson', '80mm'))).toThrow(UnprintableTextError);
  });
});

describe('ticket layout for Star printers', () => {
  it('selects the code page with ESC GS t under Star numbering and cuts with ESC d', () => {
    const bytes = [...layoutTicket(UKRAINIAN_TICKET, printerProfile('star', '80mm'))];
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex.startsWith('1b40' + '1b1d7422')).toBe(true); // ESC @, ESC GS t 34 (WPC1251)
    expect(hex.endsWith('1b6403')).toBe(true);
    // «Ґудзиківська» in cp1251
    expect(hex).toContain(Buffer.from([0xa5, 0xf3, 0xe4, 0xe7, 0xe8, 0xea, 0xb3, 0xe2, 0xf1, 0xfc, 0xea, 0xe0]).toString('hex'));
    expect(hex).not.toContain('1b74'); // no Epson ESC t
  });
});

describe('an office that prints less', () => {
  it('leaves out the address, people ahead, wait, phones and QR code when told, and prints its own footer', () => {
    const profile = printerProfile('epson', '80mm');
    const { peopleAhead: _ahead, expectedWait: _wait, liveUrl: _url, ...rest } = RUSSIAN_TICKET;
    const ticket: TicketPrintData = { ...rest, officeAddress: '', phones: [], footer: ['Вход со двора'] };
    const [decoded] = decodeEscPos(layoutTicket(ticket, profile), codePageNumbers(profile));
    const lines = lineTexts(decoded!);
    expect(lines).toContain(ticket.ticketCode);
    expect(lines).toContain('Вход со двора');
    for (const label of [ticket.labels.peopleAhead, ticket.labels.expectedWait, ticket.labels.phones, ticket.labels.liveStatus]) {
      expect(lines.some((line) => line.startsWith(label))).toBe(false);
    }
    expect(lines).not.toContain(RUSSIAN_TICKET.officeAddress);
    expect(decoded!.qrCodes).toEqual([]);
  });
});
