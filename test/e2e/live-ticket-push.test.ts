// Web Push end to end in real Chromium at a phone's size: the live ticket page subscribes ("Tell me
// when it's my turn"), the server pushes "2 people ahead" and "your turn" through a real push
// service protocol to the test's own push service on loopback, which decrypts each message and
// delivers it to the page's service worker (CDP ServiceWorker.deliverPushMessage), as FCM would;
// the worker shows the notifications. Headless Chromium cannot subscribe at a real push service,
// so the page's PushManager.subscribe answers a subscription whose keys the test holds, and keeps the
// options the page asked with, which the test checks against the server's VAPID key.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SMS_SETTINGS, type PushSubscriptionJson, type TicketResult, type VapidPublicKey } from '../../common/protocol';
import { createChannelSettingsStore } from '../../server/notify/channel-settings-store';
import { expectAccessible } from '../support/axe';
import { docsScreenshotPath } from '../support/docs-screenshot';
import { startFakeSmsGateway } from '../support/fake-sms-gateway';
import { useBrowserAndServer } from '../support/browser-and-server';
import { call, liveTicketPath, MAIN_OFFICE, officeApi } from '../support/talon-server';
import { allowLoopbackAddress, allowLoopbackEndpoint, startTestPushService, type TestPushService } from '../support/test-push-service';

const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** What the page asked PushManager.subscribe for, the key as base64url (as GET /api/push/vapid-public-key gives it). */
interface SubscribedWith {
  userVisibleOnly: boolean | undefined;
  applicationServerKey: string | null | undefined;
}

/**
 * Replaces the browser's push subscription with the test's (runs in the page before its scripts), and
 * keeps what the page asked for in `window.subscribedWith`: the fake answers any key, a browser only the server's.
 */
function fakeSubscribe(subscription: PushSubscriptionJson): void {
  const base64Url = (key: BufferSource | string | null | undefined) => {
    if (key === null || key === undefined || typeof key === 'string') return key;
    const bytes = ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : new Uint8Array(key);
    return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  };
  const made = {
    endpoint: subscription.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: null },
    getKey: () => null,
    toJSON: () => subscription,
    unsubscribe: () => Promise.resolve(true),
  };
  PushManager.prototype.subscribe = (options?: PushSubscriptionOptionsInit) => {
    const asked: SubscribedWith = { userVisibleOnly: options?.userVisibleOnly, applicationServerKey: base64Url(options?.applicationServerKey) };
    (window as unknown as { subscribedWith: SubscribedWith }).subscribedWith = asked;
    return Promise.resolve(made as unknown as PushSubscription);
  };
  PushManager.prototype.getSubscription = () => Promise.resolve(null);
}

/** Counts the page's buzzes and chime tones (headless Chromium has neither a vibrator nor speakers to check). */
function recordAlerts(): void {
  const counts = { vibrations: 0, tones: 0 };
  (window as unknown as { alerts: typeof counts }).alerts = counts;
  navigator.vibrate = () => {
    counts.vibrations += 1;
    return true;
  };
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    counts.tones += 1;
    return createOscillator.call(this);
  };
}

describe('live ticket page with Web Push', () => {
  const env = useBrowserAndServer({ pushEndpointAllowed: allowLoopbackEndpoint, pushAddressAllowed: allowLoopbackAddress });
  let push: TestPushService;
  beforeAll(async () => {
    push = await startTestPushService();
  });
  afterAll(() => push.close());

  it('subscribes, and the service worker shows "2 people ahead" and then "your turn: window 1"', async () => {
    const { server } = env;
    await createChannelSettingsStore(server.db, MAIN_OFFICE).save('push', { enabled: true }, Date.now());
    const issue = async () => {
      const answer = await call<TicketResult>(server, officeApi('/tickets'), { deviceKey: server.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'en' } });
      if (!answer.body.ok) throw new Error('issuing failed');
      return answer.body.data.ticket;
    };
    await issue();
    await issue();
    const ticket = await issue();

    const context = await env.browser.newContext({ viewport: PHONE });
    await context.grantPermissions(['notifications'], { origin: server.url });
    const subscription = push.subscription();
    await context.addInitScript(fakeSubscribe, subscription);
    await context.addInitScript(recordAlerts);
    const page = await context.newPage();
    await page.goto(`${server.url}${liveTicketPath(ticket.id)}`);
    await page.locator('kiosk-notify-me button[data-push]').click();
    await page.locator('kiosk-notify-me [data-push="on"]').waitFor();
    // The page subscribed with the server's key, for notifications it shows (a browser refuses silent pushes).
    const vapid = await call<VapidPublicKey>(server, '/api/push/vapid-public-key');
    if (!vapid.body.ok) throw new Error('no VAPID public key');
    await expect(page.evaluate(() => (window as unknown as { subscribedWith: SubscribedWith }).subscribedWith)).resolves.toEqual({
      userVisibleOnly: true,
      applicationServerKey: vapid.body.data.publicKey,
    });

    // What the push service receives goes to the page's service worker, as a browser's push service would send it.
    const cdp = await context.newCDPSession(page);
    const registrations = new Map<string, string>();
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => {
      for (const r of updated) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.get(`${server.url}/t/`)).toBeDefined();
    push.onMessage = async (message) => {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: registrations.get(`${server.url}/t/`)!, data: message.text });
    };
    const notifications = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration('/t/');
        const shown = (await registration?.getNotifications()) ?? [];
        // Chromium shows a notification's buttons (`actions`), which the DOM library does not declare.
        return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag, buttons: (n as unknown as { actions: { title: string }[] }).actions.map((a) => a.title) }));
      });

    const token = await server.login('operator1');
    const counter = (action: string) => call(server, officeApi(`/counters/booth-1/${action}`), { token, body: {} });
    // The first event after subscribing (the booth opens) finds two ahead, within the office's threshold of three.
    await counter('open');
    await expect.poll(notifications).toEqual([
      { title: `Ticket ${ticket.code}: your turn is near`, body: `Ticket ${ticket.code}: 2 people ahead of you. Please come back to the hall.`, tag: `ticket-${ticket.id}`, buttons: ['Stop messages'] },
    ]);
    const ahead = JSON.parse(push.messages[0]!.text) as { url: string; urgent: boolean };
    // The server's public address (this machine's, unless configured) with the ticket's page.
    expect(new URL(ahead.url).pathname + new URL(ahead.url).search).toBe(liveTicketPath(ticket.id));

    await counter('call-next');
    await counter('finish');
    await counter('call-next');
    await counter('finish');
    await counter('call-next');
    // Told once: nothing more until the call. The same tag: "your turn" replaces "1 ahead".
    await expect.poll(notifications).toEqual([{ title: `Ticket ${ticket.code}: your turn`, body: expect.stringContaining('window 1') as unknown as string, tag: `ticket-${ticket.id}`, buttons: ['Stop messages'] }]);
    // Only the call is urgent: "N ahead" may wait for a phone that is saving its battery.
    expect(push.messages.map((m) => m.urgency)).toEqual(['normal', 'high']);

    // The page, open all along, also chimes, buzzes and flashes the call in its title.
    await page.locator('kiosk-live-ticket [data-status="called"]').waitFor();
    await expect.poll(() => page.title()).toBe('Your turn! Window 1');
    // One call: one buzz and the chime's two tones.
    await expect(page.evaluate(() => (window as unknown as { alerts: unknown }).alerts)).resolves.toEqual({ vibrations: 1, tones: 2 });
    await context.close();
  });

  it('offers an SMS when the office sends them, only with consent, and the gateway gets "your turn" in the page\'s language', async () => {
    const { server } = env;
    const gateway = await startFakeSmsGateway();
    const settings = createChannelSettingsStore(server.db, MAIN_OFFICE);
    await settings.save('push', { enabled: true }, Date.now());
    await settings.save('sms', { ...DEFAULT_SMS_SETTINGS, enabled: true, url: `${gateway.origin}/send` }, Date.now());
    const issued = await call<TicketResult>(server, officeApi('/tickets'), { deviceKey: server.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'en' } });
    if (!issued.body.ok) throw new Error('issuing failed');
    const ticket = issued.body.data.ticket;

    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}${liveTicketPath(ticket.id)}`);
    const form = page.locator('kiosk-notify-me form[data-sms]');
    await form.waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: docsScreenshotPath(join(SCREENSHOTS, 'live-ticket-notify-me.png')), fullPage: true });
    // The visitor reads the page in Ukrainian (the ticket was taken in English): the SMS comes in Ukrainian.
    await page.locator('tl-language-switch button[lang="uk"]').click();
    const send = form.locator('button[type="submit"]', { hasText: 'Надіслати SMS' });
    await form.locator('input[type="tel"]').fill('+7 900 000-00-00');
    await expect(send.isDisabled()).resolves.toBe(true);
    await form.locator('input[type="checkbox"]').check();
    await send.click();
    await page.locator('kiosk-notify-me [data-sms="on"]').waitFor();

    const token = await server.login('operator1');
    const counter = (action: string) => call(server, officeApi(`/counters/booth-1/${action}`), { token, body: {} });
    // The booth opens (or already is, holding the last test's ticket, which it finishes): this one is next.
    await counter('open');
    await counter('finish');
    await counter('call-next');
    await expect.poll(() => gateway.requests.map((r) => JSON.parse(r.body) as { to: string; text: string })).toEqual([
      { to: '+79000000000', text: expect.stringContaining(`Ваша черга: вікно 1. Талон ${ticket.code}.`) as unknown as string },
    ]);
    await page.close();
    await gateway.close();
  });
});
