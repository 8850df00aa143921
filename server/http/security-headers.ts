// Security headers on every page and API answer (helmet). The Content-Security-Policy allows what
// the web apps really use and nothing else:
// - scripts only from this server: no inline script, no eval, so injected markup cannot run code;
// - styles from this server plus inline ones: each page has a small <style> in its HTML and Lit
//   elements pass CSS variables in style attributes; a style cannot run code;
// - images and media also from data: and blob: URLs (QR codes, the PNG export, the display's chime);
// - connections (fetch, Socket.IO's WebSocket) to this server only;
// - no framing by other sites (clickjacking of the staff app), no plugins, no <base> tricks.
// Referrer-Policy `no-referrer` keeps the live ticket's id (its only credential) out of other
// sites' logs. HSTS and upgrade-insecure-requests stay off: offices serve Talon over plain HTTP
// on their own network, and both would break it there.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** `vite`: the development server injects its styles and opens its own WebSocket for reloads. */
export function securityHeaders(webApps: 'dist' | 'vite' | 'none'): RequestHandler {
  const dev = webApps === 'vite';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: dev ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}
