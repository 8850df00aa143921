// The visit journal over a period: why visitors came and how their visits ended (the office's lists,
// free text counted apart), and how many came back — a repeat can only be recognised by a contact,
// so repeats are shown against the visits recorded with one.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { VisitCount } from '../../../common/protocol';
import '../../../common/ui/tl-bar-chart';
import { text } from '../shared/describe';
import { analyticsFormat, type AnalyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, kpiTiles, reportActions, reportState } from './panel-analytics-parts';
import type { AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REPORTS = ['visit-journal'] as const;
/** The count scale reaches at least this, so a handful of visits still gets whole-number ticks. */
const FEW_VISITS = 5;

@customElement('panel-analytics-journal')
export class PanelAnalyticsJournal extends LitElement {
  static override styles = analyticsStyles;

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) filters!: AnalyticsFilters;
  private readonly _reports = new ReportLoader(this, REPORTS);

  protected override willUpdate(): void {
    this._reports.load(this.filters);
  }

  private _label(count: VisitCount): string {
    if (count.label) return text(this._env, count.label);
    return count.id ?? this._env.t('analytics.journal.freeText');
  }

  /** One list of counts as a bar chart beside its table; shares are of `total`. */
  private _figure(heading: string, header: string, counts: readonly VisitCount[], total: number, fileName: string, testId: string, f: AnalyticsFormat) {
    const { t } = this._env;
    return html`<panel-analytics-figure .heading=${heading} fileName=${fileName}>
      <tl-bar-chart
        slot="chart"
        horizontal
        .minMax=${FEW_VISITS}
        .label=${heading}
        .categories=${counts.map((c) => this._label(c))}
        .series=${[{ name: t('analytics.journal.visits'), values: counts.map((c) => c.count) }]}
        .format=${f.count}
      ></tl-bar-chart>
      ${dataTable(
        [
          { header, cell: (c) => this._label(c) },
          { header: t('analytics.journal.visits'), cell: (c) => f.count(c.count), numeric: true },
          { header: t('analytics.journal.share'), cell: (c) => f.percent(total > 0 ? c.count / total : null), numeric: true },
        ],
        counts,
        { testId },
      )}
    </panel-analytics-figure>`;
  }

  override render() {
    const { t, lang } = this._env;
    const actions = reportActions(t, REPORTS, this.filters);
    const report = this._reports.results['visit-journal'];
    const waiting = reportState(t, this._reports);
    if (waiting || !report) return [actions, waiting];
    if (report.recorded === 0) return [actions, html`<p class="state">${t('analytics.journal.empty')}</p>`];
    const f = analyticsFormat(lang);
    const { repeats } = report;
    return html`
      <div class="controls">${actions}</div>
      <div data-testid="journal-kpis">
        ${kpiTiles([
          { label: t('analytics.journal.recorded'), value: f.count(report.recorded) },
          { label: t('analytics.journal.withContact'), value: f.count(repeats.withContact), note: f.percent(repeats.withContact / report.recorded) },
          {
            label: t('analytics.journal.repeatVisits'),
            value: f.count(repeats.repeatVisits),
            note: `${f.percent(repeats.withContact > 0 ? repeats.repeatVisits / repeats.withContact : null)} · ${f.count(repeats.repeatVisits)} / ${f.count(repeats.withContact)}`,
          },
        ])}
      </div>
      ${this._figure(t('analytics.journal.reasonsTitle'), t('analytics.journal.reason'), report.byReason, report.recorded, 'talon-visit-reasons', 'journal-reasons', f)}
      ${this._figure(t('analytics.journal.resultsTitle'), t('analytics.journal.result'), report.byResult, report.recorded, 'talon-visit-results', 'journal-results', f)}
      ${repeats.byReason.length > 0
        ? this._figure(t('analytics.journal.repeatsTitle'), t('analytics.journal.reason'), repeats.byReason, repeats.repeatVisits, 'talon-repeat-visits', 'journal-repeats', f)
        : ''}
      <p class="muted">${t('analytics.journal.repeatsNote')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-journal': PanelAnalyticsJournal;
  }
}
