// The kiosk for a visitor who does not see well, in real Chromium against a real Talon: the
// large-text, high-contrast mode on every screen, kept for one visitor only, and reading the screen
// aloud — by the server's speech (the real espeak-ng) or the browser's own voice.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../support/browser-and-server';
import { IDLE_RESET_MS } from '../../kiosk/src/idle-reset';
import { docsScreenshotPath } from '../support/docs-screenshot';
import { officeApi } from '../support/talon-server';
import { openKiosk, PORTRAIT, serviceButton, shownTicketCode } from './kiosk-fixtures';

const SCREENSHOTS = 'docs/screenshots';
const largeText = (page: Page) => page.locator('kiosk-access-bar button[data-large-text]');
const readAloud = (page: Page) => page.locator('kiosk-access-bar button[data-read-aloud]');
const titleSize = (page: Page) => page.locator('kiosk-app h1.title').evaluate((h1) => parseFloat(getComputedStyle(h1).fontSize));
const background = (page: Page) => page.locator('kiosk-app').evaluate((app) => getComputedStyle(app).backgroundColor);

/** A browser without voices of its own, so the kiosk must use the server's speech. */
async function withoutBrowserVoices(page: Page): Promise<void> {
  await page.addInitScript(() => Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [] }));
}

describe('kiosk aids for a visitor who does not see well', () => {
  const env = useBrowserAndServer();

  it('switches every screen to large, high-contrast text and back, and forgets it once the ticket is taken', async () => {
    const page = await openKiosk(env.browser, env.server, { viewport: PORTRAIT });
    await serviceButton(page, 'documents').waitFor();
    const normalSize = await titleSize(page);
    const normalBackground = await background(page);

    await largeText(page).click();
    await page.locator('kiosk-app[large-text]').waitFor();
    expect(await largeText(page).getAttribute('aria-pressed')).toBe('true');
    expect(await titleSize(page)).toBeGreaterThan(normalSize * 1.3);
    expect(await background(page)).toBe('rgb(0, 0, 0)');
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/kiosk-large-text.png`) });

    // The toggle stays on the keypad and the ticket screens, still pressed.
    await page.locator('kiosk-app button[data-appointment]').click();
    await page.locator('kiosk-booking-keypad').waitFor();
    expect(await largeText(page).getAttribute('aria-pressed')).toBe('true');
    await page.locator('kiosk-booking-keypad .actions button', { hasText: 'Назад' }).click();
    await serviceButton(page, 'documents').click();
    await shownTicketCode(page);
    expect(await largeText(page).isVisible()).toBe(true);
    expect(await largeText(page).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/kiosk-large-text-ticket.png`) });

    // The visitor takes the ticket: the next one finds the kiosk as usual.
    await page.locator('kiosk-issued-ticket button[data-done]:not([disabled])').click();
    await page.locator('kiosk-app:not([large-text])').waitFor();
    expect(await largeText(page).getAttribute('aria-pressed')).toBe('false');
    expect(await background(page)).toBe(normalBackground);
    await page.close();
  });

  it('forgets the large text when the kiosk has been left alone', async () => {
    const page = await env.browser.newPage({ viewport: PORTRAIT });
    // The page's own clock, so the idle time passes at once; the server keeps real time.
    await page.clock.install();
    await page.goto(`${env.server.url}/kiosk/?key=${env.server.deviceKey('kiosk')}`);
    await serviceButton(page, 'documents').waitFor();
    await largeText(page).click();
    await page.locator('kiosk-app[large-text]').waitFor();
    await page.clock.runFor(IDLE_RESET_MS + 1000);
    await page.locator('kiosk-app:not([large-text])').waitFor();
    expect(await largeText(page).getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('reads the start screen aloud with the server’s speech in the visitor’s language', async () => {
    const page = await env.browser.newPage({ viewport: PORTRAIT });
    await withoutBrowserVoices(page);
    await page.goto(`${env.server.url}/kiosk/?key=${env.server.deviceKey('kiosk')}`);
    await serviceButton(page, 'documents').waitFor();
    await page.locator('tl-language-switch button[lang="uk"]').click();

    const answer = page.waitForResponse((r) => r.url().endsWith(officeApi('/kiosk/read-aloud')));
    await readAloud(page).click();
    const response = await answer;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('audio/wav');
    expect(response.request().postDataJSON()).toMatchObject({
      lang: 'uk',
      parts: [{ key: 'kiosk.chooseService' }, { service: 'certificates' }, { service: 'documents' }, { service: 'consultation' }, { key: 'kiosk.appointment' }],
    });
    await page.locator('kiosk-access-bar button[data-read-aloud][data-reading="playing"]').waitFor();
    await page.close();
  });

  it('reads the ticket with the browser’s own voice when it has one for the language', async () => {
    const page = await env.browser.newPage({ viewport: PORTRAIT });
    await page.addInitScript(() => {
      const spoken: string[] = [];
      Object.assign(window, { spoken });
      const voice = { lang: 'ru-RU', name: 'Test voice', default: true, localService: true, voiceURI: 'test' };
      Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [voice] });
      Object.defineProperty(speechSynthesis, 'speak', {
        value: (utterance: SpeechSynthesisUtterance) => {
          spoken.push(utterance.text);
          setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent));
        },
      });
    });
    await page.goto(`${env.server.url}/kiosk/?key=${env.server.deviceKey('kiosk')}`);
    await serviceButton(page, 'documents').click();
    const code = await shownTicketCode(page);
    await readAloud(page).click();
    const spoken = await page.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken[0]);
    const text = String(await spoken.jsonValue());
    expect(text).toMatch(/^Номер вашего талона\. дэ /);
    expect(text).toContain('Приём документов');
    expect(code).toMatch(/^Д\d+$/);
    await page.close();
  });
});
