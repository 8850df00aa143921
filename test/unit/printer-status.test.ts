import { describe, expect, it } from 'vitest';
import {
  InvalidStatusReplyError,
  parseErrorCauseReply,
  parseOfflineCauseReply,
  parsePaperSensorReply,
  parsePrinterReply,
  readPrinterStatus,
  statusRequestBytes,
  type StatusRequest,
} from '../../printer/status';
import { FAKE_PRINTER_REPLIES, type StatusReplyBytes } from '../support/fake-printer';

function askFrom(replies: StatusReplyBytes, asked: StatusRequest[] = []) {
  return async (request: StatusRequest) => {
    asked.push(request);
    return replies[request];
  };
}

describe('printer status', () => {
  it('builds DLE EOT n requests', () => {
    expect([...statusRequestBytes(1)]).toEqual([0x10, 0x04, 1]);
    expect([...statusRequestBytes(4)]).toEqual([0x10, 0x04, 4]);
  });

  it('reads online and offline from DLE EOT 1', () => {
    expect(parsePrinterReply(0x12)).toEqual({ online: true });
    expect(parsePrinterReply(0x1a)).toEqual({ online: false });
  });

  it('reads cover open, paper-end stop and error from DLE EOT 2', () => {
    expect(parseOfflineCauseReply(0x12)).toEqual({ coverOpen: false, stoppedForPaperEnd: false, errorOccurred: false });
    expect(parseOfflineCauseReply(0x16)).toEqual({ coverOpen: true, stoppedForPaperEnd: false, errorOccurred: false });
    expect(parseOfflineCauseReply(0x72)).toEqual({ coverOpen: false, stoppedForPaperEnd: true, errorOccurred: true });
  });

  it('names the errors of DLE EOT 3', () => {
    expect(parseErrorCauseReply(0x12)).toEqual([]);
    expect(parseErrorCauseReply(0x1a)).toEqual(['autocutter error']);
  });

  it('reads paper near-end and paper out from DLE EOT 4', () => {
    expect(parsePaperSensorReply(0x12)).toBe('ok');
    expect(parsePaperSensorReply(0x1e)).toBe('near-end');
    expect(parsePaperSensorReply(0x72)).toBe('out');
    expect(parsePaperSensorReply(0x7e)).toBe('out');
  });

  it('rejects a byte that lacks the fixed status bits', () => {
    expect(() => parsePaperSensorReply(0x00)).toThrow(InvalidStatusReplyError);
    expect(() => parsePrinterReply(0x93)).toThrow(InvalidStatusReplyError);
  });

  it('reports an online printer with paper', async () => {
    expect(await readPrinterStatus(askFrom(FAKE_PRINTER_REPLIES.online))).toEqual({ online: true, paper: 'ok', coverOpen: false });
  });

  it('reports paper near its end while still online', async () => {
    expect(await readPrinterStatus(askFrom(FAKE_PRINTER_REPLIES['paper-near-end']))).toEqual({ online: true, paper: 'near-end', coverOpen: false });
  });

  it('reports paper out', async () => {
    expect(await readPrinterStatus(askFrom(FAKE_PRINTER_REPLIES['paper-out']))).toMatchObject({ online: false, paper: 'out' });
  });

  it('reports an offline printer with its cover open', async () => {
    expect(await readPrinterStatus(askFrom(FAKE_PRINTER_REPLIES.offline))).toEqual({ online: false, paper: 'ok', coverOpen: true });
  });

  it('asks for the error cause only when the printer says an error occurred', async () => {
    const asked: StatusRequest[] = [];
    await readPrinterStatus(askFrom(FAKE_PRINTER_REPLIES.online, asked));
    expect(asked).not.toContain(3);

    const broken = { 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 } satisfies StatusReplyBytes;
    expect(await readPrinterStatus(askFrom(broken))).toEqual({ online: false, paper: 'ok', coverOpen: false, error: 'autocutter error' });
  });
});
