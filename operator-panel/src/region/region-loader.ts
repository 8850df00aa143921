// Loads one regional answer whenever its question changes, keeping only the answer to the latest
// question: a slow answer to an old one is dropped, not shown (as the office analytics' loader does).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiError } from '../../../common/protocol';
import { fetchRegion, type RegionAnswerName, type RegionAnswers, type RegionQuestion } from './region-api';

export class RegionLoader<K extends RegionAnswerName> implements ReactiveController {
  answer: RegionAnswers[K] | null = null;
  error: ApiError | null = null;
  loading = false;
  private _question = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly name: K,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Asks again only when the question differs from the last one. */
  load(question: RegionQuestion): void {
    const key = JSON.stringify(question);
    if (key === this._question) return;
    this._question = key;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    void fetchRegion(this.name, question).then((result) => {
      if (key !== this._question) return;
      this.loading = false;
      if (result.ok) this.answer = result.data;
      else this.error = result.error;
      this.host.requestUpdate();
    });
  }
}
