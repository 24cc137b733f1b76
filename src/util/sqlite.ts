// better-sqlite3, opened the same way everywhere, with its addon named directly: its own lookup
// (the `bindings` package) tries a dozen paths first, 1–4 ms of every start (measured), and from
// inside the CLI's bundle (scripts/bundle.cjs bundles better-sqlite3's JavaScript) it would look
// beside the bundle instead of beside better-sqlite3.
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';

let addon: string | object | undefined;

/** The addon's file where better-sqlite3 builds it, else what `bindings` finds from better-sqlite3's own folder. */
function nativeBinding(): string | object {
  if (addon) return addon;
  try {
    addon = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    const own = require.resolve('better-sqlite3/package.json');
    const bindings = createRequire(own)('bindings') as (o: { bindings: string; module_root: string }) => object;
    addon = bindings({ bindings: 'better_sqlite3.node', module_root: own.slice(0, -'package.json'.length) });
  }
  return addon;
}

/** A SQLite database: a file, `:memory:`, or a serialized database held in a buffer. */
export function openDatabase(source: string | Buffer, options: Omit<Database.Options, 'nativeBinding'> = {}): Database.Database {
  // @types/better-sqlite3 names a path only; database.js takes the addon itself too.
  return new Database(source, { ...options, nativeBinding: nativeBinding() as string });
}
