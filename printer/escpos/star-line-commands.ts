// Star Line Mode commands (TSP100/TSP650/mC-Print in their default mode), per Star's Line Mode
// command specification; the same commands node-thermal-printer's Star driver sends.
import { lowHigh } from './bytes';
import type { Alignment, CommandSet } from './commands';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

const ALIGNMENT_CODE: Record<Alignment, number> = { left: 0, center: 1, right: 2 };

export const STAR_LINE_COMMANDS: CommandSet = {
  initialize: () => [ESC, 0x40],
  selectCodePage: (pageNumber) => [ESC, GS, 0x74, pageNumber],
  align: (alignment) => [ESC, GS, 0x61, ALIGNMENT_CODE[alignment]],
  bold: (on) => (on ? [ESC, 0x45] : [ESC, 0x46]),
  // ESC i n1 n2: height expansion then width expansion, both counted from 0 (= normal).
  magnify: (width, height) => [ESC, 0x69, height - 1, width - 1],
  lineFeed: () => [LF],
  feedLines: (lines) => [ESC, 0x61, lines],
  qrCode: (payload, moduleDots) => [
    ...[ESC, GS, 0x79, 0x53, 0x30, 2], // model 2
    ...[ESC, GS, 0x79, 0x53, 0x31, 1], // error correction M
    ...[ESC, GS, 0x79, 0x53, 0x32, moduleDots], // cell size
    ...[ESC, GS, 0x79, 0x44, 0x31, 0, ...lowHigh(payload.length), ...payload], // store the data
    ...[ESC, GS, 0x79, 0x50], // print it
  ],
  // ESC d 3: feed to the cutting position, then partial cut.
  feedAndCut: () => [ESC, 0x64, 3],
};
