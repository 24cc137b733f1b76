// `zhdeck build URL`: a web page fetched with Node's own fetch. The only code that touches the
// network, and only for an address the user gives.
import { UserError } from '../util/errors.js';
import { decodeText, type CharJudge } from './decode.js';
import type { Format, TextFile } from './types.js';

export interface FetchLimits {
  /** The whole request, body included. */
  timeoutMs: number;
  /** The most bytes read; a larger page is refused. */
  maxBytes: number;
  maxRedirects: number;
}

export const FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 20_000_000, maxRedirects: 5 };

export const isUrl = (input: string) => /^https?:\/\//i.test(input);

// What a page's Content-Type may be, and the format it tells.
const MEDIA_TYPES: Record<string, Format | undefined> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': undefined,
  'text/csv': 'table',
  'text/tab-separated-values': 'table',
  'text/vtt': 'subtitles',
  'application/x-subrip': 'subtitles',
};

const describe = (e: unknown): string => {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message;
};

async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new UserError(`the page is larger than ${maxBytes / 1e6} MB`, url);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A page's text, decoded as files are (see decodeText); any failure is one line naming the address. */
export async function fetchText(url: string, judge: CharJudge, limits: Partial<FetchLimits> = {}): Promise<TextFile> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...FETCH_LIMITS, ...limits };
  const signal = AbortSignal.timeout(timeoutMs);
  let address = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(address, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (redirects >= maxRedirects) throw new UserError(`redirects more than ${maxRedirects} times`, url);
        address = new URL(response.headers.get('location')!, address).href;
        if (!isUrl(address)) throw new UserError(`redirects to ${address}, which is not a web address`, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new UserError(`the server answered ${response.status} ${response.statusText}`.trim(), url);
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type && !(type in MEDIA_TYPES)) {
        await response.body?.cancel();
        throw new UserError(`is ${type}, not a web page or text`, url);
      }
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        await response.body?.cancel();
        throw new UserError(`the page is larger than ${maxBytes / 1e6} MB`, url);
      }
      const bytes = await readBody(response, url, maxBytes);
      const { text, encoding } = decodeText(bytes, url, judge);
      const format = MEDIA_TYPES[type];
      return { file: url, text, encoding, ...(format ? { format } : {}) };
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (signal.aborted) throw new UserError(`no answer within ${timeoutMs / 1000} s`, url);
    throw new UserError(`cannot be fetched (${describe(e)})`, url);
  }
}
