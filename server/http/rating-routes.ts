// Visitor satisfaction: the live ticket page asks whether its visit can be rated and rates it once
// (public, limited per address: the ticket id is the only credential); managers read the report.
import { Router } from 'express';
import { ratingSchema, reportPeriodQuerySchema, ticketIdSchema, type RatingsReport } from '../../common/protocol';
import { localized } from '../../common/ui/localized-text';
import { ANALYTICS_ROLES, requireRole } from '../auth/permissions';
import { limitPerIp } from '../auth/limit-per-ip';
import { localDate } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import { sendCsv } from '../visits/csv-answer';
import { reportPeriod } from '../visits/report-period';
import { ratingsReportTable } from '../visits/ratings-report';
import type { VisitRatings } from '../visits/visit-ratings';
import type { PublicLimiters } from './public-limits';
import { fail, handle, parse } from './respond';

export { RATING_LIMITS } from './public-limits';


/** `limiters`: the organisation's, shared by every office (app.ts). */
export function ratingRoutes(ratings: VisitRatings, engine: QueueEngine, limiters: PublicLimiters): Router {
  const router = Router();
  const { look, rate } = limiters;

  router.get(
    '/public/tickets/:id/rating',
    handle((req, res) => {
      limitPerIp(look, req, res);
      return ratings.state(parse(ticketIdSchema, req.params.id));
    }),
  );

  router.post(
    '/public/tickets/:id/rating',
    handle((req, res) => {
      limitPerIp(rate, req, res);
      return ratings.rate(parse(ticketIdSchema, req.params.id), parse(ratingSchema, req.body));
    }),
  );

  router.get(
    '/ratings/report',
    requireRole(...ANALYTICS_ROLES),
    handle(async (req, res): Promise<RatingsReport | undefined> => {
      const query = parse(reportPeriodQuerySchema, req.query);
      const { office, services } = engine.currentConfig;
      const report = await ratings.report(reportPeriod(query, localDate(engine.now(), office.timeZone)));
      if (query.format === 'json') return report;
      const serviceLabel = (id: string) => {
        const service = services.get(id);
        return service ? localized(service.name, office.defaultLanguage, office.defaultLanguage) : id;
      };
      return sendCsv(res, 'ratings', report.period, ratingsReportTable(report, serviceLabel));
    }),
  );

  return router;
}
