// Payloads of the sign-in, user and device routes, and what those routes answer.
import { z } from 'zod';
import { ROLES, type Device, type DeviceKind, type User } from './model';

const DEVICE_KINDS = ['kiosk', 'display', 'print-agent'] as const satisfies readonly DeviceKind[];

export const role = z.enum(ROLES);
export const deviceKind = z.enum(DEVICE_KINDS);

/** Logins are typed on the staff panel's sign-in screen: letters, digits and . _ - @, no spaces. */
export const loginName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'use letters, digits and . _ - @ only');
export const newPassword = z.string().min(8, 'at least 8 characters').max(200);
const personName = z.string().trim().min(1).max(200);
const deviceName = z.string().trim().min(1).max(200);
const zone = z.string().trim().min(1).max(100).nullable();
/** Whatever the device's own screen needs (languages, services shown …); replaced as a whole. */
const deviceSettings = z.record(z.string().max(100), z.unknown());

export const createUserSchema = z.object({ login: loginName, name: personName, role, password: newPassword }).strict();
export const updateUserSchema = z
  .object({ name: personName, role, active: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'change at least one of name, role, active');
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

/** Who is asking: a signed-in person, a registered device, or anyone (hall screens, visitors). */
export type Principal = { kind: 'user'; user: User } | { kind: 'device'; device: Device } | { kind: 'public' };

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
