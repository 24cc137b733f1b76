// Ways a data file gets damaged, made from a sound file in the container format (src/data/container.ts):
// what the tests in this folder do to copies of real and made-up data files.
import { crc32 } from '../../src/data/index.js';

interface Entry {
  name: string;
  type: string;
  offset: number;
  length: number;
}

/** The header of a container file: its text, parsed, and its sections. */
export function headerOf(file: Buffer): { text: { kind: string; format: number; size: number; sections: [string, string, number, number, number][] }; sections: Entry[] } {
  const text = JSON.parse(file.toString('utf8', 16, 16 + file.readUInt32LE(4)));
  return { text, sections: text.sections.map(([name, type, offset, length]: [string, string, number, number]) => ({ name, type, offset, length })) };
}

/** The file with its header text replaced (and the header's digest made right for it). */
export function withHeader(file: Buffer, text: object): Buffer {
  const json = Buffer.from(JSON.stringify(text), 'utf8');
  const old = file.readUInt32LE(4);
  // The same length keeps every offset true; pad with spaces (still JSON) or fail the test.
  if (json.length > old) throw new Error('new header text is longer than the old');
  const padded = Buffer.concat([json, Buffer.alloc(old - json.length, 0x20)]);
  const out = Buffer.from(file);
  padded.copy(out, 16);
  out.writeUInt32LE(crc32(padded), 8);
  return out;
}

/** The two largest sections of the same length in bytes (or the first two) whose bytes differ. */
function swappable(file: Buffer): [Entry, Entry] {
  const { sections } = headerOf(file);
  const byLength = new Map<number, Entry[]>();
  for (const s of sections) byLength.set(s.length, [...(byLength.get(s.length) ?? []), s]);
  for (const group of [...byLength.values()].sort((a, b) => b[0]!.length - a[0]!.length)) {
    for (let i = 0; i < group.length; i++)
      for (let k = i + 1; k < group.length; k++) {
        const [a, b] = [group[i]!, group[k]!];
        if (!file.subarray(a.offset, a.offset + a.length).equals(file.subarray(b.offset, b.offset + b.length))) return [a, b];
      }
  }
  return [sections[0]!, sections[1]!];
}

export type Damage = 'swapped sections' | 'swapped in the header' | 'truncated' | 'flipped bytes' | 'zero-length' | 'wrong magic' | 'wrong format';

/**
 * `swapped sections`: the bytes of two sections trade places (same lengths, so the header still
 * fits them: what a loader by position cannot see); `swapped in the header`: two sections' entries
 * trade places in the header, digest made right (a loader by position reads each as the other);
 * `flipped bytes`: bytes in the middle of the largest section inverted.
 */
export function damage(file: Buffer, how: Damage): Buffer {
  return damaged(file, how).bytes;
}

/**
 * The damaged bytes, and the problem a load must find: `stale` when the header is sound but not
 * this format's (another format, sections in another order), else `damaged`.
 */
export function damaged(file: Buffer, how: Damage): { bytes: Buffer; problem: 'stale' | 'damaged' } {
  const bytes = damageBytes(file, how);
  // A swap rewrote the header (no two sections of one length) when the header's digest changed.
  const newHeader = bytes.length >= 12 && bytes.readUInt32LE(8) !== file.readUInt32LE(8);
  return { bytes, problem: how === 'wrong format' || (how.startsWith('swapped') && newHeader) ? 'stale' : 'damaged' };
}

function damageBytes(file: Buffer, how: Damage): Buffer {
  const out = Buffer.from(file);
  const { text, sections } = headerOf(file);
  switch (how) {
    case 'swapped sections': {
      const [a, b] = swappable(file);
      if (a.length === b.length) {
        file.copy(out, a.offset, b.offset, b.offset + b.length);
        file.copy(out, b.offset, a.offset, a.offset + a.length);
        return out;
      }
      // No two sections of one length: trade their places in the header instead.
      return damageBytes(file, 'swapped in the header');
    }
    case 'swapped in the header': {
      const entries = [...text.sections];
      [entries[0], entries[1]] = [entries[1]!, entries[0]!];
      return withHeader(file, { ...text, sections: entries });
    }
    case 'truncated':
      return file.subarray(0, Math.floor(file.length * 0.6));
    case 'flipped bytes': {
      const big = [...sections].sort((a, b) => b.length - a.length)[0]!;
      const mid = big.offset + (big.length >> 1);
      for (let i = mid; i < Math.min(mid + 16, big.offset + big.length); i++) out[i] = out[i]! ^ 0xff;
      return out;
    }
    case 'zero-length':
      return Buffer.alloc(0);
    case 'wrong magic':
      out.write('GIF8', 0, 'latin1');
      return out;
    case 'wrong format':
      return withHeader(file, { ...text, format: text.format === 0 ? 1 : text.format - 1 });
  }
}

export const DAMAGES: Damage[] = ['swapped sections', 'swapped in the header', 'truncated', 'flipped bytes', 'zero-length', 'wrong magic', 'wrong format'];
