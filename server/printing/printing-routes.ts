// Printers for staff: their state (any staff member), reprints (counter staff) and test pages (admins).
import { Router } from 'express';
import { id } from '../../common/protocol';
import { reprintSchema, type PrinterInfo, type QueuedPrintJob } from '../../common/protocol/printing';
import { requireRole, STAFF_ROLES } from '../auth/permissions';
import { handle, parse } from '../http/respond';
import type { PrintDesk } from './print-desk';

export function printingRoutes(desk: PrintDesk): Router {
  const router = Router();

  router.get(
    '/printers',
    requireRole(...STAFF_ROLES),
    handle((): Promise<PrinterInfo[]> => desk.printers()),
  );

  router.post(
    '/tickets/:ticketId/reprint',
    requireRole('operator', 'admin'),
    handle((req): Promise<QueuedPrintJob> => desk.reprint(parse(id, req.params.ticketId), parse(reprintSchema, req.body ?? {}).agentId)),
  );

  router.post(
    '/printers/:agentId/test-page',
    requireRole('admin'),
    handle((req): Promise<QueuedPrintJob> => desk.testPage(parse(id, req.params.agentId))),
  );

  return router;
}
