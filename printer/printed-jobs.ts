// The agent's memory of the jobs it has answered, in a small file beside it: one JSON line per job,
// `{jobId, result}`, exactly what it reports to the server. A job the server sends again (its answer
// was lost when the link broke, and then the agent restarted) is answered from here instead of
// printing a second ticket. An answer is on disk (written and fsynced) before the server hears it.
import { existsSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { printJobResultSchema, type PrintJobResult } from '../common/protocol/printing';

export type RememberedResult = PrintJobResult['result'];

/** Enough to recognise any job the server can still send: jobs expire within the hour. */
const DEFAULT_REMEMBERED_JOBS = 1000;

function readLines(path: string): Map<string, RememberedResult> {
  const remembered = new Map<string, RememberedResult>();
  if (!existsSync(path)) return remembered;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    let entry;
    try {
      entry = printJobResultSchema.safeParse(JSON.parse(line));
    } catch {
      continue; // an empty line, or the half-written last one of an agent that lost power
    }
    if (!entry.success) continue;
    remembered.delete(entry.data.jobId);
    remembered.set(entry.data.jobId, entry.data.result);
  }
  return remembered;
}

async function writeDurably(path: string, text: string, flags: 'a' | 'w'): Promise<void> {
  const file = await open(path, flags);
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
}

const line = (jobId: string, result: RememberedResult) => `${JSON.stringify({ jobId, result } satisfies PrintJobResult)}\n`;

export class PrintedJobs {
  private readonly remembered: Map<string, RememberedResult>;
  /** Lines in the file; it is rewritten with the remembered jobs only once it holds twice as many. */
  private lines: number;
  private written: Promise<unknown> = Promise.resolve();

  /** Reads the file (a missing one is an empty memory). */
  constructor(
    private readonly path: string,
    private readonly limit = DEFAULT_REMEMBERED_JOBS,
  ) {
    this.remembered = readLines(path);
    this.lines = this.remembered.size;
  }

  get(jobId: string): RememberedResult | undefined {
    return this.remembered.get(jobId);
  }

  /** Resolves once the answer is on disk. */
  remember(jobId: string, result: RememberedResult): Promise<void> {
    this.remembered.delete(jobId);
    this.remembered.set(jobId, result);
    for (const oldest of this.remembered.keys()) {
      if (this.remembered.size <= this.limit) break;
      this.remembered.delete(oldest);
    }
    const write = this.written.then(() => this.write(jobId, result));
    this.written = write.catch(() => undefined);
    return write;
  }

  private async write(jobId: string, result: RememberedResult): Promise<void> {
    if (this.lines < 2 * this.limit) {
      await writeDurably(this.path, line(jobId, result), 'a');
      this.lines += 1;
      return;
    }
    // A new file renamed over the old one: a crash leaves one or the other, whole.
    const fresh = `${this.path}.new`;
    await writeDurably(fresh, [...this.remembered].map(([id, r]) => line(id, r)).join(''), 'w');
    await rename(fresh, this.path);
    this.lines = this.remembered.size;
  }
}
