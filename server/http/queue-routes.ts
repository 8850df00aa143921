// Read-only views of one office's queue: health, the snapshot, the kiosk's service list, a visitor's live
// ticket (by its unguessable id), and the staff journal.
import { Router } from 'express';
import { journalQuerySchema, ticketIdSchema, type JournalPage, type LiveTicket, type ServicesAnswer } from '../../common/protocol';
import { principalOf } from '../auth/authenticate';
import { estimateWait } from '../domain/estimates';
import { isServed } from '../domain/ticket-commands';
import { localDate } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import { audienceOf, snapshotFor, ticketRef, visitorTicket } from '../realtime/redact';
import type { Database } from '../store/database';
import { readJournalPage } from '../store/journal-pages';
import { findTicket } from '../store/queue-store';
import { requireRole, STAFF_ROLES } from '../auth/permissions';
import { fail, handle, parse } from './respond';

export function queueRoutes(engine: QueueEngine, db: Database): Router {
  const router = Router();

  router.get(
    '/health',
    handle(async () => {
      // The office's latest seq as the database has it, whichever node wrote it last.
      await engine.upToDate();
      return { status: 'ok', serverTime: engine.now(), seq: engine.snapshot().seq };
    }),
  );

  router.get(
    '/snapshot',
    handle(async (_req, res) => {
      await engine.upToDate();
      return snapshotFor(audienceOf(principalOf(res)), engine.snapshot());
    }),
  );

  router.get(
    '/services',
    handle(async (): Promise<ServicesAnswer> => {
      await engine.upToDate();
      const { services, counters } = engine.currentConfig;
      const state = engine.currentState;
      const today = localDate(engine.now(), engine.currentConfig.office.timeZone);
      const tickets = [...state.tickets.values()];
      return {
        officeStatus: engine.officeStatus(),
        services: [...services.values()]
          .filter((s) => s.active)
          .map((service) => {
            const numbering = state.numbering.get(service.id);
            const issuedToday = numbering?.day === today ? numbering.issued : 0;
            const countersOpen = [...counters.values()].filter(
              (c) => c.active && c.services.some((s) => s.serviceId === service.id) && state.counters.get(c.id)?.status === 'open',
            ).length;
            return {
              service,
              issuedToday,
              limitReached: service.dailyLimit !== null && issuedToday >= service.dailyLimit,
              served: isServed(engine.currentConfig, service.id),
              countersOpen,
              waiting: tickets.filter((t) => t.serviceId === service.id && t.status === 'waiting').length,
            };
          }),
      };
    }),
  );

  router.get(
    '/tickets/:id',
    handle(async (req): Promise<LiveTicket> => {
      const id = parse(ticketIdSchema, req.params.id);
      await engine.upToDate();
      const live = engine.currentState.tickets.get(id);
      const ticket = live ?? (await findTicket(db, engine.officeId, id));
      if (!ticket) fail('not-found', 'No such ticket');
      const counter = ticket.counterId ? engine.currentConfig.counters.get(ticket.counterId) : undefined;
      const estimate = live && live.status === 'waiting' ? estimateWait(engine.currentState, engine.currentConfig, live, engine.now()) : null;
      return { ticket: visitorTicket(ticket), ref: ticketRef(ticket.id), estimate, counterNumber: counter?.number ?? null };
    }),
  );

  router.get(
    '/journal',
    requireRole(...STAFF_ROLES),
    handle(async (req): Promise<JournalPage> => {
      const query = parse(journalQuerySchema, req.query);
      const { timeZone } = engine.currentConfig.office;
      return readJournalPage(db, engine.officeId, { ...query, timeZone, day: query.day ?? localDate(engine.now(), timeZone) });
    }),
  );

  return router;
}
