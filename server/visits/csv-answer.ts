// Sends a report as a CSV download named after the report and its period, as the analytics reports do.
import type { Response } from 'express';
import type { LocalDate } from '../../common/protocol';
import { toCsv, type Table } from '../analytics/csv';

export function sendCsv(res: Response, report: string, period: { from: LocalDate; to: LocalDate }, table: Table): undefined {
  res.type('text/csv; charset=utf-8').attachment(`talon-${report}-${period.from}-${period.to}.csv`).send(toCsv(table));
  return undefined;
}
