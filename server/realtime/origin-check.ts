// Browsers send a staff session cookie with a WebSocket opened from any page, so a page on another
// site could act as the signed-in specialist. The Origin header says which page opened it: only
// Talon's own pages (and origins the office configured, e.g. behind a proxy) may connect.
// A request without Origin comes from a program, not a web page (the print agent, a Node client);
// it proves itself with its device key or token, as every request does.
import type { IncomingMessage } from 'node:http';

export type AllowRequest = (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** `configured`: whole origins such as `https://queue.example.org`; anything after the origin is ignored. */
export function allowOrigins(configured: readonly string[]): AllowRequest {
  const allowed = new Set(configured.map(originOf).filter((o): o is string => o !== null));
  return (req, callback) => {
    const { origin, host } = req.headers;
    if (origin === undefined) return callback(null, true);
    const parsed = originOf(origin);
    const sameHost = parsed !== null && host !== undefined && new URL(parsed).host === host;
    if (sameHost || (parsed !== null && allowed.has(parsed))) return callback(null, true);
    callback('This page may not connect to Talon (origin not allowed)', false);
  };
}
