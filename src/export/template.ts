// A small renderer of Anki card templates, following rslib/src/template.rs (tokens,
// conditionals, emptiness, requirements), rslib/src/template_filters.rs (filters) and
// rslib/src/cloze.rs (cloze numbers and reveal): enough to know which cards Anki generates for a
// note, what each side shows, and to draw the cards for the docs. Not a full port: no nested
// clozes, no furigana, no LaTeX, no legacy <% %> syntax.

type Node =
  | { t: 'text'; text: string }
  | { t: 'replace'; key: string; filters: string[] }
  | { t: 'if'; key: string; negated: boolean; children: Node[] };

/** Parses `{{Field}}`, `{{filter:Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`; `<!-- -->` is text. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { key: string; children: Node[] }[] = [{ key: '', children: root }];
  const re = /\{\{(.*?)\}\}/gs;
  let at = 0;
  const top = () => stack[stack.length - 1]!.children;
  for (const m of template.matchAll(re)) {
    if (m.index > at) top().push({ t: 'text', text: template.slice(at, m.index) });
    at = m.index + m[0].length;
    // template.rs classify_handle: leading braces and spaces trimmed, then # / ^ for sections.
    const inner = m[1]!.replace(/^\{+/, '').trim();
    const head = inner[0];
    if (inner.length >= 2 && (head === '#' || head === '^')) {
      const node: Node = { t: 'if', key: inner.slice(1).trim(), negated: head === '^', children: [] };
      top().push(node);
      stack.push({ key: node.key, children: node.children });
    } else if (inner.length >= 2 && head === '/') {
      const open = stack.pop();
      if (!open || open.key !== inner.slice(1).trim()) throw new Error(`template: {{${inner}}} closes nothing open`);
    } else {
      // template.rs: rsplit(':'): the field is after the last colon, filters apply right to left.
      const parts = inner.split(':');
      top().push({ t: 'replace', key: parts.pop()!, filters: parts.reverse() });
    }
  }
  if (stack.length > 1) throw new Error(`template: {{#${stack[stack.length - 1]!.key}}} is not closed`);
  if (at < template.length) root.push({ t: 'text', text: template.slice(at) });
  return root;
}

/** template.rs field_is_empty: only whitespace and empty <br>/<div> tags. */
export const fieldIsEmpty = (text: string) => /^(?:\s|<\/?(?:br|div) ?\/?>)*$/i.test(text);

export const nonemptyFields = (fields: Record<string, string>): Set<string> =>
  new Set(Object.entries(fields).filter(([, v]) => !fieldIsEmpty(v)).map(([k]) => k));

/** template.rs template_is_empty: whether a front would render nothing with these fields filled. */
function templateIsEmpty(nonempty: Set<string>, nodes: Node[], checkNegated: boolean): boolean {
  for (const n of nodes) {
    if (n.t === 'replace' && nonempty.has(n.key)) return false;
    if (n.t === 'if') {
      const skip = n.negated ? checkNegated && nonempty.has(n.key) : !nonempty.has(n.key);
      if (!skip && !templateIsEmpty(nonempty, n.children, checkNegated)) return false;
    }
  }
  return true;
}

export const rendersWithFields = (qfmt: string, nonempty: Set<string>) => !templateIsEmpty(nonempty, parseTemplate(qfmt), true);

/** template.rs requirements: the legacy `req` of a standard note type's template, with field ords. */
export function requirements(qfmt: string, fields: readonly string[]): [string, number[]] {
  const nodes = parseTemplate(qfmt);
  const renders = (set: Set<string>) => !templateIsEmpty(set, nodes, false);
  const any = fields.flatMap((f, i) => (renders(new Set([f])) ? [i] : []));
  if (any.length) return ['any', any];
  const all = new Set(fields);
  const needed = fields.flatMap((f, i) => {
    all.delete(f);
    const ok = renders(all);
    all.add(f);
    return ok ? [] : [i];
  });
  return needed.length && renders(all) ? ['all', needed] : ['none', []];
}

// cloze.rs: `{{c1::text}}`, `{{c1,2::text::hint}}`; numbers 0 make no card.
const CLOZE = /\{\{c([\d,]+)::([\s\S]*?)\}\}/g;

function parseCloze(inner: string): { text: string; hint: string | undefined } {
  const at = inner.indexOf('::');
  return at < 0 ? { text: inner, hint: undefined } : { text: inner.slice(0, at), hint: inner.slice(at + 2) };
}

const ordinalsOf = (s: string) => [...new Set(s.split(',').map(Number).filter((n) => Number.isInteger(n)))].sort((a, b) => a - b);

/** cloze.rs cloze_number_in_fields: the cloze numbers in any of the fields (each is a card). */
export function clozeNumbers(fields: Iterable<string>): number[] {
  const set = new Set<number>();
  for (const f of fields) for (const m of f.matchAll(CLOZE)) for (const n of ordinalsOf(m[1]!)) if (n > 0) set.add(n);
  return [...set].sort((a, b) => a - b);
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** cloze.rs reveal_cloze_text: the field for card `ord` (1-based); empty when that number is not in it. */
export function revealCloze(text: string, ord: number, question: boolean): string {
  let found = false;
  const out = text.replace(CLOZE, (_, nums: string, inner: string) => {
    const ordinals = ordinalsOf(nums);
    const { text: t, hint } = parseCloze(inner);
    const o = ordinals.join(',');
    if (!ordinals.includes(ord)) return `<span class="cloze-inactive" data-ordinal="${o}">${t}</span>`;
    found = true;
    return question ? `<span class="cloze" data-cloze="${attr(t)}" data-ordinal="${o}">[${hint ?? '...'}]</span>` : `<span class="cloze" data-ordinal="${o}">${t}</span>`;
  });
  return found ? out : '';
}

/** cloze.rs reveal_cloze_text_only: only the deleted text (or hints), joined. */
function revealClozeOnly(text: string, ord: number, question: boolean): string {
  const out: string[] = [];
  for (const m of text.matchAll(CLOZE)) {
    if (!ordinalsOf(m[1]!).includes(ord)) continue;
    const { text: t, hint } = parseCloze(m[2]!);
    out.push(question ? (hint ?? '...') : t);
  }
  return out.join(', ');
}

const stripHtml = (s: string) => s.replace(/<[^>]*>/g, '');

interface Context {
  fields: Record<string, string>;
  nonempty: Set<string>;
  /** 0-based card ordinal. */
  ord: number;
  /** The rendered front, on the back; undefined on the front. */
  frontSide: string | undefined;
}

// template_filters.rs apply_filter: the built-in filters zhdeck's templates use.
function applyFilter(name: string, text: string, field: string, c: Context): string {
  const question = c.frontSide === undefined;
  if (name === 'cloze') return revealCloze(text, c.ord + 1, question);
  if (name === 'cloze-only') return revealClozeOnly(text, c.ord + 1, question);
  if (name === 'text') return stripHtml(text);
  if (name === 'hint') {
    if (!text.trim()) return text;
    return `<a class=hint href="#" onclick="this.style.display='none';this.nextElementSibling.style.display='block';return false;">${field}</a><div class=hint style="display: none">${text}</div>`;
  }
  if (name.startsWith('tts ')) return `[anki:tts lang=${name.slice(4)}]${text}[/anki:tts]`;
  return text; // unknown filters are skipped, as Anki does when not rendering for Python
}

function renderNodes(nodes: Node[], c: Context): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.text;
    else if (n.t === 'if') {
      const cloze = /^c\d+$/.test(n.key);
      if (!(n.key in c.fields) && !cloze) throw new Error(`template: no field ${n.key}`);
      const on = c.nonempty.has(n.key) || (cloze && Number(n.key.slice(1)) === c.ord + 1);
      if (on !== n.negated) out += renderNodes(n.children, c);
    } else if (n.key === 'FrontSide') out += c.frontSide ?? '';
    else if (n.key === '' && n.filters.length) continue;
    else {
      if (!(n.key in c.fields)) throw new Error(`template: no field ${n.key}`);
      out += n.filters.reduce((text, f) => applyFilter(f, text, n.key, c), c.fields[n.key]!);
    }
  }
  return out;
}

export interface RenderedCard {
  question: string;
  answer: string;
}

/** Both sides of card `ord` (0-based) of a note, as Anki's render_card makes them (before audio tags become buttons). */
export function renderCard(tmpl: { qfmt: string; afmt: string }, fields: Record<string, string>, ord: number): RenderedCard {
  const base = { fields, nonempty: nonemptyFields(fields), ord };
  const question = renderNodes(parseTemplate(tmpl.qfmt), { ...base, frontSide: undefined });
  return { question, answer: renderNodes(parseTemplate(tmpl.afmt), { ...base, frontSide: question }) };
}

/** The card ordinals Anki generates for a note (notetype/cardgen.rs): a card per cloze number, or per template whose front renders. */
export function cardOrdinals(kind: 0 | 1, templates: { qfmt: string }[], fields: Record<string, string>): number[] {
  if (kind === 1) return clozeNumbers(Object.values(fields)).map((n) => Math.min(n - 1, 499));
  const nonempty = nonemptyFields(fields);
  return templates.flatMap((t, i) => (rendersWithFields(t.qfmt, nonempty) ? [i] : []));
}

/** What a side shows a reader: tags and audio tags removed, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/\[anki:tts[^\]]*\][\s\S]*?\[\/anki:tts\]/g, '')
    .replace(/\[sound:[^\]]*\]/g, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}
