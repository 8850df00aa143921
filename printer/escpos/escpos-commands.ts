// Epson ESC/POS commands (clones follow the same command set, only their code-page numbers differ).
import { lowHigh } from './bytes';
import type { Alignment, CommandSet } from './commands';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

const ALIGNMENT_CODE: Record<Alignment, number> = { left: 0, center: 1, right: 2 };

/** GS ( k with cn = 49 (QR code): pL pH count the cn, fn and parameter bytes. */
function qrFunction(fn: number, parameters: readonly number[]): number[] {
  return [GS, 0x28, 0x6b, ...lowHigh(parameters.length + 2), 49, fn, ...parameters];
}

export const ESC_POS_COMMANDS: CommandSet = {
  // GS v 0 m xL xH yL yH d…: raster bit image, normal size.
  rasterImage: ({ widthBytes, height, data }) => [GS, 0x76, 0x30, 0, ...lowHigh(widthBytes), ...lowHigh(height), ...data],
  initialize: () => [ESC, 0x40],
  selectCodePage: (pageNumber) => [ESC, 0x74, pageNumber],
  align: (alignment) => [ESC, 0x61, ALIGNMENT_CODE[alignment]],
  bold: (on) => [ESC, 0x45, on ? 1 : 0],
  // GS ! n: width magnification − 1 in the high nibble, height − 1 in the low one.
  magnify: (width, height) => [GS, 0x21, ((width - 1) << 4) | (height - 1)],
  lineFeed: () => [LF],
  feedLines: (lines) => [ESC, 0x64, lines],
  qrCode: (payload, moduleDots) => [
    ...qrFunction(65, [50, 0]), // model 2
    ...qrFunction(67, [moduleDots]), // module size
    ...qrFunction(69, [49]), // error correction M
    ...qrFunction(80, [48, ...payload]), // store the data
    ...qrFunction(81, [48]), // print it
  ],
  // GS V 66 n: feed to the cutting position (+ n dots) and cut partially.
  feedAndCut: () => [GS, 0x56, 66, 0],
};
