// Data prepared at install time is stored as one buffer of sections so that loading it is a
// single read plus typed-array views: no parsing on an ordinary run.

const MAGIC = 0x4b44485a; // "ZHDK", little-endian

export type Section = Uint32Array | Float64Array | Buffer | string;
export type SectionKind = 'u32' | 'f64' | 'bytes' | 'utf16';

const KIND_CODE: Record<SectionKind, number> = { u32: 1, f64: 2, bytes: 3, utf16: 4 };
const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<number, SectionKind>;

function kindOf(s: Section): SectionKind {
  if (typeof s === 'string') return 'utf16';
  if (s instanceof Uint32Array) return 'u32';
  if (s instanceof Float64Array) return 'f64';
  return 'bytes';
}

function bytesOf(s: Section): Buffer {
  if (typeof s === 'string') return Buffer.from(s, 'utf16le');
  if (Buffer.isBuffer(s)) return s;
  return Buffer.from(s.buffer, s.byteOffset, s.byteLength);
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Header: magic, format version, section count, then (kind, byte length) per section; sections 8-byte aligned. */
export function pack(version: number, sections: Section[]): Buffer {
  const headerLen = pad8(12 + sections.length * 8);
  const parts = sections.map(bytesOf);
  const total = parts.reduce((n, b) => n + pad8(b.length), headerLen);
  const out = Buffer.alloc(total);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(version, 4);
  out.writeUInt32LE(sections.length, 8);
  let at = headerLen;
  sections.forEach((s, i) => {
    out.writeUInt32LE(KIND_CODE[kindOf(s)], 12 + i * 8);
    out.writeUInt32LE(parts[i]!.length, 16 + i * 8);
    parts[i]!.copy(out, at);
    at += pad8(parts[i]!.length);
  });
  return out;
}

export interface Unpacked {
  version: number;
  u32(i: number): Uint32Array;
  f64(i: number): Float64Array;
  bytes(i: number): Buffer;
  utf16(i: number): string;
}

export function unpack(buf: Buffer, what: string): Unpacked {
  if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC) throw new Error(`${what} is not zhdeck data`);
  const count = buf.readUInt32LE(8);
  const spans: { kind: SectionKind; start: number; length: number }[] = [];
  let at = pad8(12 + count * 8);
  for (let i = 0; i < count; i++) {
    const kind = CODE_KIND[buf.readUInt32LE(12 + i * 8)]!;
    const length = buf.readUInt32LE(16 + i * 8);
    spans.push({ kind, start: at, length });
    at += pad8(length);
  }
  // Views need the buffer's own alignment; a pooled small Buffer may not have it, so copy once.
  const base = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
  const span = (i: number, kind: SectionKind) => {
    const s = spans[i];
    if (!s || s.kind !== kind) throw new Error(`${what}: section ${i} is not ${kind}`);
    return s;
  };
  return {
    version: buf.readUInt32LE(4),
    u32: (i) => {
      const s = span(i, 'u32');
      return new Uint32Array(base.buffer, base.byteOffset + s.start, s.length / 4);
    },
    f64: (i) => {
      const s = span(i, 'f64');
      return new Float64Array(base.buffer, base.byteOffset + s.start, s.length / 8);
    },
    bytes: (i) => {
      const s = span(i, 'bytes');
      return base.subarray(s.start, s.start + s.length);
    },
    utf16: (i) => {
      const s = span(i, 'utf16');
      return base.toString('utf16le', s.start, s.start + s.length);
    },
  };
}
