// Subtitles (SRT, WebVTT): one bilingual file (a Chinese and an English line in each cue), or
// an English and a Chinese file of one video, whose cues are matched by the time they overlap.
// Cues are joined where a sentence runs across them, and split where one holds several.
import { append } from '../util/collections.js';
import { UserError } from '../util/errors.js';
import type { Language, ParagraphPair, SourceRef, TextFile } from './types.js';
import { joinText, languageOf, roughSentences } from './units.js';

type Subtitle = typeof import('subtitle');

/** One cue's text in each language, as shown, with the times it is on screen (ms). */
export interface Cue {
  start: number;
  end: number;
  en: string;
  zh: string;
  line: number;
}

const TIMING = /^((?:\d+:)?\d{1,2}:\d{1,2}[,.]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{1,2}[,.]\d{1,3})(?:\s+(.*))?$/;

/** Whether a text is a subtitle file: a WEBVTT header, or an SRT's first cue. */
export const looksLikeSubtitles = (text: string) => {
  const head = text.replace(/^\uFEFF/, '').trimStart().split('\n', 3);
  return /^WEBVTT\b/.test(head[0] ?? '') || (/^\d+$/.test(head[0]?.trim() ?? '') && TIMING.test(head[1]?.trim() ?? ''));
};

/**
 * What the kept parser needs to read any file players accept: timing lines with single spaces,
 * no WebVTT STYLE or REGION blocks, no text cue identifiers.
 */
function normalize(text: string): { text: string; timingLines: number[] } {
  const lines = text.split('\n').map((l) => l.trimEnd());
  const out: string[] = [];
  const timingLines: number[] = [];
  let skipping = false;
  lines.forEach((line, i) => {
    if (skipping) {
      if (line === '') skipping = false;
      return;
    }
    if (/^(STYLE|REGION)\b/.test(line) && (i === 0 || lines[i - 1] === '')) {
      skipping = true;
      return;
    }
    const m = TIMING.exec(line.trim());
    if (m) {
      // A WebVTT cue identifier that is not a number: the parser takes only numbers.
      const previous = out[out.length - 1];
      if (previous !== undefined && previous !== '' && !/^\d+$/.test(previous) && (out.length < 2 || out[out.length - 2] === '')) out.pop();
      out.push(`${m[1]} --> ${m[2]}${m[3] ? ` ${m[3]}` : ''}`);
      timingLines.push(i + 1);
      return;
    }
    out.push(line);
  });
  return { text: out.join('\n'), timingLines };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'" };

/** A cue line as shown: no markup, no sound descriptions, no speaker dashes. */
function cleanLine(line: string): string {
  return line
    .replace(/<[^>]*>/g, '') // <i>, <font>, <v Speaker>, <c.yellow>, karaoke timestamps
    .replace(/\{\\[^}]*\}/g, '') // ASS overrides such as {\an8}
    .replace(/&(amp|lt|gt|nbsp|quot|apos);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/[[［【][^\]］】]*[\]］】]/g, '') // [laughter], ［笑声］
    .replace(/^\s*[(（][^)）]*[)）]\s*$/, '') // a line that is only (music)
    .replace(/[♪♫]+/g, '')
    .replace(/(^|[.!?。！？…]\s*)[-–—]\s*/g, '$1') // "- Will you? - Of course!"
    .replace(/\s+/g, ' ')
    .trim();
}

/** A file's cues, each line sorted into English and Chinese. Pure: parses text. */
export function parseCues(file: TextFile): Cue[] {
  const { parseSync } = require('subtitle') as Subtitle;
  const { text, timingLines } = normalize(file.text.replace(/^\uFEFF/, ''));
  let nodes: ReturnType<Subtitle['parseSync']>;
  try {
    nodes = parseSync(text);
  } catch (e) {
    throw new UserError(`is not a subtitle file that can be read (${(e as Error).message})`, file.file);
  }
  const cues: Cue[] = [];
  let k = 0;
  for (const node of nodes) {
    if (node.type !== 'cue') continue;
    const line = timingLines[k++] ?? 1;
    const parts: Record<Language, string> = { en: '', zh: '' };
    for (const raw of node.data.text.split('\n')) {
      const t = cleanLine(raw);
      const lang = languageOf(t);
      if (lang) parts[lang] = parts[lang] ? joinText(parts[lang], t, lang) : t;
    }
    if (parts.en || parts.zh) cues.push({ start: node.data.start, end: node.data.end, en: parts.en, zh: parts.zh, line });
  }
  if (cues.length === 0) throw new UserError('has no subtitle cues with text', file.file);
  return cues;
}

/** Which language a subtitle file is in: both when most cues hold both. */
export function cuesLanguage(cues: Cue[]): Language | 'both' {
  const both = cues.filter((c) => c.en && c.zh).length;
  if (both >= 0.5 * cues.length) return 'both';
  return cues.filter((c) => c.zh).length > cues.filter((c) => c.en).length ? 'zh' : 'en';
}

const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/;
// A sentence runs on to the next cue only across a short pause, and over a few cues at most.
const MAX_PAUSE = 2000;
const MAX_CUES = 6;

/** Consecutive stretches of subtitle, each with its English, Chinese and times. */
interface Stretch {
  start: number;
  end: number;
  en: string;
  zh: string;
  enSource?: SourceRef;
  zhSource?: SourceRef;
  cues: number;
}

function mergeStretches(a: Stretch, b: Stretch): Stretch {
  return {
    start: a.start,
    end: Math.max(a.end, b.end),
    en: a.en && b.en ? joinText(a.en, b.en, 'en') : a.en || b.en,
    zh: a.zh && b.zh ? joinText(a.zh, b.zh, 'zh') : a.zh || b.zh,
    enSource: a.enSource ?? b.enSource,
    zhSource: a.zhSource ?? b.zhSource,
    cues: a.cues + b.cues,
  };
}

/**
 * Joins stretches where the English sentence runs on: its text does not end a sentence, the
 * next follows after a short pause. Subtitles whose English never ends a sentence with a full
 * stop (some are written so) are left cue by cue.
 */
function joinSentences(stretches: Stretch[]): Stretch[] {
  const withEnglish = stretches.filter((s) => s.en);
  const punctuated = withEnglish.filter((s) => ENDS_SENTENCE.test(s.en)).length >= 0.3 * withEnglish.length;
  if (!punctuated) return stretches;
  const out: Stretch[] = [];
  for (const s of stretches) {
    const last = out[out.length - 1];
    if (last && last.en && s.en && !ENDS_SENTENCE.test(last.en) && s.start - last.end <= MAX_PAUSE && last.cues + s.cues <= MAX_CUES) {
      out[out.length - 1] = mergeStretches(last, s);
    } else out.push(s);
  }
  return out;
}

// Chinese subtitles mark a pause with a space instead of a comma.
const ZH_PAUSE = /(?<=[\p{Script=Han}\p{P}])\s+(?=[\p{Script=Han}\p{P}])/gu;
const zhPieces = (zh: string) =>
  zh
    .split(ZH_PAUSE)
    .flatMap((p) => roughSentences(p, 'zh'))
    .filter(Boolean);
const zhShown = (zh: string) => zh.replace(/(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])/gu, '，').replace(/(?<=[。！？，、；：」』”）])\s+/gu, '');

/**
 * A stretch's pairs: one per sentence where the English and the Chinese hold as many
 * sentences (a cue "Hi. How are you?" / "嗨 你好吗"), otherwise one.
 */
function pairsOf(s: Stretch): ParagraphPair[] {
  const source = s.enSource ?? s.zhSource!;
  const zhSource = s.en && s.zh && s.zhSource !== source ? { zhSource: s.zhSource } : {};
  const en = s.en ? roughSentences(s.en, 'en') : [];
  const zh = s.zh ? zhPieces(s.zh) : [];
  if (en.length > 1 && en.length === zh.length) {
    return en.map((e, i) => ({ en: e, zh: zhShown(zh[i]!), kind: 'body', source, ...zhSource }));
  }
  return [{ en: s.en || null, zh: s.zh ? zhShown(s.zh) : null, kind: 'body', source, ...zhSource }];
}

const stretchOf = (c: Cue, file: string): Stretch => ({
  start: c.start,
  end: c.end,
  en: c.en,
  zh: c.zh,
  ...(c.en ? { enSource: { file, line: c.line } } : {}),
  ...(c.zh ? { zhSource: { file, line: c.line } } : {}),
  cues: 1,
});

/** A bilingual subtitle file's pairs: each cue's lines are a pair, joined into sentences. */
export function bilingualCuePairs(file: TextFile, cues: Cue[]): ParagraphPair[] {
  return joinSentences(cues.map((c) => stretchOf(c, file.file))).flatMap(pairsOf);
}

// Below this share of cues overlapping the other file's, two files are not of one video and release.
const MIN_OVERLAPPING = 0.3;

const overlap = (a: Cue, b: Cue) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/**
 * An English and a Chinese subtitle file of one video → pairs. Cues that overlap in time are
 * one stretch: each cue joins the cue of the other file it overlaps most, and any it shares
 * half its time with; a cue that overlaps none stands alone, untranslated.
 */
export function timedCuePairs(enFile: TextFile, en: Cue[], zhFile: TextFile, zh: Cue[]): ParagraphPair[] {
  const all = [...en.map((c) => ({ c, lang: 'en' as const })), ...zh.map((c) => ({ c, lang: 'zh' as const }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  const best = new Map<number, { j: number; o: number }>();
  const consider = (i: number, j: number, o: number) => {
    const b = best.get(i);
    if (!b || o > b.o) best.set(i, { j, o });
  };
  // Both lists in time order; a sweep finds each overlapping pair once.
  const enOrder = en.map((_, i) => i).sort((a, b) => en[a]!.start - en[b]!.start);
  const zhOrder = zh.map((_, j) => j).sort((a, b) => zh[a]!.start - zh[b]!.start);
  let from = 0;
  for (const i of enOrder) {
    const e = en[i]!;
    while (from < zhOrder.length && zh[zhOrder[from]!]!.end <= e.start) from++;
    for (let k = from; k < zhOrder.length && zh[zhOrder[k]!]!.start < e.end; k++) {
      const j = zhOrder[k]!;
      const o = overlap(e, zh[j]!);
      if (o <= 0) continue;
      const zi = en.length + j;
      consider(i, zi, o);
      consider(zi, i, o);
      if (o >= 0.5 * Math.min(e.end - e.start, zh[j]!.end - zh[j]!.start)) union(i, zi);
    }
  }
  // Cues of another release (shifted in time) or of another video hardly overlap: say so.
  const matched = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k).filter((i) => best.has(i)).length;
  const [enMatched, zhMatched] = [matched(0, en.length), matched(en.length, all.length)];
  if (Math.min(enMatched / en.length, zhMatched / zh.length) < MIN_OVERLAPPING) {
    throw new UserError(
      `the English and Chinese subtitles hardly overlap in time (${enMatched} of ${en.length} English cues, ${zhMatched} of ${zh.length} Chinese): are they of one video and one release?`,
      `${enFile.file} + ${zhFile.file}`,
    );
  }
  for (const [i, { j }] of best) union(i, j);
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => append(groups, find(i), i));
  const stretches = [...groups.values()]
    .map((members) => {
      const files = { en: enFile.file, zh: zhFile.file };
      return members
        .map((i) => all[i]!)
        .sort((a, b) => a.c.start - b.c.start)
        .map(({ c, lang }) => stretchOf(lang === 'en' ? { ...c, zh: '' } : { ...c, en: '' }, files[lang]))
        .reduce(mergeStretches);
    })
    .sort((a, b) => a.start - b.start);
  return joinSentences(stretches).flatMap(pairsOf);
}
