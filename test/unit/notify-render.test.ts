// What a visitor's message says, rendered from its facts in their language and the office's clock,
// and when the office's quiet hours hold a booking message back.
import { describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../common/time/calendar';
import { oneClickStopUrl } from '../../server/notify/mail-sender';
import { quietHoursEnd } from '../../server/notify/quiet-hours';
import { smsText } from '../../server/notify/sms-sender';
import { renderMessage, type RenderContext } from '../../server/notify/render-message';
import type { Lang, MessageFacts } from '../../common/protocol';
import { makeConfig, makeService } from '../support/domain-fixtures';

const ZONE = 'Europe/Kyiv';
const config = makeConfig({ timeZone: ZONE, services: [makeService('documents', { name: { en: 'Documents', ru: 'Документы', uk: 'Документи' } })] });
const at = (date: string, time: string) => zonedToEpoch(date, time, ZONE);
const context = (language: RenderContext['language']): RenderContext => ({ config, publicUrl: 'https://queue.example.org/', officeId: 'main', language, stopToken: 'stop-token-1234567890', queuedAt: at('2030-01-15', '12:00') });
const booking = { appointmentId: 'a1', code: 'ACD347', serviceId: 'documents', slotStart: at('2030-01-16', '10:30'), slotEnd: at('2030-01-16', '10:45') };

describe('rendering a message', () => {
  it('says the window and the ticket in the visitor’s language, with the live page and the stop link', () => {
    const called = renderMessage({ kind: 'ticket-called', ticketId: 'tk1', ticketCode: 'А12', counterNumber: 3, counterName: null }, context('ru'));
    expect(called).toMatchObject({
      subject: 'Талон А12: ваша очередь',
      text: 'Ваша очередь: окно 3. Талон А12.',
      url: 'https://queue.example.org/t/tk1?office=main',
      stopUrl: 'https://queue.example.org/stop/?lang=ru#stop-token-1234567890',
      urgent: true,
    });
    expect(renderMessage({ kind: 'ticket-called', ticketId: 'tk1', ticketCode: 'А12', counterNumber: null, counterName: null }, context('uk')).text).toBe('Ваша черга: талон А12. Дивіться табло.');
    const ahead = renderMessage({ kind: 'ticket-ahead', ticketId: 'tk1', ticketCode: 'А12', ahead: 2 }, context('uk'));
    expect(ahead.text).toBe('Талон А12: перед вами 2 людини. Поверніться до зали.');
    // Only "your turn" is urgent: "N ahead" can wait a moment.
    expect(ahead.urgent).toBe(false);
  });

  it('dates a booking on the office’s clock, links a confirmation to the booking by its token, and cancels its calendar entry', () => {
    const confirmed = renderMessage({ kind: 'booking-confirmed', ...booking, manageToken: 'tok3n' }, context('en'));
    expect(confirmed.text).toMatch(/^Test office: Documents, .*16 Jan.* at 10:30\. Code ACD347\.$/);
    expect(confirmed.url).toBe('https://queue.example.org/book/manage/?office=main#tok3n');
    expect(confirmed.calendar).toMatchObject({ method: 'REQUEST', uid: 'a1@talon', start: booking.slotStart, end: booking.slotEnd, location: 'Test office, 1 Test street' });
    expect(confirmed.urgent).toBe(false);
    const cancelled = renderMessage({ kind: 'booking-cancelled', ...booking }, context('ru'));
    expect(cancelled.subject).toBe('Запись ACD347 отменена');
    expect(cancelled.url).toBe('https://queue.example.org/book/manage/?office=main');
    expect(cancelled.calendar?.method).toBe('CANCEL');
  });

  it('gives e-mail a one-click stop address with the token in its query', () => {
    expect(oneClickStopUrl('https://queue.example.org/stop/?lang=ru#stop-token-1234567890')).toBe('https://queue.example.org/api/stop?t=stop-token-1234567890');
  });
});

/** GSM 03.38's basic set; one of its extension characters takes two septets. Anything else sends the whole SMS as UCS-2. */
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = '^{}\\[~]|€';

/** How many SMS a text takes: 160 GSM septets or 70 UCS-2 characters alone, 153 or 67 a part when split. */
function smsSegments(text: string): number {
  const chars = [...text];
  if (chars.every((c) => GSM_BASIC.includes(c) || GSM_EXTENSION.includes(c))) {
    const septets = chars.reduce((n, c) => n + (GSM_EXTENSION.includes(c) ? 2 : 1), 0);
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  const units = text.length;
  return units <= 70 ? 1 : Math.ceil(units / 67);
}

describe('SMS length', () => {
  // A real office's name, a public URL and a stop token as long as the ones made (16 random bytes).
  const office = { ...config.office, name: { ru: 'МФЦ «Центральный»', uk: 'ЦНАП «Центральний»', en: 'Central service centre' } };
  const sms = (facts: MessageFacts, language: Lang) =>
    smsText(language, renderMessage(facts, { ...context(language), config: { ...config, office }, publicUrl: 'https://queue.example.org', stopToken: 'x'.repeat(22) }));
  const called = (ticketCode: string): MessageFacts => ({ kind: 'ticket-called', ticketId: 'tk1', ticketCode, counterNumber: 12, counterName: null });
  const confirmed: MessageFacts = { kind: 'booking-confirmed', ...booking, manageToken: 'tok3n' };
  const segments = (facts: MessageFacts) => (['en', 'ru', 'uk'] as const).map((lang) => smsSegments(sms(facts, lang)));

  // docs/notifications.md quotes these. One character outside GSM-7 (Cyrillic, or a ticket code such
  // as Д102) sends the whole SMS as UCS-2: 70 characters alone, 67 a part.
  it('takes one SMS for "your turn" only in the Latin alphabet, two as soon as the text or the ticket code is Cyrillic', () => {
    expect(sms(called('Д102'), 'ru')).toHaveLength(103);
    expect(segments(called('A102'))).toEqual([1, 2, 2]);
    expect(segments(called('Д102'))).toEqual([2, 2, 2]);
  });

  it('takes one SMS for a booking confirmation in English, two in Russian or Ukrainian with a short office name', () => {
    expect(sms(confirmed, 'ru')).toHaveLength(133);
    expect(segments(confirmed)).toEqual([1, 2, 2]);
  });
});

describe('quiet hours', () => {
  const night = { quietFrom: '21:00', quietUntil: '08:00' };
  it('hold a message across midnight until they end, and not outside them', () => {
    expect(quietHoursEnd(at('2030-01-15', '23:30'), night, ZONE)).toBe(at('2030-01-16', '08:00'));
    expect(quietHoursEnd(at('2030-01-16', '07:59'), night, ZONE)).toBe(at('2030-01-16', '08:00'));
    expect(quietHoursEnd(at('2030-01-16', '08:00'), night, ZONE)).toBeNull();
    expect(quietHoursEnd(at('2030-01-16', '20:59'), night, ZONE)).toBeNull();
  });

  it('work within one day too, and are off when they start and end at once', () => {
    expect(quietHoursEnd(at('2030-01-16', '13:00'), { quietFrom: '12:00', quietUntil: '14:00' }, ZONE)).toBe(at('2030-01-16', '14:00'));
    expect(quietHoursEnd(at('2030-01-16', '15:00'), { quietFrom: '12:00', quietUntil: '14:00' }, ZONE)).toBeNull();
    expect(quietHoursEnd(at('2030-01-16', '03:00'), { quietFrom: '00:00', quietUntil: '00:00' }, ZONE)).toBeNull();
  });
});
