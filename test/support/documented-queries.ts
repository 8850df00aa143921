// The query parameters docs/api.md documents for each GET route (`GET /api/offices/<officeId>/journal?day=&counterId=`),
// keyed by the path with its parameters unnamed (`<report>` and `:report` both become `:`), so a
// test can hold a route to what its documentation promises about its parameters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function documentedQueries(): Map<string, Set<string>> {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'api.md'), 'utf8');
  const queries = new Map<string, Set<string>>();
  for (const match of doc.matchAll(/`GET (\/api\/[^`?\s]+)\?([^`\s]*)`/g)) {
    const path = match[1]!.replace(/<\w+>/g, ':');
    queries.set(path, new Set([...match[2]!.matchAll(/(\w+)=/g)].map((key) => key[1]!)));
  }
  return queries;
}
