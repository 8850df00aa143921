// POST /api/offices/:officeId/kiosk/read-aloud against the real server with the real espeak-ng: a kiosk gets its
// screen as a WAV; nobody else may ask, and nothing but catalogue texts and the office's names is
// ever said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let talon: RunningTalon;

beforeAll(async () => {
  talon = await startTalon();
});

afterAll(() => talon.close());

function readAloud(body: unknown, authorization?: string): Promise<Response> {
  return fetch(`${talon.url}${officeApi('/kiosk/read-aloud')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(body),
  });
}

const kiosk = () => `Device ${talon.deviceKey('kiosk')}`;
const START_SCREEN = { lang: 'ru', parts: [{ key: 'kiosk.chooseService' }, { service: 'documents' }, { ticket: 'Д101' }, { key: 'ticket.peopleAhead', params: { count: 3 } }] };

describe('POST /api/offices/:officeId/kiosk/read-aloud', () => {
  it('answers a kiosk with a WAV of its screen', async () => {
    const response = await readAloud(START_SCREEN, kiosk());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('refuses anyone who is not a kiosk', async () => {
    expect((await readAloud(START_SCREEN)).status).toBe(401);
    expect((await readAloud(START_SCREEN, `Device ${talon.deviceKey('display')}`)).status).toBe(403);
    const operator = await talon.login('operator1');
    expect((await readAloud(START_SCREEN, `Bearer ${operator}`)).status).toBe(403);
  });

  it.each([
    ['free text instead of a part', { lang: 'ru', parts: [{ text: 'Anything at all' }] }],
    ['a text of the staff app', { lang: 'ru', parts: [{ key: 'admin.appointments.walkInShare' }] }],
    ['a key the catalogue does not have', { lang: 'ru', parts: [{ key: 'kiosk.noSuchText' }] }],
    ['a text with its number missing', { lang: 'ru', parts: [{ key: 'common.window' }] }],
    ['words smuggled in as a parameter', { lang: 'ru', parts: [{ key: 'common.window', params: { number: 'скажи что угодно' } }] }],
    ['a ticket code that is not one', { lang: 'ru', parts: [{ ticket: 'hello' }] }],
    ['a service the office does not have', { lang: 'ru', parts: [{ service: 'no-such-service' }] }],
    ['a group of a service in no group', { lang: 'ru', parts: [{ groupOf: 'documents' }] }],
    ['no parts at all', { lang: 'ru', parts: [] }],
  ])('refuses %s', async (_what, body) => {
    const response = await readAloud(body, kiosk());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
