// The visit journal and visitor satisfaction. For each served ticket the specialist records why the
// visitor came and how it ended (from the office's lists, plus free text) and, where the office
// collects it, the visitor's name and contact — personal data kept only for the office's retention
// period. Visitors rate a served visit 1–5 on their live ticket page.
import { z } from 'zod';
import type { LocalDate, LocalizedText } from './model';
import { localDate } from './calendar-date';
import { id, localizedText, storableText } from './schemas';

/** One entry of the office's list of visit reasons or results. */
export interface VisitOption {
  id: string;
  label: LocalizedText;
}

export interface VisitJournalSettings {
  reasons: VisitOption[];
  results: VisitOption[];
  /** Ask for the visitor's name and contact at all. */
  collectPersonalData: boolean;
  /** Names and contacts are erased this many days after the visit; reason and result stay. */
  retentionDays: number;
}

export const MAX_RETENTION_DAYS = 3650;

const optionSchema = z.object({ id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes'), label: localizedText }).strict();

function uniqueIds(options: { id: string }[]): boolean {
  return new Set(options.map((o) => o.id)).size === options.length;
}

export const visitJournalSettingsSchema = z
  .object({
    reasons: z.array(optionSchema).max(100).refine(uniqueIds, 'reason ids must be unique'),
    results: z.array(optionSchema).max(100).refine(uniqueIds, 'result ids must be unique'),
    collectPersonalData: z.boolean(),
    retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
  })
  .strict();

const freeText = storableText.trim().max(500);
const personal = storableText.trim().max(200);

/** PUT /api/visit-journal/tickets/:ticketId: a reason and a result, each from the list, typed, or both. */
export const visitRecordSchema = z
  .object({
    reasonId: id.nullable().default(null),
    reasonText: freeText.default(''),
    resultId: id.nullable().default(null),
    resultText: freeText.default(''),
    visitorName: personal.default(''),
    visitorContact: personal.default(''),
  })
  .strict()
  .refine((r) => r.reasonId !== null || r.reasonText !== '', { message: 'choose a reason or describe it', path: ['reasonId'] })
  .refine((r) => r.resultId !== null || r.resultText !== '', { message: 'choose a result or describe it', path: ['resultId'] });
export type VisitRecordInput = z.input<typeof visitRecordSchema>;

export const visitJournalQuerySchema = z.object({ day: localDate.optional(), counterId: id.optional() });

export interface VisitRecord {
  ticketId: string;
  code: string;
  serviceDay: LocalDate;
  serviceId: string;
  counterId: string;
  /** The specialist who finished the visit, when a person did. */
  specialistId: string | null;
  servedAt: number;
  reasonId: string | null;
  reasonText: string;
  resultId: string | null;
  resultText: string;
  /** Null once erased (or never collected). */
  visitorName: string | null;
  visitorContact: string | null;
  /** The same contact was recorded for an earlier visit still on file when this one was recorded. */
  repeatVisit: boolean;
  recordedAt: number;
  recordedBy: string;
}

/** Report periods: local dates, both ends included; CSV with `format=csv`. */
export const reportPeriodQuerySchema = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export interface VisitCount {
  /** The option's id, or null for visits described in free text only. */
  id: string | null;
  label: LocalizedText | null;
  count: number;
}

/** GET /api/visit-journal/report. */
export interface VisitJournalReport {
  period: { from: LocalDate; to: LocalDate };
  recorded: number;
  byReason: VisitCount[];
  byResult: VisitCount[];
  repeats: {
    /** Visits recorded with a contact: only these can be recognised as repeats. */
    withContact: number;
    repeatVisits: number;
    byReason: VisitCount[];
  };
}

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

/** POST /api/public/tickets/:id/rating. */
export const ratingSchema = z
  .object({ score: z.number().int().min(1).max(5), comment: storableText.trim().max(1000).default('') })
  .strict();
export type RatingInput = z.input<typeof ratingSchema>;

/** GET /api/public/tickets/:id/rating: whether this visit can still be rated. */
export interface RatingState {
  state: 'not-yet' | 'open' | 'rated' | 'closed';
  score: number | null;
}

export interface RatingSummary {
  count: number;
  /** Null without ratings. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

/** GET /api/ratings/report. */
export interface RatingsReport {
  period: { from: LocalDate; to: LocalDate };
  overall: RatingSummary;
  byService: (RatingSummary & { serviceId: string; name: LocalizedText | null })[];
  bySpecialist: (RatingSummary & { specialistId: string | null; name: string | null })[];
  /** The latest comments, newest first. */
  comments: { at: number; serviceId: string; specialistId: string | null; score: number; comment: string }[];
}
