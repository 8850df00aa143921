// Payloads of the sign-in, user and device routes, and what those routes answer.
import { z } from 'zod';
import { ORGANISATION_ROLES, ROLES, type Device, type DeviceKind, type OfficeUser, type User } from './model';
import { officeIdSchema } from './offices';
import { storableText } from './schemas';

const DEVICE_KINDS = ['kiosk', 'display', 'print-agent'] as const satisfies readonly DeviceKind[];

export const role = z.enum(ROLES);
export const organisationRole = z.enum(ORGANISATION_ROLES);
/** A person's roles by office: one role per office. */
const officeRoles = z
  .array(z.strictObject({ officeId: officeIdSchema, role }))
  .max(1000)
  .refine((roles) => new Set(roles.map((r) => r.officeId)).size === roles.length, 'one role per office');
export const deviceKind = z.enum(DEVICE_KINDS);

/** Logins are typed on the staff panel's sign-in screen: letters, digits and . _ - @, no spaces. */
export const loginName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'use letters, digits and . _ - @ only');
export const newPassword = z.string().min(8, 'at least 8 characters').max(200);
const personName = storableText.trim().min(1).max(200);
const deviceName = storableText.trim().min(1).max(200);
const zone = storableText.trim().min(1).max(100).nullable();
/** Whatever the device's own screen needs (languages, services shown …); replaced as a whole. */
const deviceSettings = z.record(z.string().max(100), z.unknown());

export const createUserSchema = z
  .object({
    login: loginName,
    name: personName,
    password: newPassword,
    organisationRole: organisationRole.nullable().default(null),
    offices: officeRoles.default([]),
  })
  .strict();
/**
 * `offices` lists the person's roles in the offices the caller manages (every office for a regional
 * admin) and replaces those; roles in other offices stay as they are.
 */
export const updateUserSchema = z
  .object({ name: personName, active: z.boolean(), organisationRole: organisationRole.nullable(), offices: officeRoles })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'change at least one of name, active, organisationRole, offices');
export const setPasswordSchema = z.object({ password: newPassword }).strict();

export const createDeviceSchema = z.object({ kind: deviceKind, name: deviceName, zone: zone.default(null) }).strict();
export const updateDeviceSchema = z
  .object({ name: deviceName, zone, settings: deviceSettings })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'change at least one of name, zone, settings');

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export type CreateDeviceInput = z.output<typeof createDeviceSchema>;
export type UpdateDeviceInput = z.output<typeof updateDeviceSchema>;

/** Who is calling, before any office is named: a signed-in person, a registered device, or anyone. `GET /api/auth/me` answers it. */
export type Caller = { kind: 'user'; user: User } | { kind: 'device'; device: Device } | { kind: 'public' };

/** Who is asking inside one office: the person with their role in that office, its device, or anyone. */
export type Principal = { kind: 'user'; user: OfficeUser } | { kind: 'device'; device: Device } | { kind: 'public' };

/** POST /api/auth/login. The token is for clients that cannot use the cookie (Authorization: Bearer). */
export interface LoginResult {
  user: User;
  token: string;
  expiresAt: number;
}

/** POST /api/devices: the key is shown this once and never again. */
export interface CreatedDevice {
  device: Device;
  key: string;
}
