// What differs between two schema texts of one engine (schema-catalog.ts), the checked-in snapshot's
// and a database's, said per object an administrator can look up: a table, a column or constraint of
// it, an index. Comments and spacing do not count: SQLite keeps each statement as it was written,
// and an ALTER TABLE may rewrite its spacing. A table or index only the database has (a DBA's index
// for a slow query, an extension's table) leaves Talon's own intact, so it is told apart; an extra
// column, constraint or UNIQUE index is not, as it can refuse Talon's INSERTs, nor a trigger or view.

interface SchemaObject {
  /** "table tickets", "index tickets_by_day": how a difference names it. */
  key: string;
  /** The statement without comments, spaces collapsed. */
  text: string;
  /** A table's columns and constraints, as in `text`; none for other objects. */
  items: string[];
}

const CREATE = /^CREATE (?:UNIQUE )?(TABLE|INDEX|TRIGGER|VIEW) (?:IF NOT EXISTS )?("(?:[^"]|"")+"|[^\s(]+)/i;
/** SQL's string literals and quoted names, whose "--" and commas are no comment and no separator. */
const QUOTED_OR_COMMENT = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*/g;

export interface SchemaDifferences {
  /** Talon's objects missing or changed, and objects only the database has that can change Talon's writes. */
  mismatches: string[];
  /** Tables and (not UNIQUE) indexes only the database has. */
  extras: string[];
}

/** One line per difference; both lists empty when the texts describe the same schema. */
export function schemaDifferences(snapshot: string, database: string): SchemaDifferences {
  const expected = objectsOf(snapshot);
  const found = objectsOf(database);
  const mismatches: string[] = [];
  const extras: string[] = [];
  for (const [key, object] of expected) {
    const actual = found.get(key);
    if (!actual) mismatches.push(`${key} is missing`);
    else if (actual.text !== object.text) mismatches.push(...objectDifferences(object, actual));
  }
  for (const [key, object] of found) {
    if (expected.has(key)) continue;
    (harmlessExtra(object) ? extras : mismatches).push(`${key} is not in the snapshot`);
  }
  return { mismatches, extras };
}

/** A table, or an index that refuses no row (a UNIQUE one could refuse Talon's INSERTs). */
function harmlessExtra({ key, text }: SchemaObject): boolean {
  return key.startsWith('table ') || (key.startsWith('index ') && !/^CREATE UNIQUE /i.test(text));
}

function objectsOf(schema: string): Map<string, SchemaObject> {
  const statements = schema.split(/;\n(?:\n|$)/).map(withoutComments).filter(Boolean);
  return new Map(
    statements.map((text) => {
      const [, kind = '', quotedName = ''] = CREATE.exec(text) ?? [];
      const key = kind ? `${kind.toLowerCase()} ${unquoted(quotedName)}` : text;
      return [key, { key, text, items: kind.toUpperCase() === 'TABLE' ? tableItems(text) : [] }];
    }),
  );
}

function withoutComments(statement: string): string {
  return statement.replace(QUOTED_OR_COMMENT, (match) => (match.startsWith('--') ? '' : match)).replace(/\s+/g, ' ').trim();
}

function unquoted(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}

/** The comma-separated parts between a CREATE TABLE's outer parentheses. */
function tableItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  // Quoted parts are taken whole, so their parentheses and commas do not count.
  for (const [token] of text.matchAll(/'(?:[^']|'')*'|"(?:[^"]|"")*"|[^'"]/g)) {
    if (token === ')' && --depth === 0) break;
    if (depth === 1 && token === ',') {
      items.push(current.trim());
      current = '';
      continue;
    }
    if (depth >= 1) current += token;
    if (token === '(') depth++;
  }
  return [...items, current.trim()].filter(Boolean);
}

/** "column source", "constraint tickets_pkey"; undefined for a constraint without a name. */
function itemName(item: string): string | undefined {
  const [first = '', second = ''] = item.split(' ');
  if (/^constraint$/i.test(first)) return `constraint ${unquoted(second)}`;
  return /^(primary|unique|foreign|check)$/i.test(first) ? undefined : `column ${unquoted(first)}`;
}

function objectDifferences(expected: SchemaObject, actual: SchemaObject): string[] {
  const missing = expected.items.filter((item) => !actual.items.includes(item));
  const extra = actual.items.filter((item) => !expected.items.includes(item));
  const changed = missing.filter((item) => itemName(item) && extra.some((other) => itemName(other) === itemName(item)));
  const differences = [
    ...changed.map((item) => `${expected.key}: ${itemName(item)} is \`${extra.find((other) => itemName(other) === itemName(item))}\`, the snapshot says \`${item}\``),
    ...missing.filter((item) => !changed.includes(item)).map((item) => `${expected.key} lacks ${itemName(item) ?? 'a constraint'} \`${item}\``),
    ...extra.filter((item) => !changed.some((old) => itemName(old) === itemName(item))).map((item) => `${expected.key} has ${itemName(item) ?? 'a constraint'} \`${item}\`, which the snapshot has not`),
  ];
  // The same parts in another order, or something outside them (WITHOUT ROWID, an index's columns).
  return differences.length > 0 ? differences : [`${expected.key} is \`${actual.text}\`, the snapshot says \`${expected.text}\``];
}
