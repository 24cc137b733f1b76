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
  new Option('--layout <layout>', 'force the input layout instead of detecting it').choices(['interleaved', 'two-files', 'blocks', 'tsv']);
const scriptOption = () => new Option('--script <script>', 'force the Chinese script instead of detecting it').choices(['traditional', 'simplified']);

program
  .command('build')
  .description('article(s) → one Anki deck (CSV with headers that Anki imports with no set-up)')
  .argument('<input...>', 'article file(s); an English and a Chinese file together make one article')
  .option('-o, --output <file>', "the deck file (default: the first input's name with .csv, beside it)")
  .addOption(new Option('--format <format>', 'deck format').choices(['csv', 'apkg']).default('csv'))
  .option('--deck <name>', 'put every note in this deck (default: zhdeck::<article title>)')
  .option('--tags <tags>', 'extra tags for every note, space-separated')
  .option('--known <file>', 'words you know, one per line (either script): no cards for them')
  .option('--max-words <n>', 'at most this many target words, the most useful first')
  .option('--json', 'print a summary object (articles, pairs, words, notes, cards, output)')
  .addOption(layoutOption())
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
  .argument('<input...>', 'article file(s); an English and a Chinese file together make one article')
  .option('--presplit', 'the two inputs already hold one sentence per line: do not split, report 0-based line numbers')
  .option('--json', 'print an array of { id, en, zh, enText, zhText, confidence }')
  .addOption(layoutOption())
  .addOption(scriptOption())
  .action(lazy('align'));

program
  .command('words')
  .description('the vocabulary of article(s) chosen for study, each word with its pinyin, senses and the gloss the article gives it')
  .argument('[input...]', 'article file(s)')
  .option('--fix <correction>', 'save a correction to the user dictionary (user-dict.txt beside the collection), e.g. "大公豬=大 公豬" or "公豬 [gōng zhū] boar"; repeatable', (v: string, acc: string[] = []) => [...acc, v])
  .option('--all', 'every distinct Chinese word found, chosen or not')
  .option('--known <file>', 'words you know, one per line (either script): left out')
  .option('--max-words <n>', 'at most this many words, the most useful first')
  .option('--json', 'print an array of { word, traditional, simplified, pinyin, senses, gloss, frequency, count, sentences }')
  .addOption(layoutOption())
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
  .argument('<input...>', 'article file(s), or .csv decks from zhdeck build')
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--known <file>', 'words you know, one per line (either script): no cards for them')
  .option('--max-words <n>', 'at most this many target words, the most useful first')
  .option('--json', 'print what was added, per source, as JSON')
  .addOption(layoutOption())
  .addOption(scriptOption())
  .action(lazy('add'));

program
  .command('review')
  .description('review due cards with FSRS: Space shows the answer, 1-4 rate, u undoes, q quits (one rating per line when not a terminal)')
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--deck <name>', 'only this deck (and its subdecks)')
  .option('--limit <n>', 'stop after this many ratings')
  .option('--new-limit <n>', 'new cards a day (default 20)')
  .option('--retention <r>', 'desired retention (default 0.9)')
  .action(lazy('review'));

program
  .command('stats')
  .description('counts of cards, notes, reviews, due and new cards, true retention, and the week ahead')
  .option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)')
  .option('--json', 'print one object')
  .action(lazy('stats'));

program.parseAsync(process.argv).catch(handleFailure);
