// Debian's Chromium, headless, driven by playwright-core. The flags keep it off the network this
// machine does not have; autoplay lets the hall display speak without a tap.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How long a page waits for a state (a locator, a navigation) before it fails. Playwright's default
 * of 30 s is a fixed timeout that CI's two busy cores have missed; the test's own timeout (60 s unless
 * it says more) bounds a state that never comes, and this stays under it so the failure still names
 * the locator it waited for.
 */
export const STATE_WAIT_MS = 50_000;

export async function launchBrowser(options: { autoplay?: boolean } = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.autoplay ? ['--autoplay-policy=no-user-gesture-required'] : []),
    ],
  });
  // Every context, including the one browser.newPage() makes, gets the wait; Playwright has no
  // browser-wide setting for it.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.setDefaultTimeout(STATE_WAIT_MS);
    return context;
  };
  return browser;
}
