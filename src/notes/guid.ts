import type * as Crypto from 'node:crypto';

// genanki's alphabet: Anki's own base91 for note GUIDs.
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

// node:crypto is loaded on the first hash: `stats` and `review` load this module (sibling keys
// of old collections) and hash nothing. One-shot hashing (Node ≥ 20.12) skips building a Hash
// object per note: a deck has thousands.
let crypto: typeof Crypto | undefined;
function sha256(text: string): Buffer {
  crypto ??= require('node:crypto') as typeof Crypto;
  const oneShot = crypto.hash as typeof Crypto.hash | undefined;
  return oneShot ? oneShot('sha256', text, 'buffer') : crypto.createHash('sha256').update(text, 'utf8').digest();
}

/**
 * A GUID made the way genanki's guid_for makes it: the first 8 bytes of the SHA-256 of the
 * values joined by "__", as a big-endian integer in Anki's base91. The same values always give
 * the same GUID, so Anki updates a note on re-import instead of adding a copy.
 */
export function guidFor(...values: string[]): string {
  const digest = sha256(values.join('__'));
  // The 64-bit integer as two 32-bit halves, divided by 91 in plain doubles (each step stays
  // below 2^53): no BigInt allocations.
  let hi = digest.readUInt32BE(0);
  let lo = digest.readUInt32BE(4);
  let out = '';
  while (hi > 0 || lo > 0) {
    const cur = (hi % 91) * 0x1_0000_0000 + lo;
    hi = Math.floor(hi / 91);
    lo = Math.floor(cur / 91);
    out = BASE91[cur % 91]! + out;
  }
  return out;
}
