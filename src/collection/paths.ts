import { homedir } from 'node:os';
import { join } from 'node:path';

/** STANDARDS §1: --collection, else $ZHDECK_COLLECTION, else $XDG_DATA_HOME/zhdeck, else ~/.local/share/zhdeck. */
export function collectionPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.ZHDECK_COLLECTION) return env.ZHDECK_COLLECTION;
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'zhdeck', 'collection.db');
}
