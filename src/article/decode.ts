import { UserError } from '../util/errors.js';

/** What decoding needs to know about Chinese: which characters a real text is made of. */
export interface CharJudge {
  isCommonChar(ch: string): boolean;
}

const HAN = /\p{Script=Han}/u;

// What Chinese text is made of besides Han characters: ASCII, CJK and general punctuation, full-width forms.
const EXPECTED = /[\u0000-\u007F\u00A0-\u00FF\u2000-\u206F\u3000-\u303F\uFF00-\uFFEF]/;

/**
 * The share of characters that are everyday Han characters among all that are not plain
 * punctuation: high for a right decoding, low for mojibake (rare characters, stray kana).
 */
function plausibility(text: string, judge: CharJudge): number {
  let counted = 0;
  let common = 0;
  for (const ch of text) {
    if (HAN.test(ch)) {
      counted++;
      if (judge.isCommonChar(ch)) common++;
    } else if (!EXPECTED.test(ch)) counted++;
  }
  return counted === 0 ? 0 : common / counted;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5.
 * GB18030 accepts almost any byte string, Big5 bytes included, so between the two legacy
 * encodings the one whose Chinese is made of everyday characters wins.
 */
export function decodeText(bytes: Uint8Array, file: string, judge: CharJudge): { text: string; encoding: string } {
  if (bytes.length === 0) throw new UserError('the file is empty', file);
  const b0 = bytes[0];
  const b1 = bytes[1];
  let decoded: { text: string; encoding: string } | null = null;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) decoded = { text: tryDecode(bytes.subarray(3), 'utf-8') ?? '', encoding: 'utf-8' };
  else if (b0 === 0xff && b1 === 0xfe) decoded = { text: tryDecode(bytes.subarray(2), 'utf-16le') ?? '', encoding: 'utf-16le' };
  else if (b0 === 0xfe && b1 === 0xff) decoded = { text: tryDecode(bytes.subarray(2), 'utf-16be') ?? '', encoding: 'utf-16be' };
  else if (bytes.includes(0)) throw new UserError('is binary, not text (or UTF-16 without a byte-order mark)', file);
  else {
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8' };
    else {
      const candidates = (['gb18030', 'big5'] as const)
        .map((encoding) => ({ encoding, text: tryDecode(bytes, encoding) }))
        .filter((c): c is { encoding: 'gb18030' | 'big5'; text: string } => c.text !== null)
        .map((c) => ({ ...c, score: plausibility(c.text, judge) }))
        .sort((a, b) => b.score - a.score);
      const best = candidates[0];
      if (best && best.score >= 0.5) decoded = best;
    }
  }
  if (!decoded || decoded.text.length === 0) {
    throw new UserError('cannot be decoded as UTF-8, UTF-16 (with BOM), GB18030 or Big5 text', file);
  }
  const controls = decoded.text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls > decoded.text.length / 100) throw new UserError('is binary, not text', file);
  const text = decoded.text.replace(CONTROL, '').replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) throw new UserError('the file is empty', file);
  return { text, encoding: decoded.encoding };
}
