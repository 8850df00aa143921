import { describe, expect, it } from 'vitest';
import { PrintQueue } from '../../printer/print-queue';
import type { PrinterStatus } from '../../printer/status';
import type { PrinterTransport } from '../../printer/transports/transport';

const ONLINE: PrinterStatus = { online: true, paper: 'ok', coverOpen: false };

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A transport that records what happens and can hold a call open until the test lets it go. */
class ScriptedTransport implements PrinterTransport {
  readonly events: string[] = [];
  status: () => Promise<PrinterStatus> = async () => this.record('status', ONLINE);
  holdNextStatus: Promise<void> | null = null;
  holdNextWrite: Promise<void> | null = null;
  private statusCalled = deferred();

  /** Resolves when status() is next called. */
  statusAsked(): Promise<void> {
    return this.statusCalled.promise;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const hold = this.holdNextWrite;
    this.holdNextWrite = null;
    if (hold) await hold;
    this.events.push(`write ${new TextDecoder().decode(bytes)}`);
  }

  async close(): Promise<void> {}

  async record(what: string, status: PrinterStatus): Promise<PrinterStatus> {
    this.events.push(`${what} asked`);
    this.statusCalled.resolve();
    this.statusCalled = deferred();
    const hold = this.holdNextStatus;
    this.holdNextStatus = null;
    if (hold) await hold;
    this.events.push(`${what} answered`);
    return status;
  }

  writes(): string[] {
    return this.events.filter((event) => event.startsWith('write '));
  }
}

const job = (jobId: string, text = jobId) => ({ jobId, bytes: new TextEncoder().encode(text) });

describe('print queue', () => {
  it('prints a job and reports the paper state', async () => {
    const transport = new ScriptedTransport();
    transport.status = () => transport.record('status', { online: true, paper: 'near-end' });
    const queue = new PrintQueue({ transport, timeoutMs: 5_000 });
    expect(await queue.print(job('A'))).toEqual({ ok: true, paper: 'near-end' });
    expect(transport.writes()).toEqual(['write A']);
  });

  it('fails with paper-out and writes nothing when the printer has no paper', async () => {
    const transport = new ScriptedTransport();
    transport.status = () => transport.record('status', { online: false, paper: 'out', coverOpen: false });
    const queue = new PrintQueue({ transport, timeoutMs: 5_000 });
    expect(await queue.print(job('A'))).toMatchObject({ ok: false, reason: 'paper-out' });
    expect(transport.writes()).toEqual([]);
  });

  it('fails with offline when the cover is open, the printer is offline or does not answer', async () => {
    const transport = new ScriptedTransport();
    const queue = new PrintQueue({ transport, timeoutMs: 5_000 });
    transport.status = () => transport.record('status', { online: false, paper: 'ok', coverOpen: true });
    expect(await queue.print(job('A'))).toEqual({ ok: false, reason: 'offline', message: 'The printer cover is open' });
    transport.status = () => transport.record('status', { online: false, paper: 'ok' });
    expect(await queue.print(job('B'))).toMatchObject({ ok: false, reason: 'offline' });
    transport.status = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9100'), { code: 'ECONNREFUSED' });
    };
    expect(await queue.print(job('C'))).toMatchObject({ ok: false, reason: 'offline', message: expect.stringContaining('ECONNREFUSED') });
    expect(transport.writes()).toEqual([]);
  });

  it('fails with error when the printer reports one', async () => {
    const transport = new ScriptedTransport();
    transport.status = () => transport.record('status', { online: false, paper: 'ok', coverOpen: false, error: 'autocutter error' });
    const queue = new PrintQueue({ transport, timeoutMs: 5_000 });
    expect(await queue.print(job('A'))).toEqual({ ok: false, reason: 'error', message: 'The printer reports: autocutter error' });
  });

  it('runs a second job only after the first has finished, status and write included', async () => {
    const transport = new ScriptedTransport();
    const release = deferred();
    transport.holdNextStatus = release.promise;
    const queue = new PrintQueue({ transport, timeoutMs: 5_000 });

    const first = queue.print(job('A'));
    const second = queue.print(job('B'));
    await transport.statusAsked();
    expect(transport.events).toEqual(['status asked']);

    release.resolve();
    expect(await Promise.all([first, second])).toEqual([
      { ok: true, paper: 'ok' },
      { ok: true, paper: 'ok' },
    ]);
    expect(transport.events).toEqual(['status asked', 'status answered', 'write A', 'status asked', 'status answered', 'write B']);
  });

  it('times out a hung job, and a job that timed out waiting behind it never prints later', async () => {
    const transport = new ScriptedTransport();
    const unhang = deferred();
    transport.holdNextWrite = unhang.promise;
    const queue = new PrintQueue({ transport, timeoutMs: 50 });

    const [hung, waiting] = await Promise.all([queue.print(job('A')), queue.print(job('B'))]);
    expect(hung).toMatchObject({ ok: false, reason: 'timeout' });
    expect(waiting).toMatchObject({ ok: false, reason: 'timeout' });

    unhang.resolve();
    expect(await queue.print(job('C'))).toEqual({ ok: true, paper: 'ok' });
    expect(transport.writes()).toEqual(['write A', 'write C']);
  });
});
