// One queue per printer: jobs run strictly one after another (two kiosks sharing a printer never get
// their bytes interleaved, nor their status questions and answers). Which jobs to print at all —
// each job id once — the agent decides with the server and its file of printed jobs (agent.ts).
import type { PaperState, PrinterStatus } from './status';
import type { PrinterTransport } from './transports/transport';
import { TimeoutError, withTimeout } from './with-timeout';

export interface PrintJob {
  /** For messages: the server's job id. */
  jobId: string;
  bytes: Uint8Array;
}

export type PrintFailureReason = 'paper-out' | 'offline' | 'timeout' | 'error';

export type PrintResult =
  | { ok: true; /** So staff can be told to change the roll before it runs out. */ paper: PaperState }
  | { ok: false; reason: PrintFailureReason; message: string };

export interface PrintQueueOptions {
  transport: PrinterTransport;
  /** From the print request to the bytes handed over, waiting behind earlier jobs included. */
  timeoutMs: number;
}

/** Errors that mean the printer is not there: unplugged, switched off, wrong address. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOENT', 'ENODEV', 'ENXIO', 'EIO']);

function failure(reason: PrintFailureReason, message: string): PrintResult {
  return { ok: false, reason, message };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failureFromError(error: unknown): PrintResult {
  if (error instanceof TimeoutError) return failure('timeout', error.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return failure('offline', describe(error));
  return failure('error', describe(error));
}

/** Why a printer in this state must not be sent a ticket, or null when it may. */
function refusal(status: PrinterStatus): PrintResult | null {
  if (status.paper === 'out') return failure('paper-out', 'The printer is out of paper');
  if (status.coverOpen) return failure('offline', 'The printer cover is open');
  if (status.error !== undefined) return failure('error', `The printer reports: ${status.error}`);
  if (!status.online) return failure('offline', 'The printer is offline');
  return null;
}

export class PrintQueue {
  /** Settles when the last queued job has finished talking to the printer. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PrintQueueOptions) {}

  print(job: PrintJob): Promise<PrintResult> {
    const abandoned = new AbortController();
    const turn = this.tail.then(() => this.attempt(job, abandoned.signal));
    // The next job waits for this one's I/O to end, not merely for its caller to give up.
    this.tail = turn.catch(() => undefined);
    return withTimeout(turn, this.options.timeoutMs, `Print job ${job.jobId}`).catch((error: unknown) => {
      abandoned.abort();
      return failureFromError(error);
    });
  }

  private async attempt(job: PrintJob, abandoned: AbortSignal): Promise<PrintResult> {
    // A job whose caller has already been told "timeout" must not print later by surprise.
    if (abandoned.aborted) return failure('timeout', 'Gave up before the printer was free');
    let status: PrinterStatus;
    try {
      status = await this.options.transport.status();
    } catch (error) {
      return failure('offline', `The printer does not answer: ${describe(error)}`);
    }
    const refused = refusal(status);
    if (refused) return refused;
    if (abandoned.aborted) return failure('timeout', 'Gave up while asking the printer for its status');
    await this.options.transport.write(job.bytes);
    return { ok: true, paper: status.paper };
  }
}
