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
  { why: 'PostgreSQL refuses CROSS JOIN … ON: put the condition in WHERE', pattern: /\bCROSS JOIN\s+\w+(?:\s+(?!ON\b)\w+)?\s+ON\b/g },
  { why: 'PostgreSQL reads a blob literal as text: bind a Buffer', pattern: /\bx'[0-9a-f]*'/gi },
  { why: 'SQLite only (PostgreSQL spells it strpos): compute it in TypeScript', pattern: /\binstr\s*\(/g },
  { why: 'PostgreSQL has no rowid: use the fragment in server/store/sql-dialect.ts', pattern: /\browid\b/g },
  { why: "SQLite's JSON functions: use the fragments in server/store/sql-dialect.ts", pattern: /\bjson_(?:extract|group_array|object)\s*\(/g },
];

/** Where SQLite's own spellings belong: the dialect forks, and the copy to PostgreSQL and its test, which read SQLite files. */
const SPEAKS_SQLITE = ['server/store/sql-dialect.ts', 'db/migrate-to-postgres/', 'test/integration/migrate-to-postgres.test.ts'];

/** Each spelling in the text that is not portable, with the reason. */
function nonPortable(text: string): { found: string; why: string }[] {
  return NOT_PORTABLE.flatMap(({ why, pattern }) => [...text.matchAll(pattern)].map((m) => ({ found: m[0], why })));
}

describe('SQL that runs on SQLite and PostgreSQL alike', () => {
  it('the server, db/, bench/ and the integration tests (run on both engines) use no spelling PostgreSQL refuses or reads differently', () => {
    const found = sourceFiles(['server', 'db', 'bench', 'test/integration', 'test/support'])
      .filter((file) => !SPEAKS_SQLITE.some((place) => file.startsWith(place)))
      .flatMap((file) =>
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
      'FROM tickets t CROSS JOIN journal j ON j.ticket_id = t.id',
      "UPDATE t SET digest = x'00'",
      "SELECT substr(a, instr(a, ','))",
      'ORDER BY created_at, rowid',
      "SELECT json_extract(data, '$.a'), json_group_array(json_object('k', v))",
    ];
    expect(sqliteOnly.map((sql) => nonPortable(sql).length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
    const portable = [
      'INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO NOTHING',
      'SELECT ticket_id AS "ticketId", b AS count FROM t',
      'WHERE (CAST(? AS TEXT) IS NULL OR a = ?) AND c IS NOT NULL',
      'WHERE b IS DISTINCT FROM ?',
      'FROM tickets t CROSS JOIN journal j WHERE j.ticket_id = t.id',
      "const box = 'x'; UPDATE t SET digest = ? -- rowids",
      "const x = y as unknown as Row; import { a as localDate } from './a';",
    ];
    expect(portable.flatMap(nonPortable)).toEqual([]);
  });
});
