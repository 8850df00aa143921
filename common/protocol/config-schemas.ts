// Schemas of the office configuration an admin edits. The stored documents are parsed with them
// on load too, so a bad document can never reach the domain. Objects are strict: a misspelt field
// is refused, not silently dropped from what the admin believes was saved.
import { z } from 'zod';
import { LANGUAGES } from './model';
import { localDate } from './calendar-date';
import { clockTime, id, lang, localizedText } from './schemas';

const timeRange = z.strictObject({ start: clockTime, end: clockTime }).refine((r) => r.start < r.end, 'a range must end after it starts');

const dayHours = z
  .strictObject({ open: clockTime, close: clockTime, breaks: z.array(timeRange).max(6).default([]) })
  .refine((h) => h.open < h.close, 'closing must come after opening')
  .refine((h) => h.breaks.every((b) => b.start >= h.open && b.end <= h.close), 'breaks must lie within opening hours');

/** Opening hours by weekday (optionally only in some weeks of the month). */
export const weeklyHoursSchema = z
  .array(
    z.strictObject({
      weekday: z.number().int().min(1).max(7),
      weeksOfMonth: z.array(z.number().int().min(1).max(5)).min(1).optional(),
      hours: dayHours,
    }),
  )
  .max(40);

export const scheduleSchema = z.strictObject({
  weekly: weeklyHoursSchema,
  holidays: z.array(z.strictObject({ date: localDate, name: z.string().max(200) })).max(400).default([]),
  exceptions: z
    .array(
      z.union([
        z.strictObject({ date: localDate, closed: z.literal(true), note: z.string().max(200).optional() }),
        z.strictObject({ date: localDate, closed: z.literal(false).optional(), hours: dayHours, note: z.string().max(200).optional() }),
      ]),
    )
    .max(400)
    .default([]),
  cutoffMinutes: z.number().int().min(0).max(240).default(15),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const officeSchema = z
  .strictObject({
    name: localizedText,
    address: localizedText,
    phones: z.array(z.string().trim().min(1).max(40)).max(6),
    timeZone: z.string().refine(isTimeZone, 'unknown time zone'),
    languages: z.array(lang).min(1).max(LANGUAGES.length),
    defaultLanguage: lang,
    schedule: scheduleSchema,
    rules: z.strictObject({
      recallLimit: z.number().int().min(0).max(10).default(2),
      postponeMinutes: z.number().int().min(0).max(240).default(10),
      priorityRatio: z.strictObject({ normal: z.number().int().min(1).max(20), priority: z.number().int().min(1).max(20) }).nullable().default(null),
      appointmentLeadMinutes: z.number().int().min(0).max(60).default(5),
    }),
    categories: z.array(z.strictObject({ id, name: localizedText })).max(30).default([]),
    announcements: z
      .strictObject({
        templates: z
          .strictObject({ ru: z.string().max(200), uk: z.string().max(200), en: z.string().max(200) })
          .partial()
          .refine((t) => Object.values(t).every((v) => v === undefined || (v.includes('{ticket}') && v.includes('{counter}'))), 'a template must contain {ticket} and {counter}')
          .default({}),
        voicePack: z.string().regex(/^[\w-]{1,64}$/, 'a folder name of letters, digits, - and _').nullable().default(null),
        serverSpeakers: z.boolean().default(false),
      })
      .default({ templates: {}, voicePack: null, serverSpeakers: false }),
    ticketLayout: z
      .strictObject({
        footer: z.strictObject({ ru: z.string().max(300), uk: z.string().max(300), en: z.string().max(300) }).partial().default({}),
        show: z
          .strictObject({ address: z.boolean(), peopleAhead: z.boolean(), expectedWait: z.boolean(), phones: z.boolean(), qrCode: z.boolean() })
          .default({ address: true, peopleAhead: true, expectedWait: true, phones: true, qrCode: true }),
        logo: z.boolean().default(false),
      })
      .default({ footer: {}, show: { address: true, peopleAhead: true, expectedWait: true, phones: true, qrCode: true }, logo: false }),
    printing: z
      .object({ jobExpiryMinutes: z.number().int().min(1).max(60).default(3) })
      .default({ jobExpiryMinutes: 3 }),
  })
  .refine((o) => o.languages.includes(o.defaultLanguage), { message: 'the default language must be one of the languages', path: ['defaultLanguage'] });

/** Letters that are easy to tell from digits and from each other (no З/3, О/0, Ё, Й, Ъ, Ь). */
const PREFIX = /^$|^[АБВГДЕЖИКЛМНПРСТУФХЦЧШЭЮЯABCDEFGHJKLMNPRSTUVWXYZ]$/;

export const serviceSchema = z
  .strictObject({
    id,
    name: localizedText,
    prefix: z.string().regex(PREFIX, 'a prefix is one clear capital letter or nothing'),
    startNumber: z.number().int().min(0).max(9999).default(100),
    endNumber: z.number().int().min(1).max(9999).default(999),
    dailyLimit: z.number().int().min(1).max(9999).nullable().default(null),
    targetWaitMinutes: z.number().int().min(1).max(600).default(15),
    bookedTargetWaitMinutes: z.number().int().min(1).max(600).default(5),
    maxWaitMinutes: z.number().int().min(1).max(600).default(30),
    expectedServiceMinutes: z.number().min(0.5).max(600).default(10),
    kioskOrder: z.number().int().min(0).max(1000).default(0),
    group: localizedText.nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((s) => s.endNumber > s.startNumber, { message: 'the end number must be above the start number', path: ['endNumber'] });

export const counterSchema = z.strictObject({
  id,
  number: z.number().int().min(1).max(999),
  name: localizedText,
  services: z.array(z.strictObject({ serviceId: id, weight: z.enum(['main', 'secondary']) })).max(50),
  zone: z.string().min(1).max(64).default('hall'),
  active: z.boolean().default(true),
  plannedBreaks: z
    .array(z.strictObject({ kind: z.enum(['lunch', 'technical']), start: clockTime, end: clockTime }).refine((b) => b.start < b.end, 'a break must end after it starts'))
    .max(6)
    .default([]),
});

export type OfficeInput = z.input<typeof officeSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;
export type CounterInput = z.input<typeof counterSchema>;
