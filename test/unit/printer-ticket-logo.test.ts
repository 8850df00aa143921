import { describe, expect, it } from 'vitest';
import { printerProfile } from '../../printer/profiles';
import { layoutTicket } from '../../printer/ticket-layout';
import { parsePbm } from '../../server/printing/ticket-logo';
import { codePageNumbers, decodeEscPos } from '../support/escpos-decode';
import { RUSSIAN_TICKET } from '../support/escpos-tickets';

/** A binary PBM of `width` × `height`, every pixel black, with a comment line as editors write. */
function pbm(width: number, height: number): Buffer {
  const rowBytes = Math.ceil(width / 8);
  return Buffer.concat([Buffer.from(`P4\n# made by a test\n${width} ${height}\n`, 'ascii'), Buffer.alloc(rowBytes * height, 0xff)]);
}

describe('the ticket logo', () => {
  it('reads a binary PBM into packed rows, comments and all', () => {
    const image = parsePbm(pbm(100, 40));
    expect(image).toMatchObject({ widthBytes: 13, height: 40 });
    expect(image.data).toHaveLength(13 * 40);
  });

  it('refuses an ASCII PBM and a file cut short', () => {
    expect(() => parsePbm(Buffer.from('P1\n2 2\n1 0\n0 1\n'))).toThrow(/P4/);
    expect(() => parsePbm(pbm(16, 10).subarray(0, 30))).toThrow(/cut short/);
  });

  it('prints at the top of an ESC/POS ticket, and is left out where the paper is too narrow', () => {
    const logo = parsePbm(pbm(384, 60));
    const wide = decodeEscPos(layoutTicket({ ...RUSSIAN_TICKET, logo }, printerProfile('epson', '80mm')), codePageNumbers(printerProfile('epson', '80mm')));
    expect(wide[0]!.rasterImages).toEqual([{ widthDots: 384, heightDots: 60 }]);
    const tooWide = parsePbm(pbm(576, 60));
    const narrow = decodeEscPos(layoutTicket({ ...RUSSIAN_TICKET, logo: tooWide }, printerProfile('epson', '58mm')), codePageNumbers(printerProfile('epson', '58mm')));
    expect(narrow[0]!.rasterImages).toEqual([]);
  });
});
