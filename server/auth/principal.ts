// Who is asking, from the request's credentials: a staff session (cookie or bearer token), a
// device key, or nobody (the public). Bad credentials are an error, never a quiet downgrade.
// This is the `Caller`, the same in every office; office-access.ts turns it into the `Principal`
// one office sees (the person with their role there).
import type { Actor, ApiError } from '../../common/protocol';
import type { Caller, Principal } from '../../common/protocol/admin-schemas';
import type { DevicesStore } from '../store/devices-store';
import type { SessionsStore } from '../store/sessions-store';
import type { UsersStore } from '../store/users-store';

export type { Caller, Principal };

export interface AuthStores {
  users: UsersStore;
  sessions: SessionsStore;
  devices: DevicesStore;
}

export interface Credentials {
  cookieHeader?: string;
  authorization?: string;
}

export const SESSION_COOKIE = 'talon_session';

/** One cookie's value from a Cookie header; undefined when absent or not decodable. */
function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  for (const pair of cookieHeader?.split(';') ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const raw = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

type Presented = { kind: 'session'; token: string } | { kind: 'device'; key: string } | { kind: 'none' } | { kind: 'malformed' };

// An Authorization header wins over the cookie: a client that sends one means it.
function presented({ cookieHeader, authorization }: Credentials): Presented {
  if (authorization !== undefined) {
    const match = /^(Bearer|Device)\s+(\S+)\s*$/i.exec(authorization.trim());
    if (!match?.[1] || !match[2]) return { kind: 'malformed' };
    return match[1].toLowerCase() === 'bearer' ? { kind: 'session', token: match[2] } : { kind: 'device', key: match[2] };
  }
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  return token ? { kind: 'session', token } : { kind: 'none' };
}

/** The session token the request carries (for signing out), if any. */
export function sessionTokenOf(credentials: Credentials): string | undefined {
  const p = presented(credentials);
  return p.kind === 'session' ? p.token : undefined;
}

const unauthenticated = (message: string): { error: ApiError } => ({ error: { code: 'unauthenticated', message } });

export async function resolveCaller(stores: AuthStores, credentials: Credentials): Promise<Caller | { error: ApiError }> {
  const p = presented(credentials);
  switch (p.kind) {
    case 'none':
      return { kind: 'public' };
    case 'malformed':
      return unauthenticated('The Authorization header must be "Bearer <token>" or "Device <key>"');
    case 'session': {
      const user = await stores.sessions.resolve(p.token);
      return user ? { kind: 'user', user } : unauthenticated('The session has expired or was ended; sign in again');
    }
    case 'device': {
      const device = await stores.devices.resolveKey(p.key);
      if (!device) return unauthenticated('Unknown device key');
      if (device.revoked) return { error: { code: 'device-revoked', message: `Device "${device.name}" was revoked; register it again` } };
      return { kind: 'device', device };
    }
  }
}

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', id: principal.user.id, role: principal.user.role };
    case 'device':
      return { kind: 'device', id: principal.device.id, deviceKind: principal.device.kind };
    case 'public':
      return { kind: 'public' };
  }
}
