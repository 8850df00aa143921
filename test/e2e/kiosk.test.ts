import { describe, expect, it } from 'vitest';
import type { Appointment, TicketResult } from '../../common/protocol';
import { useBrowserAndServer } from '../support/browser-and-server';
import { call, officeApi, startTalon } from '../support/talon-server';
import { openKiosk, openTickets, serviceButton, shownTicketCode } from './kiosk-fixtures';

describe('kiosk', () => {
  const env = useBrowserAndServer();

  it('shows the ticket the server issued after a tap on a service', async () => {
    const page = await openKiosk(env.browser, env.server);
    await serviceButton(page, 'certificates').click();
    const code = await shownTicketCode(page);

    const issued = (await openTickets(env.server)).filter((t) => t.serviceId === 'certificates');
    expect(issued.map((t) => t.code)).toEqual([code]);
    expect(issued[0]!.source).toBe('kiosk');
    await expect(page.locator('kiosk-issued-ticket [data-ahead]').textContent()).resolves.toContain('никого');
    await page.close();
  });

  it('issues one ticket for a double tap', async () => {
    const page = await openKiosk(env.browser, env.server);
    const button = serviceButton(page, 'documents');
    await button.waitFor();
    // Both clicks land before the page can re-render, as a fast double tap on a touch screen does.
    await button.evaluate((el: HTMLElement) => {
      el.click();
      el.click();
    });
    const code = await shownTicketCode(page);

    // The server runs commands in turn: a second kiosk ticket would come before this staff one.
    const token = await env.server.login('operator1');
    const staff = await call<TicketResult>(env.server, officeApi('/tickets'), { token, body: { serviceId: 'documents' } });
    if (!staff.body.ok) throw new Error(staff.body.error.message);
    const kioskTicket = (await openTickets(env.server)).find((t) => t.code === code)!;
    expect(staff.body.data.ticket.number).toBe(kioskTicket.number + 1);
    expect((await openTickets(env.server)).filter((t) => t.serviceId === 'documents' && t.source === 'kiosk')).toHaveLength(1);
    await page.close();
  });

  it('issues the ticket in the language the visitor chose', async () => {
    const page = await openKiosk(env.browser, env.server);
    await page.locator('tl-language-switch button[lang="uk"]').click();
    await expect(serviceButton(page, 'consultation').textContent()).resolves.toContain('Консультація');
    await serviceButton(page, 'consultation').click();
    const code = await shownTicketCode(page);
    await expect(page.locator('kiosk-issued-ticket .label').textContent()).resolves.toBe('Номер вашого талона');
    expect((await openTickets(env.server)).find((t) => t.code === code)?.language).toBe('uk');
    await page.close();
  });

  it('refuses an unknown booking code in words and issues nothing', async () => {
    const page = await openKiosk(env.browser, env.server);
    const before = (await openTickets(env.server)).length;
    await page.locator('[data-appointment]').click();
    for (const key of 'AAAAAA') await page.locator(`kiosk-booking-keypad [data-key="${key}"]`).click();
    await expect(page.locator('kiosk-booking-keypad output').textContent()).resolves.toBe('AAAAAA');
    await page.locator('kiosk-booking-keypad [data-submit]').click();
    await expect.poll(() => page.locator('kiosk-booking-keypad [data-refusal]').textContent()).toContain('Записи с таким кодом нет');
    expect(await openTickets(env.server)).toHaveLength(before);
    await page.close();
  });

  it('checks a booked visitor in by the code and shows the booked ticket', async () => {
    // A server whose clock runs from noon in the office's time zone, so a slot is always bookable.
    const noon = Date.UTC(2030, 0, 15, 4, 0);
    const started = Date.now();
    const office = await startTalon({ webApps: 'dist', clock: () => noon + (Date.now() - started) });
    try {
      const consultant = await office.login('consultant');
      const booked = await call<Appointment>(office, officeApi('/appointments'), {
        body: { serviceId: 'documents', slotStart: noon + 15 * 60_000, name: 'Ольга Кравец', phone: '+7 900 123-45-67' },
        token: consultant,
      });
      if (!booked.body.ok) throw new Error(booked.body.error.message);
      const page = await openKiosk(env.browser, office);
      await page.locator('[data-appointment]').click();
      for (const key of booked.body.data.code) await page.locator(`kiosk-booking-keypad [data-key="${key}"]`).click();
      await page.locator('kiosk-booking-keypad [data-submit]').click();
      const code = await shownTicketCode(page);
      const ticket = (await openTickets(office)).find((t) => t.code === code);
      expect(ticket?.priority).toMatchObject({ kind: 'booked', appointmentId: booked.body.data.id });
      await page.close();
    } finally {
      await office.close();
    }
  });

  it('shows a setup message for staff instead of services when it has no key', async () => {
    const page = await openKiosk(env.browser, env.server, { key: null });
    await page.locator('kiosk-setup-notice p').waitFor();
    await expect(page.locator('kiosk-setup-notice p').textContent()).resolves.toContain('?key=');
    expect(await page.locator('kiosk-service-grid button').count()).toBe(0);
    await page.close();
  });

  it('shows a setup message when its key was revoked', async () => {
    const { device, key } = await env.server.talon.stores.devices.create(env.server.office, 'kiosk', 'Revoked kiosk', 'hall');
    await env.server.talon.stores.devices.revoke(env.server.office, device.id);
    const page = await openKiosk(env.browser, env.server, { key });
    await page.locator('kiosk-setup-notice p').waitFor();
    // Chromium here reports en-US, so the staff message is in English.
    await expect(page.locator('kiosk-setup-notice p').textContent()).resolves.toContain('An administrator has disconnected this device');
    expect(await page.locator('kiosk-service-grid button').count()).toBe(0);
    await page.close();
  });

  it('puts a refusal from the server into words', async () => {
    // A kiosk that issued its whole burst is refused with 'rate-limited'.
    const key = env.server.deviceKey('kiosk');
    const page = await openKiosk(env.browser, env.server);
    await serviceButton(page, 'consultation').waitFor();
    const alert = page.locator('kiosk-message-panel [role="alert"]');
    // The bucket refills one ticket a second: on a slow machine a tap may still get through, so
    // empty it again and tap again until the refusal shows.
    for (let attempt = 0; attempt < 5 && !(await alert.isVisible()); attempt++) {
      if (attempt > 0) await page.locator('kiosk-issued-ticket [data-done]').click({ timeout: 5000 }).catch(() => undefined);
      await Promise.all(Array.from({ length: 12 }, () => call(env.server, officeApi('/tickets'), { deviceKey: key, body: { serviceId: 'consultation' } })));
      await serviceButton(page, 'consultation').click();
      await alert.or(page.locator('kiosk-issued-ticket [data-ticket-code]')).first().waitFor();
    }
    expect(await alert.textContent()).toContain('Слишком много запросов');
    await page.close();
  });
});

describe('kiosk outside office hours', () => {
  // Sunday 3 March 2024, 10:00 in Irkutsk: the demo office opens on Monday at 08:30.
  const SUNDAY_MORNING = Date.parse('2024-03-03T10:00:00+08:00');
  const env = useBrowserAndServer({ officeHours: true, clock: () => SUNDAY_MORNING });

  it('says when the office opens and keeps the service buttons inert', async () => {
    const page = await openKiosk(env.browser, env.server);
    await page.locator('tl-language-switch button[lang="en"]').click();
    const banner = page.locator('kiosk-office-banner [role="status"]');
    await expect(banner.textContent()).resolves.toContain('The office is closed. It opens on Monday 4 March at 08:30');
    await expect(serviceButton(page, 'certificates').isDisabled()).resolves.toBe(true);
    await page.close();
  });
});
