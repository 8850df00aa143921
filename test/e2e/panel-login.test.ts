// Signing in to the staff panel: a browser without a session sees the sign-in form and nothing of
// the queue, a wrong password is refused in words, and signing out returns to the form.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startTalon, type RunningTalon } from '../support/talon-server';
import { issueAtKiosk, openPanel, signIn } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

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

describe('staff panel sign-in', () => {
  it('shows a signed-out browser only the sign-in form, and opens no live connection', async () => {
    const ticket = await issueAtKiosk(talon, 'documents');
    const { context, page } = await openPanel(browser, talon);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('request', (request) => {
      if (request.url().includes('/socket.io/')) sockets.push(request.url());
    });
    // Load again with the listeners in place, so the page's very first requests are seen too.
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.locator('panel-booth, panel-booth-picker, panel-session').count()).toBe(0);
    expect(await page.getByText(ticket.code).count()).toBe(0);
    expect(sockets).toEqual([]);
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/panel-sign-in.png') });
    await context.close();
  });

  it('refuses a wrong password in words and lets the right one in', async () => {
    const { context, page } = await openPanel(browser, talon);
    await signIn(page, 'operator1', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Wrong login or password.' }).waitFor();
    await page.getByLabel('Password').fill(talon.demo.staffPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose your booth' }).waitFor();
    await context.close();
  });

  it('returns to the sign-in form after signing out, and stays there after a reload', async () => {
    const { context, page } = await openPanel(browser, talon);
    await signIn(page, 'operator2', talon.demo.staffPassword);
    await page.getByRole('heading', { name: 'Choose your booth' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.locator('panel-session').count()).toBe(0);
    await context.close();
  });
});
