import { describe, expect, it } from 'vitest';
import { schemaDifferences } from '../../server/store/schema-differences';

const SNAPSHOT = `CREATE TABLE "tickets" (
  id TEXT PRIMARY KEY,
  -- Where it came from (kiosk, phone), for the reports.
  source TEXT NOT NULL,
  code TEXT NOT NULL CHECK (code <> ''),
  UNIQUE (id, code)
);

CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL);

CREATE INDEX tickets_by_code ON tickets (code);
`;

describe('schemaDifferences', () => {
  it('finds none where only comments and spacing differ', () => {
    const respaced = SNAPSHOT.replace('  -- Where it came from (kiosk, phone), for the reports.\n', '').replace('source TEXT NOT NULL,', 'source  TEXT\n    NOT NULL,');
    expect(schemaDifferences(SNAPSHOT, respaced)).toEqual({ mismatches: [], extras: [] });
  });

  it('names a column missing, one changed and one added, on a table written on one line too', () => {
    const altered = SNAPSHOT.replace('  source TEXT NOT NULL,\n', '').replace('code TEXT NOT NULL CHECK', 'code TEXT CHECK').replace('name TEXT NOT NULL)', 'name TEXT NOT NULL, note TEXT)');
    expect(schemaDifferences(SNAPSHOT, altered).mismatches).toEqual([
      'table tickets: column code is `code TEXT CHECK (code <> \'\')`, the snapshot says `code TEXT NOT NULL CHECK (code <> \'\')`',
      'table tickets lacks column source `source TEXT NOT NULL`',
      'table schema_migrations has column note `note TEXT`, which the snapshot has not',
    ]);
  });

  it('names a constraint without a name by its text', () => {
    expect(schemaDifferences(SNAPSHOT, SNAPSHOT.replace(',\n  UNIQUE (id, code)', '')).mismatches).toEqual(['table tickets lacks a constraint `UNIQUE (id, code)`']);
  });

  it('names tables and indexes missing or changed as mismatches, and added ones as extras', () => {
    const altered = `${SNAPSHOT.replace('ON tickets (code)', 'ON tickets (code, id)').replace(/CREATE TABLE schema_migrations[^;]*;\n\n/, '')}\nCREATE TABLE stray (id INTEGER);\n\nCREATE INDEX tickets_by_source ON tickets (source);\n`;
    expect(schemaDifferences(SNAPSHOT, altered)).toEqual({
      mismatches: [
        'table schema_migrations is missing',
        'index tickets_by_code is `CREATE INDEX tickets_by_code ON tickets (code, id)`, the snapshot says `CREATE INDEX tickets_by_code ON tickets (code)`',
      ],
      extras: ['table stray is not in the snapshot', 'index tickets_by_source is not in the snapshot'],
    });
  });

  it('counts an added UNIQUE index or trigger as a mismatch: either can refuse Talon\'s writes', () => {
    const altered = `${SNAPSHOT}\nCREATE UNIQUE INDEX one_per_source ON tickets (source);\n\nCREATE TRIGGER no_codes BEFORE INSERT ON tickets BEGIN SELECT RAISE(ABORT, 'no'); END;\n`;
    expect(schemaDifferences(SNAPSHOT, altered)).toEqual({
      mismatches: ['index one_per_source is not in the snapshot', 'trigger no_codes is not in the snapshot'],
      extras: [],
    });
  });
});
