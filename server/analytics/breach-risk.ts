// The live monitor's breach alerts folded per service, for the booths that serve it: a specialist
// sees which of their queues will miss the target while there is still time to act.
import type { BreachAlert, ServiceBreachRisk } from '../../common/protocol/analytics';

/** Alerts come sorted by minutes left (live-monitor.ts), so each service's codes keep that order. */
export function breachRiskByService(alerts: readonly BreachAlert[]): ServiceBreachRisk[] {
  const byService = new Map<string, ServiceBreachRisk>();
  for (const alert of alerts) {
    let risk = byService.get(alert.serviceId);
    if (!risk) byService.set(alert.serviceId, (risk = { serviceId: alert.serviceId, atRisk: 0, breached: 0, codes: [] }));
    if (alert.state === 'breached') risk.breached += 1;
    else risk.atRisk += 1;
    risk.codes.push(alert.code);
  }
  return [...byService.values()];
}
