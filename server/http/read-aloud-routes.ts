// A kiosk reads its screen aloud for a visitor who cannot see it well (EN 301 549 §5.1.3):
// POST /api/offices/<id>/kiosk/read-aloud answers a WAV of the screen's heading and options in the visitor's
// language. Only kiosks may ask, and only for catalogue texts and the office's own names (see
// common/protocol/read-aloud.ts), so nobody can make the server say what they like.
import { Router } from 'express';
import { spokenScreen } from '../../common/i18n/spoken-screen';
import { READ_ALOUD_PATH, readAloudSchema } from '../../common/protocol';
import { principalOf } from '../auth/authenticate';
import type { QueueConfig } from '../domain/state';
import type { AnnouncementCache } from '../speech/announcement-cache';
import type { SpeechEngine } from '../speech/speech-engine';
import { fail, handle, parse } from './respond';

export interface ScreenReader {
  engine: SpeechEngine;
  cache: AnnouncementCache;
}

export function readAloudRoutes(config: () => QueueConfig, reader: ScreenReader): Router {
  const router = Router();
  router.post(
    READ_ALOUD_PATH,
    handle(async (req, res) => {
      const principal = principalOf(res);
      if (principal.kind !== 'device' || principal.device.kind !== 'kiosk') {
        fail(principal.kind === 'public' ? 'unauthenticated' : 'forbidden', 'Only a kiosk reads its screen aloud');
      }
      const { lang, parts } = parse(readAloudSchema, req.body);
      const { office, services } = config();
      if (!office.languages.includes(lang)) fail('not-found', `The office does not speak ${lang}`);
      let text: string;
      try {
        text = spokenScreen(parts, lang, { services: [...services.values()], fallback: office.defaultLanguage });
      } catch (error) {
        fail('invalid-input', error instanceof Error ? error.message : 'Nothing to read');
      }
      const file = await reader.cache.audioFile(reader.engine, lang, text);
      await new Promise<void>((resolve, reject) =>
        res.sendFile(file, { headers: { 'Content-Type': 'audio/wav' }, maxAge: '1h' }, (error) => (error ? reject(error) : resolve())),
      );
    }),
  );
  return router;
}
