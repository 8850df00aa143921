// The live ticket page's service worker (served at /ticket-sw.js, scope /t/): it shows the server's
// push messages as notifications — "3 people ahead", "your turn: window 2" — also while the page is in
// the background or closed, and a tap brings the ticket's page back (focused if open, opened if not);
// its Stop button opens the contact's stop link.
// The text comes ready-made in the visitor's language (the server renders it), so nothing here is
// translated. TypeScript's DOM library has no service worker types (the WebWorker one clashes with
// it), so the few this file uses are declared below.
import type { PushPayload } from '../../../common/protocol/visitor-channels';

interface ExtendableEventLike extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface PushEventLike extends ExtendableEventLike {
  readonly data: { json(): unknown } | null;
}
interface NotificationEventLike extends ExtendableEventLike {
  readonly notification: Notification;
  /** The button tapped ('' for the notification itself). */
  readonly action: string;
}
interface WindowClientLike {
  readonly url: string;
  focus(): Promise<unknown>;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEventLike) => void): void;
}
/** Chromium and Firefox take these; the DOM library dropped them from NotificationOptions. */
interface FullNotificationOptions extends NotificationOptions {
  actions?: { action: string; title: string }[];
  renotify?: boolean;
  vibrate?: number[];
}

const sw = self as unknown as ServiceWorkerScope;
/** Long, short, long: a buzz that says "now" rather than "a message came". */
const URGENT_VIBRATION = [400, 150, 400, 150, 800];

// A new version takes over at once: the page registers it right before subscribing.
sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));

sw.addEventListener('push', (event) => {
  const payload = event.data?.json() as PushPayload | undefined;
  // Chromium subscribes with userVisibleOnly: every push must show something.
  if (!payload) return;
  const options: FullNotificationOptions = {
    body: payload.body,
    tag: payload.tag,
    data: { url: payload.url, stopUrl: payload.stopUrl },
    // Every message has its stop link: here a button on the notification.
    actions: [{ action: 'stop', title: payload.stopLabel }],
    icon: '/favicon.svg',
    renotify: payload.urgent,
    requireInteraction: payload.urgent,
    ...(payload.urgent ? { vibrate: URGENT_VIBRATION } : {}),
  };
  event.waitUntil(sw.registration.showNotification(payload.title, options));
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: string; stopUrl?: string } | null;
  const url = event.action === 'stop' ? data?.stopUrl : data?.url;
  if (!url) return;
  event.waitUntil(
    sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((open) => {
      const page = open.find((client) => sameTicketPage(client.url, url));
      return page ? page.focus() : sw.clients.openWindow(url);
    }),
  );
});

/** The live page's address carries the office in its query; the path names the ticket. */
function sameTicketPage(a: string, b: string): boolean {
  return new URL(a).pathname === new URL(b, a).pathname;
}
