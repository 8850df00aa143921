// Pieces every analytics view draws the same way: data tables, key-figure tiles, and the loading /
// failed / empty states. Templates, not elements: they carry no state of their own.
import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../../../common/i18n';
import type { ApiError } from '../../../common/protocol';
import { reportPath, type AnalyticsFilters, type ExtraQuery } from './panel-analytics-query';
import type { ReportName } from './panel-analytics-types';

export interface Column<R> {
  header: string;
  cell: (row: R) => unknown;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
}

/**
 * A table in its own scroll box. The box can take keyboard focus (tabindex 0), so a table wider or
 * longer than the box can be scrolled without a mouse; as a named region, a screen reader says what
 * it is — by default the column headers, unless the caller names it.
 */
export function dataTable<R>(columns: readonly Column<R>[], rows: readonly R[], attributes: { testId?: string; label?: string } = {}): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${attributes.label ?? columns.map((c) => c.header).join(', ')}>
    <table data-testid=${attributes.testId ?? nothing}>
      <thead>
        <tr>
          ${columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => html`<tr>${columns.map((c) => html`<td class=${c.numeric ? 'num' : ''}>${c.cell(row)}</td>`)}</tr>`)}
      </tbody>
    </table>
  </div>`;
}

export interface Kpi {
  label: string;
  value: string;
  /** A second line: a comparison, a target, a count. */
  note?: string;
  tone?: 'good' | 'bad' | 'neutral';
}

export function kpiTiles(kpis: readonly Kpi[]): TemplateResult {
  return html`<dl class="kpis">
    ${kpis.map(
      (k) => html`<div class="kpi ${k.tone ?? ''}">
        <dt>${k.label}</dt>
        <dd>${k.value}</dd>
        ${k.note ? html`<dd class="note">${k.note}</dd>` : nothing}
      </div>`,
    )}
  </dl>`;
}

/** What to show instead of a report that is not there yet: null when it is ready. */
export function reportState(t: Translator, loader: { loading: boolean; error: ApiError | null }): TemplateResult | null {
  if (loader.error) return html`<p class="state failed" role="alert">${t('analytics.state.failed', { message: loader.error.message })}</p>`;
  if (loader.loading) return html`<p class="state" role="status">${t('analytics.state.loading')}</p>`;
  return null;
}

export function emptyState(t: Translator): TemplateResult {
  return html`<p class="state">${t('analytics.state.empty')}</p>`;
}

/** A view's downloads (one CSV per report it shows, as the API flattens it) and its Print button. */
export function reportActions(t: Translator, reports: readonly ReportName[], filters: AnalyticsFilters, extra: ExtraQuery = {}): TemplateResult {
  return html`<div class="actions no-print">
    ${reports.map(
      (name) =>
        html`<a class="button" data-csv=${name} href=${reportPath(name, filters, extra, 'csv')} download
          >${t('analytics.actions.csv', { report: t(`analytics.reports.${name}`) })}</a
        >`,
    )}
    <button type="button" data-action="print" @click=${() => window.print()}>${t('analytics.actions.print')}</button>
  </div>`;
}
