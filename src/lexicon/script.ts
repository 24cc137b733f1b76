// Which script a text is in, and whether its characters are everyday ones: what reading an
// article asks of the lexicon before it has words (article/'s ScriptJudge and CharJudge).

/**
 * A set of characters as a table by code unit, with the few outside the Basic Multilingual Plane
 * (two code units) in a set: made by reading the string's code units, not one string per
 * character (a Set of the ~11,000 characters below cost ~1 ms of every cold build).
 */
class CharTable {
  private readonly units = new Uint8Array(0x10000);
  private readonly astral = new Set<string>();

  constructor(chars: string, mark = 1) {
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < chars.length) {
        this.astral.add(chars.slice(i, i + 2));
        i++;
      } else this.units[code] = mark;
    }
  }

  /** The mark of a code unit (0: not in the set). */
  at(code: number): number {
    return this.units[code]!;
  }

  has(ch: string): boolean {
    return ch.length === 1 ? this.units[ch.charCodeAt(0)] !== 0 : this.astral.has(ch);
  }
}

/** Characters written only in Traditional or only in Simplified, and the everyday characters. */
export class ScriptTables {
  private readonly traditionalOnly: CharTable;
  private readonly simplifiedOnly: CharTable;
  private readonly common: CharTable;

  constructor(traditionalOnly: string, simplifiedOnly: string, commonChars: string) {
    this.traditionalOnly = new CharTable(traditionalOnly);
    this.simplifiedOnly = new CharTable(simplifiedOnly);
    this.common = new CharTable(commonChars);
  }

  /** Characters that are written only in Traditional (書, 國) or only in Simplified (书, 国). */
  scriptEvidence(text: string): { traditional: number; simplified: number } {
    let traditional = 0;
    let simplified = 0;
    // By code unit against the tables (a whole article comes through here); a character
    // outside the BMP, by its two code units.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
        const ch = text.slice(i, i + 2);
        if (this.traditionalOnly.has(ch)) traditional++;
        else if (this.simplifiedOnly.has(ch)) simplified++;
        i++;
      } else if (this.traditionalOnly.at(code)) traditional++;
      else if (this.simplifiedOnly.at(code)) simplified++;
    }
    return { traditional, simplified };
  }

  /** Whether a character is among the few thousand in everyday use (either script). */
  isCommonChar(ch: string): boolean {
    return this.common.has(ch);
  }
}
