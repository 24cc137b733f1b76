// Word-segmentation precision, recall and F1 over word spans, as the SIGHAN bakeoff's
// scripts/score counts them (a word is right when both its boundaries are).

export interface SegmentationScore {
  precision: number;
  recall: number;
  f1: number;
  goldWords: number;
  testWords: number;
}

function spans(words: string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const w of words) {
    out.add(`${at}:${at + w.length}`);
    at += w.length;
  }
  return out;
}

/** Each line a list of words; lines of the gold and the test must spell the same text. */
export function scoreSegmentation(gold: string[][], test: string[][]): SegmentationScore {
  let correct = 0;
  let goldWords = 0;
  let testWords = 0;
  gold.forEach((g, i) => {
    const t = test[i] ?? [];
    const gs = spans(g);
    const ts = spans(t);
    goldWords += gs.size;
    testWords += ts.size;
    for (const s of ts) if (gs.has(s)) correct++;
  });
  const precision = testWords ? correct / testWords : 0;
  const recall = goldWords ? correct / goldWords : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, goldWords, testWords };
}
