// Managers' reports: GET /api/offices/<id>/analytics/<report>?from=&to=&serviceId= as JSON, or as a CSV file
// with `format=csv`, and GET /api/offices/<id>/analytics/live for the live monitor. Managers, admins and analysts only.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { id, localDate as localDateSchema } from '../../common/protocol';
import { COMPARE_WITH } from '../../common/protocol/analytics';
import { ALL_VISITS, type AnalyticsStore } from '../analytics/analytics-store';
import { toCsv } from '../analytics/csv';
import { liveMonitor } from '../analytics/live-monitor';
import type { ReportInput } from '../analytics/measures';
import { REPORT_NAMES, REPORTS, type ReportName } from '../analytics/reports';
import { previousPeriod } from '../analytics/aligned-periods';
import { scheduledOpenHours } from '../analytics/open-days';
import { countersServing, withCountersOnly } from '../analytics/service-filter';
import { DEFAULT_STAFFING } from '../analytics/staffing';
import { ANALYTICS_ROLES, requireRole } from '../auth/permissions';
import { addDays, localDate } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import { reportPeriod } from '../visits/report-period';
import { fail, handle, parse } from './respond';

const querySchema = z.object({
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  serviceId: id.optional(),
  format: z.enum(['json', 'csv']).default('json'),
  slGoal: z.coerce.number().gt(0).lt(1).default(DEFAULT_STAFFING.serviceLevel),
  targetMinutes: z.coerce.number().gt(0).max(600).default(DEFAULT_STAFFING.targetMinutes),
  maxOccupancy: z.coerce.number().gt(0).max(1).default(DEFAULT_STAFFING.maxOccupancy),
  shrinkage: z.coerce.number().min(0).lt(1).default(DEFAULT_STAFFING.shrinkage),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  compareWith: z.enum(COMPARE_WITH).default('week'),
});

export function analyticsRoutes(engine: QueueEngine, store: AnalyticsStore): Router {
  const router = Router();
  router.use('/analytics', requireRole(...ANALYTICS_ROLES));

  router.get(
    '/analytics/live',
    handle(() => liveMonitor(engine.currentState, engine.currentConfig, engine.now())),
  );

  router.get(
    '/analytics/:report',
    handle(async (req, res: Response) => {
      const name = req.params.report as ReportName;
      if (!REPORT_NAMES.includes(name)) fail('not-found', `No report ${req.params.report}; reports: ${REPORT_NAMES.join(', ')}, live`);
      const query = parse(querySchema, req.query);
      const config = engine.currentConfig;
      const { timeZone } = config.office;
      const { from, to } = reportPeriod(query, localDate(engine.now(), timeZone));
      if (query.serviceId !== undefined && !config.services.has(query.serviceId)) fail('not-found', `No service ${query.serviceId}`);

      const inputFor = async (periodFrom: string, periodTo: string): Promise<ReportInput> => {
        const scope = query.serviceId ?? ALL_VISITS;
        const days = await store.days({ from: periodFrom, to: periodTo, timeZone, scope, longest: name === 'longest-waits' ? query.limit : undefined });
        const narrowed = query.serviceId === undefined ? days : withCountersOnly(days, countersServing(query.serviceId, config.counters.values()));
        const period = { from: periodFrom, to: periodTo };
        return { period, days: narrowed, services: config.services, openHours: scheduledOpenHours(config.office.schedule, period, timeZone) };
      };
      const definition = REPORTS[name];
      const input = await inputFor(from, to);
      const aligned = previousPeriod({ from, to }, query.compareWith);
      const previous = definition.needsPrevious ? await inputFor(aligned.from, aligned.to) : null;
      const result = definition.produce({
        input,
        previous,
        compareWith: query.compareWith,
        staffing: { serviceLevel: query.slGoal, targetMinutes: query.targetMinutes, maxOccupancy: query.maxOccupancy, shrinkage: query.shrinkage },
        limit: query.limit,
        staffNames: name === 'specialist-load' ? await store.staffNames() : new Map(),
      });
      if (query.format === 'csv') {
        res
          .type('text/csv; charset=utf-8')
          .attachment(`talon-${name}-${from}-${to}${query.serviceId ? `-${query.serviceId}` : ''}.csv`)
          .send(toCsv(result.table()));
        return undefined;
      }
      return { report: name, period: { from, to }, serviceId: query.serviceId ?? null, result: result.data };
    }),
  );

  return router;
}
