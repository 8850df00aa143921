// A Web Push service of the test's own, on loopback, standing in for the browser vendor's (FCM,
// Mozilla's autopush): `subscription()` makes a subscription whose endpoint is here and whose keys
// (ECDH P-256 and the auth secret) the test holds, as a browser would; a message the server pushes is
// checked (aes128gcm, a VAPID signature with the server's key, TTL) and decrypted (RFC 8291 + RFC
// 8188) with node:crypto, then kept for the test to read, or handed to `onMessage` (a browser test
// delivers it to the page's service worker). `gone(endpoint)` makes it answer 410, as a push service
// does for a subscription the visitor dropped. The server refuses it unless told otherwise (plain http,
// an IP literal, a loopback address): a test lets it in with allowLoopbackEndpoint and
// allowLoopbackAddress, for 127.0.0.1 only.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushSubscriptionJson } from '../../common/protocol';

export interface PushedMessage {
  endpoint: string;
  /** The decrypted payload, as the service worker's `event.data.text()` gets it. */
  text: string;
  ttl: number;
  urgency: string | null;
  /** The VAPID public key the message was signed with (base64url). */
  vapidKey: string;
}

export interface TestPushService {
  url: string;
  messages: PushedMessage[];
  subscription(): PushSubscriptionJson;
  /** The next message to `endpoint` (already received or still to come). */
  next(endpoint: string): Promise<PushedMessage>;
  gone(endpoint: string): void;
  onMessage?: (message: PushedMessage) => Promise<void> | void;
  close(): Promise<void>;
}

/** For AppDeps.pushEndpointAllowed (WebPushSenderDeps.endpointAllowed): this service's endpoints. */
export const allowLoopbackEndpoint = (endpoint: URL): boolean => endpoint.hostname === '127.0.0.1';
/** For AppDeps.pushAddressAllowed (WebPushSenderDeps.addressAllowed): this service's address. */
export const allowLoopbackAddress = (address: string): boolean => address === '127.0.0.1';

interface Subscriber {
  ecdh: ECDH;
  auth: Buffer;
}

export async function startTestPushService(): Promise<TestPushService> {
  const subscribers = new Map<string, Subscriber>();
  const goneEndpoints = new Set<string>();
  const waiters: { endpoint: string; seen: number; resolve: (m: PushedMessage) => void }[] = [];
  const server = createServer((req, res) => {
    void receive(req).then(
      (status) => res.writeHead(status).end(),
      (error: unknown) => res.writeHead(400).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const service: TestPushService = {
    url,
    messages: [],
    subscription() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${url}/push/${randomBytes(8).toString('hex')}`;
      subscribers.set(new URL(endpoint).pathname, { ecdh, auth });
      return { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
    },
    next(endpoint) {
      const seen = waiters.filter((w) => w.endpoint === endpoint).length;
      const already = service.messages.filter((m) => m.endpoint === endpoint)[seen];
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiters.push({ endpoint, seen, resolve }));
    },
    gone: (endpoint) => void goneEndpoints.add(endpoint),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function receive(req: IncomingMessage): Promise<number> {
    const body = Buffer.concat(await req.toArray());
    const endpoint = `${url}${req.url}`;
    if (goneEndpoints.has(endpoint)) return 410;
    const subscriber = subscribers.get(req.url ?? '');
    if (req.method !== 'POST' || !subscriber) return 404;
    if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
    const ttl = Number(req.headers.ttl);
    if (!Number.isInteger(ttl)) throw new Error('no TTL');
    const message: PushedMessage = {
      endpoint,
      text: decrypt(body, subscriber).toString('utf8'),
      ttl,
      urgency: typeof req.headers.urgency === 'string' ? req.headers.urgency : null,
      vapidKey: checkVapid(req.headers.authorization, new URL(url).origin),
    };
    try {
      await service.onMessage?.(message);
    } catch (error) {
      // Not delivered: a push service's own failure, which the server retries.
      console.error('test push service: delivering failed', error);
      return 500;
    }
    service.messages.push(message);
    const count = service.messages.filter((m) => m.endpoint === endpoint).length;
    for (const waiter of waiters.filter((w) => w.endpoint === endpoint && w.seen === count - 1)) waiter.resolve(message);
    return 201;
  }

  return service;
}

/** RFC 8291 (Web Push encryption) over RFC 8188 (aes128gcm), one record, as web-push sends it. */
function decrypt(body: Buffer, { ecdh, auth }: Subscriber): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const receiverKey = ecdh.getPublicKey();
  const shared = ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverKey, senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 2, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('bad padding delimiter');
  return padded.subarray(0, end);
}

/** `Authorization: vapid t=<JWT>, k=<public key>`: the JWT (ES256) must verify with k and name this service. */
function checkVapid(header: string | undefined, audience: string): string {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header ?? '');
  if (!match) throw new Error('no VAPID authorization');
  const [, jwt, key] = match as unknown as [string, string, string];
  const [head, claims, signature] = jwt.split('.') as [string, string, string];
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: Buffer.from(key, 'base64url').subarray(1, 33).toString('base64url'), y: Buffer.from(key, 'base64url').subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  const signed = verify('sha256', Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!signed) throw new Error('VAPID signature does not verify');
  const { aud, exp } = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { aud: string; exp: number };
  if (aud !== audience || exp * 1000 < Date.now()) throw new Error('VAPID claims do not fit');
  return key;
}
