// How the regional view writes each measure and its change, and which direction is good news. A
// Record over the protocol's measures, so a new column fails tsc here until it has a format.
import type { Translator } from '../../../common/i18n';
import type { RegionMeasure } from '../../../common/protocol/region';
import type { AnalyticsFormat } from '../analytics/panel-analytics-format';

type Kind = 'count' | 'minutes' | 'share' | 'score';

export const MEASURE_LOOK: Record<RegionMeasure, { kind: Kind; higherIsBetter: boolean | null }> = {
  visitors: { kind: 'count', higherIsBetter: null },
  meanWaitMinutes: { kind: 'minutes', higherIsBetter: false },
  p90WaitMinutes: { kind: 'minutes', higherIsBetter: false },
  serviceLevel: { kind: 'share', higherIsBetter: true },
  noShowRate: { kind: 'share', higherIsBetter: false },
  // Too high burns people out, too low wastes booths: neither direction is simply better.
  utilisation: { kind: 'share', higherIsBetter: null },
  satisfaction: { kind: 'score', higherIsBetter: true },
  bookedShare: { kind: 'share', higherIsBetter: null },
};

export function measureText(f: AnalyticsFormat, measure: RegionMeasure, value: number | null): string {
  const kind = MEASURE_LOOK[measure].kind;
  return kind === 'count' ? f.count(value) : kind === 'share' ? f.percent(value) : f.decimal(value);
}

/** "+3 pp", "−1.5", "+12"; a share's change in percentage points. */
export function changeText(t: Translator, f: AnalyticsFormat, measure: RegionMeasure, delta: number): string {
  const sign = delta > 0 ? '+' : '−';
  const size = Math.abs(delta);
  if (MEASURE_LOOK[measure].kind === 'share') return `${sign}${t('analytics.units.percentPoints', { value: f.decimal(size * 100) })}`;
  return `${sign}${measureText(f, measure, size)}`;
}

/** 'up' for good news, 'down' for bad, '' where the direction says nothing. */
export function changeTone(measure: RegionMeasure, delta: number): 'up' | 'down' | '' {
  const better = MEASURE_LOOK[measure].higherIsBetter;
  if (better === null || delta === 0) return '';
  return delta > 0 === better ? 'up' : 'down';
}
