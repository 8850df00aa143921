// The manager's analytics in the staff panel, on four weeks of generated history: the peak-hours
// heat map shows the API's numbers, reports download as CSV and charts as PNG, the staffing advisor
// re-asks with the manager's goal, the live monitor lists the booths, and an operator sees none of it.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';
import { dataDirWithHistory } from '../support/history-data';

let talon: RunningTalon;
let browser: Browser;

beforeAll(async () => {
  const dataDir = dataDirWithHistory(28, 200);
  talon = await startTalon({ dataDir, webApps: 'dist' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

async function openAnalytics(page: Page): Promise<void> {
  await signIn(page, 'manager', talon.demo.staffPassword);
  await page.locator('panel-view-nav button[data-view="analytics"]').click();
}

async function openView(page: Page, view: string): Promise<void> {
  await page.locator(`panel-analytics button[data-analytics-view="${view}"]`).click();
}

interface HeatCell {
  weekday: number;
  hour: number;
  arrivals: number;
  openDays: number;
  meanArrivals: number;
}

describe('manager analytics', () => {
  it('shows the peak-hours heat map with the numbers the API reports, and downloads it as CSV and PNG', async () => {
    const { context, page } = await openPanel(browser, talon);
    await openAnalytics(page);
    const cells = page.locator('tl-heat-map[data-testid="peak-heatmap"] g.cell');
    await cells.first().waitFor();
    const from = await page.locator('panel-analytics-filters input[name="from"]').inputValue();
    const to = await page.locator('panel-analytics-filters input[name="to"]').inputValue();
    const answer = await page.evaluate(async (query) => (await fetch(`/api/offices/main/analytics/peak-hours?${query}`)).json(), `from=${from}&to=${to}`);
    const heatmap = (answer as { data: { result: { heatmap: HeatCell[] } } }).data.result.heatmap;
    const busiest = heatmap.reduce((a, b) => (b.arrivals > a.arrivals ? b : a));
    expect(busiest.arrivals).toBeGreaterThan(0);

    const cell = page.locator(`tl-heat-map[data-testid="peak-heatmap"] g.cell[data-row="${busiest.weekday}"][data-column="${busiest.hour}"]`);
    expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(busiest.meanArrivals, 6);
    expect((await cell.locator('text').textContent())?.trim()).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(busiest.meanArrivals));
    // Each mean says how many open days it stands on: in the cell's tooltip, the caption and the tables.
    expect(await cell.locator('title').textContent()).toContain(`per open day over ${busiest.openDays} open day${busiest.openDays === 1 ? '' : 's'}`);
    expect(await page.locator('[data-testid="peak-heatmap-caption"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="peak-by-day"] th').allTextContents()).toContain('Open days');
    const filled = await cells.evaluateAll((gs) => gs.filter((g) => Number(g.getAttribute('data-value')) > 0).length);
    expect(filled).toBe(heatmap.filter((c) => c.arrivals > 0).length);
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/analytics-peak-hours.png'), fullPage: true });

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('panel-analytics-peak a[data-csv="peak-hours"]').click()]);
    expect(csv.suggestedFilename()).toBe(`talon-peak-hours-${from}-${to}.csv`);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);

    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('panel-analytics-figure button[data-action="png"]').first().click()]);
    expect(png.suggestedFilename()).toBe('talon-peak-heatmap.png');
    expect(readFileSync((await png.path())!).subarray(1, 4).toString('latin1')).toBe('PNG');
    await context.close();
  });

  it('shows every report view, and the staffing advisor asks again with the goal the manager sets', async () => {
    const { context, page } = await openPanel(browser, talon);
    await openAnalytics(page);
    for (const [view, ready] of [
      ['waits', '[data-testid="longest-waits"] tbody tr'],
      ['load', 'tl-bar-chart[data-testid="utilisation-chart"] rect.band'],
      ['appointments', 'panel-analytics-appointments tl-bar-chart'],
      ['comparison', '[data-testid="comparison"] [data-kpi-change]'],
    ] as const) {
      await openView(page, view);
      await page.locator(ready).first().waitFor();
      await page.screenshot({ path: docsScreenshotPath(`docs/screenshots/analytics-${view}.png`), fullPage: true });
    }

    // The comparison sets the last 30 days beside the same weekdays before them, or what the manager chooses.
    await openView(page, 'comparison');
    const compareWith = page.locator('panel-analytics-comparison select[data-testid="compare-with"]');
    expect(await compareWith.inputValue()).toBe('week');
    const [monthly] = await Promise.all([
      page.waitForRequest((r) => r.url().includes(officeApi('/analytics/comparison?')) && r.url().includes('compareWith=month')),
      compareWith.selectOption('month'),
    ]);
    expect(new URL(monthly.url()).searchParams.get('compareWith')).toBe('month');

    await openView(page, 'staffing');
    await page.locator('[data-testid="staffing-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="staffing-table"] th').allTextContents()).toEqual(expect.arrayContaining(['Open days', 'Booth time per arrival, min']));
    expect(await page.locator('[data-testid="staffing-basis"]').textContent()).toContain('from the call to the finish');
    expect(await page.locator('tl-heat-map[data-testid="staffing-grid"] g.cell').count()).toBeGreaterThan(0);
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/analytics-staffing.png'), fullPage: true });
    const target = page.locator('panel-analytics-staffing input[name="targetMinutes"]');
    await target.fill('5');
    const [asked] = await Promise.all([
      page.waitForRequest((r) => r.url().includes(officeApi('/analytics/staffing?')) && r.url().includes('targetMinutes=5')),
      page.locator('panel-analytics-staffing button[type="submit"]').click(),
    ]);
    expect(new URL(asked.url()).searchParams.get('slGoal')).toBe('0.8');
    await context.close();
  });

  it('shows the live monitor with every booth the server reports', async () => {
    const { context, page } = await openPanel(browser, talon);
    await openAnalytics(page);
    await openView(page, 'live');
    const rows = page.locator('[data-testid="live-counters"] tbody tr');
    await rows.first().waitFor();
    const live = (await page.evaluate(async () => (await fetch('/api/offices/main/analytics/live')).json())) as { data: { counters: unknown[] } };
    expect(await rows.count()).toBe(live.data.counters.length);
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/analytics-live.png'), fullPage: true });
    await context.close();
  });

  it('gives an operator no analytics entry, and the server refuses them the reports', async () => {
    const { context, page } = await openPanel(browser, talon);
    await signIn(page, 'operator1', talon.demo.staffPassword);
    await page.getByRole('heading', { name: 'Choose your booth' }).waitFor();
    expect(await page.locator('panel-view-nav button[data-view="analytics"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Analytics' }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/offices/main/analytics/peak-hours')).status);
    expect(status).toBe(403);
    await context.close();
  });
});
