// The visit journal: the office's lists and personal-data rules, the specialist's record of each
// served visit, the booth's day, and the report of reasons, results and repeat visits.
import { Router } from 'express';
import { reportPeriodQuerySchema, ticketIdSchema, visitJournalQuerySchema, visitJournalSettingsSchema, visitRecordSchema, type VisitJournalReport } from '../../common/protocol';
import { localized } from '../../common/ui/localized-text';
import { principalOf } from '../auth/authenticate';
import { ANALYTICS_ROLES, requireRole, STAFF_ROLES } from '../auth/permissions';
import { localDate } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import { sendCsv } from '../visits/csv-answer';
import { reportPeriod } from '../visits/report-period';
import type { VisitJournal } from '../visits/visit-journal';
import { visitReportTable } from '../visits/visit-report';
import { fail, handle, parse } from './respond';

export function visitJournalRoutes(journal: VisitJournal, engine: QueueEngine): Router {
  const router = Router();
  const staff = requireRole(...STAFF_ROLES);

  router.get('/visit-journal/settings', staff, handle(() => journal.settings()));
  router.put('/visit-journal/settings', requireRole('admin'), handle((req) => journal.saveSettings(parse(visitJournalSettingsSchema, req.body))));

  router.get(
    '/visit-journal/report',
    requireRole(...ANALYTICS_ROLES),
    handle(async (req, res): Promise<VisitJournalReport | undefined> => {
      const query = parse(reportPeriodQuerySchema, req.query);
      const { office } = engine.currentConfig;
      const report = await journal.report(reportPeriod(query, localDate(engine.now(), office.timeZone)));
      if (query.format === 'json') return report;
      const label = (text: Parameters<typeof localized>[0] | null, id: string | null) =>
        text ? localized(text, office.defaultLanguage, office.defaultLanguage) : id === null ? '(free text)' : id;
      return sendCsv(res, 'visit-journal', report.period, visitReportTable(report, label));
    }),
  );

  router.get(
    '/visit-journal',
    staff,
    handle((req) => {
      const { day, counterId } = parse(visitJournalQuerySchema, req.query);
      return journal.list(day, counterId);
    }),
  );

  router.put(
    '/visit-journal/tickets/:ticketId',
    requireRole('operator', 'admin'),
    handle((req, res) => {
      const principal = principalOf(res);
      if (principal.kind !== 'user') fail('unauthenticated', 'Sign in first');
      return journal.record(principal.user, parse(ticketIdSchema, req.params.ticketId), parse(visitRecordSchema, req.body));
    }),
  );

  return router;
}
