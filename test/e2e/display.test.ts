// The hall display in a real browser against a real Talon: calls made at counters over REST show up
// on the screen and are announced in order; a restart is survived without announcing old calls.
// The audio itself is answered by the test with a short silent WAV: the endpoint has its own test
// (test/integration/announcement-routes.test.ts), and here only what the display asks for matters.
import type { Browser, Page } from 'playwright-core';
import type { Device, DevicePresence, Lang } from '../../common/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let talon: RunningTalon;
let browser: Browser;
const operators = new Map<string, string>();

/** 0.2 s of silence, so a clip really plays and ends. */
function silentWav(): Buffer {
  const samples = 1600;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(16000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  return wav;
}

interface OpenDisplay {
  page: Page;
  /** `<ticket>@<counter>:<lang>` for each announcement clip asked for, in order. */
  announced: string[];
}

async function openDisplay(query: string, viewport = { width: 1920, height: 1080 }): Promise<OpenDisplay> {
  const page = await browser.newPage({ viewport });
  const announced: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== officeApi('/announcements/audio')) return;
    const clip = `${url.searchParams.get('ticket')}@${url.searchParams.get('counter')}:${url.searchParams.get('lang')}`;
    // A media element may ask for the same clip twice (a range request); that is still one clip.
    if (announced.at(-1) !== clip) announced.push(clip);
  });
  await page.route('**/api/offices/main/announcements/audio?*', (route) => route.fulfill({ contentType: 'audio/wav', body: silentWav() }));
  await page.goto(`${talon.url}/display/?key=${talon.deviceKey('display')}&${query}`);
  await page.locator('display-hall, display-booth-sign').first().waitFor();
  return { page, announced };
}

async function asOperator(counterId: string, action: string, body: object = {}) {
  const result = await call<{ ticket: { code: string } | null }>(talon, officeApi(`/counters/${counterId}/${action}`), { body, token: operators.get(counterId)! });
  if (!result.body.ok) throw new Error(`${action} at ${counterId}: ${result.body.error.message}`);
  return result.body.data;
}

async function issue(serviceId: string, language: Lang = 'ru'): Promise<void> {
  const result = await call(talon, officeApi('/tickets'), { body: { serviceId, language }, deviceKey: talon.deviceKey('kiosk') });
  if (!result.body.ok) throw new Error(`issue: ${result.body.error.message}`);
}

/** Frees the counter if it holds a ticket, calls the next one, and returns its code. */
async function callNext(counterId: string): Promise<string> {
  await asOperator(counterId, 'finish').catch(() => undefined);
  const { ticket } = await asOperator(counterId, 'call-next');
  return ticket!.code;
}

async function signInOperators(): Promise<void> {
  for (const n of [1, 2, 3]) {
    operators.set(`booth-${n}`, await talon.login(`operator${n}`));
    await asOperator(`booth-${n}`, 'open').catch(() => undefined);
  }
}

beforeAll(async () => {
  talon = await startTalon({ webApps: 'dist' });
  browser = await launchBrowser({ autoplay: true });
  await signInOperators();
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

const row = (page: Page, code: string) => page.locator(`display-current-calls .row[data-ticket="${code}"]`);

describe('hall display', () => {
  it('shows a call made at a counter, highlights it, and asks for its announcement in the display language', async () => {
    const { page, announced } = await openDisplay('zone=hall&lang=ru');
    await issue('documents');
    const code = await callNext('booth-1');
    await expect.poll(() => row(page, code).textContent()).toMatch(new RegExp(`${code}\\s*→\\s*1`));
    expect(await row(page, code).getAttribute('class')).toContain('fresh');
    await expect.poll(() => announced).toEqual([`${code}@1:ru`]);
    await page.close();
  });

  it("announces a call in the visitor's language first, and the other languages only while no other call waits", async () => {
    const { page, announced } = await openDisplay('zone=hall&lang=ru,uk,en');
    // Clips are held until the test lets them through, so the second call surely comes while the first is said.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/offices/main/announcements/audio?*', async (route) => {
      await released;
      await route.fulfill({ contentType: 'audio/wav', body: silentWav() });
    });
    await issue('documents', 'uk');
    await issue('documents', 'en');
    const first = await callNext('booth-1');
    await expect.poll(() => announced).toEqual([`${first}@1:uk`]);
    const second = await callNext('booth-2');
    await row(page, second).waitFor();
    release();
    // The first call stays Ukrainian only; the last one, in a quiet hall, gets every language after English.
    await expect.poll(() => announced, { timeout: 20_000 }).toEqual([`${first}@1:uk`, `${second}@2:en`, `${second}@2:ru`, `${second}@2:uk`]);
    await page.close();
  });

  it('recovers after a server restart and shows, but never announces, a call made while it was away', async () => {
    const { page, announced } = await openDisplay('zone=hall&lang=ru');
    // Cut the display off first, so the call below surely happens while it is away.
    await page.context().setOffline(true);
    await page.locator('display-app .banner').waitFor();
    await issue('documents');
    const missed = await callNext('booth-2');
    talon = await talon.restart();
    await page.context().setOffline(false);
    await expect.poll(() => row(page, missed).count(), { timeout: 20_000 }).toBe(1);
    await page.locator('display-app .banner').waitFor({ state: 'detached' });
    // A call after the restart is announced: the voice works, it just stays quiet about the past.
    await signInOperators();
    await issue('documents');
    const live = await callNext('booth-3');
    await expect.poll(() => announced, { timeout: 20_000 }).toEqual([`${live}@3:ru`]);
    await page.close();
  });

  it('asks for a tap when the browser blocks sound', async () => {
    const strict = await launchBrowser();
    const page = await strict.newPage();
    await page.goto(`${talon.url}/display/?key=${talon.deviceKey('display')}&lang=ru`);
    await expect.poll(() => page.locator('display-sound-gate [role=alert]').textContent()).toContain('Коснитесь экрана');
    // Staff see the silent screen in their device list.
    const token = await talon.login('operator1');
    await expect.poll(async () => {
      const presence = await call<DevicePresence[]>(talon, officeApi('/device-presence'), { token });
      return presence.body.ok ? presence.body.data.find((d) => d.kind === 'display')?.screens.map((s) => s.report.audio) : undefined;
    }).toContain('blocked');
    await strict.close();
  });

  it('takes its settings from the server and says that it can speak', async () => {
    const admin = await talon.login('admin');
    const devices = await call<Device[]>(talon, officeApi('/devices'), { token: admin });
    const display = devices.body.ok ? devices.body.data.find((d) => d.kind === 'display') : undefined;
    await call(talon, officeApi(`/devices/${display!.id}`), { method: 'PATCH', token: admin, body: { settings: { lang: 'en', waiting: true } } });
    const page = await browser.newPage();
    await page.goto(`${talon.url}/display/?key=${talon.deviceKey('display')}`);
    await expect.poll(() => page.locator('display-waiting').count()).toBe(1);
    await expect.poll(async () => {
      const presence = await call<DevicePresence[]>(talon, officeApi('/device-presence'), { token: admin });
      return presence.body.ok ? presence.body.data.find((d) => d.kind === 'display' && d.online)?.screens.map((s) => s.report.audio) : undefined;
    }).toContain('enabled');
    await call(talon, officeApi(`/devices/${display!.id}`), { method: 'PATCH', token: admin, body: { settings: {} } });
    await page.close();
  });

  it('shows the booth sign with the specialist, the booth’s planned breaks, the ticket being served, and the break', async () => {
    await issue('documents');
    const code = await callNext('booth-1');
    const { page } = await openDisplay('counter=booth-1&lang=ru', { width: 1280, height: 720 });
    // Text inside shadow roots: a host's own textContent is empty, so ask its parts.
    const state = page.locator('display-booth-sign .state');
    await expect.poll(() => state.textContent()).toContain(code);
    expect(await page.locator('display-booth-sign .operator').textContent()).toContain('Иванова А. П.');
    expect(await page.locator('display-booth-sign .breaks').textContent()).toMatch(/Обед 12:00–12:45\s*Технический перерыв 10:30–10:45/);
    await asOperator('booth-1', 'finish');
    await asOperator('booth-1', 'pause', { reason: 'lunch' });
    await expect.poll(() => state.textContent()).toContain('Перерыв');
    await asOperator('booth-1', 'resume');
    await page.close();
  });
});
