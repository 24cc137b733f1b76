// Pictures of each kind of card, front and back, drawn from the real templates and CSS of the
// package `npm start` builds (decks/example.apkg), with headless Chromium (Debian's `chromium`).
// Usage: npm run build && node scripts/card-pictures.mjs [deck.apkg] [out-dir]
'use strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const z = require(join(root, 'dist/stages.js'));
const deck = resolve(process.argv[2] ?? join(root, 'decks/example.apkg'));
const out = resolve(process.argv[3] ?? join(root, 'docs/cards'));
const pkg = z.readApkg(readFileSync(deck), deck);

const typeOf = new Map(['zhdeck cloze', 'zhdeck translation', 'zhdeck vocabulary'].map((t) => [z.noteTypeDef(t).id, t]));
const notes = pkg.notes.map((n) => ({ ...n, type: typeOf.get(n.mid), fields: z.fieldsByName(typeOf.get(n.mid), n.flds.split('\x1f')) }));
const pick = (type, ok) => notes.filter((n) => n.type === type).find(ok) ?? notes.find((n) => n.type === type);
const len = (html) => z.visibleText(html).length;
const cloze = pick('zhdeck cloze', (n) => z.clozeNumbers([n.fields.Text]).length >= 2 && z.clozeNumbers([n.fields.Text]).length <= 4 && len(n.fields.Text.replace(/\{\{c\d+::(.*?)(::.*?)?\}\}/g, '$1')) < 30);
const translation = pick('zhdeck translation', (n) => len(n.fields.Sentence) < 30 && len(n.fields.Sentence) > 12);
const vocabulary = pick('zhdeck vocabulary', (n) => n.fields['Other script'] && n.fields['Measure words'] && len(n.fields.English) < 90);

// Anki draws a tts or sound tag as a round play button (qt/aqt/sound.py, ts/reviewer).
const PLAY = '<a class="replay-button soundLink" href="#"><svg class="playImage" viewBox="0 0 64 64" width="40" height="40"><circle cx="32" cy="32" r="29" fill="#fff" stroke="#aaa" stroke-width="2"/><path d="M56.502,32.301l-37.502,20.101l0.329,-40.804l37.173,20.703Z" fill="#888"/></svg></a>';
const ANKI_BUTTON_CSS = '.replay-button { display: inline-block; margin: .3em; vertical-align: middle; } .nightMode .playImage circle { fill: #2c2c2c; stroke: #666; }';
const audio = (html) => html.replace(/\[anki:tts[^\]]*\][\s\S]*?\[\/anki:tts\]/g, PLAY).replace(/\[sound:[^\]]*\]/g, PLAY);

/** One side of a card in a page laid out as Anki's reviewer lays it: the note type's CSS, body.card.cardN, #qa. */
function side(html, ord, night) {
  const body = `card card${ord + 1}${night ? ' nightMode night_mode' : ''}`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>${z.CSS}\n${ANKI_BUTTON_CSS}\nbody { margin: 0; padding: 16px 6px; }</style></head><body class="${body}"><div id="qa">${audio(html)}</div></body></html>`;
}

const kinds = [
  { name: 'cloze', title: 'Cloze: the sentence with one word hidden → that word, its pinyin and gloss first', note: cloze, ord: 0 },
  { name: 'translation-zh-en', title: 'Translation: Chinese → English', note: translation, ord: 0 },
  { name: 'translation-en-zh', title: 'Translation: English → Chinese', note: translation, ord: 1 },
  { name: 'vocabulary-recognition', title: 'Vocabulary, recognition: the word → pinyin, gloss, senses, the example', note: vocabulary, ord: 0 },
  { name: 'vocabulary-production', title: 'Vocabulary, production: the gloss and the example with the word blanked → the word', note: vocabulary, ord: 1 },
];

const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const frame = (label, doc, height) =>
  `<figure><figcaption>${label}</figcaption><iframe width="380" height="${height}" srcdoc="${esc(doc)}"></iframe></figure>`;

const tmp = mkdtempSync(join(tmpdir(), 'zhdeck-pictures-'));
mkdirSync(out, { recursive: true });
try {
  for (const [i, k] of kinds.entries()) {
    const def = z.noteTypeDef(k.note.type);
    const tmpl = def.kind === 1 ? def.templates[0] : def.templates[k.ord];
    const { question, answer } = z.renderCard(tmpl, k.note.fields, k.ord);
    const night = i === kinds.length - 1; // one in dark mode
    const height = k.name === 'cloze' ? 600 : k.name.startsWith('vocabulary') ? 600 : 380;
    const page = `<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 14px; background: #d9dde2; font: 14px system-ui, sans-serif; }
      h1 { font-size: 15px; margin: 0 0 10px; color: #222; }
      .row { display: flex; gap: 14px; }
      figure { margin: 0; } figcaption { color: #444; margin-bottom: 4px; }
      iframe { border: 1px solid #aab; border-radius: 10px; background: ${night ? '#1c1e22' : '#fff'}; display: block; }
    </style></head><body><h1>${esc(k.title)}${night ? ' (dark mode)' : ''}</h1><div class="row">${frame('front', side(question, k.ord, night), height)}${frame('back', side(answer, k.ord, night), height)}</div></body></html>`;
    const html = join(tmp, `${k.name}.html`);
    writeFileSync(html, page);
    const png = join(out, `${k.name}.png`);
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${join(tmp, `profile-${i}`)}`,
        `--window-size=${2 * 382 + 14 * 3},${height + 70}`,
        `--screenshot=${png}`,
        `file://${html}`,
      ],
      { stdio: 'ignore' },
    );
    console.log(`wrote ${png}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
