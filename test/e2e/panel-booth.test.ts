// The booth panel in a real browser against a real Talon: a specialist signs in, opens booth 1 and
// works the queue — tickets issued at the kiosk appear at once, and calling, finishing, no-shows,
// transfers and refusals all show on screen as the server has them.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { action, cancelOpenTickets, currentCode, issueAtKiosk, notice, queueCodes, startWorkAt, type OpenPanel } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

let talon: RunningTalon;
let browser: Browser;
let panel: OpenPanel;

beforeAll(async () => {
  talon = await startTalon({ webApps: 'dist' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

beforeEach(async () => {
  await cancelOpenTickets(talon);
  panel = await startWorkAt(browser, talon, 'operator1', 'booth-1');
});

afterEach(async () => {
  await panel.context.close();
});

describe('booth panel', () => {
  it('shows a ticket issued at the kiosk at once, calls it next with the reason, and finishes it', async () => {
    const { page } = panel;
    const ticket = await issueAtKiosk(talon, 'documents');
    await expect.poll(() => queueCodes(page, 'documents')).toEqual([ticket.code]);
    await action(page, 'callNext').click();
    await expect.poll(() => currentCode(page).textContent()).toBe(ticket.code);
    expect(await page.locator('[data-testid="call-reason"]').textContent()).toContain('First in line for “Handing in documents”');
    expect(await queueCodes(page, 'documents')).toEqual([]);
    await action(page, 'start').click();
    await action(page, 'done').click();
    await page.getByText('Nobody at the booth.').waitFor();
    await expect.poll(() => page.locator('panel-journal tr', { hasText: ticket.code }).allTextContents()).toContainEqual(expect.stringContaining('Served'));
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/panel-after-done.png') });
  });

  it('marks a visitor who did not come as a no-show and frees the booth', async () => {
    const { page } = panel;
    const ticket = await issueAtKiosk(talon, 'certificates');
    await action(page, 'callNext').click();
    await expect.poll(() => currentCode(page).textContent()).toBe(ticket.code);
    await action(page, 'noShow').click();
    await page.getByText('Nobody at the booth.').waitFor();
    const live = await call<{ ticket: { status: string; outcome: string } }>(talon, officeApi(`/tickets/${ticket.id}`));
    expect(live.body.ok && live.body.data.ticket).toMatchObject({ status: 'finished', outcome: 'no-show' });
  });

  it('transfers a visitor to another service, where they keep their original place by time', async () => {
    const { page } = panel;
    const transferred = await issueAtKiosk(talon, 'documents');
    const later = await issueAtKiosk(talon, 'certificates');
    await action(page, 'callNext').click();
    await expect.poll(() => currentCode(page).textContent()).toBe(transferred.code);
    await action(page, 'transfer').click();
    const dialog = page.locator('panel-transfer-dialog');
    await dialog.locator('select[name="target"]').selectOption('service:certificates');
    await dialog.locator('textarea[name="comment"]').fill('Needs a certificate of income first');
    await dialog.locator('panel-dialog button[data-role="submit"]').click();
    await page.getByText('Nobody at the booth.').waitFor();
    // Issued before the other certificates ticket, so it stands before it in that queue.
    await expect.poll(() => queueCodes(page, 'certificates')).toEqual([transferred.code, later.code]);
    // The booth's journal catches up by itself, naming where the visitor went.
    await expect
      .poll(() => page.locator('panel-journal tr', { hasText: transferred.code }).allTextContents())
      .toContainEqual(expect.stringContaining('Handing in documents → Certificates · Needs a certificate of income first'));
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/panel-after-transfer.png') });
    // Whoever calls it next sees why it came to them and what the colleague wrote.
    await page.locator(`[data-queue="certificates"] li[data-ticket="${transferred.code}"] button.call`).click();
    await expect.poll(() => currentCode(page).textContent()).toBe(transferred.code);
    expect(await page.locator('[data-testid="comment"]').textContent()).toContain('Needs a certificate of income first');
    expect(await page.locator('[data-testid="call-reason"]').textContent()).toContain('Chosen by the specialist');
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/panel-serving-transferred.png') });
    await action(page, 'done').click();
  });

  it('explains in words why the server refused an action', async () => {
    const { page } = panel;
    await action(page, 'callNext').click();
    await expect.poll(() => notice(page).textContent()).toBe('Nobody is waiting.');
  });

  it('postpones a visitor into the shared pool, which shows when they may be called', async () => {
    const { page } = panel;
    const ticket = await issueAtKiosk(talon, 'documents');
    await action(page, 'callNext').click();
    await expect.poll(() => currentCode(page).textContent()).toBe(ticket.code);
    await action(page, 'return').click();
    const dialog = page.locator('panel-return-dialog');
    await dialog.locator('input[value="postpone"]').check();
    await dialog.locator('input[name="minutes"]').fill('0');
    await dialog.locator('panel-dialog button[data-role="submit"]').click();
    await expect.poll(() => queueCodes(page, 'postponed')).toEqual([ticket.code]);
    await page.locator(`[data-queue="postponed"] li[data-ticket="${ticket.code}"] button.call`).click();
    await expect.poll(() => currentCode(page).textContent()).toBe(ticket.code);
    expect(await page.locator('[data-testid="call-reason"]').textContent()).toContain('the postponement is over');
    await action(page, 'done').click();
  });

  it('issues a ticket for a visitor at the booth with an out-of-turn category and serves them at once', async () => {
    const { page } = panel;
    await action(page, 'issue').click();
    const dialog = page.locator('panel-issue-dialog');
    await dialog.locator('select[name="service"]').selectOption('certificates');
    await dialog.locator('select[name="category"]').selectOption('veteran');
    await dialog.locator('input[name="reason"]').fill('Veteran ID 12345');
    await dialog.locator('panel-dialog button[data-role="submit"]').click();
    await expect.poll(() => notice(page).textContent()).toMatch(/^Ticket С\d+ issued\.$/);
    expect(await currentCode(page).textContent()).toMatch(/^С\d+$/);
    expect(await page.locator('panel-current-visitor .badge').allTextContents()).toContain('Out of turn: Veteran');
    await action(page, 'done').click();
  });
  it('tells the specialist, live, which of the booth’s services have visitors predicted to miss the target', async () => {
    const { page } = panel;
    const token = await talon.login('operator1');
    const booth = (command: string) => call(talon, officeApi(`/counters/booth-1/${command}`), { body: {}, token });
    const ticket = await issueAtKiosk(talon, 'documents');
    await expect.poll(() => queueCodes(page, 'documents')).toEqual([ticket.code]);
    // With booth 1 closed no open booth serves documents: the waiting visitor cannot be called in time.
    expect((await booth('close')).body.ok).toBe(true);
    const warning = page.locator('panel-breach-notice [data-testid="breach-notice"]');
    await expect.poll(() => warning.locator('li[data-service="documents"]').textContent()).toContain(ticket.code);
    expect(await warning.getAttribute('role')).toBe('status');
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/booth-breach-notice.png'), fullPage: true });
    // Opened and called: nobody is at risk, and the notice goes.
    expect((await booth('open')).body.ok).toBe(true);
    expect((await booth('call-next')).body.ok).toBe(true);
    await expect.poll(() => warning.count()).toBe(0);
    expect((await booth('no-show')).body.ok).toBe(true);
    });

  it('pauses the booth for the minutes given, and a visitor issued a ticket meanwhile is promised the wait until then', async () => {
    const { page } = panel;
    await action(page, 'pause').click();
    const dialog = page.locator('panel-pause-dialog');
    await dialog.locator('select[name="reason"]').selectOption('other');
    await dialog.locator('input[name="minutes"]').fill('20');
    await dialog.locator('panel-dialog button[data-role="submit"]').click();
    await action(page, 'resume').waitFor();
    // Booth 1 is the only booth at work for documents: nobody is ahead, so the wait is the pause.
    const ticket = await issueAtKiosk(talon, 'documents');
    expect(ticket.estimate?.waitMinutes).toBe(20);
    await action(page, 'resume').click();
    await action(page, 'pause').waitFor();
  });
});
