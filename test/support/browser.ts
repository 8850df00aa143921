// Debian's Chromium, headless, driven by playwright-core. The flags keep it off the network this
// machine does not have; autoplay lets the hall display speak without a tap.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(options: { autoplay?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
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
}
