// Web pages saved as HTML (or fetched): the article's text is found by Mozilla's Readability
// (what Firefox's reader view uses) on a linkedom DOM, then paired the way the page pairs it:
// side by side in table rows or columns, alternating paragraphs, or an English block and a
// Chinese block. Pure: parses text.
import { append } from '../util/collections.js';
import { UserError } from '../util/errors.js';
import type { Language, ParagraphKind, ParagraphPair } from './types.js';
import { isHeaderName } from './table.js';
import { joinText, languageOf, looksLikeTitle, type Unit } from './units.js';

// The few DOM members used here (the project's lib has no DOM types).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  remove(): void;
  insertBefore(node: DomNode, before: DomNode | null): void;
  appendChild(node: DomNode): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}
interface DomDocument {
  body: DomElement | null;
  title: string;
  createElement(tag: string): DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
type ParseHtml = (html: string) => { document: DomDocument };
type ReadabilityClass = new (doc: DomDocument, opts?: { charThreshold?: number }) => { parse(): { title?: string | null; content?: string | null } | null };

const ELEMENT = 1;
const TEXT = 3;

const BLOCK = new Set(
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
const DROPPED = 'script, style, noscript, template, svg, math, iframe, frame, object, embed, canvas, select, button, input, textarea, audio, video, picture source';
const NOISE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog']);
const NOISE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'alert', 'search', 'menu', 'menubar', 'toolbar']);
// Class and id words of what surrounds an article.
const NOISE_NAME =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|widget|ads?|advert\w*|sponsor\w*|promo\w*|banner|cookies?|consent|gdpr|share|sharing|social|related|recommend\w*|newsletter|subscribe|subscription|signup|comments?|disqus|footer|masthead|site-header|toolbar|pager|pagination|popup|modal|byline|author|dateline|meta|date|time|timestamp|published|updated|tags|keywords|login)([\s_-]|$)/i;
// An element named or tagged like noise that holds this much of the page's text is the article
// itself (an ASP.NET page's <form>, a "main has-sidebar" wrapper).
const NOISE_SHARE = 0.5;

/** One piece of a page's text in reading order: a leaf block (or loose text) and its lines. */
interface Block {
  index: number;
  lines: { lang: Language; text: string }[];
  /** 1–6 inside a heading h1–h6, else 0. */
  level: number;
  caption: boolean;
  noise: boolean;
  /** Ids of the elements it sits in, outermost first; the last is its own. */
  path: number[];
  line: number;
}

function isNoise(el: DomElement): boolean {
  if (NOISE_TAGS.has(el.localName)) return true;
  if (NOISE_ROLES.has(el.getAttribute('role') ?? '')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display:\s*none/i.test(el.getAttribute('style') ?? '')) return true;
  if (['html', 'body', 'main', 'article'].includes(el.localName)) return false;
  return NOISE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

/** Blocks inside navigation, ads, sign-ups and the like, unless that element holds most of the page's text. */
function markNoise(blocks: Block[], noisy: Set<number>): void {
  const size = new Map<number, number>();
  let total = 0;
  for (const b of blocks) {
    const n = b.lines.reduce((s, l) => s + l.text.length, 0);
    total += n;
    for (const id of b.path) if (noisy.has(id)) size.set(id, (size.get(id) ?? 0) + n);
  }
  for (const b of blocks) b.noise = b.path.some((id) => noisy.has(id) && size.get(id)! < NOISE_SHARE * total);
}

/** Text as shown: <br> breaks a line, other whitespace collapses. */
function textOfNodes(nodes: DomNode[]): string[] {
  let out = '';
  const visit = (n: DomNode) => {
    if (n.nodeType === TEXT) out += n.textContent ?? '';
    else if (n.nodeType === ELEMENT) {
      if ((n as DomElement).localName === 'br') out += '\n';
      else for (const c of Array.from(n.childNodes)) visit(c);
    }
  };
  nodes.forEach(visit);
  return out.split('\n').map((l) => l.replace(/[\s\u00a0\u3000]+/g, ' ').trim()).filter(Boolean);
}

/** Where in the page's source each block starts, roughly: its first words found after the previous block's. */
function lineFinder(html: string): (lines: string[]) => number {
  const starts: number[] = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  let cursor = Math.max(0, html.search(/<body[\s>]/i));
  let line = 1;
  return (lines) => {
    const probe = lines[0]!.split(/[&<>"']/).find((s) => s.length >= 4)?.slice(0, 24);
    const at = probe ? html.indexOf(probe, cursor) : -1;
    if (at >= 0) {
      cursor = at + probe!.length;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      line = lo + 1;
    }
    return line;
  };
}

type Context = Pick<Block, 'caption' | 'level'>;

interface ElementInfo {
  parent: number;
  signature: string;
}

/**
 * The page's blocks in reading order. Each is marked on its element (loose text is wrapped in
 * a <p> first) with data-zhdeck, so that what Readability keeps can be told apart afterwards.
 */
function collectBlocks(doc: DomDocument, html: string): { blocks: Block[]; elements: Map<number, ElementInfo> } {
  const blocks: Block[] = [];
  const elements = new Map<number, ElementInfo>();
  const lineOf = lineFinder(html);
  let nextId = 0;
  const noisy = new Set<number>();
  const hasBlock = new Map<DomNode, boolean>();
  const containsBlock = (n: DomNode): boolean => {
    if (n.nodeType !== ELEMENT) return false;
    let v = hasBlock.get(n);
    if (v === undefined) {
      v = BLOCK.has((n as DomElement).localName) || Array.from(n.childNodes).some(containsBlock);
      hasBlock.set(n, v);
    }
    return v;
  };
  const emit = (nodes: DomNode[], owner: DomElement, path: number[], ctx: Context) => {
    const texts = textOfNodes(nodes);
    const lines = texts.map((text) => ({ lang: languageOf(text), text })).filter((l): l is { lang: Language; text: string } => l.lang !== null);
    if (lines.length === 0) return;
    const index = blocks.length;
    let el = owner;
    const whole = nodes.length === owner.childNodes.length;
    if (!whole) {
      // Loose text beside blocks: wrapped so that it can be marked.
      el = doc.createElement('p');
      owner.insertBefore(el, nodes[0]!);
      for (const n of nodes) el.appendChild(n);
    }
    el.setAttribute('data-zhdeck', String(index));
    blocks.push({ index, lines, ...ctx, noise: false, path: whole ? path : [...path, nextId++], line: lineOf(texts) });
  };
  const walk = (el: DomElement, path: number[], inherited: Context) => {
    const ctx: Context = {
      caption: inherited.caption || el.localName === 'figcaption' || el.localName === 'caption',
      level: inherited.level || (/^h[1-6]$/.test(el.localName) ? Number(el.localName[1]) : 0),
    };
    const id = nextId++;
    if (isNoise(el)) noisy.add(id);
    const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).sort().join(' ');
    // Repeated parts of one whole: siblings of one tag and class (rows, list items, table rows).
    if (cls || el.localName === 'tr' || el.localName === 'li') elements.set(id, { parent: path[path.length - 1] ?? -1, signature: `${el.localName}.${cls}` });
    const own = [...path, id];
    let run: DomNode[] = [];
    for (const child of Array.from(el.childNodes)) {
      if (containsBlock(child)) {
        if (run.length) emit(run, el, own, ctx);
        run = [];
        walk(child as DomElement, own, ctx);
      } else run.push(child);
    }
    if (run.length) emit(run, el, own, ctx);
  };
  if (doc.body) walk(doc.body, [], { caption: false, level: 0 });
  markNoise(blocks, noisy);
  return { blocks, elements };
}

/** The blocks Readability keeps as the article: their marks in its output. */
function readableIndices(doc: DomDocument, Readability: ReadabilityClass): { kept: Set<number>; title: string | null } {
  const article = new Readability(doc, { charThreshold: 200 }).parse();
  const kept = new Set<number>();
  for (const m of (article?.content ?? '').matchAll(/data-zhdeck="(\d+)"/g)) kept.add(Number(m[1]));
  return { kept, title: article?.title?.trim() || null };
}

const langsOf = (blocks: Block[]) => new Set(blocks.flatMap((b) => b.lines.map((l) => l.lang)));

// How far up from a kept block its repeated siblings are looked for.
const REPEAT_LEVELS = 4;

/**
 * The blocks Readability keeps, with the others of the same repeated structure: Readability
 * may keep the first of a run of short side-by-side rows and drop the rest.
 */
function withRepeats(content: Block[], kept: Set<number>, elements: Map<number, ElementInfo>): Set<number> {
  const key = (id: number) => {
    const e = elements.get(id);
    return e ? `${e.parent}|${e.signature}` : undefined;
  };
  const siblings = new Map<string, number>();
  for (const id of elements.keys()) siblings.set(key(id)!, (siblings.get(key(id)!) ?? 0) + 1);
  const repeated = new Set<string>();
  for (const b of content) {
    if (!kept.has(b.index)) continue;
    for (const id of b.path.slice(-REPEAT_LEVELS)) {
      const k = key(id);
      if (k && siblings.get(k)! >= 2) repeated.add(k);
    }
  }
  const out = new Set(kept);
  for (const b of content) if (b.path.slice(-REPEAT_LEVELS).some((id) => repeated.has(key(id) ?? ''))) out.add(b.index);
  return out;
}

/**
 * The article's blocks: those Readability keeps (with their repeats), and the headline and
 * captions it leaves out (the last h1 before them, a translated headline right after it,
 * figure captions in between). When Readability finds nothing, or only one language of a
 * page that has both, every block that is not navigation, ads and the like.
 */
function articleBlocks(all: Block[], readable: Set<number>, elements: Map<number, ElementInfo>): Block[] {
  const content = all.filter((b) => !b.noise);
  const kept = withRepeats(content, readable, elements);
  const core = content.filter((b) => kept.has(b.index));
  if (core.length === 0 || langsOf(core).size < langsOf(content).size) return content;
  const first = core[0]!.index;
  const before = content.filter((b) => b.index < first && b.level > 0);
  const h1 = before.filter((b) => b.level === 1).pop() ?? before.filter((b) => b.level === 2).pop();
  if (!h1) return core;
  const preamble = content.filter((b) => b.index > h1.index && b.index < first);
  const next = preamble[0];
  const translatedTitle = next && next.lines[0]!.lang !== h1.lines[0]!.lang && next.lines.length === 1 && looksLikeTitle(next.lines[0]!.text);
  const extra = preamble.filter((b) => b.level > 0 || b.caption || (translatedTitle && b === next));
  return [h1, ...extra, ...core].sort((a, b) => a.index - b.index);
}

/** What a page holds, in reading order: pairs it makes itself (rows), and one-language paragraphs. */
export type PageItem = { pair: ParagraphPair } | { unit: Unit };

export interface Page {
  title: string | null;
  items: PageItem[];
  /** Whether the page lays its languages side by side in columns too long to pair row by row. */
  columns: boolean;
}

// A row with more paragraphs a side than this is two columns of text, paired by content.
const ROW_PARAGRAPHS = 3;

/**
 * Rows: the smallest element holding both languages, when it holds exactly one English part
 * and one Chinese part (and parts with no text, such as a row number): a table row, a
 * side-by-side pair of cells, a headline and its translation.
 */
function findRows(blocks: Block[]): Map<Block, { id: number; depth: number }> {
  const under = new Map<number, Block[]>();
  for (const b of blocks) for (const id of b.path) append(under, id, b);
  const rowTest = new Map<number, boolean>();
  const isRow = (id: number, depth: number) => {
    let v = rowTest.get(id);
    if (v === undefined) {
      const sides = new Map<number, Set<Language>>();
      for (const b of under.get(id)!) {
        const key = b.path[depth + 1] ?? -1 - b.index;
        const langs = sides.get(key) ?? sides.set(key, new Set()).get(key)!;
        for (const l of b.lines) langs.add(l.lang);
      }
      const kinds = [...sides.values()].map((s) => (s.size === 2 ? 'both' : [...s][0]));
      v = kinds.filter((k) => k === 'en').length === 1 && kinds.filter((k) => k === 'zh').length === 1 && !kinds.includes('both');
      rowTest.set(id, v);
    }
    return v;
  };
  const langs = new Map<number, number>();
  const langsUnder = (id: number) => langs.get(id) ?? langs.set(id, langsOf(under.get(id)!).size).get(id)!;
  const rows = new Map<Block, { id: number; depth: number }>();
  for (const b of blocks) {
    if (langsOf([b]).size === 2) continue; // a block with both languages pairs its own lines
    for (let depth = b.path.length - 2; depth >= 0; depth--) {
      const id = b.path[depth]!;
      if (langsUnder(id) < 2) continue;
      if (isRow(id, depth)) rows.set(b, { id, depth });
      break;
    }
  }
  return rows;
}

const unitOf = (b: Block, l: { lang: Language; text: string }, file: string): Unit => ({
  lang: l.lang,
  text: l.text,
  file,
  line: b.line,
  caption: b.caption,
  ...(b.level > 0 ? { heading: true } : {}),
});

function itemsOf(blocks: Block[], file: string): { items: PageItem[]; columns: boolean } {
  const rows = findRows(blocks);
  const byRow = new Map<number, Block[]>();
  for (const [b, row] of rows) append(byRow, row.id, b);
  const done = new Set<number>();
  const items: PageItem[] = [];
  let columns = false;
  for (const b of blocks) {
    const row = rows.get(b);
    if (!row) {
      for (const l of b.lines) items.push({ unit: unitOf(b, l, file) });
      continue;
    }
    if (done.has(row.id)) continue;
    done.add(row.id);
    const members = byRow.get(row.id)!;
    const side = (lang: Language) => members.filter((m) => m.lines[0]!.lang === lang);
    const en = side('en');
    const zh = side('zh');
    if (en.length > ROW_PARAGRAPHS || zh.length > ROW_PARAGRAPHS) {
      columns = true;
      for (const m of [...(en[0]!.index < zh[0]!.index ? [en, zh] : [zh, en])].flat()) for (const l of m.lines) items.push({ unit: unitOf(m, l, file) });
      continue;
    }
    const text = (ms: Block[], lang: Language) => ms.map((m) => m.lines.map((l) => l.text).reduce((a, t) => joinText(a, t, lang))).join('\n');
    if (isHeaderName(text(en, 'en')) && isHeaderName(text(zh, 'zh'))) continue; // a table's header row
    const kind: ParagraphKind = members.some((m) => m.level > 0) ? 'title' : members.some((m) => m.caption) ? 'caption' : 'body';
    items.push({
      pair: { en: text(en, 'en'), zh: text(zh, 'zh'), kind, source: { file, line: en[0]!.line }, zhSource: { file, line: zh[0]!.line } },
    });
  }
  return { items, columns };
}

/** Why a page with no text has none, when its markup tells. */
function emptyPageReason(doc: DomDocument): string {
  const frame = doc.querySelector('iframe[src], frame[src]');
  if (frame) return `its text is in a frame: open the frame's own page (${frame.getAttribute('src')})`;
  if (doc.querySelector('script')) return 'it has no text of its own (a page that writes its text with JavaScript must be saved after it has loaded, as "Web Page, Complete")';
  return 'it has no text';
}

/** A page's article: its blocks, found and paired as described above. Pure: parses text. */
export function readPage(html: string, file: string): Page {
  if (/^\s*(MIME-Version:|From: <Saved by)/i.test(html)) {
    throw new UserError('is a single-file web archive (MHTML): save the page as "Web Page, Complete" (.html) instead', file);
  }
  const { parseHTML } = require('linkedom') as { parseHTML: ParseHtml };
  const { Readability } = require('@mozilla/readability') as { Readability: ReadabilityClass };
  const source = /<(html|body)[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  const { document } = parseHTML(source);
  const reason = emptyPageReason(document);
  for (const el of Array.from(document.querySelectorAll(DROPPED))) el.remove();
  const { blocks, elements } = collectBlocks(document, source);
  if (blocks.length === 0) throw new UserError(`no article text found on the page: ${reason}`, file);
  const pageTitle = document.title?.trim() || null;
  const { kept, title } = readableIndices(document, Readability);
  const { items, columns } = itemsOf(articleBlocks(blocks, kept, elements), file);
  return { title: title ?? pageTitle, items, columns };
}
