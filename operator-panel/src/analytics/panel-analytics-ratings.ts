// Visitor satisfaction over a period: how many rated, the average and the spread of scores 1–5 for
// the office, per service and per specialist, and the latest comments in the visitors' own words.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RATING_SCORES, type RatingSummary } from '../../../common/protocol';
import '../../../common/ui/tl-bar-chart';
import { localDate } from '../../../common/time/calendar';
import { officeTime, serviceName } from '../shared/describe';
import { analyticsFormat, type AnalyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, kpiTiles, reportActions, reportState, type Column } from './panel-analytics-parts';
import type { AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REPORTS = ['ratings'] as const;
/** The count scale reaches at least this, so a handful of ratings still gets whole-number ticks. */
const FEW_RATINGS = 5;
/** From 1 (red) to 5 (green), distinguishable without colour vision too. */
const SCORE_COLOURS = ['#b91c1c', '#e69f00', '#9ca3af', '#56b4e9', '#009e73'] as const;

interface Group extends RatingSummary {
  name: string;
}

function shareOf(summary: RatingSummary, scores: readonly number[]): number | null {
  return summary.count > 0 ? scores.reduce((sum, s) => sum + (summary.distribution[s - 1] ?? 0), 0) / summary.count : null;
}

@customElement('panel-analytics-ratings')
export class PanelAnalyticsRatings extends LitElement {
  static override styles = [
    analyticsStyles,
    css`
      /* Comments are sentences: they wrap, unlike the figures around them. */
      .comment {
        white-space: normal;
        min-width: 16rem;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) filters!: AnalyticsFilters;
  private readonly _reports = new ReportLoader(this, REPORTS);

  protected override willUpdate(): void {
    this._reports.load(this.filters);
  }

  private _scoreName(score: number): string {
    const { t } = this._env;
    return t('analytics.ratings.scoreName', { score, name: t(`visits.rating.scores.s${score as (typeof RATING_SCORES)[number]}`) });
  }

  /** Scores of several services or specialists as stacked bars, with average and counts in the table. */
  private _groupFigure(heading: string, header: string, groups: readonly Group[], fileName: string, testId: string, f: AnalyticsFormat) {
    const { t } = this._env;
    const columns: Column<Group>[] = [
      { header, cell: (g) => g.name },
      { header: t('analytics.ratings.count'), cell: (g) => f.count(g.count), numeric: true },
      { header: t('analytics.ratings.average'), cell: (g) => f.decimal(g.average), numeric: true },
      ...RATING_SCORES.map((score) => ({ header: String(score), cell: (g: Group) => f.count(g.distribution[score - 1]), numeric: true })),
    ];
    return html`<panel-analytics-figure .heading=${heading} fileName=${fileName}>
      <tl-bar-chart
        slot="chart"
        horizontal
        stacked
        .minMax=${FEW_RATINGS}
        .label=${heading}
        .categories=${groups.map((g) => g.name)}
        .series=${RATING_SCORES.map((score) => ({ name: this._scoreName(score), values: groups.map((g) => g.distribution[score - 1]), colour: SCORE_COLOURS[score - 1] }))}
        .format=${f.count}
      ></tl-bar-chart>
      ${dataTable(columns, groups, { testId })}
    </panel-analytics-figure>`;
  }

  override render() {
    const { t, lang } = this._env;
    const actions = reportActions(t, REPORTS, this.filters);
    const report = this._reports.results.ratings;
    const waiting = reportState(t, this._reports);
    if (waiting || !report) return [actions, waiting];
    if (report.overall.count === 0) return [actions, html`<p class="state">${t('analytics.ratings.empty')}</p>`];
    const f = analyticsFormat(lang);
    const { overall } = report;
    const specialistName = (id: string | null, name: string | null) => name ?? id ?? t('analytics.ratings.noSpecialist');
    const services = report.byService.map((s) => ({ ...s, name: serviceName(this._env, s.serviceId) }));
    const specialists = report.bySpecialist.map((s) => ({ ...s, name: specialistName(s.specialistId, s.name) }));
    const scores = RATING_SCORES.map((score) => ({ score, count: overall.distribution[score - 1] ?? 0 }));
    const timeZone = this._env.snapshot.office.timeZone;
    return html`
      <div class="controls">${actions}</div>
      <div data-testid="ratings-kpis">
        ${kpiTiles([
          { label: t('analytics.ratings.count'), value: f.count(overall.count) },
          { label: t('analytics.ratings.average'), value: t('analytics.ratings.outOfFive', { value: f.decimal(overall.average) }) },
          { label: t('analytics.ratings.satisfied'), value: f.percent(shareOf(overall, [4, 5])), tone: 'good' },
          { label: t('analytics.ratings.unhappy'), value: f.percent(shareOf(overall, [1, 2])), tone: 'bad' },
        ])}
      </div>
      <panel-analytics-figure .heading=${t('analytics.ratings.distributionTitle')} fileName="talon-rating-scores">
        <tl-bar-chart
          slot="chart"
          data-testid="ratings-distribution"
          .minMax=${FEW_RATINGS}
          .label=${t('analytics.ratings.distributionTitle')}
          .categories=${scores.map((s) => this._scoreName(s.score))}
          .series=${[{ name: t('analytics.ratings.count'), values: scores.map((s) => s.count) }]}
          .format=${f.count}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.ratings.score'), cell: (s) => this._scoreName(s.score) },
            { header: t('analytics.ratings.count'), cell: (s) => f.count(s.count), numeric: true },
            { header: t('analytics.journal.share'), cell: (s) => f.percent(s.count / overall.count), numeric: true },
          ],
          scores,
          { testId: 'ratings-scores' },
        )}
      </panel-analytics-figure>
      ${this._groupFigure(t('analytics.ratings.byServiceTitle'), t('analytics.filters.service'), services, 'talon-ratings-by-service', 'ratings-services', f)}
      ${this._groupFigure(t('analytics.ratings.bySpecialistTitle'), t('analytics.load.specialist'), specialists, 'talon-ratings-by-specialist', 'ratings-specialists', f)}
      <section class="card">
        <h2>${t('analytics.ratings.commentsTitle')}</h2>
        ${report.comments.length === 0
          ? html`<p class="state">${t('analytics.ratings.noComments')}</p>`
          : dataTable(
              [
                { header: t('analytics.ratings.at'), cell: (c) => `${f.date(localDate(c.at, timeZone))} ${officeTime(this._env, c.at)}` },
                { header: t('analytics.ratings.score'), cell: (c) => f.count(c.score), numeric: true },
                { header: t('analytics.filters.service'), cell: (c) => serviceName(this._env, c.serviceId) },
                {
                  header: t('analytics.load.specialist'),
                  cell: (c) => specialistName(c.specialistId, report.bySpecialist.find((s) => s.specialistId === c.specialistId)?.name ?? null),
                },
                { header: t('analytics.ratings.comment'), cell: (c) => html`<div class="comment">${c.comment}</div>` },
              ],
              report.comments,
              { testId: 'ratings-comments' },
            )}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-ratings': PanelAnalyticsRatings;
  }
}
