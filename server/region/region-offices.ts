// The offices a regional report reads, as the app hands them over: each running, non-archived office
// with its current settings and its own analytics store (which summarises and stores its finished
// days, and summarises the days that can still change afresh).
import type { OfficeId } from '../../common/protocol';
import type { RegionOfficeName } from '../../common/protocol/region';
import type { AnalyticsStore } from '../analytics/analytics-store';
import type { QueueConfig } from '../domain/state';

export interface RegionOffice {
  id: OfficeId;
  config: QueueConfig;
  analytics: Pick<AnalyticsStore, 'days' | 'summarise'>;
}

export function officeName(office: RegionOffice): RegionOfficeName {
  return { officeId: office.id, name: office.config.office.name, defaultLanguage: office.config.office.defaultLanguage };
}
