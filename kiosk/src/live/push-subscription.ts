// This phone's Web Push subscription for the live ticket page: the service worker at /ticket-sw.js
// (scope /t/, so it serves every ticket's page), the browser's permission, and a subscription made
// with the server's VAPID key. One subscription serves all of a phone's tickets; the server keeps one
// contact per ticket.
import type { PushSubscriptionJson, Result, VapidPublicKey } from '../../../common/protocol';
import { api } from '../../../common/ui/api';

export const TICKET_WORKER_PATH = '/ticket-sw.js';
const TICKET_WORKER_SCOPE = '/t/';

export type SubscribeOutcome = { ok: true; subscription: PushSubscriptionJson } | { ok: false; why: 'unavailable' | 'blocked' | 'failed' };

/** Push needs a secure page (https, or localhost), a service worker and the Push API. */
export function pushAvailable(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** Asks for permission (call it from a tap: browsers ask only then) and subscribes this phone. */
export async function subscribeThisPhone(): Promise<SubscribeOutcome> {
  if (!pushAvailable()) return { ok: false, why: 'unavailable' };
  if ((await Notification.requestPermission()) !== 'granted') return { ok: false, why: 'blocked' };
  const key: Result<VapidPublicKey> = await api<VapidPublicKey>('/api/push/vapid-public-key');
  if (!key.ok) return { ok: false, why: 'failed' };
  try {
    // A classic worker (module ones are newer than some phones' browsers): the worker imports nothing, so it is one either way.
    await navigator.serviceWorker.register(TICKET_WORKER_PATH, { scope: TICKET_WORKER_SCOPE });
    const registration = await navigator.serviceWorker.ready;
    const applicationServerKey = base64UrlBytes(key.data.publicKey);
    let subscription = await registration.pushManager.getSubscription();
    // A subscription made with another key (the server's keys were replaced) would be refused by the push service.
    if (subscription && !sameKey(subscription.options.applicationServerKey, applicationServerKey)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
    return { ok: true, subscription: subscription.toJSON() as PushSubscriptionJson };
  } catch {
    return { ok: false, why: 'failed' };
  }
}

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const bytes = new Uint8Array(a);
  return bytes.every((byte, i) => byte === b[i]);
}
