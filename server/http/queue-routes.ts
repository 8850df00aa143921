// Read-only views of one office's queue: health, the snapshot, the kiosk's service list, a visitor's live
// ticket (by its unguessable id), and the staff journal.
import { Router } from 'express';
import { z } from 'zod';
import { journalQuerySchema, type JournalEntry, type JournalPage, type LiveTicket, type ServicesAnswer } from '../../common/protocol';
import { principalOf } from '../auth/authenticate';
import { estimateWait } from '../domain/estimates';
import { isServed } from '../domain/ticket-commands';
import { addDays, localDate, zonedToEpoch } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import { publicSnapshot, publicTicket } from '../realtime/redact';
import type { Database } from '../store/database';
import { findTicket } from '../store/queue-store';
import { isStaff, requireRole, STAFF_ROLES } from '../auth/permissions';
import { fail, handle, parse } from './respond';

export function queueRoutes(engine: QueueEngine, db: Database): Router {
  const router = Router();

  router.get('/health', handle(() => ({ status: 'ok', serverTime: engine.now(), seq: engine.snapshot().seq })));

  router.get(
    '/snapshot',
    handle(async (_req, res) => {
      await engine.rollDay();
      return isStaff(principalOf(res)) ? engine.snapshot() : publicSnapshot(engine.snapshot());
    }),
  );

  router.get(
    '/services',
    handle(async (): Promise<ServicesAnswer> => {
      await engine.rollDay();
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
      const id = parse(z.string().min(8).max(64), req.params.id);
      await engine.rollDay();
      const live = engine.currentState.tickets.get(id);
      const ticket = live ?? (await findTicket(db, engine.officeId, id));
      if (!ticket) fail('not-found', 'No such ticket');
      const counter = ticket.counterId ? engine.currentConfig.counters.get(ticket.counterId) : undefined;
      const estimate = live && live.status === 'waiting' ? estimateWait(engine.currentState, engine.currentConfig, live, engine.now()) : null;
      return { ticket: publicTicket(ticket), estimate, counterNumber: counter?.number ?? null };
    }),
  );

  router.get(
    '/journal',
    requireRole(...STAFF_ROLES),
    handle(async (req): Promise<JournalPage> => {
      const query = parse(journalQuerySchema, req.query);
      const { timeZone } = engine.currentConfig.office;
      const day = query.day ?? localDate(engine.now(), timeZone);
      const [from, to] = [zonedToEpoch(day, '00:00', timeZone), zonedToEpoch(addDays(day, 1), '00:00', timeZone)];
      // One row more than the page tells whether another page follows. The casts type the parameters
      // that appear bare in `? IS NULL`, which PostgreSQL cannot do by itself.
      const rows = await db.read.all<JournalEntry>(
        `SELECT j.seq, j.at, j.kind, j.ticket_id AS "ticketId", t.code, j.counter_id AS "counterId", j.service_id AS "serviceId",
                j.actor, j.from_state AS "from", j.to_state AS "to", j.note
         FROM journal j LEFT JOIN tickets t ON t.id = j.ticket_id
         WHERE j.office_id = ? AND j.at >= ? AND j.at < ? AND (CAST(? AS TEXT) IS NULL OR j.counter_id = ?) AND (CAST(? AS BIGINT) IS NULL OR j.seq < ?)
         ORDER BY j.seq DESC LIMIT ?`,
        [engine.officeId, from, to, query.counterId ?? null, query.counterId ?? null, query.before ?? null, query.before ?? null, query.limit + 1],
      );
      const entries = rows.slice(0, query.limit);
      return { entries, next: rows.length > query.limit ? entries[entries.length - 1]!.seq : null };
    }),
  );

  return router;
}
