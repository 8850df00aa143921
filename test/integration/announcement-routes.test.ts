import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

// The real server with the real espeak-ng; its announcement cache lives in the data folder.
let talon: RunningTalon;
let base: string;
let cacheDir: string;

beforeAll(async () => {
  talon = await startTalon();
  cacheDir = join(talon.dataDir, 'announcements');
  base = `${talon.url}${officeApi('/announcements/audio')}`;
});

afterAll(() => talon.close());

const audio = (query: string, deviceKey?: string) => fetch(`${base}?${query}`, deviceKey ? { headers: { Authorization: `Device ${deviceKey}` } } : {});
const wavFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.wav'));

describe('GET /api/offices/:officeId/announcements/audio', () => {
  it('answers a signed-in display a WAV for a call the office can make, and synthesizes each phrase once', async () => {
    const display = talon.deviceKey('display');
    const query = `ticket=${encodeURIComponent('Д101')}&counter=3&lang=ru`;
    const first = await audio(query, display);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
    const again = Buffer.from(await (await audio(query, display)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    expect(wavFiles()).toHaveLength(1);
  });

  it('refuses a stranger a call the office never made, without synthesizing anything', async () => {
    const before = wavFiles();
    for (const ticket of ['Д102', 'Д999', 'С150']) {
      const response = await audio(`ticket=${encodeURIComponent(ticket)}&counter=3&lang=ru`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(wavFiles()).toEqual(before);
  });

  it.each([
    ['a code that is not a letter and digits', `ticket=${encodeURIComponent('Д-101')}&counter=3&lang=ru`],
    ['a code with a quote in it', `ticket=${encodeURIComponent('"101')}&counter=3&lang=ru`],
    ['counter 0', `ticket=${encodeURIComponent('Д101')}&counter=0&lang=ru`],
    ['counter 1000', `ticket=${encodeURIComponent('Д101')}&counter=1000&lang=ru`],
    ['a fractional counter', `ticket=${encodeURIComponent('Д101')}&counter=2.5&lang=ru`],
    ['a language Talon does not speak', `ticket=${encodeURIComponent('Д101')}&counter=3&lang=de`],
    ['a missing ticket', 'counter=3&lang=ru'],
    ['an unexpected parameter', `ticket=${encodeURIComponent('Д101')}&counter=3&lang=ru&voice=x`],
  ])('refuses %s as invalid input', async (_, query) => {
    const response = await audio(query);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it.each([
    ['a prefix no service uses', `ticket=${encodeURIComponent('Ж101')}&counter=3&lang=ru`],
    ['a number outside the service range', `ticket=${encodeURIComponent('Д99')}&counter=3&lang=ru`],
    ['a number written with a leading zero', `ticket=${encodeURIComponent('Д0101')}&counter=3&lang=ru`],
    ['a counter number the office does not have', `ticket=${encodeURIComponent('Д101')}&counter=42&lang=ru`],
  ])('answers not-found for %s, without synthesizing anything', async (_, query) => {
    const before = readdirSync(cacheDir).length;
    const response = await audio(query);
    expect(response.status).toBe(404);
    expect(readdirSync(cacheDir)).toHaveLength(before);
  });
});

describe('a call made at a counter', () => {
  it('has its audio ready in the cache in every office language before a display asks', async () => {
    const before = readdirSync(cacheDir).length;
    const operator = await talon.login('operator4');
    await fetch(`${talon.url}${officeApi('/tickets')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Device ${talon.deviceKey('kiosk')}` },
      body: JSON.stringify({ serviceId: 'consultation' }),
    });
    for (const action of ['open', 'call-next']) {
      await fetch(`${talon.url}${officeApi(`/counters/booth-4/${action}`)}`, { method: 'POST', headers: { Authorization: `Bearer ${operator}` } });
    }
    // ru, uk and en: one new file each, made without any request for them.
    await vi.waitFor(() => expect(readdirSync(cacheDir).length).toBe(before + 3), { timeout: 15_000 });
  });

  it('is announced to a hall display that asks without signing in (an audio element sends no key)', async () => {
    const operator = await talon.login('operator3');
    const issued = await call<{ ticket: { code: string } }>(talon, officeApi('/tickets'), { body: { serviceId: 'consultation' }, deviceKey: talon.deviceKey('kiosk') });
    await call(talon, officeApi('/counters/booth-3/open'), { body: {}, token: operator });
    const called = await call<{ ticket: { code: string } }>(talon, officeApi('/counters/booth-3/call-next'), { body: {}, token: operator });
    const snapshot = await call<{ counters: { id: string; number: number }[] }>(talon, officeApi('/snapshot'), { token: operator });
    if (!issued.body.ok || !called.body.ok || !snapshot.body.ok) throw new Error('the call was not made');
    const number = snapshot.body.data.counters.find((c) => c.id === 'booth-3')!.number;

    const response = await audio(`ticket=${encodeURIComponent(called.body.data.ticket.code)}&counter=${number}&lang=uk`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const elsewhere = await audio(`ticket=${encodeURIComponent(called.body.data.ticket.code)}&counter=${number === 1 ? 2 : 1}&lang=uk`);
    expect(elsewhere.status).toBe(404);
  });
});
