// The CLI (bin/zhdeck.js runs it) is a thin layer: commander parses, each command's module is
// loaded only when it runs (so `zhdeck stats` never loads the segmenter), and one error layer
// maps failures to exit codes.
import { Command, Option } from 'commander';
import { handleFailure } from './failure.js';

const { version } = require('../../package.json') as { version: string };

type Action = (...args: any[]) => Promise<void> | void;
const lazy =
  (name: string): Action =>
  async (...args: unknown[]) => {
    const mod = require(`./commands/${name}.js`) as { default: Action };
    await mod.default(...args);
  };

const program = new Command('zhdeck')
  .description('Bilingual English–Chinese articles into Anki cards that teach vocabulary in context; FSRS reviews in the terminal.')
  .version(version, '-V, --version', 'print the version')
  .helpOption('-h, --help', 'show help')
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({ outputError: (str, write) => write(`zhdeck: ${str.replace(/^error: /, '')}`) });

const layoutOption = () =>
  new Option('--layout <layout>', 'force the input layout instead of detecting it').choices(['interleaved', 'two-files', 'blocks', 'tsv', 'csv', 'html', 'subtitles']);
const columnsOption = () => new Option('--columns <en,zh>', "a table's English and Chinese columns: numbers from 1, or header names (default: found by their content)");
const scriptOption = () => new Option('--script <script>', 'force the Chinese script instead of detecting it').choices(['traditional', 'simplified']);

program
  .command('build')
  .description('article(s) → one Anki deck: an .apkg that Anki imports with no set-up (or a CSV)')
  .argument('<input...>', 'article files or web addresses; x.en.* and x.zh.* (or two one-language files given one after the other) make one article')
  .option('-o, --output <file>', "the deck file (default: the first input's name with .apkg, beside it; - for standard output)")
  .addOption(new Option('--format <format>', 'deck format (default: apkg; csv when the output is named .csv)').choices(['apkg', 'csv']))
  .option('--note-types <names>', "CSV: your Anki's names of its built-in Cloze and Basic (and reversed card) note types, or a language: en, zh-CN, zh-TW, de, ja, fr, es")
  .option('--audio', 'apkg: embed offline Mandarin recordings (espeak-ng) for devices without a Chinese voice')
  .option('--deck <name>', 'put every note in this deck (default: zhdeck::<article title>)')
  .option('--tags <tags>', 'extra tags for every note, space-separated')
  .option('--known <file>', 'words you know, one per line (either script): no cards for them')
  .option('--max-words <n>', 'at most this many target words, the most useful first')
  .option('--json', 'print a summary object (articles, pairs, words, notes, cards, output)')
  .addOption(layoutOption())
  .addOption(columnsOption())
  .addOption(scriptOption())
  .action(lazy('build'));

program
  .command('lookup')
  .description('look a word up in CC-CEDICT (Traditional or Simplified), the everyday entry first')
  .argument('<word>', 'a Chinese word')
  .option('--json', 'print an array of entries')
  .action(lazy('lookup'));

program
  .command('align')
  .description('pair the English and Chinese sentences of article(s)')
  .argument('<input...>', 'article files or web addresses; x.en.* and x.zh.* (or two one-language files given one after the other) make one article')
  .option('--presplit', 'the two inputs already hold one sentence per line: do not split, report 0-based line numbers')
  .option('--json', 'print an array of { id, en, zh, enText, zhText, confidence }')
  .addOption(layoutOption())
  .addOption(columnsOption())
  .addOption(scriptOption())
  .action(lazy('align'));

program
  .command('words')
  .description('the vocabulary of article(s) chosen for study, each word with its pinyin, senses and the gloss the article gives it')
  .argument('[input...]', 'article files or web addresses')
  .option('--fix <correction>', 'save a correction to the user dictionary (user-dict.txt beside the collection), e.g. "大公豬=大 公豬" or "公豬 [gōng zhū] boar"; repeatable', (v: string, acc: string[] = []) => [...acc, v])
  .option('--all', 'every distinct Chinese word found, chosen or not')
  .option('--known <file>', 'words you know, one per line (either script): left out')
  .option('--max-words <n>', 'at most this many words, the most useful first')
  .option('--json', 'print an array of { word, traditional, simplified, pinyin, senses, gloss, frequency, count, sentences }')
  .addOption(layoutOption())
  .addOption(columnsOption())
  .addOption(scriptOption())
  .action(lazy('words'));

program
  .command('segment')
  .description('segment Chinese text into words: the same lines, words separated by single spaces (the SIGHAN format)')
  .argument('[file]', 'a Chinese text file; standard input when absent or "-"')
  .action(lazy('segment'));

program
  .command('add')
  .description('put the notes and cards of article(s), or of decks zhdeck wrote, into the review collection')
  .argument('<input...>', 'article files or web addresses, or decks (.apkg or .csv) from zhdeck build')
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--known <file>', 'words you know, one per line (either script): no cards for them')
  .option('--max-words <n>', 'at most this many target words, the most useful first')
  .option('--json', 'print what was added, per source, as JSON')
  .addOption(layoutOption())
  .addOption(columnsOption())
  .addOption(scriptOption())
  .action(lazy('add'));

program
  .command('review')
  .description('review due cards with FSRS: Space shows the answer, 1-4 rate, u undoes, q quits (one rating per line when not a terminal)')
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--deck <name>', 'only this deck (and its subdecks)')
  .option('--limit <n>', 'stop after this many ratings')
  .option('--new-limit <n>', 'new cards a day (default 20)')
  .option('--retention <r>', 'desired retention, kept for the collection from then on (default 0.9)')
  .option('--max-interval <days>', 'the longest interval, kept for the collection from then on (default 36500)')
  .action(lazy('review'));

program
  .command('export')
  .description('the review collection (or one deck) as an .apkg for Anki, with scheduling and review history')
  .option('-o, --output <file>', 'the package (default: zhdeck-export.apkg in the current folder)')
  .option('--deck <name>', 'only this deck (and its subdecks)')
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--json', 'print a summary object (notes, cards, reviews, output)')
  .action(lazy('export'));

program
  .command('stats')
  .description('counts of cards, notes, reviews, due and new cards; reviews due in the next 30 days and done in the last 30, true retention by month')
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--json', 'print one object')
  .action(lazy('stats'));

program
  .command('optimize')
  .description("fit FSRS parameters to your own review history, compare them with the defaults, and review with them from then on")
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--deck <name>', 'fit this deck (and its subdecks) alone and keep its parameters for it')
  .option('--json', 'print the fit as one object')
  .action(lazy('optimize'));

program.parseAsync(process.argv).catch(handleFailure);
