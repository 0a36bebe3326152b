// The data set's shape and its checks: pure TypeScript without Node.js imports, so the course's browser simulator
// can build the same index from the same file (src/sim/images/llmops-data.ts). data.ts reads the file from disk.
export interface Anime {
  id: number;
  title: string;
  year: number;
  type: 'TV' | 'Movie' | 'OVA' | 'ONA';
  /** null while a series is still running. */
  episodes: number | null;
  genres: string[];
  themes: string[];
  description: string;
  aka: string[];
}

const TYPES = new Set(['TV', 'Movie', 'OVA', 'ONA']);

function strings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
}

/** Parses and checks the data set; a broken entry is named in the error rather than failing later. */
export function parseAnime(text: string): Anime[] {
  return checkAnime(JSON.parse(text));
}

/** Checks an already parsed data set (the browser simulator imports the JSON as a module). */
export function checkAnime(raw: unknown): Anime[] {
  if (!Array.isArray(raw)) throw new Error('anime data: expected a JSON array');
  const seen = new Set<string>();
  return raw.map((r: unknown, i) => {
    const e = r as Record<string, unknown>;
    const where = `anime data entry ${i}`;
    if (typeof e !== 'object' || e === null) throw new Error(`${where}: not an object`);
    if (typeof e.title !== 'string' || !e.title.trim()) throw new Error(`${where}: title missing`);
    if (typeof e.year !== 'number' || !Number.isInteger(e.year) || e.year < 1950 || e.year > 2100)
      throw new Error(`${where} (${e.title}): bad year`);
    if (typeof e.type !== 'string' || !TYPES.has(e.type)) throw new Error(`${where} (${e.title}): bad type`);
    if (e.episodes !== null && (typeof e.episodes !== 'number' || !Number.isInteger(e.episodes) || e.episodes < 1))
      throw new Error(`${where} (${e.title}): bad episodes`);
    if (!strings(e.genres) || e.genres.length === 0) throw new Error(`${where} (${e.title}): genres missing`);
    if (!strings(e.themes)) throw new Error(`${where} (${e.title}): bad themes`);
    if (typeof e.description !== 'string' || e.description.trim().length < 20)
      throw new Error(`${where} (${e.title}): description missing`);
    if (e.aka !== undefined && !strings(e.aka)) throw new Error(`${where} (${e.title}): bad aka`);
    const key = e.title.toLowerCase();
    if (seen.has(key)) throw new Error(`${where}: duplicate title ${e.title}`);
    seen.add(key);
    return {
      id: i,
      title: e.title,
      year: e.year,
      type: e.type as Anime['type'],
      episodes: e.episodes as number | null,
      genres: e.genres,
      themes: e.themes,
      description: e.description,
      aka: (e.aka as string[] | undefined) ?? [],
    };
  });
}

