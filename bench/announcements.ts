// The hall's voice: (1) from a counter's "call next" to each of 200 connected displays asking for
// the call's audio — the display asks as soon as the event arrives, as display/src/announcer.ts
// does — and to the audio being in hand; (2) producing an announcement's audio cold (espeak-ng +
// chime) and from the cache.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { announcementText } from '../common/i18n/announcement-text';
import type { Lang, QueueEvent } from '../common/protocol';
import { AnnouncementCache } from '../server/speech/announcement-cache';
import { OfficeVoice } from '../server/speech/office-voice';
import { call, officeApi } from '../test/support/talon-server';
import { connectScreens } from './screens';
import { benchServer } from './server-process';
import { ms, summarize } from './stats';

const OFFICE = 'main';

async function callToAudio(displayCount: number, calls: number): Promise<string> {
  const server = await benchServer();
  try {
    const token = await server.token('operator1');
    const displays = await connectScreens(server.url, OFFICE, server.deviceKey(OFFICE, 'display'), displayCount);
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token });
    const requested: number[] = [];
    const received: number[] = [];
    for (let i = 0; i < calls; i++) {
      await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, token });
      let sent = 0;
      const done = displays.map(
        (socket) =>
          new Promise<void>((resolve) => {
            const onEvent = (event: QueueEvent) => {
              if (event.kind !== 'ticket-called' || !event.ticket) return;
              socket.off('queue:event', onEvent);
              requested.push(performance.now() - sent);
              const query = new URLSearchParams({ ticket: event.ticket.code, counter: '1', lang: 'ru' });
              void fetch(`${server.url}${officeApi(`/announcements/audio?${query}`)}`)
                .then((response) => response.arrayBuffer())
                .then(() => {
                  received.push(performance.now() - sent);
                  resolve();
                });
            };
            socket.on('queue:event', onEvent);
          }),
      );
      sent = performance.now();
      await call(server, officeApi('/counters/booth-1/call-next'), { body: {}, token });
      await Promise.all(done);
      await call(server, officeApi('/counters/booth-1/finish'), { body: {}, token });
    }
    displays.forEach((d) => d.close());
    const r = summarize(requested);
    const a = summarize(received);
    return [
      `${displayCount} displays, ${calls} calls: call next → audio requested p50 ${ms(r.p50)}, p99 ${ms(r.p99)};`,
      `→ audio received (the first display's request synthesizes, the other ${displayCount - 1} are served from the cache) p50 ${ms(a.p50)}, p99 ${ms(a.p99)}.`,
    ].join(' ');
  } finally {
    await server.kill9();
  }
}

async function produceAudio(phrases: number): Promise<string> {
  const voice = new OfficeVoice(mkdtempSync(join(tmpdir(), 'talon-voice-'))).engineFor({ templates: {}, voicePack: null, serverSpeakers: false });
  const cache = new AnnouncementCache(mkdtempSync(join(tmpdir(), 'talon-audio-')));
  const langs: Lang[] = ['ru', 'uk', 'en'];
  const cold: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < phrases; i++) {
    const lang = langs[i % langs.length]!;
    const text = announcementText(lang, `Д${100 + i}`, 1 + (i % 5));
    let t0 = performance.now();
    await cache.audioFile(voice, lang, text);
    cold.push(performance.now() - t0);
    t0 = performance.now();
    await cache.audioFile(voice, lang, text);
    cached.push(performance.now() - t0);
  }
  const c = summarize(cold);
  const h = summarize(cached);
  return `Audio for a new announcement (espeak-ng + chime, ru/uk/en, ${phrases} phrases): cold p50 ${ms(c.p50)}, p99 ${ms(c.p99)}; cached p50 ${ms(h.p50)}, p99 ${ms(h.p99)}.`;
}

export async function benchAnnouncements(): Promise<string> {
  return [await callToAudio(200, 50), '', await produceAudio(30)].join('\n');
}
