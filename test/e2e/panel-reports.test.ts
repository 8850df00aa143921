// The manager's visit-journal and satisfaction reports in the staff panel, on visits recorded and
// rated through the API first: the views show the numbers the API reports for the same period,
// download as CSV, and ask for no service (both reports always cover the whole office).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RatingsReport, Ticket, VisitJournalReport, VisitJournalSettings } from '../../common/protocol';
import { DEFAULT_VISIT_JOURNAL_SETTINGS } from '../../server/store/visit-journal-defaults';
import { useBrowserAndServer } from '../support/browser-and-server';
import { call, officeApi, type RunningTalon } from '../support/talon-server';
import { issueAtKiosk, openPanel, signIn } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

const SCREENSHOTS = 'docs/screenshots';
const CONTACT = '+7 900 555-01-02';

const env = useBrowserAndServer();

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string; message: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${answer.body.error.code}: ${answer.body.error.message}`);
  return answer.body.data;
}

/** Opens the booth if needed, calls the next visitor and serves them to the end. */
async function serveNext(server: RunningTalon, token: string): Promise<Ticket> {
  await call(server, officeApi('/counters/booth-1/open'), { body: {}, token });
  const { ticket } = data(await call<{ ticket: Ticket }>(server, officeApi('/counters/booth-1/call-next'), { body: {}, token }));
  data(await call(server, officeApi('/counters/booth-1/start'), { body: {}, token }));
  data(await call(server, officeApi('/counters/booth-1/finish'), { body: {}, token }));
  return ticket;
}

async function recordVisit(server: RunningTalon, token: string, body: Record<string, unknown>): Promise<Ticket> {
  await issueAtKiosk(server, 'documents');
  const ticket = await serveNext(server, token);
  data(await call(server, officeApi(`/visit-journal/tickets/${ticket.id}`), { method: 'PUT', body, token }));
  return ticket;
}

async function rate(server: RunningTalon, ticket: Ticket, score: number, comment: string): Promise<void> {
  data(await call(server, officeApi(`/public/tickets/${ticket.id}/rating`), { body: { score, comment } }));
}

async function openView(page: Page, view: 'journal' | 'ratings'): Promise<{ from: string; to: string }> {
  await signIn(page, 'manager', env.server.demo.staffPassword);
  await page.locator('panel-view-nav button[data-view="analytics"]').click();
  await page.locator(`panel-analytics button[data-analytics-view="${view}"]`).click();
  const filters = page.locator('panel-analytics-filters');
  return { from: await filters.locator('input[name="from"]').inputValue(), to: await filters.locator('input[name="to"]').inputValue() };
}

/** The API's answer for the period the page shows, asked with the page's own session. */
async function reportFor<T>(page: Page, path: string, period: { from: string; to: string }): Promise<T> {
  const answer = (await page.evaluate(async (url) => (await fetch(url)).json(), `${path}?from=${period.from}&to=${period.to}`)) as { ok: boolean; data: T };
  expect(answer.ok).toBe(true);
  return answer.data;
}

/** Each row of a report table as its cells' text. */
function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page
    .locator(`[data-testid="${testId}"] tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')));
}

beforeAll(async () => {
  const { server } = env;
  const admin = await server.login('admin');
  const settings: VisitJournalSettings = { ...DEFAULT_VISIT_JOURNAL_SETTINGS, collectPersonalData: true };
  data(await call(server, officeApi('/visit-journal/settings'), { method: 'PUT', body: settings, token: admin }));
  const operator = await server.login('operator1');
  const first = await recordVisit(server, operator, { reasonId: 'benefit-documents', resultId: 'accepted', visitorName: 'Kravets Olga', visitorContact: CONTACT });
  const second = await recordVisit(server, operator, { reasonId: 'benefit-documents', resultId: 'returned-incomplete', visitorContact: CONTACT });
  await recordVisit(server, operator, { reasonText: 'pension recalculation', resultId: 'advised' });
  await rate(server, first, 5, 'Polite and quick, thank you');
  await rate(server, second, 2, 'Sent away for one missing paper');
}, 60_000);

describe('visit journal and satisfaction reports', () => {
  it('shows the visit journal’s reasons, results and repeat visits as the API counts them, and downloads it as CSV', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    const period = await openView(page, 'journal');
    await page.locator('[data-testid="journal-reasons"] tbody tr').first().waitFor();
    const report = await reportFor<VisitJournalReport>(page, officeApi('/visit-journal/report'), period);
    expect(report.recorded).toBe(3);
    expect(report.repeats).toMatchObject({ withContact: 2, repeatVisits: 1 });

    const label = (c: VisitJournalReport['byReason'][number]) => c.label?.en ?? 'Free text only';
    const share = (count: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(count / report.recorded);
    expect(await tableRows(page, 'journal-reasons')).toEqual(report.byReason.map((c) => [label(c), String(c.count), share(c.count)]));
    expect(await tableRows(page, 'journal-results')).toEqual(report.byResult.map((c) => [label(c), String(c.count), share(c.count)]));
    expect((await tableRows(page, 'journal-repeats')).map((row) => row.slice(0, 2))).toEqual(report.repeats.byReason.map((c) => [label(c), String(c.count)]));
    const kpis = await page.locator('[data-testid="journal-kpis"] .kpi dd:not(.note)').allTextContents();
    expect(kpis).toEqual([String(report.recorded), String(report.repeats.withContact), String(report.repeats.repeatVisits)]);
    expect(await page.locator('panel-analytics-filters select[name="service"]').count()).toBe(0);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/analytics-journal.png`), fullPage: true });

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('panel-analytics-journal a[data-csv="visit-journal"]').click()]);
    expect(csv.suggestedFilename()).toBe(`talon-visit-journal-${period.from}-${period.to}.csv`);
    // The CSV names reasons in the office's default language, whichever that is.
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(Object.values(DEFAULT_VISIT_JOURNAL_SETTINGS.reasons[0]!.label).some((name) => csvText.includes(name))).toBe(true);
    await context.close();
  });

  it('shows the satisfaction scores overall, per service and per specialist, and the comments, as the API reports them', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    const period = await openView(page, 'ratings');
    await page.locator('[data-testid="ratings-scores"] tbody tr').first().waitFor();
    const report = await reportFor<RatingsReport>(page, officeApi('/ratings/report'), period);
    expect(report.overall).toEqual({ count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });

    const kpis = await page.locator('[data-testid="ratings-kpis"] .kpi dd:not(.note)').allTextContents();
    expect(kpis.map((k) => k.trim())).toEqual(['2', '3.5 of 5', '50%', '50%']);
    const scores = await tableRows(page, 'ratings-scores');
    expect(scores.map((row) => row[1])).toEqual(report.overall.distribution.map(String));
    const services = await tableRows(page, 'ratings-services');
    expect(services.map((row) => row.slice(1))).toEqual(report.byService.map((s) => [String(s.count), String(s.average), ...s.distribution.map(String)]));
    const specialists = await tableRows(page, 'ratings-specialists');
    expect(specialists.map((row) => row[0])).toEqual(report.bySpecialist.map((s) => s.name));
    const comments = await tableRows(page, 'ratings-comments');
    expect(comments.map((row) => [row[1], row[4]])).toEqual(report.comments.map((c) => [String(c.score), c.comment]));
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/analytics-ratings.png`), fullPage: true });

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('panel-analytics-ratings a[data-csv="ratings"]').click()]);
    expect(csv.suggestedFilename()).toBe(`talon-ratings-${period.from}-${period.to}.csv`);
    await context.close();
  });
});
