// Day summaries as stored bytes. A year is read on the first report after a restart, so the bulk —
// the histogram arrays and booth hours — is stored as raw little-endian typed arrays after a small
// JSON header, and only the header is parsed: a year decodes in tens of milliseconds, where JSON
// numbers took seconds and base64 text hundreds of milliseconds.
import type { CounterDay, KeptLongWait, VisitSummary } from './day-summary-shape';
import type { HistogramFamily } from './histogram';

/** Bump when the summary's shape or any definition behind it changes: stored days are then rebuilt. */
export const SUMMARY_VERSION = 4;

const FAMILIES = ['waits', 'abandoned', 'waitsBySpecialist', 'serviceTimes', 'serviceTimesBySpecialist', 'estimateErrors'] as const;

type AnyFamily = HistogramFamily<readonly (string | number)[]>;
type NumberArray = Float64Array | Int32Array | Uint16Array;

const KINDS = { f64: Float64Array, i32: Int32Array, u16: Uint16Array };
const KIND_OF = (a: NumberArray) => (a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'u16');

/** [header length][JSON header][arrays, each 8-byte aligned]; the header lists the arrays' kinds and lengths. */
function pack(header: Record<string, unknown>, arrays: NumberArray[]): Buffer {
  const json = Buffer.from(JSON.stringify({ ...header, $arrays: arrays.map((a) => [KIND_OF(a), a.length]) }));
  const align = (n: number) => Math.ceil(n / 8) * 8;
  let size = align(4 + json.length);
  for (const a of arrays) size += align(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = align(4 + json.length);
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += align(a.byteLength);
  }
  return out;
}

function unpack(blob: Buffer): { header: Record<string, unknown>; arrays: NumberArray[] } {
  const length = blob.readUInt32LE(0);
  const header = JSON.parse(blob.toString('utf8', 4, 4 + length)) as Record<string, unknown>;
  // One aligned copy of the whole blob: typed arrays need offsets aligned to their element size.
  const bytes = new Uint8Array(blob).buffer;
  let at = Math.ceil((4 + length) / 8) * 8;
  const arrays = (header.$arrays as [string, number][]).map(([kind, n]) => {
    const array = new KINDS[kind as keyof typeof KINDS](bytes, at, n);
    at += Math.ceil(array.byteLength / 8) * 8;
    return array;
  });
  return { header, arrays };
}

/** The visits column keeps only the head of the longest waits; the full list has its own column. */
export function encodeVisits(summary: VisitSummary, longestHead: number): Buffer {
  const header: Record<string, unknown> = { ...summary, longest: toRows(summary.longest.slice(0, longestHead)) };
  const arrays: NumberArray[] = [];
  for (const name of FAMILIES) {
    const family: AnyFamily = summary[name];
    header[name] = family.keys;
    arrays.push(family.stats, family.offsets, family.steps);
  }
  return pack(header, arrays);
}

export function decodeVisits(blob: Buffer): VisitSummary {
  const { header, arrays } = unpack(blob);
  FAMILIES.forEach((name, i) => {
    header[name] = { keys: header[name], stats: arrays[i * 3], offsets: arrays[i * 3 + 1], steps: arrays[i * 3 + 2] };
  });
  delete header.$arrays;
  header.longest = fromRows(header.longest as LongWaitRow[]);
  return header as unknown as VisitSummary;
}

export function encodeCounters(counters: Record<string, CounterDay>): Buffer {
  const ids = Object.keys(counters);
  const open = new Int32Array(ids.length * 24);
  ids.forEach((id, i) => open.set(counters[id]!.openMsByHour, i * 24));
  return pack({ ids, bySpecialist: ids.map((id) => counters[id]!.bySpecialist) }, [open]);
}

export function decodeCounters(blob: Buffer): Record<string, CounterDay> {
  const { header, arrays } = unpack(blob);
  const ids = header.ids as string[];
  const bySpecialist = header.bySpecialist as CounterDay['bySpecialist'][];
  const open = arrays[0]!;
  return Object.fromEntries(ids.map((id, i) => [id, { openMsByHour: open.subarray(i * 24, i * 24 + 24) as Int32Array, bySpecialist: bySpecialist[i]! }]));
}

/** Rows as tuples, not objects: a year of the full lists is read when a request asks for more than the head. */
type LongWaitRow = [string, string, string, number, number | null, number, boolean, boolean, KeptLongWait['outcome']];

const toRows = (longest: KeptLongWait[]) =>
  longest.map((w): LongWaitRow => [w.ticketId, w.code, w.serviceId, w.issuedAt, w.calledAt, w.waitMinutes, w.called, w.booked, w.outcome]);

const fromRows = (rows: LongWaitRow[]): KeptLongWait[] =>
  rows.map(([ticketId, code, serviceId, issuedAt, calledAt, waitMinutes, called, booked, outcome]) => ({ ticketId, code, serviceId, issuedAt, calledAt, waitMinutes, called, booked, outcome }));

export const encodeLongest = (longest: KeptLongWait[]): string => JSON.stringify(toRows(longest));
export const decodeLongest = (text: string): KeptLongWait[] => fromRows(JSON.parse(text) as LongWaitRow[]);
