// Joining the queue from a phone (docs/phone-join.md): what the join page reads and sends. The phone's
// id is a random string the page keeps in the browser's localStorage; it travels only in POST bodies
// (never in a URL the server logs) and is never part of a public answer.
import { z } from 'zod';
import type { ErrorCode } from './errors';
import type { OfficeStatus } from './events';
import type { Lang, LocalizedText, Ticket } from './model';
import { id, lang, storableText, ticketIdSchema } from './schemas';
import type { OfferedChannels, RemoteJoinSettings } from './visitor-channels';

/** A phone's id: made by the page with crypto.randomUUID() (36 characters); anything short is not one. */
export const phoneIdSchema = storableText.min(16).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** One service as the join page shows it: `refusal` is null when a phone may take it now. */
export interface JoinServiceView {
  id: string;
  name: LocalizedText;
  group: LocalizedText | null;
  kioskOrder: number;
  /** Waiting for this service now (phone tickets not yet here included). */
  waiting: number;
  refusal: ErrorCode | null;
}

/** GET /api/offices/<id>/public/join. */
export interface JoinInfo {
  office: { name: LocalizedText; address: LocalizedText; languages: Lang[]; defaultLanguage: Lang; timeZone: string };
  officeStatus: OfficeStatus;
  rules: Pick<RemoteJoinSettings, 'enabled' | 'requireArrival' | 'arriveWithinMinutes' | 'ticketsPerPhonePerDay' | 'minutesBeforeOpening'>;
  services: JoinServiceView[];
  channels: OfferedChannels;
  /** The address the entrance poster's QR code opens: `<public URL>/join/?office=<id>`. */
  joinUrl: string;
}

/** The join page the entrance poster's QR code opens. */
export function joinPageUrl(publicUrl: string, officeId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/join/?office=${encodeURIComponent(officeId)}`;
}

/** POST /api/offices/<id>/public/join. */
export const joinQueueSchema = z
  .object({
    serviceId: id,
    phoneId: phoneIdSchema,
    language: lang.optional(),
    /** Chosen per tap; a retry with the same id (an answer lost on the way) gets the same ticket. */
    requestId: storableText.min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
  })
  .strict();
export type JoinQueueInput = z.output<typeof joinQueueSchema>;

export interface JoinReceipt {
  ticketId: string;
  code: string;
  /** Set when the ticket waits for the visitor's "I'm here" (until: when it is dropped; null: all day). */
  awaitingArrival: Ticket['awaitingArrival'] | null;
}

/** POST /api/offices/<id>/public/tickets/<ticketId>/arrived: only the phone that took the ticket may say it. */
export const arrivedSchema = z.object({ phoneId: phoneIdSchema }).strict();
export const arrivedParamsSchema = z.object({ ticketId: ticketIdSchema }).strict();
