// Talon's SQL uses SQLite's positional `?` on both engines; PostgreSQL numbers its parameters
// `$1…$n`. This rewrites one to the other, leaving a `?` inside a string literal, a quoted
// identifier or a comment alone. (PostgreSQL's jsonb `?` operators would be mistaken for
// parameters: Talon keeps JSON as TEXT and does not use them.)

/** `sql` with every `?` outside quotes and comments replaced by `$1`, `$2`, … in order. */
export function numberedPlaceholders(sql: string): string {
  if (!sql.includes('?')) return sql;
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const skipTo = skippedUntil(sql, i);
    if (skipTo > i) {
      out += sql.slice(i, skipTo);
      i = skipTo;
    } else if (c === '?') {
      out += `$${++n}`;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Where the literal, quoted name or comment starting at `i` ends (`i` itself when none starts there). */
function skippedUntil(sql: string, i: number): number {
  const c = sql[i];
  // A doubled quote inside '…' or "…" is an escaped quote: closing and reopening lands on the same end.
  if (c === "'" || c === '"') return endOf(sql, sql.indexOf(c, i + 1), 1);
  if (c === '-' && sql[i + 1] === '-') return endOf(sql, sql.indexOf('\n', i + 2), 1);
  if (c === '/' && sql[i + 1] === '*') return endOf(sql, sql.indexOf('*/', i + 2), 2);
  return i;
}

/** Just past a closing token found at `at` (of `length` characters), or the end of the text when it never closes. */
function endOf(sql: string, at: number, length: number): number {
  return at < 0 ? sql.length : at + length;
}
