import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { fieldsByName, noteTypeDef, readApkg, renderCard, TEMPLATE_VERSION, templateDigest, visibleText, type ApkgContents, type NoteType } from '../../src/stages.js';
import { fixture, hasShared, scratch, seedArticle, zhdeck } from '../helpers.js';
import { checkPackage, readIndependently } from './package.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');

function buildPackage(inputs: string[], at = T0, extra: string[] = []): { file: string; summary: Record<string, unknown> } {
  const file = join(scratch(), 'deck.apkg');
  const r = zhdeck(['build', ...inputs, '-o', file, '--json', ...extra], { env: { ZHDECK_NOW: String(at) } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return { file, summary: JSON.parse(r.stdout) };
}

const TYPE_BY_ID = new Map((['zhdeck cloze', 'zhdeck translation', 'zhdeck vocabulary'] as NoteType[]).map((t) => [noteTypeDef(t).id, t]));

describe('the .apkg', () => {
  const { file, summary } = buildPackage([fixture('market.interleaved.txt')]);
  const pkg = checkPackage(file, T0);

  it('is what Anki importer reads: schema 11 tables, keys, ids in range, the cards Anki would generate', () => {
    expect(pkg.notes).toHaveLength((summary.notes as { total: number }).total);
    expect(pkg.cards).toHaveLength(summary.cards as number);
    expect(pkg.revlog).toHaveLength(0);
    expect(pkg.graves).toBe(0);
    expect(new Set(pkg.notes.map((n) => TYPE_BY_ID.get(n.mid)))).toEqual(new Set(['zhdeck cloze', 'zhdeck translation', 'zhdeck vocabulary']));
    // New cards, a note's cards sharing its position in the new-card order.
    expect(pkg.cards.every((c) => c.type === 0 && c.queue === 0 && c.due >= 1)).toBe(true);
    const positions = new Map(pkg.cards.map((c) => [c.nid, c.due]));
    expect(new Set(positions.values()).size).toBe(pkg.notes.length);
    // notes.mod is the build time: a re-import updates the notes Anki has (apkg/import/notes.rs).
    expect(pkg.notes.every((n) => n.mod === Math.floor(T0 / 1000))).toBe(true);
  });

  it('reads back with an independent reader: decks, cards and fields', async () => {
    const view = await readIndependently(file);
    expect(view.decks.get('zhdeck::The river market at dawn')).toBe(summary.cards);
    expect(view.cards).toHaveLength(summary.cards as number);
    expect(view.modelNames.sort()).toEqual(['zhdeck Cloze', 'zhdeck Translation', 'zhdeck Vocabulary']);
    const market = view.cards.find((c) => c.fields[0] === '市場' && c.ord === 1)!;
    expect(market.fields).toHaveLength(noteTypeDef('zhdeck vocabulary').fields.length);
  });

  it('keeps note type ids and their mod across builds, and GUIDs equal to the CSV’s', () => {
    const later = checkPackage(buildPackage([fixture('market.interleaved.txt')], T0 + 5 * 86_400_000).file, T0 + 5 * 86_400_000);
    expect(later.notes.map((n) => n.guid)).toEqual(pkg.notes.map((n) => n.guid));
    expect(Object.keys(later.models).sort()).toEqual(Object.keys(pkg.models).sort());
    for (const m of Object.values(later.models)) expect(m.mod).toBe(TEMPLATE_VERSION.mod);
    const csv = join(scratch(), 'deck.csv');
    expect(zhdeck(['build', fixture('market.interleaved.txt'), '-o', csv]).status).toBe(0);
    const rows = parse(readFileSync(csv, 'utf8'), { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true }) as string[][];
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(pkg.notes.map((n) => n.guid)));
  });

  it('has a new note type version whenever the templates change (so Anki replaces them, and only then)', () => {
    expect(templateDigest(), 'templates, CSS or fields changed: bump TEMPLATE_VERSION (version, mod, digest)').toBe(TEMPLATE_VERSION.digest);
  });

  it('keeps GUIDs for a shorter version of the article', () => {
    const input = hasShared ? seedArticle : fixture('market.interleaved.txt');
    const full = checkPackage(buildPackage([input]).file, T0);
    const lines = readFileSync(input, 'utf8').split('\n');
    const shorter = join(scratch(), 'shorter.txt');
    // The title, and every line after the first third: whole paragraph pairs dropped.
    const cut = lines.findIndex((l, k) => k > lines.length / 3 && !/\p{Script=Han}/u.test(l) && l.trim() !== '');
    writeFileSync(shorter, [lines[0], ...lines.slice(cut)].join('\n'));
    const part = checkPackage(buildPackage([shorter]).file, T0);
    const guids = new Set(full.notes.map((n) => n.guid));
    const sentenceGuids = part.notes.filter((n) => TYPE_BY_ID.get(n.mid) !== 'zhdeck vocabulary').map((n) => n.guid);
    expect(sentenceGuids.length).toBeGreaterThan(2);
    for (const g of sentenceGuids) expect(guids.has(g)).toBe(true);
    expect(Object.keys(part.models).every((id) => id in full.models)).toBe(true);
  });
});

/** What each card asks for: the text its back reveals that its front must not show. */
function answersOf(type: NoteType, f: Record<string, string>, ord: number): string[] {
  const v = (html: string) => visibleText(html);
  if (type === 'zhdeck cloze') return [...f.Text!.matchAll(new RegExp(`\\{\\{c${ord + 1}::(.*?)(::.*?)?\\}\\}`, 'g'))].map((m) => v(m[1]!));
  if (type === 'zhdeck translation') return [v(ord === 0 ? f.English! : f.Sentence!)];
  return ord === 0 ? [v(f.Pinyin!)] : [v(f.Hanzi!), v(f['Other script']!)].filter(Boolean);
}

function everyCard(pkg: ApkgContents, each: (type: NoteType, fields: Record<string, string>, ord: number, side: { question: string; answer: string }) => void) {
  for (const c of pkg.cards) {
    const n = pkg.notes.find((x) => x.id === c.nid)!;
    const type = TYPE_BY_ID.get(n.mid)!;
    const m = pkg.models[n.mid]!;
    const fields = fieldsByName(type, n.flds.split('\x1f'));
    each(type, fields, c.ord, renderCard(m.type === 1 ? m.tmpls[0]! : m.tmpls[c.ord]!, fields, c.ord));
  }
}

describe('the cards, rendered from their templates', () => {
  const inputs = hasShared ? [seedArticle, fixture('market.interleaved.txt'), fixture('escape.tsv')] : [fixture('market.interleaved.txt'), fixture('escape.tsv')];
  const { file } = buildPackage(inputs);
  const pkg = readApkg(readFileSync(file), file);

  it('never show their answer on the front, and always on the back', () => {
    let cards = 0;
    everyCard(pkg, (type, fields, ord, { question, answer }) => {
      const front = visibleText(question);
      for (const a of answersOf(type, fields, ord)) {
        expect(a, `${type} card ${ord}`).not.toBe('');
        expect(front, `${type} card ${ord}: ${front}`).not.toContain(a);
        expect(visibleText(answer)).toContain(a);
      }
      // No audio that would say the answer before it is asked.
      if (type === 'zhdeck cloze' || (type === 'zhdeck translation' && ord === 1) || type === 'zhdeck vocabulary') expect(question).not.toMatch(/anki:tts|\[sound:/);
      cards++;
    });
    expect(cards).toBe(pkg.cards.length);
  });

  it('show the tested word of a cloze first on the back, with its pinyin and gloss', () => {
    everyCard(pkg, (type, fields, ord, { answer }) => {
      if (type !== 'zhdeck cloze') return;
      const at = answer.indexOf('<div class="words"');
      const words = answer.slice(at, answer.indexOf('</div>', at));
      const tested = /<span class="cloze" data-ordinal="(\d+)"><span class="w"><span class="hz">(.*?)<\/span>.*?<span class="pinyin">(.*?)<\/span><\/span>/.exec(words)!;
      expect(Number(tested[1])).toBe(ord + 1);
      expect(answersOf(type, fields, ord)).toContain(visibleText(tested[2]!));
      expect(visibleText(tested[3]!)).toMatch(/\p{L}/u);
      expect(words.match(/class="cloze"/g)).toHaveLength(1);
    });
  });

  it('speak the word and sentence in the script’s voice', () => {
    const seen = new Set<string>();
    everyCard(pkg, (_type, fields, _ord, { question, answer }) => {
      for (const m of `${question}${answer}`.matchAll(/\[anki:tts lang=(\w+)\]/g)) seen.add(`${m[1]}:${fields.Traditional ? 'traditional' : 'simplified'}`);
    });
    expect(seen).toContain('zh_TW:traditional');
    expect([...seen].filter((s) => s.startsWith('zh_CN')).every((s) => s.endsWith('simplified'))).toBe(true);
  });
});

describe('zhdeck build --audio', () => {
  let espeak = true;
  try {
    require.resolve('espeak-ng');
  } catch {
    espeak = false;
  }
  it.skipIf(!espeak)('embeds a WAV recording for every word and sentence, each referenced by its note', () => {
    const text = join(scratch(), 'tiny.tsv');
    writeFileSync(text, 'The market opens at dawn.\t市場在黎明時開市。\nFarmers bring fresh fish.\t農民帶來新鮮的魚。\n');
    const { file, summary } = buildPackage([text], T0, ['--audio']);
    const pkg = checkPackage(file, T0);
    expect(pkg.media.size).toBeGreaterThan(2);
    expect((summary.media as { files: number }).files).toBe(pkg.media.size);
    const referenced = new Set(pkg.notes.flatMap((n) => [...n.flds.matchAll(/\[sound:(.*?)\]/g)].map((m) => m[1]!)));
    expect(referenced).toEqual(new Set(pkg.media.keys()));
    for (const data of pkg.media.values()) {
      expect(Buffer.from(data.subarray(0, 4)).toString('latin1')).toBe('RIFF');
      expect(data.length).toBeGreaterThan(5_000); // a word is more than a quarter of a second of sound at 11 kHz
    }
    // Every vocabulary note has both its recordings.
    for (const n of pkg.notes.filter((x) => TYPE_BY_ID.get(x.mid) === 'zhdeck vocabulary')) {
      const f = fieldsByName('zhdeck vocabulary', n.flds.split('\x1f'));
      expect(f.Audio).toMatch(/^\[sound:zhdeck-\w+\.wav\]$/);
      expect(f['Sentence audio']).toMatch(/^\[sound:zhdeck-\w+\.wav\]$/);
    }
  });
});
