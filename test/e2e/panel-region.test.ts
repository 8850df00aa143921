// The regional view in the staff panel, on four weeks of generated history in office main and a
// second office started as its copy: a regional admin sees both offices side by side with the
// API's figures, sorts by a column, opens one office's own analytics from its name, narrows the
// heat map to one office, downloads the table as CSV and opens an office's own staffing advisor from
// the booths per office; office staff have no Region tab.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionReport } from '../../common/protocol/region';
import { launchBrowser } from '../support/browser';
import { docsScreenshotPath } from '../support/docs-screenshot';
import { dataDirWithHistory } from '../support/history-data';
import { ADMIN_PASSWORD, call, startTalon, type RunningTalon } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';

let talon: RunningTalon;
let browser: Browser;

beforeAll(async () => {
  talon = await startTalon({ dataDir: dataDirWithHistory(28, 200), webApps: 'dist' });
  const admin = await talon.login('admin');
  const created = await call(talon, '/api/offices', { body: { id: 'north', copyFrom: 'main' }, token: admin });
  if (!created.body.ok) throw new Error(created.body.error.message);
  await call(talon, '/api/offices/north', { method: 'PATCH', body: { name: { ru: 'Север', uk: 'Північ', en: 'North office' } }, token: admin });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

async function openRegion(page: Page): Promise<void> {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.locator('panel-view-nav button[data-view="region"]').click();
  await page.locator('panel-region-offices table[data-testid="region-offices"] tbody tr').first().waitFor();
}

const officeOrder = (page: Page) => page.locator('panel-region-offices tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-office')));

describe('the regional view', () => {
  it('sets the offices side by side with the figures the API reports, sorted by any column', async () => {
    const { context, page } = await openPanel(browser, talon);
    await openRegion(page);
    const from = await page.locator('panel-analytics-filters input[name="from"]').inputValue();
    const to = await page.locator('panel-analytics-filters input[name="to"]').inputValue();
    const answer = (await page.evaluate(async (query) => (await fetch(`/api/region/report?${query}`)).json(), `from=${from}&to=${to}&compareWith=week`)) as { data: RegionReport };
    const main = answer.data.offices.find((o) => o.officeId === 'main')!;
    expect(main.current.visitors).toBeGreaterThan(0);
    const visitors = page.locator('panel-region-offices tr[data-office="main"] td[data-measure="visitors"]');
    expect((await visitors.textContent())?.trim()).toBe(new Intl.NumberFormat('en').format(main.current.visitors!));
    expect(await page.locator('panel-region-offices tr[data-office="north"] td[data-measure="visitors"]').textContent()).toContain('0');
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/region-offices.png'), fullPage: true });

    // The first press on a figure sorts biggest first, the second turns the order round.
    const sortByVisitors = page.locator('panel-region-offices th button[data-sort="visitors"]');
    await sortByVisitors.click();
    expect(await officeOrder(page)).toEqual(['main', 'north']);
    expect(await page.locator('panel-region-offices th[aria-sort="descending"] button').getAttribute('data-sort')).toBe('visitors');
    await sortByVisitors.click();
    expect(await officeOrder(page)).toEqual(['north', 'main']);

    // The CSV comes in the order on the screen, the whole region last.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('panel-region-offices a[data-csv="region-report"]').click()]);
    expect(csv.suggestedFilename()).toBe(`talon-region-report-${from}-${to}.csv`);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['north', 'main', '']);
    await context.close();
  });

  it('opens an office’s own analytics from its name, switching to that office', async () => {
    const { context, page } = await openPanel(browser, talon);
    await openRegion(page);
    await page.locator('panel-region-offices tr[data-office="north"] button.office').click();
    await page.locator('panel-analytics').waitFor();
    expect(await page.locator('panel-view-nav button[data-view="analytics"]').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('select[data-testid="office-switcher"]').inputValue()).toBe('north');
    await context.close();
  });

  it('draws the heat map for the whole region or the offices chosen', async () => {
    const { context, page } = await openPanel(browser, talon);
    await openRegion(page);
    await page.locator('panel-region button[data-region-view="heatmap"]').click();
    const cells = page.locator('tl-heat-map[data-testid="region-heatmap"] g.cell');
    await cells.first().waitFor();
    expect(await cells.evaluateAll((gs) => gs.some((g) => Number(g.getAttribute('data-value')) > 0))).toBe(true);
    // North has no visitors yet: with only north chosen the map is empty.
    const asked = page.waitForRequest((request) => request.url().includes('/api/region/heatmap') && request.url().includes('offices=north'));
    await page.locator('panel-region-heat-map input[data-office="main"]').uncheck();
    await asked;
    await page.locator('panel-region-heat-map p.state').waitFor();
    await context.close();
  });

  it('lists the booths each office needs, and opens an office’s own staffing advisor', async () => {
    const { context, page } = await openPanel(browser, talon);
    await openRegion(page);
    await page.locator('panel-region button[data-region-view="staffing"]').click();
    const table = page.locator('panel-region-staffing table[data-testid="region-staffing"]');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    await table.locator('tbody tr').filter({ hasText: 'Social' }).locator('button').click();
    await page.locator('panel-analytics button[data-analytics-view="staffing"][aria-current="page"]').waitFor();
    await context.close();
  });

  it('is not offered to office staff', async () => {
    const { context, page } = await openPanel(browser, talon);
    await signIn(page, 'manager', talon.demo.staffPassword);
    await page.locator('panel-view-nav button[data-view="analytics"]').waitFor();
    expect(await page.locator('panel-view-nav button[data-view="region"]').count()).toBe(0);
    await context.close();
  });
});
