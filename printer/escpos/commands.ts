// The printer commands a ticket needs, written once per dialect (escpos-commands.ts,
// star-line-commands.ts, chosen in dialects.ts), so the layout never writes a raw byte.

export type Alignment = 'left' | 'center' | 'right';

export interface CommandSet {
  /** Reset modes left over from a previous job. */
  initialize(): number[];
  selectCodePage(pageNumber: number): number[];
  align(alignment: Alignment): number[];
  bold(on: boolean): number[];
  /** Character magnification, 1 = normal; the caller keeps within the model's maxMagnification. */
  magnify(width: number, height: number): number[];
  lineFeed(): number[];
  feedLines(lines: number): number[];
  /** A QR code (model 2, error correction M) with `moduleDots`-wide modules. */
  qrCode(payload: Uint8Array, moduleDots: number): number[];
  /** Feed to the cutter and cut, leaving a hinge (partial cut) so the ticket does not drop. */
  feedAndCut(): number[];
  /** A monochrome raster image (1 = black, rows of `widthBytes` bytes); absent where not supported. */
  rasterImage?(image: MonoImage): number[];
}

/** A 1-bit image as printers take it: rows top to bottom, 8 pixels a byte, most significant bit first. */
export interface MonoImage {
  widthBytes: number;
  height: number;
  data: Uint8Array;
}
