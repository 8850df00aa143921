// The history generator's command line: options checked up front, so a typo stops it with a clear
// message (exit 2) before it touches a database, and `--help` answers without doing anything.
import { parseArgs } from 'node:util';
import type { LocalDate } from '../../common/protocol';

export const USAGE = `Fills an empty Talon data folder with a simulated past, for analytics and benchmarks.

usage: npm run generate-history -- [options]

  --days N        how many days to generate, ending with --end (default 365)
  --per-day N     mean visitors per calendar day, in each office (default 2000)
  --offices N     fill offices office-1 … office-N, each with its own history (default: the
                  single office "main")
  --data-dir DIR  the data folder (default ./data); its database must have no tickets yet
  --seed N        the same seed gives the same history (default 1)
  --end DATE      the last day, YYYY-MM-DD (default yesterday in each office's time zone)
  -h, --help      print this help and exit

On a new data folder it also creates the first admin, as the server does on first start: with the
password from TALON_ADMIN_PASSWORD, or a generated one printed once.`;

export interface HistoryOptions {
  days: number;
  perDay: number;
  /** null: the single office `main`. */
  offices: number | null;
  dataDir: string;
  seed: number;
  end: LocalDate | null;
}

export type ParsedOptions = { kind: 'help' } | { kind: 'run'; options: HistoryOptions } | { kind: 'error'; message: string };

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return n;
}

function localDate(text: string): LocalDate {
  const parsed = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls 02-30 over to March; reading the date back catches it.
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(text);
  if (!valid) throw new Error(`--end must be a date as YYYY-MM-DD, not "${text}"`);
  return text;
}

export function parseOptions(argv: string[]): ParsedOptions {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        days: { type: 'string', default: '365' },
        'per-day': { type: 'string', default: '2000' },
        offices: { type: 'string' },
        'data-dir': { type: 'string', default: './data' },
        seed: { type: 'string', default: '1' },
        end: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) return { kind: 'help' };
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
    return {
      kind: 'run',
      options: {
        days: positive('days', values.days),
        perDay: positive('per-day', values['per-day']),
        offices: values.offices === undefined ? null : positive('offices', values.offices),
        dataDir: values['data-dir'],
        seed,
        end: values.end === undefined ? null : localDate(values.end),
      },
    };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
