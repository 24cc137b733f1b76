// Installed data files: one checked container (named sections, bounds, digests) and one
// load-or-rebuild path for every stage's data. Stages own what their sections hold.
export { layout, pack, unpack, DataProblem, type Layout, type Schema, type Sections, type SectionType } from './container.js';
export { dataDir, dataPath, dataLoader, loadData, prepareData, readDataFile, openDataFile, type DataSet, type SectionReader } from './files.js';
export { crc32 } from './crc32.js';
