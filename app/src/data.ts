// The bundled data set: facts about each title plus a short description written for this project.
// Its shape and checks live in anime.ts (no Node.js imports); this module reads the file from disk.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAnime, type Anime } from './anime.js';

export { parseAnime, checkAnime, type Anime } from './anime.js';

/** Where the data file lives relative to this module, both in src/ (tests) and dist/ (built app). */
export const DATA_FILE = fileURLToPath(new URL('../data/anime.json', import.meta.url));

export function loadAnime(file = DATA_FILE): Anime[] {
  return parseAnime(readFileSync(file, 'utf8'));
}
