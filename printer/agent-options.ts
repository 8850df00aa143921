// The print agent's command line: where the server is, the agent's device key, and the printer.
//   npm run print-agent -- --server http://host:3000 --key <key> --printer tcp://192.168.1.50:9100 --model epson --paper 80
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PAPERS, PRINTER_MODELS, type Paper, type PrinterModelId } from './profiles';

export interface PrintAgentOptions {
  /** The Talon server's base URL, e.g. http://192.168.1.10:3000. */
  server: string;
  /** The print agent's device key, shown once when an admin registered it. */
  key: string;
  /** A printer connection string: tcp://host:9100, serial:/dev/ttyUSB0?baud=19200, file:/dev/usb/lp0. */
  printer: string;
  model: PrinterModelId;
  paper: Paper['id'];
  /** The agent's memory of the jobs it answered (JSON lines), kept across restarts. */
  jobsFile: string;
  /** How long one job may take, waiting behind others included. */
  jobTimeoutMs?: number;
  /** How often the printer's state is sent to the server besides after each job. */
  statusIntervalMs?: number;
  log?: (message: string) => void;
}

export class AgentUsageError extends Error {
  override readonly name = 'AgentUsageError';
}

function isModel(value: string): value is PrinterModelId {
  return Object.hasOwn(PRINTER_MODELS, value);
}

/** '80', '80mm' → '80mm'. */
function paperId(value: string): Paper['id'] {
  const id = /^\d+$/.test(value) ? `${value}mm` : value;
  if (!Object.hasOwn(PAPERS, id)) throw new AgentUsageError(`--paper ${value}: expected one of ${Object.keys(PAPERS).join(', ')}`);
  return id as Paper['id'];
}

const OPTIONS = {
  server: { type: 'string' },
  key: { type: 'string' },
  printer: { type: 'string' },
  model: { type: 'string', default: 'epson' },
  paper: { type: 'string', default: '80' },
  // Beside the agent, so a restarted agent finds what it printed before.
  'jobs-file': { type: 'string', default: join(import.meta.dirname, 'printed-jobs.jsonl') },
} as const;

export function parseAgentArgs(argv: readonly string[]): PrintAgentOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true });
  } catch (error) {
    throw new AgentUsageError(error instanceof Error ? error.message : String(error));
  }
  const { server, key, printer, model, paper, 'jobs-file': jobsFile } = parsed.values;
  if (!server || !key || !printer) throw new AgentUsageError('--server, --key and --printer are required');
  if (!model || !isModel(model)) throw new AgentUsageError(`--model ${model ?? ''}: expected one of ${Object.keys(PRINTER_MODELS).join(', ')}`);
  if (!jobsFile) throw new AgentUsageError('--jobs-file: expected a file name');
  return { server, key, printer, model, paper: paperId(paper ?? ''), jobsFile };
}
