// Decks named the way a learner remembers them: `--deck tainan` for "zhdeck::Tainan library lends seeds".
import { UserError } from '../util/errors.js';

/** Every deck and the decks above it ("a::b::c" → a, a::b, a::b::c). */
export function deckTree(decks: readonly string[]): string[] {
  const all = new Set<string>();
  for (const d of decks) d.split('::').forEach((_, i, parts) => all.add(parts.slice(0, i + 1).join('::')));
  return [...all].sort();
}

/** Of several decks, the one the others all sit under (or are), if there is one. */
const commonParent = (names: string[]): string | undefined => {
  const top = [...names].sort((a, b) => a.length - b.length)[0]!;
  return names.every((n) => n === top || n.startsWith(`${top}::`)) ? top : undefined;
};

/**
 * The deck `query` names (with its subdecks), ignoring case: the deck of that name; else the
 * one whose name, or a part of it after "::", starts with it; else the one whose name holds it.
 * A match of a deck and its own subdecks is that deck. None, or several, is a user error
 * naming the decks (exit 2).
 */
export function resolveDeck(decks: readonly string[], query: string, flag = '--deck'): string {
  const names = deckTree(decks);
  const q = query.toLowerCase();
  const exact = names.find((n) => n.toLowerCase() === q);
  if (exact) return exact;
  const tiers = [
    (n: string) => n.toLowerCase().split('::').some((_, i, parts) => parts.slice(i).join('::').startsWith(q)),
    (n: string) => n.toLowerCase().includes(q),
  ];
  for (const matches of tiers) {
    const found = names.filter(matches);
    if (found.length === 0) continue;
    const one = commonParent(found);
    if (one) return one;
    const leaves = found.filter((n) => !found.some((m) => m.startsWith(`${n}::`)));
    const shown = (leaves.length ? leaves : found).slice(0, 10);
    throw new UserError(`"${query}" matches ${found.length} decks: ${shown.join('; ')}${found.length > shown.length ? '; …' : ''} (give more of the name)`, flag);
  }
  throw new UserError(`no deck matches "${query}"${names.length ? `; the decks are: ${names.slice(0, 10).join('; ')}${names.length > 10 ? '; …' : ''}` : ' (the collection has none)'}`, flag);
}
