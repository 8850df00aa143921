import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrintedJobs } from '../../printer/printed-jobs';

const PRINTED = { ok: true, paper: 'ok' } as const;
const PAPER_OUT = { ok: false, reason: 'paper-out', message: 'The printer is out of paper' } as const;

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'talon-printed-jobs-')), 'printed-jobs.jsonl');

describe("the print agent's file of printed jobs", () => {
  it('remembers each answer after a restart, a missing file being an empty memory', async () => {
    const file = freshFile();
    const before = new PrintedJobs(file);
    expect(before.get('A')).toBeUndefined();
    await before.remember('A', PRINTED);
    await before.remember('B', PAPER_OUT);

    const after = new PrintedJobs(file);
    expect(after.get('A')).toEqual(PRINTED);
    expect(after.get('B')).toEqual(PAPER_OUT);
    expect(after.get('C')).toBeUndefined();
  });

  it('keeps the whole lines when the last one was cut off by a power failure', async () => {
    const file = freshFile();
    await new PrintedJobs(file).remember('A', PRINTED);
    appendFileSync(file, '{"jobId":"B","res');
    const after = new PrintedJobs(file);
    expect(after.get('A')).toEqual(PRINTED);
    expect(after.get('B')).toBeUndefined();
    await after.remember('C', PRINTED);
    expect(new PrintedJobs(file).get('C')).toEqual(PRINTED);
  });

  it('forgets the oldest jobs beyond its limit and keeps its file small', async () => {
    const file = freshFile();
    const memory = new PrintedJobs(file, 2);
    for (const id of ['A', 'B', 'C', 'D', 'E', 'F']) await memory.remember(id, PRINTED);
    expect(memory.get('D')).toBeUndefined();
    expect(memory.get('F')).toEqual(PRINTED);

    const reread = new PrintedJobs(file, 2);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].filter((id) => reread.get(id))).toEqual(['E', 'F']);
    expect(readFileSync(file, 'utf8').trim().split('\n').length).toBeLessThanOrEqual(4);
  });
});
