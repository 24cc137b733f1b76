import { segmentText } from '../../app/segment.js';
import { readInput } from '../input.js';
import { writeOut } from '../output.js';

export default async function run(file: string | undefined): Promise<void> {
  const { name, bytes } = await readInput(file);
  writeOut(await segmentText(bytes, name));
}
