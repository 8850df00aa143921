// An office that wants calls on the server's own speakers gets each call spoken there, in order,
// with its own template. The machine running the tests has no speakers, so what would be spoken
// is recorded instead of played.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { announcementText } from '../../common/i18n';
import type { Office } from '../../common/protocol';
import { createApp, type TalonApp } from '../../server/app';
import type { Database } from '../../server/store/database';
import { call, MAIN_OFFICE, officeApi, startTalon } from '../support/talon-server';
import { createTestDatabase, openTestDatabase } from '../support/test-database';

let app: TalonApp | undefined;
let db: Database | undefined;

afterEach(async () => {
  await app?.close();
  await db?.close();
});

it("speaks each call on the server, in order, in the ticket's language, with the office template", async () => {
  // A seeded database from the test support, then our own app on it with a recording speaker.
  const seeded = await startTalon();
  const admin = await seeded.login('admin');
  const config = await call<{ office: Office }>(seeded, officeApi('/config'), { token: admin });
  if (!config.body.ok) throw new Error('no config');
  const office = config.body.data.office;
  await call(seeded, officeApi('/config/office'), {
    method: 'PUT',
    token: admin,
    body: { ...office, announcements: { templates: { ru: 'Посетитель {ticket}, окно {counter}' }, voicePack: null, serverSpeakers: true } },
  });
  await seeded.close();
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-speakers-'));
  await createTestDatabase(dataDir, seeded.dataDir);

  const spoken: string[] = [];
  db = await openTestDatabase(dataDir);
  app = await createApp({ db, dataDir, webApps: 'none', serverSpeaker: { speak: async (text) => void spoken.push(text) } });
  const engine = app.office(MAIN_OFFICE)!.engine;
  const system = { actor: { kind: 'system' as const } };
  const { issueTicket } = await import('../../server/domain/ticket-commands');
  const { openCounter, callNext } = await import('../../server/domain/counter-commands');
  const operator = { actor: { kind: 'user' as const, id: 'u1', role: 'operator' as const } };
  await engine.execute(system, (s, c, x) => issueTicket(s, c, { serviceId: 'documents', source: 'staff', ignoreHours: true }, x));
  await engine.execute(system, (s, c, x) => issueTicket(s, c, { serviceId: 'documents', source: 'staff', ignoreHours: true, language: 'uk' }, x));
  await engine.execute(operator, (s, c, x) => openCounter(s, c, { counterId: 'booth-3' }, x));
  await engine.execute(operator, (s, c, x) => callNext(s, c, { counterId: 'booth-3' }, x));
  await engine.execute(operator, (s, c, x) => openCounter(s, c, { counterId: 'booth-4' }, { ...x, actor: { kind: 'user', id: 'u2', role: 'operator' } }));
  await engine.execute(operator, (s, c, x) => callNext(s, c, { counterId: 'booth-4' }, { ...x, actor: { kind: 'user', id: 'u2', role: 'operator' } }));
  // The letter is read by its name, as a person would say it; the second visitor chose Ukrainian.
  await vi.waitFor(() => expect(spoken).toEqual(['Посетитель дэ сто, окно три', announcementText('uk', 'Д101', 4, {})]));
});
