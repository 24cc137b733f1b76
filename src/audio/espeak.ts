// Offline Mandarin speech: espeak-ng compiled to WebAssembly (the `espeak-ng` npm package, an
// optional dependency under GPL-3.0-or-later, with its Mandarin voice `cmn`), loaded only when
// --audio asks for it. The module is a command-line program: each instance runs main() once
// and costs about 0.3 s to start (its voice data is copied into an in-memory file system), so
// many texts are spoken in one run, separated by long pauses, and the recording is cut there.
import { UserError } from '../util/errors.js';

type ESpeakModule = { FS: { readFile(path: string): Uint8Array; unlink(path: string): void } };
type ESpeakFactory = (opts: Record<string, unknown>) => Promise<ESpeakModule>;

const RATE = 22_050; // espeak-ng's output: 16-bit mono PCM at 22,050 Hz
/** What the package keeps: half the rate. Formant speech has little above 5 kHz; the files are half the size. */
const OUT_RATE = RATE / 2;
const BREAK_S = 3;
/** Pauses inside a sentence are well under a second; the breaks between texts are 3 s of silence. */
const GAP = Math.round(RATE * 2.5);
const PAD = Math.round(RATE * 0.12);
const BATCH = 40;

let factory: Promise<ESpeakFactory> | undefined;

async function load(): Promise<ESpeakFactory> {
  try {
    return (await import('espeak-ng')).default as ESpeakFactory;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new UserError('needs the optional package espeak-ng: run `npm install espeak-ng@1.0.2` where zhdeck is installed', '--audio');
    }
    throw e;
  }
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One run of espeak-ng: the WAV file it writes. */
async function run(args: string[]): Promise<Uint8Array> {
  const make = await (factory ??= load());
  const m = await make({ arguments: [...args, '-w', '/out.wav'], print: () => {}, printErr: () => {} });
  return m.FS.readFile('/out.wav');
}

/** Every two samples averaged into one (a crude low-pass filter, then half the rate). */
function halve(samples: Int16Array): Int16Array {
  const out = new Int16Array(samples.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = (samples[2 * i]! + samples[2 * i + 1]!) >> 1;
  return out;
}

/** A WAV file of 16-bit mono PCM samples at OUT_RATE. */
export function wav(samples: Int16Array, rate = OUT_RATE): Uint8Array {
  const out = new Uint8Array(44 + samples.length * 2);
  const v = new DataView(out.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  text(36, 'data');
  v.setUint32(40, samples.length * 2, true);
  out.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.length * 2), 44);
  return out;
}

/** The samples of a WAV file espeak-ng wrote (its `data` chunk). */
function samplesOf(file: Uint8Array): Int16Array {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  for (let at = 12; at + 8 <= file.length; ) {
    const id = String.fromCharCode(file[at]!, file[at + 1]!, file[at + 2]!, file[at + 3]!);
    const size = v.getUint32(at + 4, true);
    if (id === 'data') return new Int16Array(file.slice(at + 8, at + 8 + Math.min(size, file.length - at - 8)).buffer);
    at += 8 + size + (size % 2);
  }
  return new Int16Array(0);
}

/** Splits a recording at the silences of at least GAP samples; each part keeps a little silence around it. */
function split(samples: Int16Array): Int16Array[] {
  const parts: Int16Array[] = [];
  let start = -1;
  let quiet = 0;
  let lastSound = -1;
  for (let i = 0; i <= samples.length; i++) {
    const sound = i < samples.length && samples[i] !== 0;
    if (sound) {
      if (start < 0) start = i;
      lastSound = i;
      quiet = 0;
    } else if (start >= 0 && (++quiet >= GAP || i === samples.length)) {
      parts.push(samples.slice(Math.max(0, start - PAD), Math.min(samples.length, lastSound + 1 + PAD)));
      start = -1;
    }
  }
  return parts;
}

/** Mandarin recordings of texts, as WAV files (16-bit mono, 11,025 Hz), spoken with espeak-ng's `cmn` voice. */
export async function speak(texts: readonly string[], voice = 'cmn'): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const todo = [...new Set(texts.filter((t) => /\p{Script=Han}/u.test(t)))];
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const ssml = `<speak>${batch.map(xml).join(`<break time="${BREAK_S}s"/>`)}</speak>`;
    const parts = split(samplesOf(await run(['-m', '-v', voice, ssml])));
    if (parts.length === batch.length) {
      batch.forEach((t, k) => out.set(t, wav(halve(parts[k]!))));
      continue;
    }
    // The cut went wrong (a text silent, or with a long pause of its own): one run per text.
    for (const t of batch) out.set(t, wav(halve(samplesOf(await run(['-v', voice, t])))));
  }
  return out;
}
