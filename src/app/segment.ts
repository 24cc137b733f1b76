import { decodeText, type Script } from '../article/index.js';
import { loadLexicon } from '../lexicon/index.js';
import { loadSegmenter, loadSegmentDictionary } from '../segment/index.js';
import { loadUserDictionary } from './userdict.js';

/**
 * Chinese text in the SIGHAN bakeoff format: the same lines, words separated by single spaces,
 * nothing else changed. The script is detected unless given.
 */
export async function segmentText(input: Uint8Array | string, name = 'input', script?: Script): Promise<string> {
  const lexicon = await loadLexicon();
  const text = typeof input === 'string' ? input : decodeText(input, name, lexicon).text;
  if (text.trim() === '') return text;
  const evidence = lexicon.scriptEvidence(text);
  const s = script ?? (evidence.traditional > evidence.simplified ? 'traditional' : 'simplified');
  const dictionary = await loadSegmentDictionary();
  const segmenter = await loadSegmenter(text, { userCuts: loadUserDictionary(dictionary.toSimplified).cuts });
  return text
    .split('\n')
    .map((line) => segmenter.words(line, s).join(' '))
    .join('\n');
}
