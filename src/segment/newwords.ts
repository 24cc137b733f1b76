// New words found in the text itself: a string of Han characters that recurs, in varied
// company on both sides, and whose characters rarely occur apart, is a word even when no
// dictionary has it (mostly names: 左詩雅, 碧咸, 京華城). This is accessor variety (Feng et al.,
// "Accessor variety criteria for Chinese word extraction", Computational Linguistics 30(1),
// 2004) with a cohesion test, computed in one pass per length over the text.

export interface NewWordOptions {
  /** Occurrences a string needs. */
  minCount: number;
  /** Share of the occurrences of each of its two shorter parts that it must account for. */
  cohesion: number;
}

/** jieba's frequency for a word found in the text: that of a rare word (tuned on the first halves: 100, 1 000 and 10 000 no better). */
export const NEW_WORD_FREQUENCY = 10;

export const NEW_WORD_OPTIONS: NewWordOptions = { minCount: 3, cohesion: 0.6 };

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

// Characters that are words of their own far more often than parts of a name or a term: a
// string that starts or ends with one is a phrase (的人, 是一), not a new word.
const EDGE = new Uint8Array(65536);
for (const c of '的了着是在和与及或也都就而之其这那此他她它我你您们个把被将对从向于以为所等吗呢吧啊么得地很又还再才只已不没有要会能可说到上下中里来去过一二三四五六七八九十两几每各该某第年月日') EDGE[c.charCodeAt(0)] = 1;

/**
 * Occurrence counts of strings of two or three characters, with whether their neighbours vary:
 * an open-addressing table on two 32-bit halves of the key (V8's Map hashes keys above 2^30
 * as heap numbers, four times slower on a long text).
 */
class Grams {
  size = 0;
  private slots: Int32Array;
  private mask: number;
  ka: Int32Array;
  kb: Int32Array;
  count: Int32Array;
  private left: Int32Array;
  private right: Int32Array;
  /** Bit 1: more than one left neighbour; bit 2: more than one right neighbour. */
  varied: Uint8Array;

  /**
   * Grown as strings are added: a text has far fewer distinct strings than positions, and
   * tables sized for every position held ~110 bytes per character of a book (5 MB of input:
   * 80 MB that the process kept as resident memory after they were freed).
   */
  constructor(capacity = 1024) {
    this.ka = new Int32Array(capacity);
    this.kb = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.varied = new Uint8Array(capacity);
    // A slot holds an entry's index + 1: 0, as the array comes, is empty (nothing to fill).
    this.slots = new Int32Array(2 * capacity);
    this.mask = 2 * capacity - 1;
  }

  /** Twice the room: the strings keep their numbers (the order they are visited in), the slots are laid out again. */
  private grow(): void {
    const capacity = 2 * this.ka.length;
    const more = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.ka = more(this.ka);
    this.kb = more(this.kb);
    this.count = more(this.count);
    this.left = more(this.left);
    this.right = more(this.right);
    this.varied = more(this.varied);
    this.slots = new Int32Array(2 * capacity);
    this.mask = 2 * capacity - 1;
    for (let k = 0; k < this.size; k++) this.slots[this.slot(this.ka[k]!, this.kb[k]!)] = k + 1;
  }

  private slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & this.mask;
    for (;;) {
      const k = this.slots[h]! - 1;
      if (k < 0 || (this.ka[k] === a && this.kb[k] === b)) return h;
      h = (h + 1) & this.mask;
    }
  }

  add(a: number, b: number, left: number, right: number): void {
    const h = this.slot(a, b);
    const k = this.slots[h]! - 1;
    if (k < 0) {
      if (this.size === this.ka.length) {
        this.grow();
        this.add(a, b, left, right);
        return;
      }
      const n = this.size++;
      this.slots[h] = n + 1;
      this.ka[n] = a;
      this.kb[n] = b;
      this.count[n] = 1;
      this.left[n] = left;
      this.right[n] = right;
      return;
    }
    this.count[k]!++;
    if (this.left[k] !== left) this.varied[k]! |= 1;
    if (this.right[k] !== right) this.varied[k]! |= 2;
  }

  countOf(a: number, b: number): number {
    const k = this.slots[this.slot(a, b)]! - 1;
    return k < 0 ? 0 : this.count[k]!;
  }
}

/**
 * Strings of two or three Han characters (Simplified text) that recur with varied neighbours
 * on both sides and whose parts rarely occur apart, that `known` lacks and that known words
 * of two characters or more do not spell. A string of three explains its parts.
 * Strings of four were measured too: they found phrases more than words (bench/RESULTS.md).
 */
export function detectNewWords(text: string, known: (w: string) => boolean, opts: NewWordOptions = NEW_WORD_OPTIONS): string[] {
  const n = text.length;
  const codes = new Uint16Array(n);
  const unigram = new Uint32Array(65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c;
    if (isHan(c)) unigram[c]!++;
  }
  // A neighbour that is not Han (punctuation, a line's edge) is unlike every other one.
  const neighbour = (i: number) => (i >= 0 && i < n && isHan(codes[i]!) ? codes[i]! : -1 - i);
  const frequent = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) frequent[i] = isHan(codes[i]!) && unigram[codes[i]!]! >= opts.minCount ? 1 : 0;
  const bi = new Grams();
  for (let i = 0; i + 1 < n; i++) {
    // A pair of two phrase-edge characters (的是) is neither a candidate nor part of one's test.
    if (frequent[i] && frequent[i + 1] && !(EDGE[codes[i]!] && EDGE[codes[i + 1]!])) bi.add(codes[i]!, codes[i + 1]!, neighbour(i - 1), neighbour(i + 2));
  }
  const tri = new Grams();
  for (let i = 0; i + 2 < n; i++) {
    if (!frequent[i] || !frequent[i + 1] || !frequent[i + 2] || EDGE[codes[i]!] || EDGE[codes[i + 2]!]) continue;
    if (bi.countOf(codes[i]!, codes[i + 1]!) < opts.minCount || bi.countOf(codes[i + 1]!, codes[i + 2]!) < opts.minCount) continue;
    tri.add((codes[i]! << 16) | codes[i + 1]!, codes[i + 2]!, neighbour(i - 1), neighbour(i + 3));
  }

  const out: string[] = [];
  const accept = (g: Grams, k: number, a: number, b: number, first: number, last: number): boolean => {
    const c = g.count[k]!;
    if (c < opts.minCount || g.varied[k] !== 3 || EDGE[first] || EDGE[last]) return false;
    return c >= opts.cohesion * a && c >= opts.cohesion * b;
  };
  const report = (s: string) => {
    if (!known(s) && !spelledByWords(s, known)) out.push(s);
  };
  // A string of three that passes explains its two parts.
  const covered = new Grams();
  for (let k = 0; k < tri.size; k++) {
    const c0 = tri.ka[k]! >>> 16;
    const c1 = tri.ka[k]! & 0xffff;
    const c2 = tri.kb[k]!;
    if (!accept(tri, k, bi.countOf(c0, c1), bi.countOf(c1, c2), c0, c2)) continue;
    covered.add(c0, c1, 0, 0);
    covered.add(c1, c2, 0, 0);
    report(String.fromCharCode(c0, c1, c2));
  }
  for (let k = 0; k < bi.size; k++) {
    const c0 = bi.ka[k]!;
    const c1 = bi.kb[k]!;
    if (!covered.countOf(c0, c1) && accept(bi, k, unigram[c0]!, unigram[c1]!, c0, c1)) report(String.fromCharCode(c0, c1));
  }
  return out;
}

/** Whether known words of two characters or more spell all of `s`: then it is a phrase (英文 老歌). */
function spelledByWords(s: string, known: (w: string) => boolean): boolean {
  const ok = [true];
  for (let j = 1; j <= s.length; j++) {
    ok[j] = false;
    for (let i = 0; i <= j - 2 && !ok[j]; i++) ok[j] = ok[i]! && known(s.slice(i, j));
  }
  return ok[s.length]!;
}
