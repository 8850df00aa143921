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

function readLines(path: string): { remembered: Map<string, RememberedResult>; lines: number; torn: boolean } {
  const remembered = new Map<string, RememberedResult>();
  if (!existsSync(path)) return { remembered, lines: 0, torn: false };
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  for (const line of lines) {
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
  return { remembered, lines: lines.length, torn: text.length > 0 && !text.endsWith('\n') };
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
  /** The file ends in a half-written line: the next line must not be glued to it. */
  private torn: boolean;
  private written: Promise<unknown> = Promise.resolve();

  /** Reads the file (a missing one is an empty memory). */
  constructor(
    private readonly path: string,
    private readonly limit = DEFAULT_REMEMBERED_JOBS,
  ) {
    ({ remembered: this.remembered, lines: this.lines, torn: this.torn } = readLines(path));
    this.forgetOldest();
  }

  get(jobId: string): RememberedResult | undefined {
    return this.remembered.get(jobId);
  }

  /** Resolves once the answer is on disk. */
  remember(jobId: string, result: RememberedResult): Promise<void> {
    this.remembered.delete(jobId);
    this.remembered.set(jobId, result);
    this.forgetOldest();
    const write = this.written.then(() => this.write(jobId, result));
    this.written = write.catch(() => undefined);
    return write;
  }

  private forgetOldest(): void {
    for (const oldest of this.remembered.keys()) {
      if (this.remembered.size <= this.limit) return;
      this.remembered.delete(oldest);
    }
  }

  private async write(jobId: string, result: RememberedResult): Promise<void> {
    if (this.lines < 2 * this.limit) {
      await writeDurably(this.path, `${this.torn ? '\n' : ''}${line(jobId, result)}`, 'a');
      this.torn = false;
      this.lines += 1;
      return;
    }
    // A new file renamed over the old one: a crash leaves one or the other, whole.
    const fresh = `${this.path}.new`;
    await writeDurably(fresh, [...this.remembered].map(([id, r]) => line(id, r)).join(''), 'w');
    await rename(fresh, this.path);
    this.lines = this.remembered.size;
    this.torn = false;
  }
}
