// The server's log: one JSON object a line on stdout (journald, Docker and Loki's agents read it as
// it is), level from TALON_LOG_LEVEL. Under the test runner the default is 'silent', so test output
// shows test results and not every request of every test server; TALON_LOG_LEVEL still wins there.
// What may never be written (secrets and personal data) is cut here as well as in request-log.ts:
// the redaction below is the net under every log call, not only the request lines.
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger };

const LEVELS: readonly (Level | 'silent')[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Keys whose values are credentials or personal data, wherever they sit in a logged object (top
 * level or one level down, e.g. `{ input: { phone } }`), and the request headers that carry them.
 * Not `name`: an error's name ("TypeError") is what a reader needs; nobody logs a visitor's.
 */
const SECRET_KEYS = ['password', 'token', 'key', 'deviceKey', 'authorization', 'cookie', 'phone'];
const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-device-key"]',
];

function levelFrom(env: NodeJS.ProcessEnv): { level: Level | 'silent'; unknown?: string } {
  const asked = env.TALON_LOG_LEVEL?.trim().toLowerCase();
  if (asked && (LEVELS as string[]).includes(asked)) return { level: asked as Level | 'silent' };
  const fallback = env.VITEST ? 'silent' : 'info';
  return asked ? { level: fallback, unknown: asked } : { level: fallback };
}

/** A logger writing to `destination` (stdout unless given): tests pass an in-memory stream. */
export function createLogger(destination?: DestinationStream, level?: Level | 'silent'): Logger {
  const chosen = level ? { level } : levelFrom(process.env);
  const log = pino(
    {
      level: chosen.level,
      // Level names and ISO times read better in journalctl and Loki than pino's numbers.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    // Synchronous stdout: the last lines before a process.exit (a refused start) are not lost.
    destination ?? pino.destination(1),
  );
  // A typo must not silence the server, nor stop it: it runs at the default level and says so.
  if (chosen.unknown) log.warn(`TALON_LOG_LEVEL "${chosen.unknown}" is not one of ${LEVELS.join(', ')}; using ${chosen.level}`);
  return log;
}

/** The process's logger. */
export const logger: Logger = createLogger();

/** A logger whose every line carries `bindings`, e.g. `childLogger({ office: 'main' })`. */
export function childLogger(bindings: Record<string, unknown>): Logger {
  return logger.child(bindings);
}
