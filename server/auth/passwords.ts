// Passwords and secret tokens. Only hashes are stored: a copied database gives no way to log in
// or to act as a device.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// OWASP's scrypt row for 32 MiB of memory (N=2^15, r=8, p=3): about as costly to guess as its
// 128 MiB row, but small enough for the modest machines offices run the server on.
const CURRENT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Refuse stored parameters beyond this: a tampered row must not make one login eat the machine.
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$key` (base64url): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, CURRENT);
  const { N, r, p } = CURRENT;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parseStored(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined || rest.length > 0) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  if (128 * params.N * params.r > MAX_MEMORY) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** False for a wrong password and for a stored value that is not one of our hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed || parsed.key.length !== KEY_BYTES) return false;
  const candidate = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(candidate, parsed.key);
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password. Logins for unknown users call it, so the
 * answer's timing does not tell which logins exist.
 */
export async function verifyDecoyPassword(password: string): Promise<false> {
  decoy ??= hashPassword(newSecret());
  await verifyPassword(password, await decoy);
  return false;
}

/** A session token or device key: 256 random bits, URL- and header-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A password shown once to a person (the first admin, a reset): 96 random bits, easy to type. */
export function generatedPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Secrets carry 256 bits of entropy, so a fast unsalted hash is enough to look them up safely. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
