// The container every installed data file shares: a header naming each section (name, type,
// offset, length, CRC-32), then the sections, 8-byte aligned so that numeric ones are viewed in
// place. Loading is one read plus typed-array views: no parsing on an ordinary run. Pure: bytes
// in, bytes or views out; reading files, the seal and rebuilding are files.ts.
//
//   0  magic "ZHD2"         8  CRC-32 of the header text
//   4  header text length  12  0
//  16  header text (JSON): {"kind","format","size","sections":[[name, type, offset, length, crc], …]}
//
// Sections are found by name, and the header must list exactly the layout's sections, in its
// order, with its types: a file whose sections were swapped, renamed or dropped fails, as does
// one cut short, grown, or with a byte changed in the header or (when digests are checked) in a
// section.
import { crc32 } from './crc32.js';

export type SectionType = 'u32' | 'f64' | 'bytes' | 'utf16';
export type Schema = Readonly<Record<string, SectionType>>;
type ViewOf<T> = T extends 'u32' ? Uint32Array : T extends 'f64' ? Float64Array : T extends 'utf16' ? string : Buffer;
/** A file's sections by name, as the layout types them. */
export type Sections<S extends Schema> = { [K in keyof S]: ViewOf<S[K]> };

/** One kind of data file: its name in the data folder, its format version, its sections in file order. */
export interface Layout<S extends Schema = Schema> {
  file: string;
  /** Bump when what a section holds changes: a file of another format is rebuilt. */
  format: number;
  sections: S;
}

export const layout = <S extends Schema>(file: string, format: number, sections: S): Layout<S> => ({ file, format, sections });

/**
 * Why a data file cannot be used: `missing`; `stale` (made by other code: another format or
 * layout, an older container; rebuilt quietly as on first use); `damaged` (its bytes are not what
 * was written: cut short, grown, changed).
 */
export class DataProblem extends Error {
  override readonly name = 'DataProblem';
  constructor(
    readonly problem: 'missing' | 'stale' | 'damaged',
    readonly reason: string,
    /** The file, once files.ts knows it. */
    readonly path = '',
  ) {
    super(reason);
  }
}

const damaged = (reason: string) => new DataProblem('damaged', reason);

const MAGIC = 0x3244485a; // "ZHD2", little-endian
const OLD_MAGIC = 0x4b44485a; // "ZHDK": util/pack.ts, sections by position (before the named sections)
/** The fixed part of the header, before its text. */
export const FIXED_HEADER = 16;
const SIZE: Record<SectionType, number> = { u32: 4, f64: 8, bytes: 1, utf16: 2 };

const pad8 = (n: number) => (n + 7) & ~7;

type Entry = [name: string, type: SectionType, offset: number, length: number, crc: number];
interface HeaderText {
  kind: string;
  format: number;
  size: number;
  sections: Entry[];
}

function bytesOf(v: unknown): Buffer {
  if (typeof v === 'string') return Buffer.from(v, 'utf16le');
  if (Buffer.isBuffer(v)) return v;
  const a = v as Uint32Array | Float64Array;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** The file for a layout's sections. */
export function pack<S extends Schema>(l: Layout<S>, values: Sections<S>): Buffer {
  const names = Object.keys(l.sections);
  const parts = names.map((n) => bytesOf(values[n]));
  // The header lists the offsets, which follow the header: lay out again with the header's
  // length until it stops growing (twice, in practice).
  let headerEnd = 0;
  for (;;) {
    let at = headerEnd;
    const sections = names.map((n, i): Entry => {
      const e: Entry = [n, l.sections[n]!, at, parts[i]!.length, crc32(parts[i]!)];
      at = pad8(at + parts[i]!.length);
      return e;
    });
    const header: HeaderText = { kind: l.file, format: l.format, size: at, sections };
    const text = Buffer.from(JSON.stringify(header), 'utf8');
    const end = pad8(FIXED_HEADER + text.length);
    if (end > headerEnd) {
      headerEnd = end;
      continue;
    }
    const out = Buffer.alloc(at);
    out.writeUInt32LE(MAGIC, 0);
    out.writeUInt32LE(text.length, 4);
    out.writeUInt32LE(crc32(text), 8);
    text.copy(out, FIXED_HEADER);
    sections.forEach(([, , offset], i) => parts[i]!.copy(out, offset));
    return out;
  }
}

/** Where each section lies in a file whose header passed every check. */
export interface Header {
  spans: Record<string, { type: SectionType; offset: number; length: number; crc: number }>;
}

/** How many bytes of a file hold its header, from its first FIXED_HEADER bytes. */
export function headerLength(first: Buffer, fileSize: number): number {
  if (fileSize === 0) throw damaged('the file is empty');
  if (first.length < FIXED_HEADER) throw damaged(`${fileSize} bytes: too short for a zhdeck data file`);
  const magic = first.readUInt32LE(0);
  if (magic === OLD_MAGIC) throw new DataProblem('stale', 'written by an older zhdeck');
  if (magic !== MAGIC) throw damaged('not a zhdeck data file (its first bytes are wrong)');
  const length = FIXED_HEADER + first.readUInt32LE(4);
  if (length > fileSize) throw damaged(`cut short: ${fileSize} bytes, its header alone says ${length}`);
  return length;
}

/**
 * Checks everything the header says against the layout and the file's size (cheap: no section is
 * read). `head` holds at least the header's bytes (headerLength).
 */
export function readHeader(head: Buffer, fileSize: number, l: Layout): Header {
  const length = headerLength(head, fileSize);
  const text = head.subarray(FIXED_HEADER, length);
  if (crc32(text) !== head.readUInt32LE(8)) throw damaged('its header fails its digest');
  let h: HeaderText;
  try {
    h = JSON.parse(text.toString('utf8')) as HeaderText;
  } catch {
    throw damaged('its header is not readable');
  }
  if (h.kind !== l.file) throw damaged(`it holds ${String(h.kind)}, not ${l.file}`);
  if (h.format !== l.format) throw new DataProblem('stale', `format ${String(h.format)}, this zhdeck reads ${l.format}`);
  const expected = Object.entries(l.sections);
  const got = Array.isArray(h.sections) ? h.sections : [];
  const same = got.length === expected.length && expected.every(([n, t], i) => got[i]?.[0] === n && got[i]?.[1] === t);
  if (!same) throw new DataProblem('stale', `its sections are not the ones format ${l.format} has`);
  if (fileSize !== h.size) throw damaged(fileSize < h.size ? `cut short: ${fileSize} of ${h.size} bytes` : `${fileSize - h.size} bytes too long`);
  const spans: Header['spans'] = {};
  let end = pad8(length);
  for (const [name, type, offset, len, crc] of got) {
    const ok = Number.isInteger(offset) && Number.isInteger(len) && offset >= end && offset % 8 === 0 && len >= 0 && len % SIZE[type] === 0 && offset + len <= fileSize;
    if (!ok) throw damaged(`section ${name} is out of bounds`);
    spans[name] = { type, offset, length: len, crc };
    end = offset + len;
  }
  return { spans };
}

/** Checks each section's digest: the whole file's bytes are read. */
export function checkDigests(buf: Buffer, h: Header): void {
  for (const [name, s] of Object.entries(h.spans)) {
    if (crc32(buf.subarray(s.offset, s.offset + s.length)) !== s.crc) throw damaged(`section ${name} fails its digest`);
  }
}

/** Views of the sections of a whole file whose header passed readHeader. */
export function viewSections<S extends Schema>(buf: Buffer, h: Header, l: Layout<S>): Sections<S> {
  // Views need the buffer's own alignment; a pooled small Buffer may not have it, so copy once.
  const base = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(l.sections)) {
    const { type, offset, length } = h.spans[name]!;
    const at = base.byteOffset + offset;
    out[name] =
      type === 'u32'
        ? new Uint32Array(base.buffer, at, length / 4)
        : type === 'f64'
          ? new Float64Array(base.buffer, at, length / 8)
          : type === 'utf16'
            ? base.toString('utf16le', offset, offset + length)
            : base.subarray(offset, offset + length);
  }
  return out as Sections<S>;
}

/** A whole file's sections, every check made (digests too unless `digests` is false). */
export function unpack<S extends Schema>(buf: Buffer, l: Layout<S>, digests = true): Sections<S> {
  const h = readHeader(buf, buf.length, l);
  if (digests) checkDigests(buf, h);
  return viewSections(buf, h, l);
}
