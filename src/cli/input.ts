import { readBytes } from '../article/index.js';

/** A file's bytes, or standard input's when no file (or "-") is given. */
export async function readInput(file: string | undefined): Promise<{ name: string; bytes: Buffer }> {
  if (file && file !== '-') return { name: file, bytes: readBytes(file) };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return { name: 'stdin', bytes: Buffer.concat(chunks) };
}
