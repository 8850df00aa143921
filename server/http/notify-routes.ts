// One office's routes for telling visitors: the admins' channel settings (secrets write-only) with a
// test e-mail, and the live ticket page's public routes: which channels the office offers now, and
// asking to be told about its ticket. The answer to a visitor names the contact by id only: an
// address, once given, never comes back out.
import { Router } from 'express';
import { z } from 'zod';
import { translate } from '../../common/i18n';
import { ticketContactSchema, ticketIdSchema, type ChannelSettingsKind, type OfferedChannels, type TicketContactInput } from '../../common/protocol';
import { limitPerIp } from '../auth/limit-per-ip';
import { requireRole } from '../auth/permissions';
import type { QueueEngine } from '../engine/queue-engine';
import { CHANNEL_SETTINGS_KINDS, channelSettingsSchema } from '../notify/channel-settings-store';
import { addContact, stopOtherContacts } from '../notify/contacts-store';
import { sendMail } from '../notify/mail-sender';
import type { NotifyLimiters } from '../notify/notify-limits';
import type { OfficeNotify } from '../notify/office-notify';
import { officeName } from '../notify/render-message';
import type { Database } from '../store/database';
import { officeLock } from '../store/office-lock';
import { fail, handle, parse } from './respond';

const kindSchema = z.enum(CHANNEL_SETTINGS_KINDS as [ChannelSettingsKind, ...ChannelSettingsKind[]]);
const testMailSchema = z.object({ to: z.email().max(254) }).strict();

/** What GET adds and a screen sends back unchanged: whether a secret is saved says nothing to store. */
function withoutMarkers(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const { passwordSet: _password, headersSet: _headers, ...settings } = body as Record<string, unknown>;
  return settings;
}

/** The address as stored: a push subscription as its JSON. */
function addressOf(input: TicketContactInput): string {
  switch (input.channel) {
    case 'push':
      return JSON.stringify(input.subscription);
    case 'sms':
      return input.phone;
    case 'email':
      return input.email;
  }
}

export interface NotifyRoutesDeps {
  db: Database;
  engine: QueueEngine;
  notify: OfficeNotify;
  limiters: NotifyLimiters;
  /** Push services a subscription may name (web-push-sender.ts pushEndpointAllowed, or a test's). */
  pushEndpointAllowed: (endpoint: URL) => boolean;
}

export function notifyRoutes({ db, engine, notify, limiters, pushEndpointAllowed }: NotifyRoutesDeps): Router {
  const router = Router();
  router.use('/channels', requireRole('admin'));

  router.get(
    '/channels/:kind',
    handle((req) => notify.settings.forAdmin(parse(kindSchema, req.params.kind))),
  );
  router.put(
    '/channels/:kind',
    handle((req) => {
      const kind = parse(kindSchema, req.params.kind);
      return notify.settings.save(kind, parse(channelSettingsSchema(kind), withoutMarkers(req.body)), engine.now());
    }),
  );
  // The stored server, so the admin tests what messages will use (save first).
  router.post(
    '/channels/mail/test',
    handle(async (req) => {
      const { to } = parse(testMailSchema, req.body);
      const settings = await notify.settings.get('mail');
      if (settings.host === '' || settings.from === '') fail('conflict', 'Save a mail server with a host and a From address first');
      const lang = engine.currentConfig.office.defaultLanguage;
      try {
        await sendMail(settings, {
          to,
          subject: translate(lang, 'messages.testSubject'),
          text: translate(lang, 'messages.testText', { office: officeName(engine.currentConfig, lang) }),
        });
      } catch (error) {
        const { code, responseCode } = error as { code?: string; responseCode?: number };
        fail('conflict', `The mail server did not take the message (${code ?? 'error'}${responseCode ? ` ${responseCode}` : ''})`);
      }
      return { sent: true };
    }),
  );

  // The live page offers only the ways the office tells visitors now.
  router.get(
    '/public/channels',
    handle((req, res): Promise<OfferedChannels> => {
      limitPerIp(limiters.channels, req, res);
      return notify.settings.offered();
    }),
  );

  router.post(
    '/public/tickets/:id/contacts',
    handle(async (req, res) => {
      limitPerIp(limiters.contact, req, res);
      const ticketId = parse(ticketIdSchema, req.params.id);
      const input = parse(ticketContactSchema, req.body);
      // Stored only if it could ever be sent to: the sender refuses the same endpoints.
      if (input.channel === 'push' && !pushEndpointAllowed(new URL(input.subscription.endpoint))) {
        fail('invalid-input', 'This push service is not one the server posts to');
      }
      // A ticket made on another node reaches this one's state through the database.
      await engine.upToDate();
      const ticket = engine.currentState.tickets.get(ticketId);
      // Finished tickets leave the live state, so "not found" covers them too.
      if (!ticket) fail('not-found', 'No such ticket in this office, or it is finished');
      if (!(await notify.settings.offered())[input.channel]) fail('conflict', `This office does not send messages by ${input.channel}`);
      const keepUntil = await notify.keepUntil(ticket.serviceDay);
      const now = engine.now();
      const contact = await db.transaction(async (tx) => {
        const added = await addContact(
          tx,
          notify.officeId,
          { subjectKind: 'ticket', subjectId: ticket.id, channel: input.channel, address: addressOf(input), language: input.language ?? ticket.language, keepUntil },
          now,
        );
        // Only the ticket's holder knows its id (the public payloads name tickets by ticketRef, redact.ts),
        // so a new phone or e-mail is the holder changing their mind: one of each per ticket, the latest,
        // and no pile of addresses for the office to message. Push keeps one per browser (a
        // subscription reaches only the browser that made it).
        if (added.channel !== 'push') await stopOtherContacts(tx, added, now);
        return added;
      }, officeLock(notify.officeId));
      req.log.info({ contact: contact.id, channel: contact.channel }, 'a visitor asked to be told');
      return { contactId: contact.id };
    }),
  );

  return router;
}
