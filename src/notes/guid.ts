import { createHash } from 'node:crypto';

// genanki's alphabet: Anki's own base91 for note GUIDs.
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/**
 * A GUID made the way genanki's guid_for makes it: the first 8 bytes of the SHA-256 of the
 * values joined by "__", as a big-endian integer in Anki's base91. The same values always give
 * the same GUID, so Anki updates a note on re-import instead of adding a copy.
 */
export function guidFor(...values: string[]): string {
  const digest = createHash('sha256').update(values.join('__'), 'utf8').digest();
  let n = digest.readBigUInt64BE(0);
  let out = '';
  while (n > 0n) {
    out = BASE91[Number(n % 91n)]! + out;
    n /= 91n;
  }
  return out;
}
