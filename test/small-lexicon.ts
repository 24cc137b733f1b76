// A lexicon of a few entries, written in CC-CEDICT's own line format, for tests that must not
// depend on the installed dictionary: a rule is then tested on exactly the senses it reads.
import { parseCedict } from '../src/lexicon/cedict.js';
import { unpack } from '../src/data/index.js';
import { encodeLexicon, Lexicon, LEXICON, RECORDS } from '../src/lexicon/store.js';

/** A lexicon of these CC-CEDICT lines; where a headword has several entries, the first listed is preferred. */
export function smallLexicon(lines: string[]): Lexicon {
  const entries = parseCedict(lines.join('\n')).map(({ numbered: _numbered, ...e }) => e);
  const { index, records } = encodeLexicon({ entries, traditionalOnly: '', simplifiedOnly: '', commonChars: '' });
  const text = unpack(records, RECORDS).records;
  return new Lexicon(unpack(index, LEXICON), (start, end) => text.toString('utf8', start, end));
}
