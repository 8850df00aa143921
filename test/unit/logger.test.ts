// The logger's level from the environment, and the redaction under every line.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/observability/logger';

function caught(level?: 'info') {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(line) }, level);
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const before = { TALON_LOG_LEVEL: process.env.TALON_LOG_LEVEL, VITEST: process.env.VITEST };
afterEach(() => {
  for (const [name, value] of Object.entries(before)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the log level', () => {
  it('is silent under the test runner unless TALON_LOG_LEVEL asks for one', () => {
    delete process.env.TALON_LOG_LEVEL;
    expect(caught().logger.level).toBe('silent');
    process.env.TALON_LOG_LEVEL = 'DEBUG';
    expect(caught().logger.level).toBe('debug');
  });

  it('is info outside the test runner, and a TALON_LOG_LEVEL that is not a level keeps it with a warning', () => {
    delete process.env.VITEST;
    delete process.env.TALON_LOG_LEVEL;
    expect(caught().logger.level).toBe('info');
    process.env.TALON_LOG_LEVEL = 'loud';
    const { logger, records } = caught();
    expect(logger.level).toBe('info');
    expect(records()).toMatchObject([{ level: 'warn', msg: expect.stringContaining('TALON_LOG_LEVEL "loud"') }]);
  });
});

describe('every line', () => {
  it('is one JSON object with a level name and an ISO time', () => {
    const { logger, lines, records } = caught('info');
    logger.info({ office: 'main' }, 'Talon is listening');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(records()[0]).toMatchObject({ level: 'info', office: 'main', msg: 'Talon is listening', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('has passwords, tokens, keys, phones and credential headers redacted wherever a caller put them', () => {
    const { logger, lines } = caught('info');
    logger.error(
      {
        password: 'hunter2-password',
        token: 'session-token-1',
        input: { phone: '+380501234567', deviceKey: 'device-key-1' },
        headers: { authorization: 'Bearer session-token-2', cookie: 'talon_session=session-token-3' },
        err: new TypeError('boom'),
      },
      'a failure',
    );
    const text = lines.join('');
    for (const secret of ['hunter2-password', 'session-token-1', '+380501234567', 'device-key-1', 'session-token-2', 'session-token-3']) {
      expect(text).not.toContain(secret);
    }
    // An error keeps its name and message: "name" is not a redacted key.
    expect(JSON.parse(text)).toMatchObject({ err: { type: 'TypeError', message: 'boom' }, input: { phone: '[redacted]' } });
  });
});
