import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchText } from '../../src/article/index.js';
import { readApkg } from '../../src/export/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { fixture, scratch, zhdeck, zhdeckAsync } from '../helpers.js';

/** A deck's notes as Anki reads them: tab-separated records after the # header lines. */
const deckRows = (file: string) =>
  parse(readFileSync(file, 'utf8'), { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true }) as string[][];

describe('the cases issue 17 reproduced', () => {
  const dir = scratch();

  it('a TSV with an id column and a header builds its pairs, and no note holds a raw row', () => {
    for (const extra of [[], ['--layout', 'tsv']]) {
      const out = join(dir, 'seg.csv');
      const r = zhdeck(['build', fixture('parallel.seg.tsv'), '-o', out, '--json', ...extra]);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ articles: 1, pairs: 4 });
      const fields = deckRows(out).flatMap((row) => row.slice(3, 5));
      expect(fields.filter((f) => /\t|seg\b/.test(f))).toEqual([]);
      expect(fields.filter((f) => f.includes('class="en">1<') || f.includes('class="en">2<'))).toEqual([]);
    }
  });

  it('a two-file article builds together with other articles', () => {
    const r = zhdeck(['build', fixture('market.en.txt'), fixture('market.zh.txt'), fixture('market.interleaved.txt'), '-o', join(dir, 'three.csv'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).articles).toBe(2);
  });

  it('a photo credit, copyright or "Reporting by" line makes no note', () => {
    const out = join(dir, 'lantern.csv');
    expect(zhdeck(['build', fixture('lantern.interleaved.txt'), '-o', out]).status).toBe(0);
    const text = deckRows(out)
      .flatMap((row) => row.slice(3, 5))
      .join('\n');
    expect(text).toContain('灯笼');
    for (const credit of ['Licensing', '购买授权', '授权', 'Tom Reyes', '摄影', 'Reporting by', 'rights reserved']) expect(text).not.toContain(credit);
  });

  it('align numbers the pairs of a bilingual SRT, and words finds its words', () => {
    const aligned = JSON.parse(zhdeck(['align', fixture('kite.srt'), '--json']).stdout) as { enText: string; zhText: string }[];
    expect(aligned.map((p) => p.zhText)).toContain('风一停就会掉下来');
    const words = JSON.parse(zhdeck(['words', fixture('tide.en.srt'), fixture('tide.zh.vtt'), '--json']).stdout) as { word: string }[];
    expect(words.map((w) => w.word)).toContain('沙滩');
  });

  it('--columns and --layout: the new choices, and a bad value is one line, exit 2', () => {
    const ok = zhdeck(['align', fixture('parallel.csv'), '--columns', 'english,chinese', '--layout', 'csv', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(5);
    const bad = zhdeck(['align', fixture('parallel.csv'), '--columns', 'english']);
    expect([bad.status, bad.stderr]).toEqual([2, 'zhdeck: --columns: expects two columns, English then Chinese (2,3 or english,chinese), not "english"\n']);
  });
});

const lexicon = await loadLexicon();

describe('web addresses', () => {
  const page = readFileSync(fixture('nightbus.page.html'));
  let server: Server;
  let base = '';
  const pending: (() => void)[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/news/night-buses.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      if (path === '/moved') return res.writeHead(301, { location: '/news/night-buses.html' }).end();
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/report.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
      if (path === '/huge') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(Buffer.alloc(64 * 1024, 'a'));
      }
      if (path === '/silent') return void pending.push(() => res.end()); // answers only when the test ends
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    for (const end of pending) end();
    server.close();
  });

  it('build URL reads the page as a saved one, and names the deck after it in the current folder', async () => {
    const dir = scratch();
    const r = await zhdeckAsync(['build', `${base}/news/night-buses.html`, '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ output: 'night-buses.apkg', articles: 1 });
    const pkg = readApkg(readFileSync(join(dir, 'night-buses.apkg')), 'night-buses.apkg');
    expect(pkg.notes.some((n) => n.flds.includes('夜间巴士'))).toBe(true);
  });

  it('align and words take addresses too; a redirect is followed', async () => {
    const aligned = await zhdeckAsync(['align', `${base}/moved`, '--json']);
    expect(aligned.status).toBe(0);
    expect((JSON.parse(aligned.stdout) as { zhText: string }[])[0]!.zhText).toBe('时隔四年，夜间巴士重返港区');
    const words = await zhdeckAsync(['words', `${base}/news/night-buses.html`, '--json']);
    expect((JSON.parse(words.stdout) as { word: string }[]).map((w) => w.word)).toContain('巴士');
  });

  it('add puts a page into the review collection', async () => {
    const r = await zhdeckAsync(['add', `${base}/news/night-buses.html`, '--collection', join(scratch(), 'collection.db'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).sources[0]).toMatchObject({ source: 'night-buses-return-to-the-harbour-after-four-years' });
  });

  it.each([
    ['/missing', /^zhdeck: http:\/\/127\.0\.0\.1:\d+\/missing: the server answered 404 Not Found\n$/],
    ['/report.pdf', /^zhdeck: http:\/\/127\.0\.0\.1:\d+\/report\.pdf: is application\/pdf, not a web page or text\n$/],
    ['/loop', /^zhdeck: http:\/\/127\.0\.0\.1:\d+\/loop: redirects more than 5 times\n$/],
  ])('%s: one line naming the address, exit 2, no deck', async (path, message) => {
    const dir = scratch();
    const r = await zhdeckAsync(['build', `${base}${path}`, '-o', join(dir, 'deck.csv')]);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'deck.csv'))).toBe(false);
  });

  it('a server that is not there is one line too', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const r = await zhdeckAsync(['build', `http://127.0.0.1:${port}/x.html`]);
    expect([r.status, r.stderr]).toEqual([2, `zhdeck: http://127.0.0.1:${port}/x.html: cannot be fetched (ECONNREFUSED)\n`]);
  });

  it('a page over the size limit, or a server that does not answer within the time limit, is refused', async () => {
    await expect(fetchText(`${base}/huge`, lexicon, { maxBytes: 10_000 })).rejects.toThrow(/huge: the page is larger than 0\.01 MB/);
    await expect(fetchText(`${base}/silent`, lexicon, { timeoutMs: 200 })).rejects.toThrow(/silent: no answer within 0\.2 s/);
    await expect(fetchText(`${base}/moved`, lexicon)).resolves.toMatchObject({ format: 'html', encoding: 'utf-8' });
  });
});
