// English words reduced to what dictionary senses and article text can be compared on.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him himself his
  how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out
  over she should so some such than that the their theirs them themselves then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
  sth sb something someone somebody one ones oneself etc also may might must shall upon
  s t don doesn didn isn wasn aren weren won wouldn couldn shouldn ve ll re d m o y via per yet still even ever though although
  however thus hence within without onto toward towards among amongst across along around behind beside besides beyond`.split(/\s+/),
);

export const isStopword = (w: string) => STOPWORDS.has(w.toLowerCase());

// Both tables are looked up with words from the text: no prototype, so "constructor" or
// "toString" is an ordinary word, not Object's own member.
const IRREGULAR: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  men: 'man', women: 'woman', children: 'child', people: 'person', feet: 'foot', teeth: 'tooth', mice: 'mouse',
  geese: 'goose', used: 'use', using: 'use', made: 'make', got: 'get', gotten: 'get', went: 'go', gone: 'go', saw: 'see', seen: 'see', said: 'say', says: 'say', told: 'tell', took: 'take',
  taken: 'take', gave: 'give', given: 'give', ate: 'eat', eaten: 'eat', wrote: 'write', written: 'write', found: 'find',
  began: 'begin', begun: 'begin', brought: 'bring', bought: 'buy', thought: 'think', caught: 'catch', taught: 'teach',
  left: 'leave', felt: 'feel', kept: 'keep', held: 'hold', stood: 'stand', understood: 'understand', knew: 'know',
  known: 'know', grew: 'grow', grown: 'grow', drove: 'drive', driven: 'drive', ran: 'run', came: 'come', became: 'become',
  sat: 'sit', met: 'meet', sent: 'send', spent: 'spend', built: 'build', lost: 'lose', paid: 'pay', sold: 'sell',
  fell: 'fall', fallen: 'fall', spoke: 'speak', spoken: 'speak', broke: 'break', broken: 'break', chose: 'choose',
  chosen: 'choose', wore: 'wear', worn: 'wear', won: 'win', hit: 'hit', led: 'lead', fled: 'flee', better: 'good',
  best: 'good', worse: 'bad', worst: 'bad', lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', media: 'media',
  news: 'news', born: 'bear', died: 'die', dying: 'die', lying: 'lie', tied: 'tie',
});

// Adjectives that name what their noun names: "Chinese users" renders 中國用戶, "national security" 國家安全.
const DERIVED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  chinese: 'china', japanese: 'japan', american: 'america', americans: 'america', korean: 'korea', taiwanese: 'taiwan',
  european: 'europe', british: 'britain', french: 'france', german: 'germany', russian: 'russia', indian: 'india',
  african: 'africa', asian: 'asia', western: 'west', eastern: 'east', northern: 'north', southern: 'south',
  national: 'nation', cultural: 'culture', political: 'politics', economic: 'economy', international: 'internation',
  foreigner: 'foreign', foreigners: 'foreign', mainland: 'mainland',
  // Degrees and verbs made from adjectives: "stronger cultural ties" renders 加強 "to strengthen".
  stronger: 'strong', strongest: 'strong', strength: 'strong', strengthen: 'strong', strengthened: 'strong',
  weaker: 'weak', weaken: 'weak', weakened: 'weak', wider: 'wide', widen: 'wide', width: 'wide',
  longer: 'long', lengthen: 'long', length: 'long', higher: 'high', height: 'high', heighten: 'high',
  deeper: 'deep', deepen: 'deep', depth: 'deep', larger: 'large', smaller: 'small', greater: 'great',
  // Clipped forms: "apps" is 應用程式 "application".
  app: 'application', apps: 'application', phone: 'telephone', phones: 'telephone', photo: 'photograph',
  photos: 'photograph', info: 'information', ad: 'advertisement', ads: 'advertisement', exam: 'examination',
  lab: 'laboratory', gym: 'gymnasium', flu: 'influenza', fridge: 'refrigerator', TV: 'television', tv: 'television',
});

/**
 * A light stemmer: enough that "refugees" meets "refugee", "posted" meets "post", "tightly"
 * meets "tight" and "controlled" meets "control". Both sides go through it, so a stem only
 * has to be consistent, not a word.
 */
const stemCache = new Map<string, string>();

/** The stem of a word (see stemWord), remembered: articles repeat their words. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemWord(word);
    if (stemCache.size < 100_000) stemCache.set(word, s);
  }
  return s;
}

/**
 * CC-CEDICT spells the American way and many translations the British way (colour, honour,
 * defence, organise, centre, catalogue): one spelling for both before stemming. Applied to both
 * sides alike, so a respelling only has to keep distinct words distinct.
 */
function americanSpelling(w: string): string {
  if (w.length < 5) return w;
  // Each respelling is tried only on a word with its letters in it: most words have none, and
  // six replacements for every new word of an article cost a cold build 2 ms.
  if (w.includes('our')) w = w.replace(/([^aeiou])our(s|ed|ing|ful|able|ite|ites)?$/, '$1or$2');
  if (w.includes('ce')) w = w.replace(/^(de|of)fence(s)?$/, '$1fense$2').replace(/^(li|preten)ce(s)?$/, '$1se$2');
  if (w.includes('is')) w = w.replace(/([a-z]{3,}[^aeiou])is(e|es|ed|ing|ation|ations)$/, '$1iz$2');
  if (w.includes('re')) w = w.replace(/([a-z]{2,}[^aeiou])re(s|d)?$/, '$1er$2');
  if (w.includes('ue')) w = w.replace(/(log|gog)ue(s)?$/, '$1$2');
  return w;
}

function stemWord(word: string): string {
  if (/^(US|USA|U\.S\.(A\.)?)$/.test(word)) return 'america';
  if (/^(UK|U\.K\.)$/.test(word)) return 'britain';
  let w = americanSpelling(word.toLowerCase().replace(/[’']s$/, '').replace(/[’']/g, ''));
  // Mapped forms are stemmed like any word, so that "took" and "take" meet.
  const mapped = IRREGULAR[w] ?? DERIVED[w];
  if (mapped) return mapped === w ? w : stemWord(mapped);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) {
    /* not a plural: class, status, crisis */
  } else if (/(sses|xes|zes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.endsWith('ingly') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('edly') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ily') && w.length > 5) w = `${w.slice(0, -3)}y`;
  // Only where enough remains to be a word of its own: tightly → tight, but not lively → live(d).
  else if (w.endsWith('ly') && w.length > 6) w = w.slice(0, -2);
  // Derivational endings, as Porter's steps 3 and 4 drop them: joyful, joyous → joy; darkness → dark.
  const derived = /^(.{3,}?)(ful|ness|ous|ment)$/.exec(w);
  if (derived && derived[1]!.length >= 4 - (derived[2] === 'ment' ? 0 : 1)) w = derived[1]!;
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  // Undo doubled consonants (stopped → stopp → stop) and final e (make / making → mak).
  if (/([bdgklmnprt])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = `${w.slice(0, -1)}i`;
  return w;
}

export interface EnglishToken {
  text: string;
  start: number;
  end: number;
  stem: string;
  content: boolean;
}

// Dotted abbreviations (U.S.) are one word; hyphenated compounds are their parts ("Beijing-based").
export const WORD = /(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;

/** A word's stem and whether it carries content, remembered like stems. */
const wordCache = new Map<string, { stem: string; content: boolean }>();

function wordInfo(word: string): { stem: string; content: boolean } {
  let info = wordCache.get(word);
  if (!info) {
    info = { stem: stem(word), content: (!isStopword(word) || /^(US|UK)$/.test(word)) && /[A-Za-z]/.test(word) };
    if (wordCache.size < 100_000) wordCache.set(word, info);
  }
  return info;
}

/** The words of an English sentence, with offsets, stems and whether each carries content. */
export function englishTokens(text: string): EnglishToken[] {
  const out: EnglishToken[] = [];
  // exec, not matchAll: every sentence of an article comes through here, and the iterator
  // allocates for each word. Nothing called in the loop uses WORD.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const t = m[0];
    const info = wordInfo(t);
    out.push({ text: t, start: m.index, end: m.index + t.length, stem: info.stem, content: info.content });
  }
  return out;
}

// The reverse dictionary in data/lexicon.bin is keyed by stems: if the stemmer changes, the
// data is stale. These words exercise every rule; their stems are stored with the data.
const PROBE = 'refugees posted tightly controlled making took stronger apps phone Chinese national US joyful darkness government studies stopped classes media news'.split(' ');
export const stemmerSignature = () => PROBE.map(stem).join(' ');
