// zod schemas for everything a client sends. Input types are inferred from them, so a payload's
// shape is written exactly once.
import { z } from 'zod';
import { localDate } from './calendar-date';
import { LANGUAGES } from './model';

/**
 * Text a client sends that is kept in a column of its own or looked up by: PostgreSQL's text cannot
 * hold the NUL character (U+0000), which SQLite keeps, so it is refused here with a 400 on both
 * engines alike. Text inside a JSON document (an office's configuration, settings) may hold one:
 * the document keeps it escaped, and a stored document that did is still read.
 */
export const storableText = z.string().regex(/^[^\u0000]*$/, 'must not contain the NUL character (U+0000)');
export const id = storableText.min(1).max(64);
/** A ticket's id in an address (ticket ids are long and random; anything shorter is not one). */
export const ticketIdSchema = storableText.min(8).max(64);
export const lang = z.enum(LANGUAGES);
export const shortText = storableText.trim().max(500);
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const localizedText = z
  .object({ ru: z.string().max(200), uk: z.string().max(200), en: z.string().max(200) })
  .partial()
  .strict()
  .refine((t) => Object.values(t).some((v) => v && v.trim() !== ''), 'at least one language is required');

const counterRef = z.object({ counterId: id }).strict();

export const commandSchemas = {
  'ticket:issue': z
    .object({
      serviceId: id,
      language: lang.optional(),
      source: z.enum(['kiosk', 'staff']).optional(),
      /** Chosen by the client per tap; a retry with the same id (an answer lost on the way) never makes a second ticket. */
      requestId: storableText.min(8).max(64).optional(),
    })
    .strict(),
  'ticket:grant-category': z.object({ ticketId: id, categoryId: id, reason: shortText.min(1) }).strict(),
  'ticket:cancel': z.object({ ticketId: id, reason: shortText.optional() }).strict(),
  'ticket:print-result': z.object({ ticketId: id, ok: z.boolean(), error: shortText.optional() }).strict(),
  'counter:open': counterRef,
  'counter:close': counterRef,
  'counter:pause': z
    .object({
      counterId: id,
      reason: z.enum(['lunch', 'technical', 'other']),
      note: shortText.default(''),
      /** How long the pause is planned to last; without it a lunch or technical break lasts as the booth's planned one. */
      minutes: z.number().int().min(1).max(480).optional(),
    })
    .strict(),
  'counter:resume': counterRef,
  'counter:call-next': counterRef,
  'counter:call-ticket': z.object({ counterId: id, ticketId: id }).strict(),
  'counter:recall': counterRef,
  'counter:start': counterRef,
  'counter:finish': counterRef,
  'counter:no-show': counterRef,
  'counter:return': z
    .object({
      counterId: id,
      mode: z.enum(['keep-place', 'postpone']),
      minutes: z.number().int().min(0).max(480).optional(),
    })
    .strict(),
  'counter:transfer': z
    .object({
      counterId: id,
      toServiceId: id.optional(),
      toCounterId: id.optional(),
      comment: shortText.default(''),
      returnAfter: z.boolean().default(false),
    })
    .strict()
    .refine((t) => (t.toServiceId === undefined) !== (t.toCounterId === undefined), 'give toServiceId or toCounterId'),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandInput<K extends CommandName> = z.output<(typeof commandSchemas)[K]>;

export const loginSchema = z.object({ login: storableText.trim().min(1).max(100), password: z.string().min(1).max(200) }).strict();
export type LoginInput = z.infer<typeof loginSchema>;

/** GET /api/journal: one page of a day, newest first; `before` is the `next` of the page before. */
export const JOURNAL_PAGE_MAX = 2000;
export const journalQuerySchema = z.object({
  day: localDate.optional(),
  counterId: id.optional(),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(JOURNAL_PAGE_MAX).default(500),
});

/** A visitor's phone (a booking's, an SMS contact's): digits with the usual separators; 6–15 digits (E.164 allows at most 15). */
export const bookingPhone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[\d\s()-]+$/, 'digits, spaces, +, ( ) and - only')
  .refine((p) => {
    const digits = p.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 15;
  }, '6 to 15 digits');
