// The few SQL fragments SQLite and PostgreSQL spell differently, each named after what it means.
// Every other statement is written once and runs on both engines (test/unit/portable-sql.test.ts
// keeps it so); a store that needs one of these asks its Queryable for `engine`.
import type { DatabaseEngine } from './database';

/**
 * A JSON array as text, '[]' when there are no rows: one object per row of `from` (a FROM … WHERE
 * tail), with `fields` as keys and column expressions as values. PostgreSQL's json_agg gives NULL
 * for no rows, and is cast to text because node-postgres would parse a json value into objects.
 */
export function jsonArrayOfObjects(engine: DatabaseEngine, fields: Readonly<Record<string, string>>, from: string): string {
  const pairs = Object.entries(fields)
    .map(([key, column]) => `'${key}', ${column}`)
    .join(', ');
  return engine === 'sqlite'
    ? `(SELECT json_group_array(json_object(${pairs})) ${from})`
    : `COALESCE((SELECT json_agg(json_build_object(${pairs})) ${from})::text, '[]')`;
}

/**
 * A number inside a JSON document kept as text, NULL when the path is missing. PostgreSQL reads the
 * value as text, so it is cast to the type given. Its JSON functions refuse a document holding an
 * escaped NUL (\u0000) anywhere, even away from the path read; a document copied from SQLite may hold
 * one, so it is swapped for U+FFFD first (where `\u0000` follows an escaped backslash the swap changes
 * a string's text only, and no number is read from a string).
 */
export function jsonNumberAt(engine: DatabaseEngine, column: string, path: readonly string[], type: 'bigint' | 'double precision'): string {
  return engine === 'sqlite'
    ? `json_extract(${column}, '$.${path.join('.')}')`
    : `(replace(${column}, '\\u0000', '\\ufffd')::json #>> '{${path.join(',')}}')::${type}`;
}

/**
 * A JSON object kept as text, without these top-level keys. PostgreSQL's jsonb refuses an escaped NUL,
 * swapped for U+FFFD as in jsonNumberAt (in the stored text too: this writes the result back).
 */
export function jsonWithoutKeys(engine: DatabaseEngine, column: string, keys: readonly string[]): string {
  return engine === 'sqlite'
    ? `json_remove(${column}, ${keys.map((key) => `'$.${key}'`).join(', ')})`
    : `(replace(${column}, '\\u0000', '\\ufffd')::jsonb ${keys.map((key) => `- '${key}'`).join(' ')})::text`;
}

/** Breaks ties between print jobs made in the same millisecond, in the order they were made: SQLite's rowid, PostgreSQL's identity column `pos`. */
export function printJobInsertionOrder(engine: DatabaseEngine): string {
  return engine === 'sqlite' ? 'rowid' : 'pos';
}
