// The same SQL text is to run on SQLite and on PostgreSQL, so spellings PostgreSQL refuses or reads
// differently must not come back into the server's statements. The scan reads the code outside
// comments as written: Talon writes SQL keywords in capitals, TypeScript's `as` is lower case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles, withoutComments } from '../support/source-imports';

const NOT_PORTABLE: readonly { why: string; pattern: RegExp }[] = [
  { why: 'SQLite only: write INSERT … ON CONFLICT (key) DO NOTHING / DO UPDATE', pattern: /\bINSERT OR (?:IGNORE|REPLACE)\b/g },
  { why: 'PostgreSQL folds an unquoted alias to lower case: write AS "camelCase"', pattern: /\bAS [a-z]+[A-Z]\w*/g },
  { why: 'PostgreSQL cannot type a bare parameter here: CAST(? AS TEXT) IS NULL', pattern: /\?\s+IS\s+(?:NOT\s+)?NULL\b/g },
  { why: 'PostgreSQL has no IS NOT for values: write IS DISTINCT FROM ?', pattern: /\bIS NOT \?/g },
];

/** Each spelling in the text that is not portable, with the reason. */
function nonPortable(text: string): { found: string; why: string }[] {
  return NOT_PORTABLE.flatMap(({ why, pattern }) => [...text.matchAll(pattern)].map((m) => ({ found: m[0], why })));
}

describe('SQL that runs on SQLite and PostgreSQL alike', () => {
  it('the server, db/ and bench/ use no spelling PostgreSQL refuses or reads differently', () => {
    const found = sourceFiles(['server', 'db', 'bench']).flatMap((file) =>
      nonPortable(withoutComments(readFileSync(join(ROOT, file), 'utf8'))).map((f) => ({ at: `${file}: ${f.found}`, why: f.why })),
    );
    expect(found).toEqual([]);
  });

  it('the scan finds each spelling and lets its portable form pass', () => {
    const sqliteOnly = [
      'INSERT OR IGNORE INTO t (a) VALUES (?)',
      'INSERT OR REPLACE INTO t (a) VALUES (?)',
      'SELECT ticket_id AS ticketId FROM t',
      'WHERE (? IS NULL OR a = ?)',
      'WHERE b IS NOT ?',
    ];
    expect(sqliteOnly.map((sql) => nonPortable(sql).length)).toEqual([1, 1, 1, 1, 1]);
    const portable = [
      'INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO NOTHING',
      'SELECT ticket_id AS "ticketId", b AS count FROM t',
      'WHERE (CAST(? AS TEXT) IS NULL OR a = ?) AND c IS NOT NULL',
      'WHERE b IS DISTINCT FROM ?',
      "const x = y as unknown as Row; import { a as localDate } from './a';",
    ];
    expect(portable.flatMap(nonPortable)).toEqual([]);
  });
});
