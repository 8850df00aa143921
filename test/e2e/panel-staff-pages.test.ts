// The staff app as people meet it, on two weeks of generated history: each role lands on its own
// view, the tab title and the words follow the language, the consultant's keys work with a Russian
// layout, nothing is cut off at 1366 or 390 px, axe finds nothing serious, and the booth and the
// admin learn which hall screen is silent and why.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { docsScreenshotPath } from '../support/docs-screenshot';
import { dataDirWithHistory } from '../support/history-data';
import { clipping, wordsBrokenAcrossLines } from '../support/layout';
import { ADMIN_PASSWORD, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let talon: RunningTalon;
let browser: Browser;

beforeAll(async () => {
  const dataDir = dataDirWithHistory(14, 120);
  talon = await startTalon({ dataDir, webApps: 'dist' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

async function signedIn(login: string, viewport = WIDE, locale = 'en-GB'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  await page.goto(`${talon.url}/panel/`);
  // By field name, not label: the labels follow the browser's language.
  await page.locator('panel-login input[name="login"]').fill(login);
  await page.locator('panel-login input[name="password"]').fill(login === 'admin' ? ADMIN_PASSWORD : talon.demo.staffPassword);
  await page.locator('panel-login button[type="submit"]').click();
  await page.locator('panel-session').waitFor();
  return { context, page };
}

/** The element that has focus, looked up through shadow roots. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.tagName.toLowerCase()}[name=${active.getAttribute('name') ?? ''}]` : '';
  });
}

/** A key as a Russian layout sends it: the Cyrillic character, the Latin key's physical code. */
function pressOnRussianLayout(page: Page, key: string, code: string): Promise<void> {
  return page.evaluate(([key, code]) => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, composed: true, cancelable: true }));
  }, [key, code] as const);
}

describe('who lands where', () => {
  it('lands each role on its main view', async () => {
    for (const [login, view] of [
      ['manager', 'panel-analytics'],
      ['consultant', 'panel-consultant'],
      ['operator1', 'panel-booth-picker'],
      ['admin', 'panel-admin'],
    ] as const) {
      const { context, page } = await signedIn(login);
      await page.locator(view).waitFor();
      expect(await page.locator('panel-session main > *:not(tl-connection-notice, h1)').evaluateAll((es) => es.map((e) => e.tagName.toLowerCase()))).toEqual([view]);
      await context.close();
    }
  });
});

describe('words', () => {
  it('titles the tab and names the counter in the screen language', async () => {
    const { context, page } = await signedIn('operator1', WIDE, 'ru-RU');
    await page.getByRole('heading', { name: 'Выберите своё окно' }).waitFor();
    expect(await page.title()).toBe('Talon · сотрудники');
    await context.close();
  });
});

describe('keys', () => {
  it('runs the consultant’s F, C and R by physical key with a Russian layout switched on', async () => {
    const { context, page } = await signedIn('consultant');
    await page.locator('panel-consultant-find input[name="query"]').waitFor();
    await pressOnRussianLayout(page, 'а', 'KeyF');
    await expect.poll(() => focused(page)).toBe('input[name=query]');
    await page.locator('panel-consultant h1, panel-consultant h2').first().click();
    await pressOnRussianLayout(page, 'с', 'KeyC');
    await expect.poll(() => focused(page)).toBe('input[name=code]');
    await page.locator('panel-consultant h1, panel-consultant h2').first().click();
    const [refreshed] = await Promise.all([
      page.waitForRequest((r) => r.url().includes(officeApi('/public/booking'))),
      pressOnRussianLayout(page, 'к', 'KeyR'),
    ]);
    expect(refreshed).toBeTruthy();
    await context.close();
  });
});

describe.each([
  ['1366 px', WIDE],
  ['390 px', PHONE],
])('layout at %s', (width, viewport) => {
  it('shows the heat maps’ legends whole, in Russian, the longest words', async () => {
    const { context, page } = await signedIn('manager', viewport, 'ru-RU');
    const legendTexts = (testId: string) => page.locator(`tl-heat-map[data-testid="${testId}"] svg > g:last-of-type text`);
    await legendTexts('peak-heatmap').first().waitFor();
    for (const text of await legendTexts('peak-heatmap').all()) expect(await clipping(text)).toEqual([]);
    await page.screenshot({ path: docsScreenshotPath(`docs/screenshots/staff-analytics-peak-${viewport.width}.png`), fullPage: true });
    await page.locator('panel-analytics button[data-analytics-view="staffing"]').click();
    await legendTexts('staffing-grid').first().waitFor();
    for (const text of await legendTexts('staffing-grid').all()) expect(await clipping(text)).toEqual([]);
    // A narrow grid (a two-hour filter) under a long caption: the caption breaks into lines inside it.
    await page.evaluate(() => {
      const map = document.createElement('tl-heat-map');
      map.dataset['testid'] = 'narrow';
      map.style.width = '200px';
      map.rows = [{ key: '1', label: 'пн' }];
      map.columns = [{ key: '9', label: '9' }, { key: '10', label: '10' }];
      map.cells = [{ row: '1', column: '9', value: 3 }, { row: '1', column: '10', value: 5 }];
      map.legendLabel = 'посетителей в час, в среднем за день, когда отделение работало';
      document.body.prepend(map);
    });
    await legendTexts('narrow').first().waitFor();
    for (const text of await legendTexts('narrow').all()) expect(await clipping(text)).toEqual([]);
    await context.close();
  });

  it('shows the staffing table’s last column, or lets it be scrolled to by keyboard', async () => {
    const { context, page } = await signedIn('manager', viewport);
    await page.locator('panel-analytics button[data-analytics-view="staffing"]').click();
    const lastHeader = page.locator('[data-testid="staffing-table"] th:last-child');
    await lastHeader.waitFor();
    if (viewport.width >= WIDE.width) {
      expect(await clipping(lastHeader)).toEqual([]);
    } else {
      // A phone cannot show six columns of figures: the table scrolls in a box a keyboard can scroll.
      const box = page.locator('panel-analytics-staffing .table-wrap:has([data-testid="staffing-table"])');
      expect(await box.getAttribute('tabindex')).toBe('0');
      await box.focus();
      await expect
        .poll(async () => {
          await page.keyboard.press('ArrowRight');
          return clipping(lastHeader);
        })
        .toEqual([]);
    }
    await page.screenshot({ path: docsScreenshotPath(`docs/screenshots/staff-analytics-staffing-${viewport.width}.png`), fullPage: true });
    await context.close();
  });

  it('shows "Active" in the admin’s service form', async () => {
    const { context, page } = await signedIn('admin', viewport);
    await page.locator('panel-admin button[data-section="services"]').click();
    await page.locator('tr[data-service="documents"] button[data-role="edit"]').click();
    const active = page.locator('panel-admin-service-form input[name="active"]');
    await active.waitFor();
    await active.scrollIntoViewIfNeeded();
    expect(await clipping(active)).toEqual([]);
    // …and the whole form, with its label and buttons, fits the screen's width, as do the view tabs.
    expect(await clipping(page.locator('panel-admin-service-form form'))).toEqual([]);
    for (const tab of await page.locator('panel-view-nav button').all()) expect(await clipping(tab)).toEqual([]);
    await page.screenshot({ path: docsScreenshotPath(`docs/screenshots/staff-admin-service-${viewport.width}.png`), fullPage: true });
    await context.close();
  });

  it('never breaks a word of the rating scores', async () => {
    const context = await browser.newContext({ viewport, locale: 'ru-RU' });
    const page = await context.newPage();
    // The rating element on its own, in Russian: its words are the longest of the three languages.
    // Served and not yet rated, as the server would answer for a finished visit.
    await page.route('**/api/offices/main/public/tickets/served/rating', (route) => route.fulfill({ json: { ok: true, data: { state: 'open' } } }));
    await page.goto(`${talon.url}/t/no-such-ticket-id`);
    await page.evaluate(async () => {
      await customElements.whenDefined('kiosk-rating');
      const rating = document.createElement('kiosk-rating') as HTMLElement & { language: string; officeId: string; ticketId: string };
      rating.language = 'ru';
      rating.officeId = 'main';
      rating.ticketId = 'served';
      // As wide as on the live ticket page: its own padding (16 px) and the ticket card's (24 px + border).
      const card = document.createElement('div');
      card.style.padding = '0 41px';
      card.append(rating);
      document.body.style.margin = '0';
      document.body.append(card);
    });
    const scores = page.locator('kiosk-rating button.score');
    await scores.first().waitFor();
    for (const score of await scores.all()) expect(await wordsBrokenAcrossLines(score)).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  it('finds nothing critical, serious or moderate on the sign-in page', async () => {
    const context = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${talon.url}/panel/`);
    await page.getByLabel('Login').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('finds nothing critical, serious or moderate at the booth', async () => {
    const { context, page } = await signedIn('operator2');
    await page.locator('panel-booth-picker button[data-counter="booth-2"]').click();
    await page.locator('panel-action-bar button.primary-action').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('finds nothing critical, serious or moderate in the appointment book', async () => {
    const { context, page } = await signedIn('consultant');
    await page.locator('panel-consultant-find input[name="query"]').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('finds nothing critical, serious or moderate in the analytics', async () => {
    const { context, page } = await signedIn('manager');
    await page.locator('tl-heat-map[data-testid="peak-heatmap"] g.cell').first().waitFor();
    await expectAccessible(page);
    await page.locator('panel-analytics button[data-analytics-view="staffing"]').click();
    await page.locator('[data-testid="staffing-table"] tbody tr').first().waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('finds nothing critical, serious or moderate in the office settings', async () => {
    const { context, page } = await signedIn('admin');
    await page.locator('panel-admin').waitFor();
    await expectAccessible(page);
    await page.locator('panel-admin button[data-section="services"]').click();
    await page.locator('tr[data-service="documents"]').waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

describe('sound of the hall', () => {
  // Three browsers and two signed-in staff on a shared machine: more time than the default.
  it('tells the booth and the admin which screen of one display key is silent, and why', { timeout: 180_000 }, async () => {
    // A browser that blocks sound until a tap runs the hall screen; a booth sign shares its key.
    const strict = await launchBrowser();
    const hall = await strict.newPage();
    await hall.goto(`${talon.url}/display/?key=${talon.deviceKey('display')}&lang=ru`);
    await hall.locator('display-sound-gate [role=alert]').waitFor();
    const sign = await browser.newPage();
    await sign.goto(`${talon.url}/display/?key=${talon.deviceKey('display')}&counter=booth-1&lang=ru`);
    await sign.locator('display-booth-sign').waitFor();

    const booth = await signedIn('operator3');
    await booth.page.locator('panel-booth-picker button[data-counter="booth-3"]').click();
    const notice = booth.page.locator('panel-hall-sound [data-testid="hall-silent"]');
    await expect.poll(() => notice.getAttribute('data-audio')).toBe('blocked');
    expect(await notice.textContent()).toContain('waiting for a tap');

    const admin = await signedIn('admin');
    await admin.page.locator('panel-admin button[data-section="devices"]').click();
    const screens = admin.page.locator('panel-admin-devices [data-role="screen"]');
    await expect.poll(async () => (await screens.evaluateAll((es) => es.map((e) => e.getAttribute('data-audio')))).sort()).toEqual(['blocked', 'off']);
    await expect.poll(() => screens.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Hall screen: Waiting for a tap'), expect.stringContaining('Sign above booth 1: Sound off in its settings')]),
    );
    await admin.page.screenshot({ path: docsScreenshotPath('docs/screenshots/staff-admin-devices-sound.png'), fullPage: true });

    // Once someone taps the hall screen, the booth's notice goes away.
    await hall.locator('display-app').click();
    await expect.poll(() => notice.count()).toBe(0);
    await Promise.all([booth.context.close(), admin.context.close(), sign.close(), strict.close()]);
  });
});
