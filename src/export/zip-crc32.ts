// yazl's CRC-32, taken from zlib (C, in Node ≥ 20.15) instead of buffer-crc32's JavaScript: the
// CLI bundle (scripts/bundle.cjs) puts this module in buffer-crc32's place, which cost a small
// package 1.8 ms of a cold build. The API yazl calls: `unsigned(data, previous)`, continuing
// from a previous CRC, as buffer-crc32's.
import { tableCrc32 } from '../data/crc32.js';

type Crc = (data: Uint8Array, value?: number) => number;
const native = (require('node:zlib') as { crc32?: Crc }).crc32;

export function unsigned(data: Uint8Array | string, previous?: number | null): number {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return native ? native(bytes, previous ?? 0) >>> 0 : tableCrc32(bytes, previous ?? 0);
}
