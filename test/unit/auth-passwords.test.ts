import { describe, expect, it } from 'vitest';
import { hashPassword, hashSecret, newSecret, verifyPassword } from '../../server/auth/passwords';

describe('password hashes', () => {
  it('verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
  });

  it('differ for the same password, because each has its own salt', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('carry their scrypt parameters and never the password itself', async () => {
    const stored = await hashPassword('пароль-секрет');
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('пароль');
  });

  it('treat the same text in composed and decomposed Unicode as one password', async () => {
    const stored = await hashPassword('Й-пароль'.normalize('NFC'));
    expect(await verifyPassword('Й-пароль'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuse stored values that are not our hashes instead of throwing', async () => {
    const stored = await hashPassword('pw123456');
    const [, , r, p, salt, key] = stored.split('$');
    for (const bad of ['', 'plain text', 'scrypt$x$8$1$abc$def', `bcrypt$32768$${r}$${p}$${salt}$${key}`, `${stored}$extra`, `scrypt$1073741824$8$1$${salt}$${key}`]) {
      expect(await verifyPassword('pw123456', bad)).toBe(false);
    }
  });
});

describe('secrets', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const a = newSecret();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newSecret()).not.toBe(a);
  });

  it('hash to a stable sha256 that does not contain the secret', () => {
    const secret = newSecret();
    expect(hashSecret(secret)).toBe(hashSecret(secret));
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(secret)).not.toBe(hashSecret(newSecret()));
  });
});
