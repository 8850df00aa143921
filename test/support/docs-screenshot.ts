/**
 * Where a browser test writes a screenshot for docs/: only when asked (`TALON_SCREENSHOTS=1`), so
 * that a test run leaves the work tree clean. Otherwise the screenshot is still taken — the page is
 * rendered the same way — but kept in memory and dropped.
 */
export function docsScreenshotPath(path: string): string | undefined {
  return process.env.TALON_SCREENSHOTS === '1' ? path : undefined;
}
