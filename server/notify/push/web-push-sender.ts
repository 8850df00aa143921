// Web Push (the 'push' channel): the rendered message, encrypted for the visitor's subscription
// (RFC 8291, aes128gcm) and signed with the server's VAPID key, posted to the browser's push service,
// which wakes the live page's service worker. `web-push` builds the request; it is sent with fetch,
// so it has a timeout and the answer is read here: 404/410 mean the subscription is gone (the
// visitor unsubscribed or cleared the site), so the contact is stopped; other refusals are retried
// by the outbox. A subscription names any URL the visitor's browser chose, so only https push services
// with a public host name are posted to, and redirects are refused: the server never becomes a way
// to reach addresses on the office's own network.
import webpush from 'web-push';
import { translate } from '../../../common/i18n';
import { pushSubscriptionSchema, type PushPayload, type PushSubscriptionJson } from '../../../common/protocol';
import { SendFailure, type ChannelSender } from '../channel-sender';
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
}

/**
 * Whether a subscription's endpoint may be posted to (and so stored): https, and a public host name —
 * not an IP literal, nor a name that stays on the local network (localhost, *.local, *.internal, one
 * label). Real push services (FCM, Mozilla, Apple, WNS) are all public names. A public name can still
 * resolve to a private address; DNS is not checked here, this closes the direct ways in.
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

export function webPushSender({ keys, subject, endpointAllowed = pushEndpointAllowed }: WebPushSenderDeps): ChannelSender {
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
        });
      } catch {
        // No endpoint in the message: it is the visitor's (personal data), and the message is logged.
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
