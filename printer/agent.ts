// The print agent: a small process beside a ticket printer. It connects to Talon as a print-agent
// device, lays out each job it is sent for its own printer model, prints it through one PrintQueue
// (so jobs from several kiosks never interleave), answers with the result, and reports the
// printer's state on connect, after each job and periodically. Socket.IO reconnects by itself; the
// server sends every unanswered job again on each connect. Which office's namespace it joins, the
// server says: GET /api/auth/me with the key answers the device and its office.
//
// A job id prints at most once, across reconnects and restarts: a job already answered is answered
// again from the agent's file of printed jobs (written before the server hears the answer), and a
// new one is claimed from the server just before printing — the server says no to a job a reprint
// replaced, one that expired or whose visitor was told it failed, and to any job claimed before.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../common/protocol';
import { officeNamespace } from '../common/protocol/offices';
import { signedInDevice } from '../common/ui/signed-in-device';
import { printJobSchema, type PrintJob, type PrinterReport } from '../common/protocol/printing';
import { PrintedJobs } from './printed-jobs';
import { AgentUsageError, parseAgentArgs, type PrintAgentOptions } from './agent-options';
import { exclusiveTransport } from './exclusive-transport';
import { openTransport } from './open-transport';
import { PrintQueue, type PrintResult } from './print-queue';
import { printerProfile, type PrinterProfile } from './profiles';
import type { PrinterStatus } from './status';
import { layoutTestPage } from './test-page';
import { layoutTicket } from './ticket-layout';

export type { PrintAgentOptions } from './agent-options';

const DEFAULT_JOB_TIMEOUT_MS = 20_000;
const DEFAULT_STATUS_INTERVAL_MS = 30_000;
/** For connecting, each write and each status answer: a healthy printer answers in milliseconds. */
const PRINTER_IO_TIMEOUT_MS = 5_000;
/** For the server's answer to a claim; without one the job waits for the next connection. */
const CLAIM_TIMEOUT_MS = 10_000;
/** After the server turned the handshake down for a reason other than the key (e.g. a database hiccup). */
const HANDSHAKE_RETRY_MS = 5_000;
/** Refusals that no retry will change: the key is wrong or was revoked. */
const FATAL_REFUSALS = new Set(['unauthenticated', 'device-revoked']);
const MAX_REPORTED_TEXT = 500;

export interface PrintAgent {
  /** Resolves once connected to the server (again, after a disconnect). */
  connected(): Promise<void>;
  /** Settles when the server refuses the key for good; the agent has stopped then. */
  readonly refused: Promise<Error>;
  stop(): Promise<void>;
}

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, MAX_REPORTED_TEXT);
}

function jobBytes(job: PrintJob, profile: PrinterProfile): Uint8Array {
  if (job.payload.kind !== 'ticket') return layoutTestPage(profile);
  const { logo, ...ticket } = job.payload.ticket;
  return layoutTicket({ ...ticket, ...(logo ? { logo: { ...logo, data: Uint8Array.from(Buffer.from(logo.data, 'base64')) } } : {}) }, profile);
}

export function startPrintAgent(options: PrintAgentOptions): PrintAgent {
  const log = options.log ?? ((message: string) => console.log(`[print-agent] ${message}`));
  const profile = printerProfile(options.model, options.paper);
  const transport = exclusiveTransport(
    openTransport(options.printer, { timeoutMs: PRINTER_IO_TIMEOUT_MS, realtimeStatus: profile.model.realtimeStatus }),
  );
  const queue = new PrintQueue({ transport, timeoutMs: options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS });
  const printedJobs = new PrintedJobs(options.jobsFile);
  /** Jobs being handled; the same job sent again meanwhile gets its answer from the first. */
  const handling = new Map<string, Promise<void>>();
  /** The base URL without a trailing slash: the office's namespace and the REST paths follow it. */
  const server = options.server.replace(/\/+$/, '');
  /** Made once the server has said which office this agent serves (joinOffice below). */
  let socket: AgentSocket | null = null;
  /** Callers of connected() from before the socket existed. */
  const onConnected: (() => void)[] = [];
  let stopped = false;
  let refuse: (error: Error) => void = () => undefined;
  const refused = new Promise<Error>((resolve) => (refuse = resolve));

  async function reportStatus(): Promise<void> {
    let status: PrinterStatus;
    try {
      status = await transport.status();
    } catch (error) {
      status = { online: false, paper: 'unknown', error: describe(error) };
    }
    const report: PrinterReport = { model: profile.model.id, paper: profile.paper.id, status };
    // Only a current state is worth sending: no buffering while disconnected.
    if (socket?.connected) socket.emit('printer:report', report);
  }

  function answer(jobId: string, result: PrintResult): void {
    // Sent even while disconnected: socket.io keeps it until the connection is back, and the
    // server ignores a second answer for the same job.
    socket?.emit('print:result', { jobId, result: result.ok ? result : { ...result, message: result.message.slice(0, MAX_REPORTED_TEXT) } }, (ack) => {
      if (!ack.ok) log(`the server did not take the result of job ${jobId}: ${ack.error.message}`);
    });
  }

  /** Whether the server still wants this job printed; it hands each job out once. */
  async function claim(job: PrintJob): Promise<boolean> {
    // A claim buffered while offline could be granted long after this agent stopped waiting for it.
    if (!socket?.connected) return false;
    try {
      const granted = await socket.timeout(CLAIM_TIMEOUT_MS).emitWithAck('print:claim', { jobId: job.jobId });
      if (granted.ok && granted.data.print) return true;
      log(`job ${job.jobId} (${job.payload.kind}): not printed, ${granted.ok ? 'replaced, expired or no longer wanted' : granted.error.message}`);
    } catch {
      log(`job ${job.jobId}: no answer to its claim; the server sends it again on the next connection`);
    }
    return false;
  }

  async function printJob(job: PrintJob): Promise<void> {
    const remembered = printedJobs.get(job.jobId);
    if (remembered) return answer(job.jobId, remembered);
    if (!(await claim(job))) return;
    let result: PrintResult;
    try {
      result = await queue.print({ jobId: job.jobId, bytes: jobBytes(job, profile) });
    } catch (error) {
      // The layout refuses text the printer has no letters for: a failure staff must see.
      result = { ok: false, reason: 'error', message: describe(error) };
    }
    log(`job ${job.jobId} (${job.payload.kind}): ${result.ok ? 'printed' : `failed, ${result.reason}: ${result.message}`}`);
    try {
      await printedJobs.remember(job.jobId, result);
    } catch (error) {
      // Still answered: the server must learn the outcome; only a restart before it hears it could
      // lose it, and then the server refuses to hand the job out again.
      log(`could not write ${options.jobsFile}: ${describe(error)}`);
    }
    answer(job.jobId, result);
    await reportStatus();
  }

  function receive(raw: unknown): void {
    const parsed = printJobSchema.safeParse(raw);
    if (!parsed.success) return log(`ignored a malformed job: ${parsed.error.message}`);
    const { jobId } = parsed.data;
    if (handling.has(jobId)) return;
    const work = printJob(parsed.data).catch((error: unknown) => log(`job ${jobId}: ${describe(error)}`));
    handling.set(jobId, work.finally(() => handling.delete(jobId)));
  }

  function refuseKey(code: string, message: string): void {
    log(`the server refused this agent's key (${code}): ${message}`);
    void stop();
    refuse(Object.assign(new Error(message), { data: { code } }));
  }

  async function joinOffice(): Promise<void> {
    const device = await signedInDevice(options.key, server);
    if (stopped) return;
    if (!device.ok) {
      const { code, message } = device.error;
      if (FATAL_REFUSALS.has(code)) return refuseKey(code, message);
      log(`could not learn this agent's office (${message}); asking again`);
      setTimeout(() => void joinOffice(), HANDSHAKE_RETRY_MS).unref();
      return;
    }
    socket = connect(`${server}${officeNamespace(device.data.officeId)}`);
    onConnected.forEach((resolve) => socket?.once('connect', () => resolve()));
    onConnected.length = 0;
  }

  function connect(url: string): AgentSocket {
    const officeSocket: AgentSocket = io(url, { auth: { deviceKey: options.key }, transports: ['websocket'] });
    officeSocket.on('print:job', receive);
    officeSocket.on('connect', () => {
      log(`connected to ${url}`);
      void reportStatus();
    });
    officeSocket.on('disconnect', (reason) => {
      log(`disconnected (${reason})`);
      // The server closing the connection does not make socket.io reconnect by itself.
      if (reason === 'io server disconnect' && !stopped) officeSocket.connect();
    });
    officeSocket.on('connect_error', (error) => {
      if (officeSocket.active) return; // a network failure: socket.io retries by itself
      const code = (error as Error & { data?: { code?: string } }).data?.code;
      if (code && FATAL_REFUSALS.has(code)) return refuseKey(code, error.message);
      setTimeout(() => !stopped && officeSocket.connect(), HANDSHAKE_RETRY_MS).unref();
    });
    return officeSocket;
  }

  void joinOffice();

  const timer = setInterval(() => void reportStatus(), options.statusIntervalMs ?? DEFAULT_STATUS_INTERVAL_MS);

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    // A job being printed is finished and written down first, so that a restart does not repeat it.
    await Promise.allSettled(handling.values());
    socket?.disconnect();
    await transport.close();
  }

  return {
    connected: () =>
      new Promise<void>((resolve) => {
        if (!socket) onConnected.push(resolve);
        else if (socket.connected) resolve();
        else socket.once('connect', () => resolve());
      }),
    refused,
    stop,
  };
}

if (process.argv[1] === import.meta.filename) {
  try {
    const agent = startPrintAgent(parseAgentArgs(process.argv.slice(2)));
    void agent.refused.then(() => process.exit(1));
    const stop = () => void agent.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (!(error instanceof AgentUsageError)) throw error;
    console.error(`${error.message}\nUsage: npm run print-agent -- --server http://host:3000 --key <key> --printer tcp://192.168.1.50:9100 --model epson --paper 80 [--jobs-file printed-jobs.jsonl]`);
    process.exit(2);
  }
}
