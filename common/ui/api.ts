// fetch for the apps: JSON in, the server's `{ ok, data } | { ok, error }` out, never a throw.
import type { Result } from '../protocol';

export interface ApiInit {
  method?: string;
  body?: unknown;
  deviceKey?: string | null;
}

export async function api<T>(path: string, init: ApiInit = {}): Promise<Result<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.deviceKey) headers.Authorization = `Device ${init.deviceKey}`;
  try {
    const response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      credentials: 'same-origin',
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return (await response.json()) as Result<T>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The server cannot be reached' } };
  }
}

/** A device page is opened once with `?key=…` (or `#key=…`); the key is kept in localStorage after that. */
export function deviceKeyFromPage(storageName: string): string | null {
  const fromUrl = new URLSearchParams(location.search).get('key') ?? new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromUrl) {
    localStorage.setItem(storageName, fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(storageName);
}
