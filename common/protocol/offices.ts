// Offices of one organisation (a region, a department): how an office is named in URLs and
// sockets, what the public and staff see of each, and the roles people hold in them.
import { z } from 'zod';
import { officeSchema } from './config-schemas';
import { localizedText } from './schemas';
import type { LocalizedText, OfficeId, Role } from './model';

// The office types every entity uses live in model.ts (which imports nothing); they are offered here too.
export { ORGANISATION_ROLES, type OfficeId, type OfficeRole, type OrganisationRole } from './model';

export const officeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40, not starting with a dash');

/** What anyone may know about an office: `GET /api/offices`. */
export interface OfficeSummary {
  id: OfficeId;
  name: LocalizedText;
  address: LocalizedText;
  timeZone: string;
  archived: boolean;
}

/** `GET /api/offices` for a signed-in person: the offices they may work in, each with their role there. */
export interface StaffOffice extends OfficeSummary {
  role: Role;
}

/** The socket namespace of an office: every event and `seq` belongs to one office. */
export function officeNamespace(officeId: OfficeId): string {
  return `/offices/${officeId}`;
}

/** The REST prefix of an office: `officeApiPath('main', '/tickets')` is `/api/offices/main/tickets`. */
export function officeApiPath(officeId: OfficeId, path: string): string {
  return `/api/offices/${encodeURIComponent(officeId)}${path}`;
}

/**
 * POST /api/offices. A new office starts from the whole `office` document, or as a copy of
 * `copyFrom` (its office document, services, counters, categories, appointment and visit-journal
 * settings; no tickets, devices or people) — `office`, when given too, replaces the copied document.
 */
export const createOfficeSchema = z
  .strictObject({
    id: officeIdSchema,
    copyFrom: officeIdSchema.optional(),
    office: officeSchema.optional(),
  })
  .refine((body) => body.office !== undefined || body.copyFrom !== undefined, 'give the office document, or copyFrom to start as a copy');

export type CreateOfficeInput = z.output<typeof createOfficeSchema>;

/** The organisation that holds the offices (a region, a department). */
export const organisationSchema = z.strictObject({ name: localizedText });
export type Organisation = z.output<typeof organisationSchema>;

/**
 * The office a single-office installation becomes on upgrade. Links from before offices carry no
 * office (printed QR codes, a hall display opened without a key): they mean this one.
 */
export const SINGLE_OFFICE_ID: OfficeId = 'main';
