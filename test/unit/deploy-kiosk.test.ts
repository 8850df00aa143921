// deploy/kiosk/talon-kiosk, the launcher of a kiosk or display PC, run with stand-ins for curl and
// Chromium that write down how they were called.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/source-imports';

const LAUNCHER = join(ROOT, 'deploy', 'kiosk', 'talon-kiosk');
const URL = 'http://talon.office.lan:3000/display/?key=abc&counter=booth-1';

/** A home with the launcher's setting and a profile Chromium left after a power cut. */
function screenPc() {
  const home = mkdtempSync(join(tmpdir(), 'talon-kiosk-'));
  const bin = join(home, 'bin');
  const profile = join(home, '.config', 'talon-kiosk-chromium', 'Default');
  mkdirSync(bin);
  mkdirSync(profile, { recursive: true });
  writeFileSync(join(home, '.config', 'talon-kiosk.conf'), `TALON_SCREEN_URL='${URL}'\n`);
  writeFileSync(join(profile, 'Preferences'), '{"profile":{"exited_cleanly":false,"exit_type":"Crashed","name":"Talon"}}');
  const standIn = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  standIn('curl', `echo "$@" >> "${home}/curl.log"`);
  standIn('chromium', `for a in "$@"; do echo "$a"; done > "${home}/chromium.args"`);
  return { home, bin, profile };
}

const launch = (home: string, bin: string) =>
  spawnSync('sh', [LAUNCHER], { env: { HOME: home, PATH: `${bin}:/usr/bin:/bin` }, encoding: 'utf8' });

it('asks Talon whether it is up, clears the crashed mark and starts Chromium full screen on the configured address', () => {
  const { home, bin, profile } = screenPc();
  const result = launch(home, bin);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(readFileSync(join(home, 'curl.log'), 'utf8')).toContain('http://talon.office.lan:3000/api/health');
  expect(readFileSync(join(profile, 'Preferences'), 'utf8')).toBe('{"profile":{"exited_cleanly":true,"exit_type":"Normal","name":"Talon"}}');
  const args = readFileSync(join(home, 'chromium.args'), 'utf8').trim().split('\n');
  expect(args.at(-1)).toBe(URL);
  expect(args).toContain('--kiosk');
  expect(args).toContain('--autoplay-policy=no-user-gesture-required');
  expect(args).toContain(`--user-data-dir=${join(home, '.config', 'talon-kiosk-chromium')}`);
});

it('says what is missing when no address is set', () => {
  const { home, bin } = screenPc();
  writeFileSync(join(home, '.config', 'talon-kiosk.conf'), '# nothing yet\n');
  const result = launch(home, bin);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('set TALON_SCREEN_URL');
});

it('explains every Chromium flag it passes in docs/operations.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
  const flags = [...readFileSync(LAUNCHER, 'utf8').matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]!);
  expect(flags.length).toBeGreaterThan(10);
  for (const flag of flags) expect(doc, flag).toContain(`\`${flag}`);
});
