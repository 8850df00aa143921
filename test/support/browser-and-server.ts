// The usual set-up of a browser test: a real Talon serving the built pages and a headless
// Chromium, started once for a describe block and closed after it. Tests may replace `server`
// (after a restart), and the new one is closed.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startTalon, type RunningTalon, type StartOptions } from './talon-server';

export interface BrowserAndServer {
  server: RunningTalon;
  browser: Browser;
}

export function useBrowserAndServer(options: StartOptions = {}, browserOptions: { autoplay?: boolean } = {}): BrowserAndServer {
  const env = {} as BrowserAndServer;
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startTalon({ webApps: 'dist', ...options }), launchBrowser(browserOptions)]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
