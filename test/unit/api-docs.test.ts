// docs/api.md is the API's reference: it must name every command route and every error code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COMMAND_ROUTES, ERROR_CODES } from '../../common/protocol';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'api.md'), 'utf8');

it('documents every queue command with its route', () => {
  for (const [event, path] of Object.entries(COMMAND_ROUTES)) {
    expect(doc, event).toContain(`\`${event}\``);
    expect(doc, path).toContain(path);
  }
});

it('documents every error code', () => {
  for (const code of ERROR_CODES) expect(doc, code).toContain(`| \`${code}\` |`);
});
