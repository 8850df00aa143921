// The public booking page on a phone (390 × 844), by touch and by keyboard, in real Chromium
// against a real Talon whose clock stands at Tuesday noon at the office.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../common/time/calendar';
import { useBrowserAndServer } from '../support/browser-and-server';
import { docsScreenshotPath } from '../support/docs-screenshot';
import { officeApi } from '../support/talon-server';

const NOON_IRKUTSK = zonedToEpoch('2030-01-15', '12:00', 'Asia/Irkutsk');
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = 'docs/screenshots';

/** Where the keyboard focus is, through the shadow roots: the focused element's name or text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let at: Element | null = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    return at ? (at.getAttribute('name') ?? at.textContent?.trim() ?? at.tagName) : '';
  });
}

async function openBooking(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/book/`);
  await page.locator('book-app button.choice', { hasText: 'Приём документов' }).click();
  await page.locator('book-app section').nth(1).locator('button.choice').first().click();
  await page.locator('book-slot-grid button:not([disabled])').first().waitFor();
}

describe('the booking page on a phone', () => {
  const env = useBrowserAndServer({ clock: () => NOON_IRKUTSK });

  it('brings the form into view and puts the cursor in the name field once a time is tapped', async () => {
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'ru-RU', hasTouch: true, isMobile: true });
    await openBooking(page, env.server.url);
    await page.locator('book-slot-grid button:not([disabled])').first().tap();
    const name = page.locator('book-visitor-form input[name=name]');
    await expect.poll(() => focused(page)).toBe('name');
    await expect.poll(() => name.evaluate((input) => {
      const box = input.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/book-phone-form-ru.png`) });
    await page.close();
  });

  it('passes the whole grid of times with one Tab, and moves between times with the arrow keys', async () => {
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'ru-RU' });
    await openBooking(page, env.server.url);
    const first = page.locator('book-slot-grid button:not([disabled])').first();
    await first.focus();
    const firstTime = (await first.textContent())!.trim();
    await page.keyboard.press('ArrowRight');
    const second = await focused(page);
    expect(second).not.toBe(firstTime);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('name');
    // From the chosen time: Shift+Tab leaves the grid at once, Tab comes back to that very time.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(second);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).not.toMatch(/^\d\d:\d\d$/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(second);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('name');
    await page.close();
  });

  it('has a phone pattern the browser accepts and names the phone field when the server refuses the number', async () => {
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'ru-RU' });
    const console: string[] = [];
    page.on('console', (message) => message.type() === 'error' && console.push(message.text()));
    await openBooking(page, env.server.url);
    await page.locator('book-slot-grid button:not([disabled])').first().click();
    const phone = page.locator('book-visitor-form input[name=phone]');
    // The browser compiles `pattern` with the v flag; an invalid one is ignored with a console error.
    const pattern = await phone.getAttribute('pattern');
    expect(() => new RegExp(`^(?:${pattern})$`, 'v')).not.toThrow();

    await page.locator('book-visitor-form input[name=name]').fill('Ольга Кравец');
    await phone.fill('12');
    await page.locator('book-visitor-form button[type=submit]').click();
    const error = page.locator('book-visitor-form [data-error=phone]');
    await expect.poll(() => error.textContent()).toContain('Введите номер телефона из 6–15 цифр');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');

    // Sixteen digits fit the pattern but not the server's rule (at most 15): the server names the field.
    await phone.fill('1234 5678 9012 3456');
    await expect.poll(() => error.isHidden()).toBe(true);
    const answer = page.waitForResponse((r) => r.url().endsWith(officeApi('/public/appointments')));
    await page.locator('book-visitor-form button[type=submit]').click();
    expect((await answer).status()).toBe(400);
    await expect.poll(() => error.textContent()).toContain('Введите номер телефона из 6–15 цифр');
    expect(await focused(page)).toBe('phone');
    expect(await page.locator('book-visitor-form [data-error=name]').isHidden()).toBe(true);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/book-phone-invalid-ru.png`) });
    expect(console.filter((text) => /pattern/i.test(text))).toEqual([]);
    await page.close();
  });
});
