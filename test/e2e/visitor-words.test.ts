// What the visitor pages say besides their content, in real Chromium against a real Talon: a
// weekday after a preposition in the accusative, tab titles and the no-JavaScript text in the
// visitor's languages, an icon on every page, and zoom allowed on the phone pages.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../support/browser-and-server';
import { openKiosk } from './kiosk-fixtures';

// Tuesday 5 March 2024, 20:00 in Irkutsk: the demo office (real hours) opens again on Wednesday.
const TUESDAY_EVENING = Date.parse('2024-03-05T20:00:00+08:00');
const PHONE = { width: 390, height: 844 };

/** Files that failed to load with the page (a missing favicon used to be one on every page). */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && !new URL(r.url()).pathname.startsWith('/api/') && failed.push(`${r.status()} ${r.url()}`));
  return failed;
}

describe('words and page furniture of the visitor pages', () => {
  const env = useBrowserAndServer({ officeHours: true, clock: () => TUESDAY_EVENING });

  it('puts the weekday of the next opening in the accusative after the preposition', async () => {
    const page = await openKiosk(env.browser, env.server);
    const banner = page.locator('kiosk-office-banner [role="status"]');
    await expect.poll(() => banner.textContent()).toContain('Учреждение закрыто. Откроется в среду, 6 марта в 08:30');
    await page.locator('tl-language-switch button[lang="uk"]').click();
    await expect.poll(() => banner.textContent()).toContain('Установу зачинено. Відчиниться в середу, 6 березня о 08:30');
    await page.close();
  });

  it('titles each tab in the visitor’s language and shows an icon without a failed request', async () => {
    const key = (kind: 'kiosk' | 'display') => env.server.deviceKey(kind);
    const pages: [string, string][] = [
      [`/kiosk/?key=${key('kiosk')}`, 'Терминал выдачи талонов · Клиентская служба ЦСПН (демо)'],
      [`/display/?key=${key('display')}&lang=ru`, 'Табло в зале · Клиентская служба ЦСПН (демо)'],
      [`/display/?key=${key('display')}&counter=booth-2&lang=uk`, 'Вікно 2 · Клієнтська служба ЦСЗН (демо)'],
      ['/book/', 'Запись на приём · Клиентская служба ЦСПН (демо)'],
      // The office is closed, so no ticket can be issued: the page of an unknown one is titled too.
      ['/t/no-such-ticket', 'Ваш талон'],
    ];
    for (const [path, title] of pages) {
      const page = await env.browser.newPage({ viewport: PHONE, locale: 'ru-RU' });
      const failed = failedRequests(page);
      await page.goto(`${env.server.url}${path}`);
      await expect.poll(() => page.title()).toBe(title);
      expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
      expect(failed).toEqual([]);
      await page.close();
    }
    const icon = await fetch(`${env.server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect((await fetch(`${env.server.url}/favicon.ico`)).status).toBe(200);
  });

  it('tells a browser without JavaScript, in every language, what the page needs', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    for (const path of ['/book/', '/t/some-ticket', '/kiosk/', '/display/']) {
      await page.goto(`${env.server.url}${path}`);
      const text = await page.locator('body').innerText();
      expect(text).toContain('Для этой страницы нужен JavaScript');
      expect(text).toContain('Для цієї сторінки потрібен JavaScript');
      expect(text).toContain('This page needs JavaScript');
    }
    await context.close();
  });

  it('lets a phone zoom the booking and live ticket pages', async () => {
    for (const path of ['/book/', '/t/some-ticket']) {
      const html = await (await fetch(`${env.server.url}${path}`)).text();
      const viewport = /<meta name="viewport" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(viewport).toContain('width=device-width');
      expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
    }
  });
});
