import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readArticles, alignArticle, loadLexicon } from '../../src/stages.js';
import { expectPrefixes, hasShared, seedArticle } from '../helpers.js';

describe.skipIf(!hasShared)('the seed article', async () => {
  const lexicon = await loadLexicon();
  const [article] = readArticles([seedArticle], lexicon);
  const pairs = alignArticle(article!, lexicon);

  it('pairs its 11 translated English paragraphs, the caption among them, with their Chinese', () => {
    const translated = article!.paragraphs.filter((p) => p.en && p.zh).map((p) => [p.kind, p.en!, p.zh!]);
    expectPrefixes(translated, [
      ['caption', 'TikTok and RedNote apps ', '在這張攝於 20'],
      ['body', 'SHANGHAI, Jan 15 (Reute', '上海,1 月 15'],
      ['body', 'The influx of more than ', '由於美國以國家安全'],
      ['body', 'Many Chinese users on We', '許多中國用戶在週三'],
      ['body', 'Among them was Jacob Hui', '其中一位是來自中國'],
      ['body', 'Chinese state media has ', '中國官媒也對此趨勢'],
      ['body', 'China has for years tigh', '多年來,中國透過其'],
      ['body', 'In turn, most Chinese so', '反過來說,大多數中'],
      ['body', 'In the past, other Weste', '過去,其他西方社群'],
      ['body', 'Beijing-based independen', '駐北京的獨立產業分'],
      ['body', 'There were also signs th', '也有跡象顯示,一些'],
    ]);
  });

  it('drops the repeats: 22 Chinese lines hold 11 distinct paragraphs', () => {
    const zhLines = readFileSync(seedArticle, 'utf8').split('\n').filter((l) => /\p{Script=Han}/u.test(l));
    expect(zhLines).toHaveLength(22);
    expect(article!.paragraphs.filter((p) => p.zh)).toHaveLength(11);
  });

  it('reports the 14 English lines with no translation as untranslated', () => {
    const untranslated = article!.paragraphs.filter((p) => p.en && !p.zh);
    expect(untranslated.map((p) => [p.kind, p.en!.slice(0, 20)])).toEqual([
      ['title', 'China gives a wary w'],
      ['body', 'Known in China as Xi'],
      ['body', 'Not everyone was hap'],
      ['body', '"There were not many'],
      ['body', '"China has always su'],
      ['body', 'RedNote, in contrast'],
      ['body', 'The newcomers to Red'],
      ['body', 'Ren Yi, the Harvard-'],
      ['body', '"Propagandists from '],
      ['body', '"American netizens a'],
      ['body', 'Reuters reported on '],
      ['boilerplate', 'The Technology Round'],
      ['boilerplate', 'Additional reporting'],
      ['boilerplate', 'Our Standards: The T'],
    ]);
    expect(article!.title).toBe("China gives a wary welcome to influx of 'TikTok refugees' on RedNote");
    expect(article!.script).toBe('traditional');
  });

  it('aligns the sentences inside each translated paragraph', () => {
    const aligned = pairs
      .filter((p) => p.en.length && p.zh.length)
      .map((p) => [p.en.map((s) => s.text).join(' + '), p.zh.map((s) => s.text).join(' + ')]);
    expectPrefixes(aligned, [
      ['TikTok and RedNo', '在這張攝於 '],
      ['REUTERS/Dado Ruv', '路透社/Dad'],
      ['SHANGHAI, Jan 15', '上海,1 月 15 日(路透社)—— 中國社交媒體應用程式「小紅書」的用戶週三以自拍照和訊息,歡迎來自美國的「TikTok 難民」。 + 北京當局'],
      ['The influx of mo', '由於美國以國家'],
      ['Many Chinese use', '許多中國用戶在'],
      ['Among them was J', '其中一位是來自'],
      ['Chinese state me', '中國官媒也對此'],
      ['Chinese foreign ', '中國外交部發言'],
      ['China has for ye', '多年來,中國透'],
      ['In turn, most Ch', '反過來說,大多'],
      ['ByteDance restri', '字節跳動將 Ti'],
      ['In the past, oth', '過去,其他西方'],
      ['Beijing-based in', '駐北京的獨立產'],
      ['There were also ', '也有跡象顯示,'],
    ]);
    for (const p of pairs) expect(p.confidence).toBeGreaterThanOrEqual(0), expect(p.confidence).toBeLessThanOrEqual(1);
    const ministry = pairs.find((p) => p.en[0]?.text.startsWith('Chinese foreign ministry'))!;
    expect(ministry.confidence).toBeGreaterThan(0.7);
  });

  it('numbers sentences over the whole article, one side empty when untranslated', () => {
    expect(pairs.flatMap((p) => p.en.map((s) => s.index))).toEqual([...Array(31).keys()]);
    expect(pairs.flatMap((p) => p.zh.map((s) => s.index))).toEqual([...Array(15).keys()]);
    expect(pairs.filter((p) => p.zh.length === 0)).toHaveLength(17);
  });
});
