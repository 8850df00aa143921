import { describe, expect, it } from 'vitest';
import { findStarStatusFrame, InvalidStarStatusError, parseStarStatus, STAR_STATUS_REQUEST } from '../../printer/star-status';
import { FAKE_STAR_REPLIES } from '../support/fake-printer';

const frame = (...bytes: number[]) => bytes;

describe('Star status (ASB)', () => {
  it('asks with the real-time ESC ACK SOH', () => {
    expect([...STAR_STATUS_REQUEST]).toEqual([0x1b, 0x06, 0x01]);
  });

  it('reads an online printer with paper', () => {
    expect(parseStarStatus([...FAKE_STAR_REPLIES.online])).toEqual({ online: true, paper: 'ok', coverOpen: false });
  });

  it('reads paper near its end from either near-end sensor while still online', () => {
    expect(parseStarStatus([...FAKE_STAR_REPLIES['paper-near-end']])).toEqual({ online: true, paper: 'near-end', coverOpen: false });
    expect(parseStarStatus(frame(0x23, 0x06, 0, 0, 0, 0x02, 0, 0, 0))).toMatchObject({ paper: 'near-end' });
  });

  it('reads paper out and the printer offline', () => {
    expect(parseStarStatus([...FAKE_STAR_REPLIES['paper-out']])).toEqual({ online: false, paper: 'out', coverOpen: false });
  });

  it('reads the cover open', () => {
    expect(parseStarStatus([...FAKE_STAR_REPLIES.offline])).toEqual({ online: false, paper: 'ok', coverOpen: true });
  });

  it('names the errors the printer reports', () => {
    expect(parseStarStatus(frame(0x23, 0x06, 0x08, 0x08 | 0x40, 0x04, 0, 0, 0, 0))).toMatchObject({
      online: false,
      error: 'print head overheated, autocutter error, paper jam',
    });
  });

  it('reads an older printer\u2019s 7-byte frame', () => {
    // Header 1 0x0f: bits 1–3 give 7.
    expect(findStarStatusFrame([0x0f, 0x02, 0, 0, 0, 0x08, 0])).toEqual({ start: 0, end: 7 });
    expect(parseStarStatus([0x0f, 0x02, 0, 0, 0, 0x08, 0])).toMatchObject({ paper: 'out' });
  });

  it('finds a frame after the tail of an older one and waits for the whole frame', () => {
    const tail = [0x00, 0x08];
    const reply = [...FAKE_STAR_REPLIES['paper-out']];
    expect(findStarStatusFrame([...tail, ...reply.slice(0, 5)])).toBeNull();
    expect(findStarStatusFrame([...tail, ...reply, 0x23])).toEqual({ start: 2, end: 11 });
  });

  it('includes an extension announced by header 2 in the frame', () => {
    const extended = [0x23, 0x86, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0x31, 0x31];
    expect(findStarStatusFrame(extended.slice(0, 12))).toBeNull();
    expect(findStarStatusFrame(extended)).toEqual({ start: 0, end: 13 });
  });

  it('refuses a frame too short to hold the paper sensors', () => {
    expect(() => parseStarStatus([0x09, 0x02, 0, 0])).toThrow(InvalidStarStatusError);
  });
});
