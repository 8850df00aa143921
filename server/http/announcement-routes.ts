// The hall display's voice: GET /api/offices/<id>/announcements/audio?ticket=С101&counter=3&lang=ru answers a
// WAV (chime + speech) for that call. The hall is public and so is what it says, so a display needs
// no sign-in; but synthesis costs time and disk, so a stranger only gets calls the office really
// made (the latest calls the hall displays show), while a signed-in device or person may ask for any
// call the office could make. Input is checked against the office's configuration: only codes its
// services can issue, only its counters, only its languages — that bounds what espeak-ng is ever
// asked to say, and the cache's size bound limits what stays on disk.
import { Router } from 'express';
import { z } from 'zod';
import { announcementText } from '../../common/i18n/announcement-text';
import { LANGUAGES, type AnnouncementSettings, type Lang } from '../../common/protocol';
import type { Principal } from '../auth/principal';
import { ticketCode } from '../domain/numbering';
import type { QueueConfig } from '../domain/state';
import type { QueueEngine } from '../engine/queue-engine';
import type { AnnouncementCache } from '../speech/announcement-cache';
import type { SpeechEngine } from '../speech/speech-engine';
import { fail, handle, parse } from './respond';
import { logger } from '../observability/logger';

export const ANNOUNCEMENT_AUDIO_PATH = '/announcements/audio';

/** A ticket code as the numbering writes it: an optional prefix letter, then the number. */
const TICKET_CODE = /^(\p{Lu}?)(\d{1,4})$/u;

const querySchema = z
  .object({
    ticket: z.string().regex(TICKET_CODE, 'expected a prefix letter and digits, e.g. С101'),
    counter: z.coerce.number().int().min(1).max(999),
    lang: z.enum(LANGUAGES),
  })
  .strict();

export interface AnnouncementSpeech {
  /** The office's voice (chime included) for its current announcement settings. */
  engineFor: (settings: AnnouncementSettings) => SpeechEngine;
  cache: AnnouncementCache;
}

/** Fails unless one of the office's services issues this code, a counter has this number, and the office speaks `lang`. */
function checkAgainstConfig(config: QueueConfig, code: string, counterNumber: number, lang: Lang): void {
  const [, prefix = '', digits = ''] = TICKET_CODE.exec(code) ?? [];
  const number = Number(digits);
  const issuable = [...config.services.values()].some(
    (s) => s.prefix === prefix && number >= s.startNumber && number <= s.endNumber && ticketCode(s.prefix, number) === code,
  );
  if (!issuable) fail('not-found', `No service issues ticket ${code}`);
  if (![...config.counters.values()].some((c) => c.number === counterNumber)) fail('not-found', `No counter has number ${counterNumber}`);
  if (!config.office.languages.includes(lang)) fail('not-found', `The office does not announce in ${lang}`);
}

/** Fails unless the latest calls hold this ticket called (or recalled) to this counter. */
function checkRecentlyCalled(engine: QueueEngine, code: string, counterNumber: number): void {
  const { counters } = engine.currentConfig;
  const called = engine.recentCalls.some((call) => call.code === code && counters.get(call.counterId)?.number === counterNumber);
  if (!called) fail('not-found', `Ticket ${code} was not called to counter ${counterNumber} lately`);
}

export function announcementRoutes(engine: QueueEngine, speech: AnnouncementSpeech): Router {
  const router = Router();
  router.get(
    ANNOUNCEMENT_AUDIO_PATH,
    handle(async (req, res) => {
      const { ticket, counter, lang } = parse(querySchema, req.query);
      const current = engine.currentConfig;
      checkAgainstConfig(current, ticket, counter, lang);
      if ((res.locals.principal as Principal).kind === 'public') checkRecentlyCalled(engine, ticket, counter);
      const { announcements } = current.office;
      const text = announcementText(lang, ticket, counter, announcements.templates);
      const file = await speech.cache.audioFile(speech.engineFor(announcements), lang, text);
      // The same phrase always sounds the same until the engine changes, which changes the file too.
      await new Promise<void>((resolve, reject) =>
        res.sendFile(file, { headers: { 'Content-Type': 'audio/wav' }, maxAge: '1h' }, (error) => (error ? reject(error) : resolve())),
      );
    }),
  );
  return router;
}

/**
 * Synthesizes each call's audio in the office's languages as soon as the call is made, so the hall
 * displays, which ask a moment later, find it in the cache instead of waiting for speech.
 */
export function warmAnnouncements(engine: QueueEngine, speech: AnnouncementSpeech): () => void {
  return engine.onEvents((events) => {
    const { office, counters } = engine.currentConfig;
    for (const event of events) {
      const { ticket } = event;
      if ((event.kind !== 'ticket-called' && event.kind !== 'ticket-recalled') || !ticket?.counterId) continue;
      const counter = counters.get(ticket.counterId);
      if (!counter) continue;
      for (const lang of office.languages) {
        const text = announcementText(lang, ticket.code, counter.number, office.announcements.templates);
        speech.cache.audioFile(speech.engineFor(office.announcements), lang, text).catch((error: unknown) => {
          logger.error({ err: error, office: engine.officeId }, 'could not prepare an announcement');
        });
      }
    }
  });
}
