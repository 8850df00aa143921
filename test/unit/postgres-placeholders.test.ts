import { describe, expect, it } from 'vitest';
import { numberedPlaceholders } from '../../server/store/postgres-placeholders';

describe('numberedPlaceholders', () => {
  it('numbers each ? in order', () => {
    expect(numberedPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
  });

  it('leaves a ? inside a string, a quoted name or a comment alone', () => {
    expect(numberedPlaceholders(`SELECT 'why?', 'it''s ?', "col?" FROM t WHERE a = ? -- and ?\nAND b = ? /* or ? */ AND c = ?`)).toBe(
      `SELECT 'why?', 'it''s ?', "col?" FROM t WHERE a = $1 -- and ?\nAND b = $2 /* or ? */ AND c = $3`,
    );
  });

  it('gives back SQL without parameters as it was, also with an unterminated quote', () => {
    expect(numberedPlaceholders("SELECT 1 -- done")).toBe('SELECT 1 -- done');
    expect(numberedPlaceholders("SELECT 'open ?")).toBe("SELECT 'open ?");
  });
});
