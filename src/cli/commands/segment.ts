import { segmentText } from '../../pipeline.js';
import { readInput } from '../input.js';

export default async function run(file: string | undefined): Promise<void> {
  const { name, bytes } = await readInput(file);
  process.stdout.write(await segmentText(bytes, name));
}
