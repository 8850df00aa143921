// The table migrate-to-postgres ends with: per table, the rows and checksum on each side and whether they agree.
import { matches, type TableCheck } from './copy-database';

/** Enough of a sha256 to tell two apart at a glance; the comparison itself uses all of it. */
const SHOWN_HEX = 16;

export function reportLines(checks: readonly TableCheck[]): string[] {
  const rows = [
    ['table', 'rows sqlite', 'rows postgres', 'checksum sqlite', 'checksum postgres', 'ok'],
    ...checks.map((c) => [c.table, String(c.sqlite.rows), String(c.postgres.rows), c.sqlite.checksum.slice(0, SHOWN_HEX), c.postgres.checksum.slice(0, SHOWN_HEX), matches(c) ? 'ok' : 'MISMATCH']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // Numbers right-aligned, words left.
  const numeric = new Set([1, 2]);
  return rows.map((r) => r.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}
