// The server's VAPID key pair (RFC 8292): push services accept a message only when it is signed with
// the private key whose public half the browser subscribed with. Made once, on the first start, and
// kept in the database (table push_keys, one row): new keys would silently orphan every visitor's
// subscription. Several nodes starting at once each make a pair, but only the first insert wins and
// all of them read back that one.
import webpush from 'web-push';
import type { Database, Queryable } from '../../store/database';

export interface VapidKeys {
  /** Uncompressed P-256 point, base64url: what a page passes to PushManager.subscribe. */
  publicKey: string;
  /** Secret: signs the messages; never leaves the server. */
  privateKey: string;
}

interface KeysRow {
  public_key: string;
  private_key: string;
}

async function storedKeys(q: Queryable): Promise<VapidKeys | undefined> {
  const row = await q.get<KeysRow>('SELECT public_key, private_key FROM push_keys WHERE id = 1');
  return row && { publicKey: row.public_key, privateKey: row.private_key };
}

/** The stored key pair, made and stored first if there is none. */
export async function vapidKeys(db: Database, now: number): Promise<VapidKeys> {
  const stored = await storedKeys(db.read);
  if (stored) return stored;
  const made = webpush.generateVAPIDKeys();
  return db.transaction(async (tx) => {
    await tx.run('INSERT INTO push_keys (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING', [
      made.publicKey,
      made.privateKey,
      now,
    ]);
    const agreed = await storedKeys(tx);
    if (!agreed) throw new Error('push_keys has no row after inserting one');
    return agreed;
  });
}
