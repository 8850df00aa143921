// What a visitor's message says, rendered from its facts in their language and the office's clock,
// and when the office's quiet hours hold a booking message back.
import { describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../common/time/calendar';
import { oneClickStopUrl } from '../../server/notify/mail-sender';
import { quietHoursEnd } from '../../server/notify/quiet-hours';
import { renderMessage, type RenderContext } from '../../server/notify/render-message';
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
