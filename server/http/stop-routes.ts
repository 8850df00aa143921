// Stop links (organisation-wide: a token names its contact, whatever the office). The page /stop/
// reads the token from its #fragment and posts it here as JSON; a mail client's one-click unsubscribe
// (RFC 8058) posts `List-Unsubscribe=One-Click` as a form to /api/stop?t=<token> — a query string, which
// the request log never writes. Both answer the same whether the token was known or not, beyond `stopped`.
import express, { Router } from 'express';
import { z } from 'zod';
import { storableText } from '../../common/protocol/schemas';
import { limitPerIp } from '../auth/limit-per-ip';
import { stopByToken } from '../notify/contacts-store';
import type { NotifyLimiters } from '../notify/notify-limits';
import type { Database } from '../store/database';
import { handle, parse } from './respond';

const tokenSchema = storableText.min(16).max(64);
const stopSchema = z.object({ token: tokenSchema }).strict();
const oneClickSchema = z.object({ t: tokenSchema }).loose();

export function stopRoutes(db: Database, clock: () => number, limiters: NotifyLimiters): Router {
  const router = Router();
  router.post(
    '/api/stop',
    express.urlencoded({ extended: false, limit: '1kb' }),
    handle(async (req, res) => {
      limitPerIp(limiters.stop, req, res);
      const token = req.is('application/json') ? parse(stopSchema, req.body).token : parse(oneClickSchema, req.query).t;
      const contact = await db.transaction((tx) => stopByToken(tx, token, clock()), { lock: 'outbox' });
      if (contact) req.log.info({ contact: contact.id, office: contact.officeId }, 'a visitor stopped messages');
      return { stopped: contact !== null };
    }),
  );
  return router;
}
