import { describe, expect, it } from 'vitest';
import { withSessionSettings } from '../../server/store/postgres-database';

describe("a PostgreSQL session's settings from its first moment", () => {
  it('come as the start-up options of a URL that has none', () => {
    expect(withSessionSettings('postgres://talon@db:5432/talon', ['a=1', 'b=2'])).toEqual({
      connectionString: 'postgres://talon@db:5432/talon',
      options: '-c a=1 -c b=2',
    });
  });

  it("keep a URL's own options, first, instead of being replaced by them", () => {
    expect(withSessionSettings('postgres://talon@db/talon?sslmode=require&options=-c%20search_path%3Dq', ['a=1'])).toEqual({
      connectionString: 'postgres://talon@db/talon?sslmode=require',
      options: '-c search_path=q -c a=1',
    });
  });
});
