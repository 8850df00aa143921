import { describe, expect, it } from 'vitest';
import { printerProfile } from '../../printer/profiles';
import { codePageNumbers, decodeEscPos } from '../support/escpos-decode';

const pages = codePageNumbers(printerProfile('epson', '80mm'));

describe('the ESC/POS decoder used by printer tests', () => {
  it('notes a raster image and skips its data instead of reading it as text', () => {
    // GS v 0, 2 bytes (16 dots) wide, 3 dots high; the data holds bytes that look like commands.
    const image = [0x1d, 0x76, 0x30, 0, 2, 0, 3, 0, 0x1b, 0x40, 0x0a, 0xff, 0x1d, 0x56];
    const [ticket] = decodeEscPos(Uint8Array.from([...image, 0x41, 0x0a, 0x1d, 0x56, 0x01]), pages);
    expect(ticket?.rasterImages).toEqual([{ widthDots: 16, heightDots: 3 }]);
    expect(ticket?.lines.map((line) => line.text)).toEqual(['A']);
    expect(ticket?.cut).toBe(true);
  });

  it('refuses bytes it does not understand rather than guessing', () => {
    expect(() => decodeEscPos(Uint8Array.of(0x1b, 0x99), pages)).toThrow(/Unknown command ESC 0x99/);
    expect(() => decodeEscPos(Uint8Array.of(0x1b, 0x74, 99), pages)).toThrow(/not a page of this printer/);
    expect(() => decodeEscPos(Uint8Array.of(0xc0, 0x0a), pages)).toThrow(/before any ESC t/);
  });
});
