// The visitor's phone as a channel (#13): the rules for taking a ticket from a phone, and the
// office's ways of telling visitors (Web Push, e-mail, SMS). Each is one office's settings document
// (table channel_settings, one row per office and kind); an office without a row has it off.
// Secrets (the SMTP password, the SMS gateway's headers) are written by an admin and never read back:
// GET answers them blank with `…Set: true`, and a PUT that leaves one blank keeps the stored one.
import { z } from 'zod';
import { bookingPhone, id, lang, storableText } from './schemas';

export type ChannelSettingsKind = 'remote-join' | 'messages' | 'mail' | 'sms' | 'push';

// ---------------------------------------------------------------- joining from a phone

export interface RemoteJoinServiceRule {
  /** Phones may take a ticket for this service. */
  enabled: boolean;
  /** Share of the service's daily limit phones may take, 0–1 (ignored when it has no limit). */
  phoneShare: number;
  /** The office's `minutesBeforeOpening` for this service alone; null or absent (documents stored before it): the office's. */
  minutesBeforeOpening?: number | null;
}

export interface RemoteJoinSettings {
  enabled: boolean;
  /** Phones may join from this many minutes before opening (0: only while the kiosk issues). */
  minutesBeforeOpening: number;
  /** A phone ticket becomes callable only once the visitor says "I'm here" (a button, or the entrance QR again). */
  requireArrival: boolean;
  /** With requireArrival: a phone ticket not confirmed this many minutes after it was taken is dropped (a no-show); null keeps it all day. */
  arriveWithinMinutes: number | null;
  /** Tickets one phone (one browser) may take in a day, in this office. */
  ticketsPerPhonePerDay: number;
  /** Every service's rule; a service not named here follows `defaultRule`. */
  defaultRule: RemoteJoinServiceRule;
  services: Record<string, RemoteJoinServiceRule>;
}

export const DEFAULT_REMOTE_JOIN_SETTINGS: RemoteJoinSettings = {
  enabled: false,
  minutesBeforeOpening: 0,
  requireArrival: true,
  arriveWithinMinutes: 60,
  ticketsPerPhonePerDay: 2,
  defaultRule: { enabled: true, phoneShare: 0.5 },
  services: {},
};

const minutesBeforeOpening = z.number().int().min(0).max(12 * 60);

const serviceRuleSchema = z
  .object({ enabled: z.boolean(), phoneShare: z.number().min(0).max(1), minutesBeforeOpening: minutesBeforeOpening.nullable().optional() })
  .strict();

export const remoteJoinSettingsSchema = z
  .object({
    enabled: z.boolean(),
    minutesBeforeOpening,
    requireArrival: z.boolean(),
    arriveWithinMinutes: z.number().int().min(5).max(24 * 60).nullable(),
    ticketsPerPhonePerDay: z.number().int().min(1).max(20),
    defaultRule: serviceRuleSchema,
    services: z.record(id, serviceRuleSchema),
  })
  .strict();

// ---------------------------------------------------------------- what is sent, and when

export interface MessageSettings {
  /** "N people ahead of you" is sent once, when this many are ahead (0: never). */
  aheadThreshold: number;
  /** A booking's reminder goes the day before, at this hour of the office's clock. */
  reminderHour: number;
  /** No e-mail or SMS about a booking is sent between these times of the office's clock, but its confirmation (just booked: awaited) and queue news (about now) are never held. */
  quietFrom: string;
  quietUntil: string;
}

export const DEFAULT_MESSAGE_SETTINGS: MessageSettings = { aheadThreshold: 3, reminderHour: 18, quietFrom: '21:00', quietUntil: '08:00' };

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const messageSettingsSchema = z
  .object({
    aheadThreshold: z.number().int().min(0).max(50),
    reminderHour: z.number().int().min(0).max(23),
    quietFrom: clockTime,
    quietUntil: clockTime,
  })
  .strict();

export interface MailSettings {
  enabled: boolean;
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  /** Write-only: GET answers '' and `passwordSet`. */
  password: string;
  passwordSet?: boolean;
  /** The From address, e.g. "Client service <noreply@example.org>". */
  from: string;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = { enabled: false, host: '', port: 587, secure: false, user: '', password: '', from: '' };

export const mailSettingsSchema = z
  .object({
    enabled: z.boolean(),
    host: storableText.trim().max(253),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: storableText.max(200),
    password: storableText.max(200),
    from: storableText.trim().max(200),
  })
  .strict()
  .refine((s) => !s.enabled || (s.host !== '' && s.from !== ''), 'an enabled mail server needs a host and a From address');

/** Where a generic HTTP SMS gateway's request puts the text: {phone} and {text} are replaced (encoded for the content type). */
export interface SmsSettings {
  enabled: boolean;
  method: 'POST' | 'GET';
  /** e.g. https://sms.example.org/send?to={phone}&text={text} */
  url: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded' | 'text/plain';
  /** e.g. {"to":"{phone}","message":"{text}","sender":"Office"}; ignored for GET. */
  body: string;
  /** Write-only values (an API token): GET answers the names with '' values and `headersSet`. */
  headers: Record<string, string>;
  headersSet?: boolean;
}

export const DEFAULT_SMS_SETTINGS: SmsSettings = { enabled: false, method: 'POST', url: '', contentType: 'application/json', body: '{"to":"{phone}","text":"{text}"}', headers: {} };

export const smsSettingsSchema = z
  .object({
    enabled: z.boolean(),
    method: z.enum(['POST', 'GET']),
    url: storableText.trim().max(2000),
    contentType: z.enum(['application/json', 'application/x-www-form-urlencoded', 'text/plain']),
    body: storableText.max(4000),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), storableText.max(1000)),
  })
  .strict()
  .refine((s) => !s.enabled || /^https?:\/\//.test(s.url), 'an enabled gateway needs an http(s) URL')
  .refine((s) => !s.enabled || s.url.includes('{phone}') || s.body.includes('{phone}'), 'the URL or the body must contain {phone}');

export interface PushSettings {
  enabled: boolean;
}

export const DEFAULT_PUSH_SETTINGS: PushSettings = { enabled: false };
export const pushSettingsSchema = z.object({ enabled: z.boolean() }).strict();

// ---------------------------------------------------------------- contacts and messages

export type ContactChannel = 'email' | 'sms' | 'push';

/** A push subscription as the browser's PushSubscription.toJSON() gives it. */
export const pushSubscriptionSchema = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(2000),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: z.string().min(16).max(200), auth: z.string().min(8).max(100) }).strict(),
  })
  .strict();
export type PushSubscriptionJson = z.output<typeof pushSubscriptionSchema>;

/** POST /api/offices/<id>/public/tickets/<ticketId>/contacts: the visitor asks to be told about their ticket (in `language`, else the ticket's). */
export const ticketContactSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('push'), subscription: pushSubscriptionSchema, consent: z.literal(true), language: lang.optional() }).strict(),
  // The number as the booking form takes it (6–15 digits): the gateway never gets one it cannot send to.
  z.object({ channel: z.literal('sms'), phone: bookingPhone, consent: z.literal(true), language: lang.optional() }).strict(),
  z.object({ channel: z.literal('email'), email: z.email().max(254), consent: z.literal(true), language: lang.optional() }).strict(),
]);
export type TicketContactInput = z.output<typeof ticketContactSchema>;

/** What a message tells; rendered in the contact's language when it is sent. */
export type MessageFacts =
  | { kind: 'ticket-ahead'; ticketId: string; ticketCode: string; ahead: number }
  | { kind: 'ticket-called'; ticketId: string; ticketCode: string; counterNumber: number | null; counterName: string | null }
  | {
      kind: 'booking-confirmed' | 'booking-reminder' | 'booking-moved' | 'booking-cancelled';
      appointmentId: string;
      code: string;
      serviceId: string;
      slotStart: number;
      slotEnd: number;
      /** Only in a confirmation, for its manage link (`/book/manage/#<token>`); the outbox forgets it once sent. */
      manageToken?: string;
    };

export type MessageKind = MessageFacts['kind'];

/** The channels an office offers visitors now: the public pages show only these. */
export interface OfferedChannels {
  push: boolean;
  sms: boolean;
  email: boolean;
}

// ---------------------------------------------------------------- Web Push

/** GET /api/push/vapid-public-key: the server's VAPID public key (base64url), for PushManager.subscribe. */
export interface VapidPublicKey {
  publicKey: string;
}

/** What a push message carries (encrypted, read only by the visitor's service worker): ready-made text. */
export interface PushPayload {
  /** The notification's title and body, in the visitor's language. */
  title: string;
  body: string;
  /** The page a tap opens (the live ticket page). */
  url: string;
  /** The contact's stop link, behind the notification's button labelled `stopLabel`. */
  stopUrl: string;
  stopLabel: string;
  /** Notifications with one tag replace each other: "3 ahead" gives way to "your turn". */
  tag: string;
  /** A "your turn" keeps ringing and stays until the visitor looks. */
  urgent: boolean;
}
