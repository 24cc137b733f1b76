// --audio: recordings of every word and sentence, embedded in the package, for devices whose
// text to speech has no Chinese voice. The templates play them instead of {{tts}}.
import { createHash } from 'node:crypto';
import type { MediaFile } from '../export/index.js';
import type { Note } from '../notes/index.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };

/**
 * A field's text as it is read aloud: no cloze syntax, no markup (inline tags leave no space,
 * so a sentence with its word in bold is the same text, and the same recording, as without).
 */
const spoken = (html: string) =>
  html
    .replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim();

/** A file name from the recording itself: the same text always gives the same file, which Anki then keeps once. */
const fileName = (data: Uint8Array) => `zhdeck-${createHash('sha1').update(data).digest('hex').slice(0, 16)}.wav`;

/** The notes with their Audio fields filled, and the recordings. */
export async function withAudio(notes: Note[]): Promise<{ notes: Note[]; media: MediaFile[] }> {
  const textsOf = (n: Note): string[] =>
    n.kind === 'vocabulary' ? [spoken(n.fields.Hanzi), spoken(n.fields.Sentence)] : [spoken(n.kind === 'cloze' ? n.fields.Text : n.fields.Sentence)];
  // Loaded by Node itself, not from the pack: code the pack compiles from V8's code cache loses
  // import(), which the audio module needs for the espeak-ng ES module.
  const { speak } = require(require.resolve('../audio/index.js')) as typeof import('../audio/index.js');
  const recordings = await speak(notes.flatMap(textsOf));
  const media = new Map<string, MediaFile>();
  const sound = (text: string) => {
    const data = recordings.get(text);
    if (!data) return '';
    const name = fileName(data);
    if (!media.has(name)) media.set(name, { name, data });
    return `[sound:${name}]`;
  };
  const out = notes.map((n): Note => {
    const [first = '', second = ''] = textsOf(n);
    if (n.kind === 'vocabulary') return { ...n, fields: { ...n.fields, Audio: sound(first), 'Sentence audio': sound(second) } };
    if (n.kind === 'cloze') return { ...n, fields: { ...n.fields, Audio: sound(first) } };
    return { ...n, fields: { ...n.fields, Audio: sound(first) } };
  });
  return { notes: out, media: [...media.values()] };
}
