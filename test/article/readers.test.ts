import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignArticle, EvidenceSpace, pairParagraphs } from '../../src/align/index.js';
import { isCredit, parseArticle, parseArticles, parseColumns, readArticles, type Article, type TextFile } from '../../src/article/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { fixture } from '../helpers.js';

const lexicon = await loadLexicon();
const read = (...names: string[]) => readArticles(names.map(fixture), lexicon);
const text = (name: string): TextFile => ({ file: name, text: readFileSync(fixture(name), 'utf8') });
/** An article's paragraph pairs as align/ pairs them: [kind, English, Chinese]. */
const pairsOf = (a: Article) => pairParagraphs(a, new EvidenceSpace(lexicon)).map((p) => [p.kind, p.en, p.zh]);
const bodyPairs = (a: Article) => pairsOf(a).filter(([kind]) => kind === 'body').map(([, en, zh]) => [en, zh]);

describe('tables', () => {
  const LIBRARY = [
    ["The library's new reading room opened on Monday.", '图书馆的新阅览室周一开放。'],
    ['It can seat two hundred readers.', '它可以容纳两百名读者。'],
    ['Its windows look out over the old park by the river.', '窗户朝向河边的老公园。'],
    ['The room stays open until ten every night.', '阅览室每天开放到晚上十点。'],
  ];

  it('a TSV seg<TAB>zh<TAB>en with a header: the id column is ignored, each row one pair', () => {
    const [a] = read('parallel.seg.tsv');
    expect(a!.layout).toBe('tsv');
    expect(pairsOf(a!).map(([, en, zh]) => [en, zh])).toEqual(LIBRARY);
    expect(a!.paragraphs[0]!.source.line).toBe(2);
  });

  it('--layout tsv does not take the id for the English', () => {
    const [a] = readArticles([fixture('parallel.seg.tsv')], lexicon, { layout: 'tsv' });
    expect(pairsOf(a!).map(([, en, zh]) => [en, zh])).toEqual(LIBRARY);
  });

  const BRIDGE = [
    ['The bridge was closed for repairs on Monday, and traffic moved slowly all day.', '週一大橋因維修封閉，交通整天都很緩慢。'],
    ['Engineers found small cracks in two of the steel cables.', '工程師在其中兩條鋼索上發現了細小的裂縫。'],
    ['"It is safe, but we cannot wait," the mayor said.', '市長說：「目前是安全的，但我們不能再等了。」'],
    ['The work should take about three weeks.', '這項工程大約需要三個星期。'],
    ['Ferries will run every twenty minutes until the bridge reopens.', '在大橋重新開放之前，渡輪每二十分鐘一班。'],
  ];

  it('a CSV with id, source and note columns and a header: quoted commas and quotes, the English and Chinese columns found by content', () => {
    const [a] = read('parallel.csv');
    expect(a!.layout).toBe('csv');
    expect(bodyPairs(a!)).toEqual(BRIDGE);
  });

  it('--columns names the columns by number or by header, and may choose any column', () => {
    for (const columns of ['2,3', 'english,chinese', 'English,3']) {
      const [a] = readArticles([fixture('parallel.csv')], lexicon, { columns: parseColumns(columns) });
      expect(bodyPairs(a!)).toEqual(BRIDGE);
    }
    const [notes] = readArticles([fixture('parallel.csv')], lexicon, { columns: parseColumns('note,chinese') });
    expect(notes!.paragraphs.map((p) => p.en)).toEqual([null, 'checked', null, 'literal: "three weeks of time"', null]);
  });

  it('a bad --columns, or a column the header lacks, is a user error', () => {
    expect(() => parseColumns('2')).toThrow(/--columns: expects two columns/);
    expect(() => parseColumns('0,1')).toThrow(/numbered from 1/);
    expect(() => readArticles([fixture('parallel.csv')], lexicon, { columns: parseColumns('english,mandarin') })).toThrow(
      /parallel\.csv: no column named "mandarin" \(the first row has: id, english, chinese, source, note\)/,
    );
  });

  it('sniffs the delimiter of a table whose name does not say (semicolons, no header)', () => {
    const rows = BRIDGE.map(([en, zh], i) => `${i + 1};${zh};"${en!.replace(/"/g, '""')}"`).join('\n');
    const [a] = parseArticles([{ file: 'bridge.txt', text: rows }], lexicon);
    expect(a!.layout).toBe('csv');
    expect(bodyPairs(a!)).toEqual(BRIDGE);
  });

  it('a table named .txt whose quoted cells run across lines is still a table (not prose)', () => {
    // Each row's English cell holds a line break, so most lines hold only one script and no comma.
    const rows = BRIDGE.map(([en, zh]) => `${zh},"${en!.replace(/"/g, '""').replace(' ', '\n')}"`).join('\n');
    const [a] = parseArticles([{ file: 'bridge.txt', text: rows }], lexicon);
    expect(a!.layout).toBe('csv');
    expect(bodyPairs(a!).map(([en]) => en!.replace(/\s+/g, ' '))).toEqual(BRIDGE.map(([en]) => en));
  });

  it('a table with no Chinese column is a user error naming the file', () => {
    expect(() => parseArticle([{ file: 'x.csv', text: 'id,text\n1,Hello there\n2,Good night' }], lexicon)).toThrow(/x\.csv: no column holds Chinese text/);
  });
});

describe('titles and credits in every layout', () => {
  it('blocks: a title line is its own pair, never joined to the first paragraph', () => {
    const [a] = read('heron.blocks.txt');
    expect(a!.layout).toBe('blocks');
    expect(a!.title).toBe('Herons return to nest on the lake island');
    expect(pairsOf(a!)).toEqual([
      ['title', 'Herons return to nest on the lake island', '蒼鷺重返湖心島築巢'],
      [
        'body',
        'Grey herons have returned to nest on the small island in Westmere Lake for the first time in twelve years, the park service said on Tuesday.',
        '公園管理處週二表示，十二年來，蒼鷺首次重返西米爾湖的小島築巢。',
      ],
      ['body', "Rangers counted 23 nests in the old willows on the island's north shore. Most held two or three eggs.", '巡守員在島上北岸的老柳樹上數到 23 個鳥巢，大多數巢裡有兩到三顆蛋。'],
      ['body', 'The birds left the lake in 2013, after a storm brought down many of the tallest trees.', '2013 年一場暴風雨吹倒了許多最高的樹，這些鳥隨後離開了湖區。'],
      [
        'body',
        '"We planted new willows and waited," ranger Ada Kowal said.\n"It took longer than we hoped, but they came back."',
        '巡守員艾達‧科瓦爾說：「我們種下新的柳樹，然後等待。時間比我們希望的更長，但牠們回來了。」',
      ],
      ['body', 'Visitors are asked to keep their boats at least 50 metres from the island until the chicks leave the nests in July.', '在雛鳥七月離巢之前，遊客的船隻須與小島保持至少 50 公尺的距離。'],
    ]);
  });

  it('two files: the titles of the English and the Chinese file are one pair', () => {
    const [a] = read('market.en.txt', 'market.zh.txt');
    expect(pairsOf(a!)[0]).toEqual(['title', 'The river market at dawn', '黎明時的河邊市場']);
  });

  it('interleaved: a photo credit, copyright and "Reporting by" are boilerplate, in a caption too', () => {
    const [a] = read('lantern.interleaved.txt');
    expect(a!.paragraphs.map((p) => p.kind)).toEqual(['title', 'caption', 'body', 'boilerplate', 'body', 'body', 'body', 'boilerplate', 'boilerplate']);
    const caption = alignArticle(a!, lexicon).filter((p) => p.paragraph === 1);
    expect(caption.map((p) => [p.kind, p.en.map((s) => s.text).join(' ')])).toEqual([
      ['caption', 'Lanterns hang over Qinghe Street in the old town on February 8, 2026.'],
      ['boilerplate', 'CITY DAILY/Tom Reyes/Illustration Purchase Licensing Rights'],
    ]);
  });

  it.each([
    ['REUTERS/Dado Ruvic/Illustration Purchase Licensing Rights', 'en'],
    ['AP Photo/Jane Doe', 'en'],
    ['Photo: Tom Reyes/City Daily', 'en'],
    ['Additional reporting by Sophie Yu; Editing by Alex Richardson', 'en'],
    ['© 2026 City Daily. All rights reserved.', 'en'],
    ['By Lena Marsh, Transport Correspondent', 'en'],
    ['Updated: March 3, 2026 10:30 GMT', 'en'],
    ['（記者王小明／台北報導）', 'zh'],
    ['圖／城市日報', 'zh'],
    ['版权所有，未经授权不得转载。', 'zh'],
  ] as const)('%s is a credit', (line, lang) => {
    expect(isCredit(line, lang)).toBe(true);
  });

  it.each([
    ['By noon, most stalls have closed and the street is quiet again.', 'en'],
    ['By Monday, the river had risen two metres.', 'en'],
    ['AC/DC played in Hong Kong last night.', 'en'],
    ['EU/UK deal reached after night of talks', 'en'],
    ['TikTok and RedNote apps are seen in this illustration taken January 15, 2025. REUTERS/Dado Ruvic/Illustration Purchase Licensing Rights', 'en'],
    ['記者會上，市長宣布了新的計畫。', 'zh'],
  ] as const)('%s is not', (line, lang) => {
    expect(isCredit(line, lang)).toBe(false);
  });
});

describe('web pages', () => {
  it('a bilingual news page, alternating paragraphs: navigation, ads, byline, share bar, related links, sign-up, comments and footer are no pairs', () => {
    const [a] = read('nightbus.page.html');
    expect(a!.layout).toBe('html');
    expect(a!.title).toBe('Night buses return to the harbour after four years');
    expect(a!.script).toBe('simplified');
    expect(pairsOf(a!)).toEqual([
      ['title', 'Night buses return to the harbour after four years', '时隔四年，夜间巴士重返港区'],
      ['caption', 'A night bus leaves the harbour terminal shortly after midnight on Sunday.', '周日午夜刚过，一辆夜间巴士驶离港区总站。'],
      ['boilerplate', 'Photo: Tom Reyes/City Daily', null],
      ['body', 'Night buses began running to the harbour again on Sunday, four years after the city cut the service to save money.', '周日，夜间巴士重新开往港区。四年前，市政府为节省开支取消了这项服务。'],
      [
        'body',
        'Two lines now leave the central station every thirty minutes between midnight and five in the morning. A single ticket costs the same as during the day.',
        '现在有两条线路在午夜至凌晨五点之间每三十分钟从中央车站发车。单程票价与白天相同。',
      ],
      ['body', 'Most of the riders on the first night were cooks, nurses and dock workers going home from late shifts.', '第一晚的乘客大多是下晚班回家的厨师、护士和码头工人。'],
      ['body', '"I used to pay for a taxi or wait two hours for the first train," said Mara Osei, a nurse at the harbour clinic.', '“我以前要么花钱打车，要么等两个小时的首班火车，”港区诊所的护士玛拉·奥塞说。'],
      ['body', 'The council will decide in June whether to keep the service after a six-month trial.', '市议会将在六个月的试运行结束后，于六月决定是否保留这项服务。'],
      ['boilerplate', 'Reporting by Lena Marsh; Editing by Paul Grant', null],
    ]);
    // Where each paragraph is in the saved page.
    const body = a!.paragraphs.find((p) => p.en?.startsWith('Most of the riders'))!;
    expect([body.source.line, body.zhSource?.line]).toEqual([53, 54]);
  });

  it('a side-by-side table page: rows are pairs; the header row, row numbers, menu, sidebar, lesson details and footer are not', () => {
    const [a] = read('orchard.table.html');
    expect(a!.script).toBe('traditional');
    expect(pairsOf(a!)).toEqual([
      ['title', 'Apple harvest in the hill villages', '山村的蘋果採收季'],
      ['body', 'Every October, the hill villages north of the city fill with visitors who come to pick apples.', '每年十月，城市北邊的山村都擠滿了來採蘋果的遊客。'],
      ['body', 'The orchards sit on steep slopes, so most of the work is still done by hand.', '果園位在陡峭的山坡上，所以大部分工作仍然靠人工完成。'],
      ['body', 'A family of four can fill two baskets in an hour.\nMany stay for lunch at the village hall.', '一家四口一小時可以裝滿兩籃。許多人會留在村裡的活動中心吃午餐。'],
      ['body', "This year's crop is smaller because of a dry summer, but the fruit is sweeter.", '由於夏天乾旱，今年的收成較少，但果實更甜。'],
      ['body', 'Farmers ask visitors not to climb the trees and to pay at the gate before they leave.', '農民請遊客不要爬樹，離開前在門口付款。'],
    ]);
    // Sentences inside a row are aligned as in any paragraph.
    const row = alignArticle(a!, lexicon).filter((p) => p.paragraph === 3);
    expect(row.map((p) => [p.en.length, p.zh.length])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  const EN = ['The first ferry leaves the pier at six in the morning.', 'Most passengers are students on their way to school.', 'On windy days the crossing takes twice as long.', 'The city plans to buy a faster boat next year.'];
  const ZH = ['第一班渡轮早上六点离开码头。', '大多数乘客是去上学的学生。', '刮风的日子，渡河要多花一倍的时间。', '市政府计划明年买一艘更快的船。'];
  const FERRY = EN.map((e, i) => [e, ZH[i]]);
  const NAV = '<nav><a href="/">Home 首页</a> <a href="/news">News 新闻</a></nav>';
  const page = (body: string) => ({ file: 'ferry.html', text: `<!DOCTYPE html><html><head><title>Ferry</title></head><body>${NAV}${body}<footer>© 2026 Harbour Post 版权所有</footer></body></html>` });

  it.each([
    ['rows of two cells', `<article><h1>The ferry at six</h1><h2>六点的渡轮</h2>${FERRY.map(([e, z]) => `<div class="row"><div class="col en"><p>${e}</p></div><div class="col zh"><p>${z}</p></div></div>`).join('')}</article>`, true],
    ['an English block, then a Chinese block', `<div id="content"><h1>The ferry at six</h1>${EN.map((t) => `<p>${t}</p>`).join('')}<h2>六点的渡轮</h2>${ZH.map((t) => `<p>${t}</p>`).join('')}</div>`, false],
    ['two columns', `<h1>The ferry at six</h1><h2>六点的渡轮</h2><div class="wrap"><div class="left">${EN.map((t) => `<p>${t}</p>`).join('')}</div><div class="right">${ZH.map((t) => `<p>${t}</p>`).join('')}</div></div>`, false],
    ['a line break between the languages', `<div id="content"><h1>The ferry at six<br>六点的渡轮</h1>${FERRY.map(([e, z]) => `<p>${e}<br>${z}</p>`).join('')}</div>`, true],
    ['loose text and <br><br>', `<div id="content"><h1>The ferry at six</h1><h1>六点的渡轮</h1>${FERRY.map(([e, z]) => `${e}<br><br>${z}<br><br>`).join('')}</div>`, true],
  ])('pairs a page of %s', (_, body, paired) => {
    const a = parseArticle([page(body)], lexicon);
    expect(a.paired).toBe(paired);
    expect(pairsOf(a)).toEqual([['title', 'The ferry at six', '六点的渡轮'], ...FERRY.map(([e, z]) => ['body', e, z])]);
  });

  it('--layout blocks or interleaved forces how a page pairs', () => {
    const body = `<div id="content">${FERRY.map(([e, z]) => `<p>${e}</p><p>${z}</p>`).join('')}</div>`;
    expect(parseArticle([page(body)], lexicon, { layout: 'blocks' }).paired).toBe(false);
    expect(parseArticle([page(body)], lexicon, { layout: 'interleaved' }).paired).toBe(true);
  });

  it.each([
    ['a page that writes its text with JavaScript', '<!doctype html><html><head><script src="app.js"></script></head><body><div id="root"></div></body></html>', /app\.html: no article text found on the page: it has no text of its own \(a page that writes its text with JavaScript must be saved after it has loaded/],
    ['a page whose text is in a frame', '<html><body><iframe src="https://example.org/story.html"></iframe></body></html>', /its text is in a frame: open the frame's own page \(https:\/\/example\.org\/story\.html\)/],
    ['a single-file archive', 'From: <Saved by Blink>\nMIME-Version: 1.0\n\n--boundary', /is a single-file web archive \(MHTML\)/],
    ['an English-only page', `<html><body><p>${EN.join('</p><p>')}</p></body></html>`, /app\.html: no Chinese text found/],
  ])('%s: one line saying why', (_, html, message) => {
    expect(() => parseArticle([{ file: 'app.html', text: html }], lexicon)).toThrow(message);
  });
});

describe('subtitles', () => {
  it('a bilingual SRT: cues joined into sentences, split where one holds two; markup, sound descriptions and speaker dashes dropped', () => {
    const [a] = read('kite.srt');
    expect([a!.layout, a!.title, a!.script]).toEqual(['subtitles', 'kite', 'simplified']);
    expect(bodyPairs(a!)).toEqual([
      ['Every spring, the field by the sea fills with hundreds of kites.', '每年春天，海边的草地上都会飞满上百只风筝'],
      ['This dragon kite is twenty metres long.', '这只龙形风筝有二十米长'],
      ['It takes four people to fly it.', '需要四个人才能把它放起来'],
      ['When the wind drops, it falls.', '风一停就会掉下来'],
      ['Last year, a strong gust carried it all the way to the car park.', '去年，一阵大风把它吹到了停车场'],
      ['Will you come back next year?', '你明年还来吗？'],
      ['Of course!', '当然来！'],
    ]);
    expect(a!.paragraphs.map((p) => p.source.line)).toEqual([2, 12, 17, 17, 22, 37, 37]);
  });

  const TIDE = [
    ['Twice a day, the sea pulls back from the bay and leaves a wide field of wet sand.', '海湾的海水每天退去两次，留下一大片湿沙滩。'],
    ['That is when the clam diggers come out.', '这时，挖蛤人就出来了。'],
    ['They have about three hours.', '他们大约有三个小时。'],
    ['Then the water returns.', '然后海水就会回来。'],
    ['Old Mr. Tan has dug here for forty years.', '谭老先生在这里挖了四十年。'],
    ['"The sand tells you where to dig," he says.', '“沙子会告诉你该往哪里挖，”他说。'],
  ];

  it.each([
    [['tide.en.srt', 'tide.zh.vtt']],
    [['tide.zh.vtt', 'tide.en.srt']],
  ])('an English SRT and a Chinese VTT of one video (%s), matched by time', (files) => {
    const [a] = read(...files);
    expect([a!.layout, a!.title]).toEqual(['subtitles', 'tide']);
    expect(bodyPairs(a!)).toEqual(TIDE);
    expect(a!.paragraphs[0]!.source).toEqual({ file: fixture('tide.en.srt'), line: 2 });
    expect(a!.paragraphs[0]!.zhSource).toEqual({ file: fixture('tide.zh.vtt'), line: 8 });
  });

  it('a cue of one file that overlaps none of the other stays untranslated', () => {
    const en = text('tide.en.srt');
    const extra = { ...en, text: `${en.text}\n7\n00:00:30,000 --> 00:00:32,000\nThe tide is coming in.\n` };
    const [a] = parseArticles([extra, text('tide.zh.vtt')], lexicon);
    expect(a!.paragraphs.at(-1)).toMatchObject({ en: 'The tide is coming in.', zh: null });
  });

  it('subtitles of another release, shifted in time, are a user error, not a deck of untranslated cues', () => {
    const zh = text('tide.zh.vtt');
    const shifted = { ...zh, text: zh.text.replace(/00:00:(\d\d)/g, (_, s: string) => `00:01:${s}`) };
    expect(() => parseArticles([text('tide.en.srt'), shifted], lexicon)).toThrow(
      /tide\.en\.srt \+ tide\.zh\.vtt: the English and Chinese subtitles hardly overlap in time \(0 of 6 English cues, 0 of 6 Chinese\)/,
    );
  });

  it('one-language subtitles alone, or a file that is not subtitles, are user errors', () => {
    expect(() => read('tide.zh.vtt')).toThrow(/tide\.zh\.vtt: holds Chinese subtitles only: give the English subtitles of the same video with it/);
    expect(() => parseArticle([{ file: 'x.srt', text: '1\nnot a time\nHello\n' }], lexicon)).toThrow(/x\.srt: is not a subtitle file that can be read/);
  });
});

describe('several articles at once', () => {
  it('x.en.* and x.zh.* are one article among others, in any layouts', () => {
    const articles = read('market.en.txt', 'market.zh.txt', 'market.interleaved.txt', 'kite.srt', 'tide.en.srt', 'nightbus.page.html', 'tide.zh.vtt', 'parallel.csv');
    expect(articles.map((a) => [a.layout, a.source.file.replace(/.*\//, '')])).toEqual([
      ['two-files', 'market.en.txt'],
      ['interleaved', 'market.interleaved.txt'],
      ['subtitles', 'kite.srt'],
      ['subtitles', 'tide.en.srt'],
      ['html', 'nightbus.page.html'],
      ['csv', 'parallel.csv'],
    ]);
  });

  it('two one-language files whose names do not tell are one article when given one after the other', () => {
    const en = { ...text('market.en.txt'), file: 'english.txt' };
    const zh = { ...text('market.zh.txt'), file: 'chinese.txt' };
    const articles = parseArticles([text('market.interleaved.txt'), zh, en, text('heron.blocks.txt')], lexicon);
    expect(articles.map((a) => a.layout)).toEqual(['interleaved', 'two-files', 'blocks']);
  });

  it('a one-language file with no partner is the user error it was', () => {
    expect(() => read('english-only.txt', 'market.interleaved.txt')).toThrow(/english-only\.txt: no Chinese text found/);
  });

  it('--layout two-files pairs files two by two; one left over is a user error', () => {
    expect(readArticles([fixture('market.en.txt'), fixture('market.zh.txt')], lexicon, { layout: 'two-files' })).toHaveLength(1);
    expect(() => readArticles([fixture('market.en.txt'), fixture('market.zh.txt'), fixture('heron.blocks.txt')], lexicon, { layout: 'two-files' })).toThrow(
      /heron\.blocks\.txt: has no English or Chinese file to go with/,
    );
  });
});
