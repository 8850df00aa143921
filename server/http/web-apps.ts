// The three web apps at stable paths: /kiosk/, /display/, /panel/ (the staff app) and a visitor's
// live ticket page at /t/<id>. Production serves Vite's build from dist/; development mounts Vite
// itself for hot reload.
import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import express, { type Express } from 'express';

export const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');

/** Public path → the page's source path inside the project (and inside dist/). */
export const PAGES: Record<string, string> = {
  '/kiosk/': 'kiosk/index.html',
  '/display/': 'display/index.html',
  '/panel/': 'operator-panel/index.html',
  '/t/:ticketId': 'kiosk/ticket.html',
  '/book/': 'kiosk/book.html',
  '/join/': 'kiosk/join.html',
  '/poster/': 'kiosk/poster.html',
  '/stop/': 'kiosk/stop.html',
  '/book/manage/': 'kiosk/manage.html',
};

/**
 * The live ticket's service worker (kiosk/src/live/ticket-sw.ts), at the root so it may control /t/.
 * Never cached for long: browsers look for a new version of it at this address.
 */
const TICKET_WORKER = { path: '/ticket-sw.js', source: 'kiosk/src/live/ticket-sw.ts', built: 'ticket-sw.js' };

/** One icon for every page; browsers that ask for /favicon.ico by habit get it too. */
const FAVICON = join(ROOT, 'common', 'ui', 'favicon.svg');

export async function serveWebApps(app: Express, httpServer: HttpServer, mode: 'dist' | 'vite' | 'none'): Promise<() => Promise<void>> {
  app.get('/', (_req, res) => res.redirect('/panel/'));
  app.get(['/favicon.svg', '/favicon.ico'], (_req, res) => res.type('image/svg+xml').sendFile(FAVICON, { maxAge: '1d' }));
  // Express matches '/kiosk' and '/kiosk/' alike; only the bare path is redirected.
  for (const bare of ['/kiosk', '/display', '/panel', '/book', '/join', '/poster', '/stop']) {
    app.get(bare, (req, res, next) => (req.path === bare ? res.redirect(`${bare}/`) : next()));
  }
  if (mode === 'none') return async () => undefined;
  if (mode === 'dist') {
    if (!existsSync(join(DIST, 'kiosk', 'index.html'))) {
      throw new Error('The web apps are not built: run `npm run build` (npm start does it for you)');
    }
    app.use('/assets', express.static(join(DIST, 'assets'), { immutable: true, maxAge: '365d' }));
    for (const [path, file] of Object.entries(PAGES)) app.get(path, (_req, res) => res.sendFile(join(DIST, file)));
    app.get(TICKET_WORKER.path, (_req, res) => res.sendFile(join(DIST, TICKET_WORKER.built), { maxAge: 0 }));
    return async () => undefined;
  }
  const { createServer } = await import('vite');
  const vite = await createServer({ root: ROOT, server: { middlewareMode: true, hmr: { server: httpServer } }, appType: 'mpa' });
  for (const [path, file] of Object.entries(PAGES)) {
    app.get(path, (req, _res, next) => {
      req.url = `/${file}`;
      next();
    });
  }
  app.get(TICKET_WORKER.path, (req, _res, next) => {
    req.url = `/${TICKET_WORKER.source}`;
    next();
  });
  app.use(vite.middlewares);
  return () => vite.close();
}
