// The regional view (docs/analytics.md, "The regional view"): GET /api/region/report (offices side by
// side against the aligned previous period), /api/region/heatmap (weekday × hour for the region or a
// selection of offices) and /api/region/staffing (the advisor per office), each as JSON or, with
// `format=csv`, as a CSV file. Regional admins and analysts only. All three read small per-office
// digests of days and months (region-digests.ts), so a year of 200 offices answers within a second;
// the staffing advisor stands on the period's last four weeks, what a roster is planned from
// (region-staffing.ts).
import { Router, type Response } from 'express';
import type { LocalDate } from '../../common/protocol';
import { regionQuerySchema, type RegionQuery, type RegionHeatMap, type RegionReport, type RegionStaffing } from '../../common/protocol/region';
import { localDate } from '../../common/time/calendar';
import { previousPeriod } from '../analytics/aligned-periods';
import { toCsv, type Table } from '../analytics/csv';
import { DEFAULT_STAFFING } from '../analytics/staffing';
import { requireOrganisationRole } from '../auth/permissions';
import { RegionDigests } from '../region/region-digests';
import { regionHeatMap } from '../region/region-heat-map';
import type { Period } from '../region/region-period';
import { OpenHoursMemo } from '../region/region-open-hours';
import { officeName, type RegionOffice } from '../region/region-offices';
import { ratingTotals } from '../region/region-ratings';
import { regionReport, type PeriodData } from '../region/region-report';
import { regionStaffing } from '../region/region-staffing';
import { regionHeatMapTable, regionReportTable, regionStaffingTable } from '../region/region-tables';
import type { Database } from '../store/database';
import { reportPeriod } from '../visits/report-period';
import { fail, handle, parse } from './respond';

export type { RegionOffice };

export interface RegionDeps {
  db: Database;
  now: () => number;
  /** Every running, non-archived office, with its current settings and its analytics store. */
  offices: () => readonly RegionOffice[];
}

export function regionRoutes(deps: RegionDeps): Router {
  const router = Router();
  router.use('/api/region', requireOrganisationRole('regional-admin', 'regional-analyst'));

  /** The offices asked for (all when none are named) and the period, counted in the offices' own dates. */
  const question = (raw: unknown) => {
    const query = parse(regionQuerySchema, raw);
    const running = deps.offices();
    const wanted = query.offices?.length ? new Set(query.offices) : null;
    const unknown = [...(wanted ?? [])].filter((id) => !running.some((office) => office.id === id));
    if (unknown.length > 0) fail('office-not-found', `No office ${unknown.join(', ')}`);
    const offices = wanted ? running.filter((office) => wanted.has(office.id)) : running;
    return { query, offices, period: reportPeriod(query, latestToday(running, deps.now())) };
  };

  const digests = new RegionDigests(deps.db);
  const openHours = new OpenHoursMemo();
  const periodData = async (offices: readonly RegionOffice[], period: Period): Promise<PeriodData> => {
    const [digested, ratings] = await Promise.all([digests.of(offices, period, deps.now()), ratingTotals(deps.db, period)]);
    return { period, digests: digested, ratings };
  };

  router.get(
    '/api/region/report',
    handle(async (req, res): Promise<RegionReport | undefined> => {
      const { query, offices, period } = question(req.query);
      const previous = previousPeriod(period, query.compareWith);
      const report = regionReport({
        offices,
        current: await periodData(offices, period),
        previous: await periodData(offices, previous),
        compareWith: query.compareWith,
        sort: query.sort,
        direction: query.direction,
        lang: query.lang,
      });
      return answer(res, query, 'report', period, report, () => regionReportTable(report, query.lang));
    }),
  );

  router.get(
    '/api/region/heatmap',
    handle(async (req, res): Promise<RegionHeatMap | undefined> => {
      const { query, offices, period } = question(req.query);
      const digested = await digests.of(offices, period, deps.now());
      const heat = offices.map((office) => ({
        digests: digested.get(office.id) ?? [],
        openHours: openHours.of(office.config.office.schedule, office.config.office.timeZone, period),
      }));
      const result: RegionHeatMap = { period, officeIds: offices.map((o) => o.id), offices: deps.offices().map(officeName), heatmap: regionHeatMap(period, heat) };
      return answer(res, query, 'heatmap', period, result, () => regionHeatMapTable(result.heatmap));
    }),
  );

  router.get(
    '/api/region/staffing',
    handle(async (req, res): Promise<RegionStaffing | undefined> => {
      const { query, offices, period } = question(req.query);
      const settings = {
        serviceLevel: query.slGoal ?? DEFAULT_STAFFING.serviceLevel,
        targetMinutes: query.targetMinutes ?? DEFAULT_STAFFING.targetMinutes,
        maxOccupancy: query.maxOccupancy ?? DEFAULT_STAFFING.maxOccupancy,
        shrinkage: query.shrinkage ?? DEFAULT_STAFFING.shrinkage,
      };
      const result = await regionStaffing(digests, offices, period, deps.now(), openHours, settings);
      return answer(res, query, 'staffing', period, result, () => regionStaffingTable(result));
    }),
  );

  return router;
}

/** The JSON answer, or the CSV file (then nothing is left to send as JSON). */
function answer<T>(res: Response, query: RegionQuery, name: string, period: Period, data: T, table: () => Table): T | undefined {
  if (query.format === 'json') return data;
  res.type('text/csv; charset=utf-8').attachment(`talon-region-${name}-${period.from}-${period.to}.csv`).send(toCsv(table()));
  return undefined;
}

/** The latest "today" among the offices: a default period then reaches every office's today. */
function latestToday(offices: readonly RegionOffice[], now: number): LocalDate {
  const todays = offices.map((office) => localDate(now, office.config.office.timeZone));
  return todays.length === 0 ? localDate(now, 'UTC') : todays.reduce((a, b) => (a > b ? a : b));
}
