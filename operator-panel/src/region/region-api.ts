// What the regional view asks the server: the period, what it is compared with, a selection of
// offices, the table's order; and the URLs of the three answers as JSON or CSV.
import type { Result } from '../../../common/protocol';
import type { CompareWith } from '../../../common/protocol/analytics';
import type { RegionHeatMap, RegionReport, RegionSortKey, RegionStaffing } from '../../../common/protocol/region';
import { api } from '../../../common/ui/api';
import type { Period } from '../analytics/panel-analytics-query';

export interface RegionAnswers {
  report: RegionReport;
  heatmap: RegionHeatMap;
  staffing: RegionStaffing;
}
export type RegionAnswerName = keyof RegionAnswers;

export interface RegionQuestion extends Period {
  compareWith: CompareWith;
  /** Empty: every office. */
  offices: readonly string[];
  sort?: RegionSortKey;
  direction?: 'asc' | 'desc';
  lang?: string;
}

export function regionPath(name: RegionAnswerName, question: RegionQuestion, format: 'json' | 'csv' = 'json'): string {
  const query = new URLSearchParams({ from: question.from, to: question.to, compareWith: question.compareWith });
  if (question.offices.length > 0) query.set('offices', question.offices.join(','));
  if (question.sort) query.set('sort', question.sort);
  if (question.direction) query.set('direction', question.direction);
  if (question.lang) query.set('lang', question.lang);
  if (format === 'csv') query.set('format', 'csv');
  return `/api/region/${name}?${query.toString()}`;
}

export function fetchRegion<K extends RegionAnswerName>(name: K, question: RegionQuestion): Promise<Result<RegionAnswers[K]>> {
  return api<RegionAnswers[K]>(regionPath(name, question));
}
