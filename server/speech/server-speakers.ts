// For an office that wants calls spoken on the server's own speakers too: one announcement at a
// time, in call order, in the ticket's language, through `say` (Festival on Linux, the OS voice elsewhere).
import { announcementText } from '../../common/i18n/announcement-text';
import type { QueueEvent } from '../../common/protocol';
import type { QueueEngine } from '../engine/queue-engine';
import type { SayEngine } from './say-engine';
import { logger } from '../observability/logger';

export function speakCallsOnServer(engine: QueueEngine, say: Pick<SayEngine, 'speak'>): () => void {
  let tail: Promise<void> = Promise.resolve();
  return engine.onEvents((events: QueueEvent[]) => {
    const { office, counters } = engine.currentConfig;
    if (!office.announcements.serverSpeakers) return;
    for (const event of events) {
      const { ticket } = event;
      if ((event.kind !== 'ticket-called' && event.kind !== 'ticket-recalled') || !ticket?.counterId) continue;
      const counter = counters.get(ticket.counterId);
      if (!counter) continue;
      // The visitor's own language, as the hall displays say it first; the office's if it dropped that one.
      const lang = office.languages.includes(ticket.language) ? ticket.language : office.defaultLanguage;
      const text = announcementText(lang, ticket.code, counter.number, office.announcements.templates);
      tail = tail.then(() => say.speak(text, lang)).catch((error: unknown) => logger.error({ err: error, office: engine.officeId }, 'server speakers failed'));
    }
  });
}
