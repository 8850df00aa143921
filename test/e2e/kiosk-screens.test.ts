import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../common/protocol';
import { launchBrowser } from '../support/browser';
import { startTalon, type RunningTalon } from '../support/talon-server';
import { configureFullMenu, LANDSCAPE, openKiosk, PORTRAIT, serviceButton, shownTicketCode } from './kiosk-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const MIN_TOUCH_PX = 76;

interface Finding {
  text: string;
  ratio?: number;
  width?: number;
  height?: number;
}

/**
 * Measures the page as rendered, through every shadow root: WCAG contrast of each visible text
 * against the first opaque background behind it (AA: 4.5:1, 3:1 for large text), and the size of
 * every visible button.
 */
function audit(page: Page): Promise<{ lowContrast: Finding[]; smallTargets: Finding[]; texts: number; buttons: number }> {
  return page.evaluate((minTouch) => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const rgba = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number) as [number, number, number, number?];
    const luminance = ([r, g, b]: readonly (number | undefined)[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    const background = (el: Element | null): number[] => {
      for (let at = el; at; at = parentOf(at)) {
        const [r, g, b, a] = rgba(getComputedStyle(at).backgroundColor);
        if (a === undefined || a > 0.9) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const lowContrast: Finding[] = [];
    const smallTargets: Finding[] = [];
    let texts = 0;
    let buttons = 0;
    for (const el of all) {
      if (!visible(el)) continue;
      const ownText = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
      if (ownText) {
        texts += 1;
        const style = getComputedStyle(el);
        const [l1, l2] = [luminance(rgba(style.color)), luminance(background(el))].sort((a, b) => b - a) as [number, number];
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) lowContrast.push({ text: ownText.slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
      }
      if (el.tagName === 'BUTTON') {
        buttons += 1;
        const { width, height } = el.getBoundingClientRect();
        if (width < minTouch || height < minTouch) smallTargets.push({ text: (el.textContent ?? '').trim().slice(0, 40), width, height });
      }
    }
    return { lowContrast, smallTargets, texts, buttons };
  }, MIN_TOUCH_PX);
}

async function expectReadableAndTouchable(page: Page): Promise<void> {
  const result = await audit(page);
  expect(result.texts).toBeGreaterThan(0);
  expect(result.buttons).toBeGreaterThan(0);
  expect(result.lowContrast).toEqual([]);
  expect(result.smallTargets).toEqual([]);
}

async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.locator(`tl-language-switch button[lang="${lang}"]`).click();
  await page.locator(`tl-language-switch button[lang="${lang}"][aria-pressed="true"]`).waitFor();
}

describe('kiosk screens', () => {
  let server: RunningTalon;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTalon({ webApps: 'dist' }), launchBrowser()]);
    await configureFullMenu(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [orientation, viewport] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ] as const) {
    it(`fits twelve services on one ${orientation} screen with readable text and large buttons in every language`, async () => {
      const page = await openKiosk(browser, server, { viewport });
      await page.locator('kiosk-service-grid button[data-group]').waitFor();
      // The used-up daily limit arrives with the availability request.
      await page.locator('kiosk-service-grid button[data-service="social-card"]:disabled').waitFor();
      for (const lang of ['ru', 'uk', 'en'] as const) {
        await chooseLanguage(page, lang);
        expect(await page.locator('kiosk-service-grid button').count()).toBe(12);
        const overflow = await page.evaluate(() => {
          const grid = document.querySelector('kiosk-app')!.shadowRoot!.querySelector('kiosk-service-grid')!.shadowRoot!.querySelector('.grid')!;
          const lowest = Math.max(...[...grid.querySelectorAll('button')].map((b) => b.getBoundingClientRect().bottom));
          return { grid: grid.scrollHeight - grid.clientHeight, page: document.documentElement.scrollHeight - innerHeight, lowest: lowest - innerHeight };
        });
        expect(overflow.grid).toBeLessThanOrEqual(0);
        expect(overflow.page).toBeLessThanOrEqual(0);
        expect(overflow.lowest).toBeLessThanOrEqual(0);
        await expect(serviceButton(page, 'home-care').isDisabled()).resolves.toBe(true);
        await expectReadableAndTouchable(page);
        await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, `kiosk-${orientation}-${lang}.png`)) });
      }

      await page.locator('kiosk-service-grid button[data-group]').click();
      await serviceButton(page, 'subsidy-housing').waitFor();
      await expectReadableAndTouchable(page);
      await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, `kiosk-${orientation}-group.png`)) });

      await serviceButton(page, 'subsidy-housing').click();
      await shownTicketCode(page);
      await page.locator('kiosk-issued-ticket [data-done]:enabled').waitFor();
      await expectReadableAndTouchable(page);
      await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, `kiosk-${orientation}-ticket.png`)) });
      await page.locator('kiosk-issued-ticket [data-done]').click();

      await page.locator('[data-appointment]').click();
      await page.locator('kiosk-booking-keypad [data-key="7"]').click();
      await expectReadableAndTouchable(page);
      await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, `kiosk-${orientation}-keypad.png`)) });
      await page.close();
    });
  }
});
