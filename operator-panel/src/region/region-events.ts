// What the regional view asks of the shell: open one office's own analytics (the shell switches the
// office and the view; the region has no office of its own to show them in).
export interface OfficeAnalyticsOpen {
  officeId: string;
  /** The analytics tab to land on; the analytics' own first tab when absent. */
  view?: 'peak' | 'staffing';
}

export const OFFICE_ANALYTICS_OPEN = 'office-analytics-open';

export function officeAnalyticsOpen(detail: OfficeAnalyticsOpen): CustomEvent<OfficeAnalyticsOpen> {
  return new CustomEvent<OfficeAnalyticsOpen>(OFFICE_ANALYTICS_OPEN, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'office-analytics-open': CustomEvent<OfficeAnalyticsOpen>;
  }
}
