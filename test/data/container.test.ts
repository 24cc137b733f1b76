// The container every data file shares (src/data/container.ts), on a made-up layout: sections by
// name, and every damage of damage.ts found by the checks a load makes.
import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { crc32, DataProblem, layout, pack, unpack } from '../../src/data/index.js';
import { tableCrc32 } from '../../src/data/crc32.js';
import { damage, damaged, DAMAGES, headerOf, withHeader } from './damage.js';

const L = layout('test.bin', 4, { words: 'utf16', counts: 'u32', ranks: 'u32', weights: 'f64', raw: 'bytes' });
const values = {
  words: '雨傘和風箏',
  counts: Uint32Array.of(1, 2, 3, 4),
  ranks: Uint32Array.of(40, 30, 20, 10),
  weights: Float64Array.of(0.5, 0.25),
  raw: Buffer.from('kite string'),
};
const file = pack(L, values);

const problemOf = (buf: Buffer, l = L): DataProblem | null => {
  try {
    unpack(buf, l);
    return null;
  } catch (e) {
    if (e instanceof DataProblem) return e;
    throw e;
  }
};

describe('the data container', () => {
  it('gives back every section by name, with its type', () => {
    const s = unpack(file, L);
    expect(s.words).toBe('雨傘和風箏');
    expect([...s.counts]).toEqual([1, 2, 3, 4]);
    expect([...s.ranks]).toEqual([40, 30, 20, 10]);
    expect([...s.weights]).toEqual([0.5, 0.25]);
    expect(s.raw.toString()).toBe('kite string');
    expect(headerOf(file).sections.map((x) => x.name)).toEqual(['words', 'counts', 'ranks', 'weights', 'raw']);
  });

  it('finds every damage: never a section read as another, never bytes that were not written', () => {
    for (const how of DAMAGES) {
      const { bytes, problem } = damaged(file, how);
      expect({ how, problem: problemOf(bytes)?.problem }).toEqual({ how, problem });
    }
  });

  it('says what is wrong', () => {
    expect(problemOf(damage(file, 'truncated'))?.reason).toMatch(/^cut short/);
    expect(problemOf(damage(file, 'zero-length'))?.reason).toBe('the file is empty');
    expect(problemOf(damage(file, 'flipped bytes'))?.reason).toMatch(/^section \w+ fails its digest$/);
    // counts and ranks have the same length: swapped, each fails its own digest.
    expect(problemOf(damage(file, 'swapped sections'))?.reason).toBe('section counts fails its digest');
    expect(problemOf(damage(file, 'wrong format'))?.reason).toBe('format 3, this zhdeck reads 4');
    expect(problemOf(Buffer.concat([file, Buffer.alloc(8)]))?.reason).toBe('8 bytes too long');
  });

  it('refuses a header that lies about its sections, even with its digest made right', () => {
    const { text } = headerOf(file);
    const out = (i: number, change: (e: [string, string, number, number, number]) => void) => {
      const sections = text.sections.map((e) => [...e] as [string, string, number, number, number]);
      change(sections[i]!);
      return problemOf(withHeader(file, { ...text, sections }));
    };
    expect(out(1, (e) => (e[0] = 'ranks'))?.problem).toBe('stale'); // a name another section has
    expect(out(1, (e) => (e[1] = 'f64'))?.problem).toBe('stale'); // another type
    expect(out(4, (e) => (e[3] = 99))?.reason).toBe('section raw is out of bounds'); // past the end
    expect(out(2, (e) => (e[2] = e[2] + 1))?.reason).toBe('section ranks is out of bounds'); // unaligned
    expect(out(2, (e) => (e[2] = 0))?.reason).toBe('section ranks is out of bounds'); // over the header
    expect(out(1, (e) => (e[3] = 6))?.reason).toBe('section counts is out of bounds'); // not whole u32s
    const other = layout('other.bin', 4, L.sections);
    expect(problemOf(file, other)?.reason).toBe('it holds test.bin, not other.bin');
    const flipped = Buffer.from(file);
    flipped[20] = flipped[20]! ^ 1; // in the header text
    expect(problemOf(flipped)?.reason).toBe('its header fails its digest');
  });

  it('tells a file of the older container (sections by position) apart: rebuilt as stale', () => {
    const old = Buffer.alloc(64);
    old.writeUInt32LE(0x4b44485a, 0); // "ZHDK"
    expect(problemOf(old)).toMatchObject({ problem: 'stale', reason: 'written by an older zhdeck' });
  });

  it('sections views stay aligned when the file sits at an odd offset in memory', () => {
    const odd = Buffer.concat([Buffer.alloc(3), file]).subarray(3);
    expect([...unpack(odd, L).weights]).toEqual([0.5, 0.25]);
  });

  it('computes CRC-32 as zlib does, with or without zlib.crc32', () => {
    const data = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 0xff));
    const zlibCrc = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    for (const d of [Buffer.alloc(0), Buffer.from('123456789'), data]) {
      expect(tableCrc32(d)).toBe(crc32(d));
      if (zlibCrc) expect(crc32(d)).toBe(zlibCrc(d) >>> 0);
    }
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the check value of CRC-32
    // Continued from a previous CRC, as a zip's streamed entry is (yazl, export/zip-crc32.ts).
    expect(tableCrc32(Buffer.from('56789'), tableCrc32(Buffer.from('1234')))).toBe(0xcbf43926);
  });
});
