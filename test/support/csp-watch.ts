// Collects what a page's Content-Security-Policy blocked: the `securitypolicyviolation` events the
// page sees (they bubble out of shadow roots) and Chromium's "Refused to …" console errors.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

export interface CspWatch {
  /** Everything blocked since the page was opened, one line each. */
  violations(): Promise<string[]>;
}

export async function watchCsp(page: Page): Promise<CspWatch> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window.cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
      true,
    );
  });
  return {
    violations: async () => [...(await page.evaluate(() => window.cspViolations ?? [])), ...console],
  };
}
