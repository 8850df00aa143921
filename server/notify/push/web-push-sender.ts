// Web Push (the 'push' channel): the rendered message, encrypted for the visitor's subscription
// (RFC 8291, aes128gcm) and signed with the server's VAPID key, posted to the browser's push service,
// which wakes the live page's service worker. `web-push` builds the request; it is sent with undici's
// fetch, so it has a timeout and the answer is read here: 404/410 mean the subscription is gone (the
// visitor unsubscribed or cleared the site), so the contact is stopped; other refusals are retried
// by the outbox. A subscription names any URL the visitor's browser chose, and the server must never
// become a way to reach the office's own network: only https push services with a public host name
// are posted to (pushEndpointAllowed), the connection goes only to public unicast addresses, checked
// when it is made so DNS cannot answer differently between check and use (public-address-agent.ts),
// and redirects are refused.
import type { LookupFunction } from 'node:net';
import { fetch, type Response } from 'undici';
import webpush from 'web-push';
import { translate } from '../../../common/i18n';
import { pushSubscriptionSchema, type PushPayload, type PushSubscriptionJson } from '../../../common/protocol';
import { SendFailure, type ChannelSender } from '../channel-sender';
import { addressRefused, publicAddressAgent, publicUnicastAddress } from './public-address-agent';
import type { VapidKeys } from './vapid-keys';

/** "Your turn" is worthless after some minutes; "3 people ahead" a little longer. */
const URGENT_TTL_SECONDS = 10 * 60;
const NEWS_TTL_SECONDS = 30 * 60;
const TIMEOUT_MS = 10_000;

export interface WebPushSenderDeps {
  keys: VapidKeys;
  /** Whom the push service may contact about this server's messages: an https: URL or a mailto: address (vapidSubject). */
  subject: () => string;
  /** Which push service addresses may be posted to; pushEndpointAllowed unless a test allows its own on loopback. */
  endpointAllowed?: (endpoint: URL) => boolean;
  /** Which addresses the push service may be connected at; publicUnicastAddress unless a test's listens on loopback. */
  addressAllowed?: (address: string) => boolean;
  /** How push services' names are resolved; the system's unless a test answers them itself. */
  lookup?: LookupFunction;
}

/**
 * Whether a subscription's endpoint may be posted to (and so stored): https, and a public host name —
 * not an IP literal, nor a name that stays on the local network (localhost, *.local, *.internal, one
 * label). Real push services (FCM, Mozilla, Apple, WNS) are all public names. The contacts route
 * stores only such endpoints; where a name resolves to is checked when the sender connects
 * (public-address-agent.ts), since a public name can resolve to a private address.
 */
export function pushEndpointAllowed(endpoint: URL): boolean {
  if (endpoint.protocol !== 'https:') return false;
  // WHATWG URL gives IPv6 in brackets and normalises every IPv4 spelling (0x7f.1, 2130706433) to dotted decimal.
  const host = endpoint.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  return !host.endsWith('.local') && !host.endsWith('.internal') && host.includes('.');
}

/** The VAPID subject from the server's public address: it, when https; else a mailto: at its host. */
export function vapidSubject(publicUrl: string): string {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' ? url.origin : `mailto:talon@${url.hostname}`;
}

export function webPushSender({ keys, subject, endpointAllowed = pushEndpointAllowed, addressAllowed = publicUnicastAddress, lookup }: WebPushSenderDeps): ChannelSender {
  const dispatcher = publicAddressAgent({ addressAllowed, ...(lookup ? { lookup } : {}) });
  return {
    channel: 'push',
    async send(_office, contact, message) {
      const subscription = storedSubscription(contact.address);
      if (!subscription || !endpointAllowed(new URL(subscription.endpoint))) throw new SendFailure('not a usable push subscription', 'contact-gone');
      const payload: PushPayload = {
        title: message.subject,
        body: message.text,
        url: message.url,
        stopUrl: message.stopUrl,
        stopLabel: translate(contact.language, 'messages.stopTitle'),
        // One notification per ticket or booking: the newer news replaces the older.
        tag: `${contact.subjectKind}-${contact.subjectId}`,
        urgent: message.urgent,
      };
      const request = webpush.generateRequestDetails(subscription, JSON.stringify(payload), {
        vapidDetails: { subject: subject(), publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: message.urgent ? URGENT_TTL_SECONDS : NEWS_TTL_SECONDS,
        urgency: message.urgent ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
      });
      let response: Response;
      try {
        response = await fetch(request.endpoint, {
          method: request.method,
          headers: request.headers as Record<string, string>,
          ...(request.body ? { body: new Uint8Array(request.body) } : {}),
          signal: AbortSignal.timeout(TIMEOUT_MS),
          // A redirect could lead anywhere, past the endpoint check; push services do not redirect.
          redirect: 'error',
          dispatcher,
        });
      } catch (error) {
        // The messages name neither endpoint nor address: they are the visitor's (personal data), and logged.
        // A non-public address is final: the subscription names a service the server will never post to,
        // as when the endpoint itself is refused above, so the contact is stopped ('give-up' would drop
        // only this message and refuse every later one anew).
        if (addressRefused(error)) throw new SendFailure('the push service is not at a public address', 'contact-gone');
        throw new SendFailure('the push service could not be reached', 'retry');
      }
      await response.body?.cancel();
      if (response.ok) return;
      if (response.status === 404 || response.status === 410) throw new SendFailure(`push subscription gone (${response.status})`, 'contact-gone');
      // Too large or malformed will never pass; throttling and the service's own failures may.
      const outcome = response.status === 413 || response.status === 400 ? 'give-up' : 'retry';
      throw new SendFailure(`the push service answered ${response.status}`, outcome);
    },
  };
}

/** A contact's address on the push channel is its subscription as JSON. */
function storedSubscription(address: string): PushSubscriptionJson | undefined {
  try {
    return pushSubscriptionSchema.safeParse(JSON.parse(address)).data;
  } catch {
    return undefined;
  }
}
