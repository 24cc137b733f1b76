// Which script a text is in, and whether its characters are everyday ones: what reading an
// article asks of the lexicon before it has words (article/'s ScriptJudge and CharJudge).

/** Characters written only in Traditional or only in Simplified, and the everyday characters. */
export class ScriptTables {
  private readonly traditionalOnly: Set<string>;
  private readonly simplifiedOnly: Set<string>;
  private readonly common: Set<string>;
  private scriptTable?: Uint8Array;

  constructor(traditionalOnly: string, simplifiedOnly: string, commonChars: string) {
    this.traditionalOnly = new Set(traditionalOnly);
    this.simplifiedOnly = new Set(simplifiedOnly);
    this.common = new Set(commonChars);
  }

  /** Characters that are written only in Traditional (書, 國) or only in Simplified (书, 国). */
  scriptEvidence(text: string): { traditional: number; simplified: number } {
    let traditional = 0;
    let simplified = 0;
    // By code unit against a table (a whole article comes through here); characters outside
    // the BMP go to the sets.
    const side = (this.scriptTable ??= this.makeScriptTable());
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let s = side[code]!;
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
        const ch = text.slice(i, i + 2);
        s = this.traditionalOnly.has(ch) ? 1 : this.simplifiedOnly.has(ch) ? 2 : 0;
        i++;
      }
      if (s === 1) traditional++;
      else if (s === 2) simplified++;
    }
    return { traditional, simplified };
  }

  /** Per BMP code unit: 1 only Traditional, 2 only Simplified, 0 either or neither. */
  private makeScriptTable(): Uint8Array {
    const table = new Uint8Array(0x10000);
    for (const ch of this.simplifiedOnly) if (ch.length === 1) table[ch.charCodeAt(0)] = 2;
    for (const ch of this.traditionalOnly) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
    return table;
  }

  /** Whether a character is among the few thousand in everyday use (either script). */
  isCommonChar(ch: string): boolean {
    return this.common.has(ch);
  }
}
