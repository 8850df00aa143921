// The booth panel with the keyboard alone: sign in, choose the booth, open it, call, start, recall,
// transfer through a dialog (Enter confirms, Escape cancels) and finish — no mouse at any step.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startTalon, type RunningTalon } from '../support/talon-server';
import { action, currentCode, issueAtKiosk, openPanel, queueCodes } from './panel-fixtures';

let talon: RunningTalon;
let browser: Browser;

beforeAll(async () => {
  talon = await startTalon({ webApps: 'dist' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

/** Presses Tab until the focused element (looked up through shadow roots) matches. */
async function tabTo(page: import('playwright-core').Page, matches: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((selector) => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.matches(selector) ?? false;
    }, matches);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

describe('booth panel by keyboard', () => {
  it('runs the whole flow of a visit without a mouse', async () => {
    const first = await issueAtKiosk(talon, 'documents');
    const { context, page } = await openPanel(browser, talon);
    await page.getByLabel('Login').waitFor();
    // The login field has focus on arrival.
    await page.keyboard.type('operator4');
    await page.keyboard.press('Tab');
    await page.keyboard.type(talon.demo.staffPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Choose your booth' }).waitFor();
    await tabTo(page, 'button[data-counter="booth-4"]');
    await page.keyboard.press('Enter');

    // The booth screen listens for keys once it is there: wait for it, or the key falls on nothing.
    await action(page, 'open').waitFor();
    await page.keyboard.press('o');
    await action(page, 'callNext').waitFor();
    await page.keyboard.press('n');
    await expect.poll(() => currentCode(page).textContent()).toBe(first.code);
    await page.keyboard.press('r');
    await page.getByText('Recalled once').waitFor();
    await page.keyboard.press('s');
    await page.getByText('Serving', { exact: true }).waitFor();

    // A dialog: Escape leaves everything as it was.
    await page.keyboard.press('t');
    await page.locator('panel-transfer-dialog dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('panel-transfer-dialog dialog[open]').waitFor({ state: 'detached' });
    expect(await currentCode(page).textContent()).toBe(first.code);

    // …and Enter confirms it: the preselected target is the first other service.
    await page.keyboard.press('t');
    await page.locator('panel-transfer-dialog dialog[open]').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Nobody at the booth.').waitFor();
    await expect.poll(() => queueCodes(page, 'certificates')).toEqual([first.code]);

    // Call it back by choice through the "call a ticket" dialog, typing the code on a Latin layout.
    await page.keyboard.press('c');
    await page.locator('panel-call-ticket-dialog dialog[open]').waitFor();
    await page.keyboard.type(first.code.replace('Д', 'D'));
    await page.keyboard.press('Enter');
    // "D" has no Cyrillic twin, so the Latin-typed code matches nothing and says so.
    await page.getByText('No callable ticket with this code.').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await page.keyboard.type(first.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => currentCode(page).textContent()).toBe(first.code);
    await page.keyboard.press('d');
    await page.getByText('Nobody at the booth.').waitFor();

    // The journal search is one key away, and filters by code.
    await page.keyboard.press('j');
    await page.keyboard.type(first.code);
    await expect.poll(() => page.locator('panel-journal tbody tr').count()).toBeGreaterThan(0);
    const codes = await page.locator('panel-journal tbody td.code').allTextContents();
    expect(codes.every((code) => code === first.code)).toBe(true);
    await context.close();
  });
});
