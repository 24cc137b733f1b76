// CRC-32 (the zlib polynomial) of each data section and header. Node ≥ 20.15 has zlib.crc32
// (~2.5 GB/s here), used for whole sections; loading zlib costs ~1 ms, so it is loaded only when a
// section's digest is checked (not on a sealed start, files.ts), and small inputs (headers) and
// Node 20 releases without zlib.crc32 get the table version below: the same function.

let table: Uint32Array | undefined;

function crc32Table(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** The table CRC-32: what zlib.crc32 gives, continuing from `previous` as it does. */
export function tableCrc32(data: Uint8Array, previous = 0): number {
  const t = (table ??= crc32Table());
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

let native: ((data: Uint8Array) => number) | null | undefined;

export function crc32(data: Uint8Array): number {
  if (data.length < 65536) return tableCrc32(data);
  native ??= (require('node:zlib') as { crc32?: (data: Uint8Array) => number }).crc32 ?? null;
  return native ? native(data) >>> 0 : tableCrc32(data);
}
