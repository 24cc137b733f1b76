// What the annotation compiler and the scorer share: how a pair is keyed, and how the texts
// are aligned (the same way `zhdeck align` does).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../util.mjs';

/** Text as keyed: NFC, whitespace runs as one space, trimmed. */
export const normalise = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A short, stable key: the text id and the normalised text, hashed (no third-party text is stored). */
export const keyOf = (textId, text) => createHash('sha256').update(`${textId}\u0000${normalise(text)}`).digest('hex').slice(0, 16);

/** The library, wherever the build puts it: every stage's surface (zhdeck/stages, which has textOf), else the public entry. */
export async function loadLibrary() {
  try {
    return await import(join(root, 'dist/stages.js'));
  } catch {
    try {
      return await import(join(root, 'dist/index.js'));
    } catch (e) {
      return { loadError: e };
    }
  }
}

/**
 * The sentence pairs of an article, as the library's align or, without it, `zhdeck align --json`:
 * [{ id, en: [text], zh: [text] }].
 */
export async function alignedPairs(lib, files) {
  if (typeof lib.align === 'function') {
    const [{ pairs }] = await lib.align(files);
    return pairs.map((p) => ({ id: p.id, en: p.en.map((s) => s.text), zh: p.zh.map((s) => s.text) }));
  }
  const r = spawnSync(process.execPath, [join(root, 'bin/zhdeck.js'), 'align', '--json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`zhdeck align failed: ${r.stderr}`);
  // align --json gives the joined texts only; the sentences are not needed to key a pair.
  return JSON.parse(r.stdout).map((p) => ({ id: p.id, enText: p.enText, zhText: p.zhText, en: null, zh: null }));
}

/** A pair's texts, joined as zhdeck joins them (align/types.ts textOf: English with spaces, Chinese without). */
export const pairTexts = (p) => ({ en: p.enText ?? p.en.join(' '), zh: p.zhText ?? p.zh.join('') });
