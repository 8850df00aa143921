// Who a token or device key belongs to, remembered for a few seconds: every request and every
// socket command asks, and a database round trip each time was the largest cost of issuing a
// ticket. Revoked access is forgotten at once (the revocation names the same rooms the sockets
// join); a session that merely expires is noticed at most CACHE_MS late.
import type { ApiError } from '../../common/protocol';
import { accessRoom, type AccessRevocations } from './access-revocations';
import { sessionTokenOf, type Caller, type Credentials } from './principal';
import { hashSecret } from './passwords';

export type ResolveCaller = (credentials: Credentials) => Promise<Caller | { error: ApiError }>;

const CACHE_MS = 5_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  result: Caller | { error: ApiError };
  rooms: string[];
  at: number;
}

export class CallerCache {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly resolveFresh: ResolveCaller,
    revocations: AccessRevocations,
    private readonly clock: () => number,
  ) {
    const forget = (room: string) => {
      for (const [key, entry] of this.entries) if (entry.rooms.includes(room)) this.entries.delete(key);
    };
    revocations.onRevoked(forget);
    revocations.onChanged(forget);
  }

  readonly resolve: ResolveCaller = async (credentials) => {
    // Only explicit credentials are cached; a cookie-only request still resolves (and is cached) by its token.
    const token = sessionTokenOf(credentials) ?? credentials.authorization;
    if (!token) return this.resolveFresh(credentials);
    const key = hashSecret(token);
    const now = this.clock();
    const cached = this.entries.get(key);
    if (cached && now - cached.at < CACHE_MS) return cached.result;
    const result = await this.resolveFresh(credentials);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { result, rooms: 'error' in result ? [] : accessRoomsOf(result, credentials), at: now });
    return result;
  };
}

/** The rooms that name a caller's access: revoking any of them ends it. */
export function accessRoomsOf(result: Caller, credentials: Credentials): string[] {
  if (result.kind === 'device') return [accessRoom({ kind: 'device', id: result.device.id })];
  if (result.kind !== 'user') return [];
  const token = sessionTokenOf(credentials);
  return [accessRoom({ kind: 'user', id: result.user.id }), ...(token ? [accessRoom({ kind: 'session', token })] : [])];
}
