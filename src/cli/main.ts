// The CLI (bin/zhdeck.js runs it) is a thin layer: commander parses, each command's module is
// loaded only when it runs (so `zhdeck stats` never loads the segmenter), and one error layer
// maps failures to exit codes.
import { readAhead } from '../data/files.js';
import { DATA_OF } from './data-of.js';
import { Command, Option } from 'commander';
import { catchInterrupts, handleFailure } from './failure.js';

// Before anything else: the command's data files start to be read on another thread.
readAhead(DATA_OF[process.argv[2] ?? ''] ?? []);

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
const knownOption = () =>
  new Option('--known <source>', "what you know, no cards for it: collection (your reviews: the default when you have one), a word list file, an Anki deck's field (deck.apkg:Hanzi, notes.txt:1), or none; repeatable").argParser((v: string, acc: string[] = []) => [...acc, v]);
const levelOption = () => new Option('--level <n>', 'you know the N most frequent words: no cards for them (default 1000; 0 keeps every word)');
const collectionOption = () => new Option('--collection <file>', 'the collection (default: $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck/collection.db)');
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
  .addOption(knownOption())
  .addOption(levelOption())
  .addOption(collectionOption())
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
  .addOption(knownOption())
  .addOption(levelOption())
  .addOption(collectionOption())
  .option('--max-words <n>', 'at most this many words, the most useful first')
  .option('--json', 'print an array of { word, traditional, simplified, pinyin, senses, gloss, frequency, count, sentences }')
  .addOption(layoutOption())
  .addOption(columnsOption())
  .addOption(scriptOption())
  .action(lazy('words'));

program
  .command('coverage')
  .description('before building: the share of the article\'s words you know, its unknown words, and its sentences with exactly one unknown word (i+1)')
  .argument('<input...>', 'article files or web addresses')
  .addOption(knownOption())
  .addOption(levelOption())
  .addOption(collectionOption())
  .option('--json', 'print { tokens, knownTokens, coverage, unknownWords, sentences, iPlus1 }')
  .addOption(layoutOption())
  .addOption(columnsOption())
  .addOption(scriptOption())
  .action(lazy('coverage'));

program
  .command('known')
  .description('words you mark as known by hand, kept in the collection: no cards for them')
  .argument('<action>', 'add, remove or list')
  .argument('[words...]', 'words, in either script')
  .addOption(collectionOption())
  .option('--json', 'list: print an array of words')
  .action(lazy('known'));

program
  .command('decks')
  .description('the decks of the review collection, with their new and due cards')
  .addOption(collectionOption())
  .option('--json', 'print an array of { deck, cards, new, due }')
  .action(lazy('decks'));

program
  .command('segment')
  .description('segment Chinese text into words: the same lines, words separated by single spaces (the SIGHAN format)')
  .argument('[file]', 'a Chinese text file; standard input when absent or "-"')
  .action(lazy('segment'));

program
  .command('add')
  .description('put the notes and cards of article(s), or of decks zhdeck wrote, into the review collection')
  .argument('<input...>', 'article files or web addresses, or decks (.apkg or .csv) from zhdeck build')
  .addOption(collectionOption())
  .addOption(knownOption())
  .addOption(levelOption())
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
  .option('--deck <name>', 'only this deck (and its subdecks): a unique prefix or part of its name will do')
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

program
  .command('check')
  .description('check the collection (its file, schema, data, and every card against its review log); --restore puts back the newest sound backup')
  .addOption(collectionOption())
  .option('--restore', 'put back the newest backup that passes, keeping the damaged file aside, and say what was lost')
  .option('--json', 'print the report as one object')
  .action(lazy('check'));

catchInterrupts();
program.parseAsync(process.argv).catch(handleFailure);
