// Loads the reports a view shows whenever its question changes (period, service, goal), keeping
// only the answers to the latest question: a slow answer to an old one is dropped, not shown.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiError } from '../../../common/protocol';
import { fetchReport, type AnalyticsFilters, type ExtraQuery } from './panel-analytics-query';
import type { ReportName, ReportResults } from './panel-analytics-types';

export class ReportLoader<K extends ReportName> implements ReactiveController {
  results: Partial<{ [P in K]: ReportResults[P] }> = {};
  error: ApiError | null = null;
  loading = false;
  private _question = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly names: readonly K[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Asks again only when the question differs from the last one. */
  load(filters: AnalyticsFilters, extra: ExtraQuery = {}): void {
    const question = JSON.stringify([filters, extra]);
    if (question === this._question) return;
    this._question = question;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    void Promise.all(this.names.map((name) => fetchReport(name, filters, extra))).then((answers) => {
      if (question !== this._question) return;
      const results: Partial<Record<ReportName, unknown>> = {};
      for (const answer of answers) {
        if (!answer.ok) {
          this.error = answer.error;
          continue;
        }
        results[answer.data.report] = answer.data.result;
      }
      this.results = results as typeof this.results;
      this.loading = false;
      this.host.requestUpdate();
    });
  }

  /** Every report answered. */
  get ready(): boolean {
    return !this.loading && this.error === null && this.names.every((n) => this.results[n] !== undefined);
  }
}
