// The styling every zhdeck note type carries: large Chinese with the right glyphs for its
// script, tone colours on pinyin, the tested cloze word first, dark mode, small screens.
// Anki puts the card in <body class="card card1 …">, adding `nightMode` (desktop, AnkiMobile)
// or `night_mode` (older AnkiDroid) in dark mode; mobile clients are narrow.

export const CSS = `.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.5;
  text-align: center;
  color: #1f2328;
  background-color: #fcfcfb;
}
.zhdeck { max-width: 36em; margin: 0 auto; padding: 0 .5em; }
[lang="zh-Hant"] {
  font-family: "Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", "Noto Sans CJK SC", sans-serif;
}
[lang="zh-Hans"] {
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Heiti SC", "Noto Sans CJK TC", sans-serif;
}
.zh { font-size: 1.6em; line-height: 1.6; }
.hanzi { font-size: 3.4em; line-height: 1.2; }
.alt { color: #6e7781; font-size: 1.2em; }
.en { color: #57606a; margin-top: .4em; }
.prompt { font-size: 1.5em; font-weight: 600; }
.en.prompt { color: inherit; }
a.hint { color: #0a5cc2; font-size: .85em; }
.gloss { font-size: 1.3em; font-weight: 600; }
.senses, .measure { color: #57606a; font-size: .85em; margin-top: .3em; }
.measure .label { font-variant: small-caps; margin-right: .4em; }
.mw { font-size: 1.2em; }
.pinyin-line { font-size: 1.5em; margin: .2em 0; }
.example { margin-top: 1.1em; }
.example .zh { font-size: 1.3em; }
.example b, .blank, .cloze { color: #0a5cc2; font-weight: 700; }
.blank { letter-spacing: .05em; }
hr#answer { border: 0; border-top: 1px solid #d0d7de; margin: 1em auto; max-width: 36em; }
.words { display: flex; flex-direction: column; align-items: center; gap: .35em; margin-top: .4em; }
.words .w { display: block; }
.words .hz { font-weight: 600; }
.words .alt { margin-left: .3em; font-size: 1em; }
.words .cloze-inactive, .words > .w { font-size: .8em; color: #57606a; }
.words .cloze {
  order: -1;
  display: block;
  font-weight: normal;
  color: inherit;
  font-size: 1.2em;
  padding: .35em .9em;
  margin-bottom: .4em;
  border-radius: .5em;
  background: #eef4ff;
  border: 1px solid #c6d9fb;
}
.words .cloze .hz { font-size: 1.7em; color: #0a5cc2; margin-right: .2em; }
.words .cloze .pinyin { font-size: 1.25em; }
.words .cloze .gl { display: block; font-weight: 600; }
.words .cloze .senses { display: block; }
.source { margin-top: 1.6em; font-size: .7em; color: #8c959f; }
.tone1 { color: #d70000; }
.tone2 { color: #008f1f; }
.tone3 { color: #1a3fe0; }
.tone4 { color: #8a00c2; }
.tone5 { color: #6e7781; }
.nightMode.card, .night_mode.card, .nightMode .card, .night_mode .card { color: #e6edf3; background-color: #1c1e22; }
.nightMode .alt, .nightMode .en, .nightMode .senses, .nightMode .measure,
.night_mode .alt, .night_mode .en, .night_mode .senses, .night_mode .measure { color: #9da7b3; }
.nightMode .example b, .nightMode .blank, .nightMode .cloze,
.night_mode .example b, .night_mode .blank, .night_mode .cloze { color: #79b8ff; }
.nightMode .words .cloze, .night_mode .words .cloze { color: inherit; background: #1f2d44; border-color: #2f4a73; }
.nightMode .words .cloze .hz, .night_mode .words .cloze .hz { color: #79b8ff; }
.nightMode .words .cloze-inactive, .nightMode .words > .w,
.night_mode .words .cloze-inactive, .night_mode .words > .w { color: #9da7b3; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #3d444d; }
.nightMode a.hint, .night_mode a.hint { color: #79b8ff; }
.nightMode .tone1, .night_mode .tone1 { color: #ff6b6b; }
.nightMode .tone2, .night_mode .tone2 { color: #4fd16a; }
.nightMode .tone3, .night_mode .tone3 { color: #8ea6ff; }
.nightMode .tone4, .night_mode .tone4 { color: #d68cff; }
.nightMode .tone5, .night_mode .tone5 { color: #9da7b3; }
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .zhdeck { padding: 0 .2em; }
  .hanzi { font-size: 2.8em; }
  .zh { font-size: 1.4em; }
  .words .cloze { padding: .3em .5em; }
}
`;
