// Offline recommendations: a MiniSearch full-text index over the bundled data set, with field weights and a
// small synonym list, plus genre/theme similarity when the query names a title ("like Cowboy Bebop but funnier").
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Anime } from './anime.js';

export interface Recommendation {
  title: string;
  year: number;
  type: Anime['type'];
  episodes: number | null;
  genres: string[];
  themes: string[];
  description: string;
  /** One line saying why this title was picked. */
  why: string;
  score: number;
}

export interface RecommendResult {
  results: Recommendation[];
  /** The title the query compared against, for "like X" queries. */
  reference?: string;
}

/** Words that say nothing about what the user wants. */
const STOPWORDS = new Set(
  (
    'a an the and or of to in on for with without but some something anything stuff thing things show shows series ' +
    'anime manga movie film films more most less very really quite bit little lot kind sort type one ones please ' +
    'i me my we want wanna looking look find recommend recommendation recommendations suggest give good great best ' +
    'like similar same as such that this is are was be it its about watch watching new old any which what who'
  ).split(' '),
);

/**
 * Query words mapped to the terms the data set uses. Kept small and readable on purpose; each entry is
 * a word people type and the genre or theme it most often means.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  scary: ['horror'],
  scarier: ['horror'],
  spooky: ['horror', 'supernatural'],
  creepy: ['horror'],
  frightening: ['horror'],
  terrifying: ['horror'],
  funny: ['comedy'],
  funnier: ['comedy'],
  hilarious: ['comedy'],
  humor: ['comedy'],
  humour: ['comedy'],
  comedic: ['comedy'],
  silly: ['comedy', 'parody'],
  romantic: ['romance'],
  love: ['romance'],
  dating: ['romance'],
  robot: ['mecha', 'robots'],
  robots: ['mecha', 'robots'],
  mech: ['mecha'],
  mechs: ['mecha'],
  giant: ['mecha', 'giants'],
  scifi: ['sci-fi'],
  futuristic: ['sci-fi'],
  future: ['sci-fi'],
  spaceship: ['space'],
  galaxy: ['space'],
  sad: ['drama', 'tragedy', 'grief'],
  tearjerker: ['drama', 'tragedy', 'grief'],
  emotional: ['drama', 'grief'],
  cry: ['drama', 'grief'],
  cozy: ['slice of life'],
  cosy: ['slice of life'],
  relaxing: ['slice of life'],
  chill: ['slice of life'],
  wholesome: ['slice of life', 'family'],
  healing: ['slice of life'],
  sport: ['sports'],
  athletes: ['sports'],
  detective: ['mystery', 'detective'],
  whodunit: ['mystery', 'detective'],
  mysterious: ['mystery'],
  wizard: ['magic'],
  wizards: ['magic'],
  witch: ['witches', 'magic'],
  sword: ['swordsmen', 'samurai'],
  swords: ['swordsmen', 'samurai'],
  vampire: ['vampires'],
  ghost: ['ghosts', 'spirits'],
  zombie: ['undead'],
  zombies: ['undead'],
  dark: ['psychological', 'dark fantasy'],
  mindbending: ['psychological', 'surreal'],
  weird: ['surreal'],
  trippy: ['surreal'],
  fight: ['action', 'martial arts'],
  fights: ['action', 'martial arts'],
  fighting: ['action', 'martial arts'],
  band: ['bands', 'music'],
  singing: ['music', 'idols'],
  idol: ['idols'],
  game: ['games', 'video games'],
  gaming: ['video games'],
  otherworld: ['isekai'],
  reincarnation: ['isekai', 'reincarnation'],
  food: ['cooking'],
  cook: ['cooking'],
  spy: ['spies', 'espionage'],
  heists: ['heist'],
  war: ['war', 'military'],
  soldiers: ['military', 'war'],
  pirate: ['pirates'],
  ninjas: ['ninja'],
  cyber: ['cyberpunk'],
  hacker: ['hacking', 'cyberpunk'],
  hackers: ['hacking', 'cyberpunk'],
  monster: ['monsters'],
  demon: ['demons'],
  alien: ['aliens'],
  superhero: ['superheroes'],
  highschool: ['school'],
  students: ['school'],
  timetravel: ['time travel'],
};

/** Phrases that introduce a title to compare against. */
const LIKE_PATTERN =
  /\b(?:like|similar to|such as|reminds? me of|in the style of|same vibe as|fans? of|if i liked|i liked|i loved|i enjoyed|close to)\s+(.+)$/;
/** Words that end the title part of a "like X" query and start its modifiers. */
const MODIFIER_SPLIT = /\s+\b(?:but|with|and|except|only|though|although|plus|without|yet|more|less|only)\b\s*/;

export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function tokenize(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** Query words → search terms: stopwords dropped, synonyms expanded (to the data set's own words). */
export function expandQuery(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    if (STOPWORDS.has(word)) continue;
    const syn = SYNONYMS[word];
    if (syn) for (const s of syn) out.push(...tokenize(s).filter((t) => !STOPWORDS.has(t)));
    else out.push(word);
  }
  return [...new Set(out)];
}

interface Doc {
  id: number;
  title: string;
  aka: string;
  genres: string;
  themes: string;
  description: string;
}

/** Results scoring under this share of the best one are noise (a single word deep in a description). */
const MIN_RELATIVE_SCORE = 0.1;

const SEARCH_OPTIONS = {
  boost: { title: 3, aka: 3, genres: 2.5, themes: 2, description: 1 },
  prefix: (term: string) => term.length >= 4,
  // Fuzzy matching only for long words: short ones collide too easily ("cooking" / "looking").
  fuzzy: (term: string) => (term.length >= 8 ? 0.15 : false),
  combineWith: 'OR' as const,
};

function joinWords(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

export class Recommender {
  readonly anime: readonly Anime[];
  private readonly index: MiniSearch<Doc>;
  private readonly titleIndex: MiniSearch<Doc>;
  private readonly byName = new Map<string, Anime>();
  /** Per title, computed once: its normalized name and the words of each genre/theme. */
  private readonly normTitle: string[];
  private readonly facetWords: Array<Array<[string, string[]]>>;

  constructor(anime: readonly Anime[]) {
    this.anime = anime;
    this.normTitle = anime.map((a) => normalize(a.title));
    this.facetWords = anime.map((a) => [...a.genres, ...a.themes].map((f): [string, string[]] => [f, tokenize(f)]));
    const docs: Doc[] = anime.map((a) => ({
      id: a.id,
      title: a.title,
      aka: a.aka.join(' '),
      genres: a.genres.join(' '),
      themes: a.themes.join(' '),
      description: a.description,
    }));
    const opts = {
      fields: ['title', 'aka', 'genres', 'themes', 'description'],
      storeFields: [] as string[],
      tokenize,
      processTerm: (t: string) => (t ? t : null),
    };
    this.index = new MiniSearch<Doc>(opts);
    this.index.addAll(docs);
    this.titleIndex = new MiniSearch<Doc>({ ...opts, fields: ['title', 'aka'] });
    this.titleIndex.addAll(docs);
    for (const a of anime) {
      for (const name of [a.title, ...a.aka]) {
        const n = normalize(name);
        if (n && !this.byName.has(n)) this.byName.set(n, a);
        const noThe = n.replace(/^the /, '');
        if (noThe && !this.byName.has(noThe)) this.byName.set(noThe, a);
      }
    }
  }

  /** The entry with this title (or alternative title), compared loosely. */
  findTitle(name: string): Anime | undefined {
    const n = normalize(name);
    return this.byName.get(n) ?? this.byName.get(n.replace(/^the /, ''));
  }

  private get(id: number): Anime {
    const a = this.anime[id];
    if (!a) throw new Error(`no anime with id ${id}`);
    return a;
  }

  /** Resolves the title part of a "like X" query, exactly first, then by a fuzzy title search. */
  private resolveReference(phrase: string): Anime | undefined {
    const words = tokenize(phrase);
    for (let n = words.length; n >= 1; n--) {
      const hit = this.findTitle(words.slice(0, n).join(' '));
      if (hit) return hit;
    }
    const meaningful = words.filter((w) => !STOPWORDS.has(w));
    if (meaningful.length === 0) return undefined;
    const hits = this.titleIndex.search(meaningful.join(' '), {
      combineWith: 'AND',
      prefix: (t: string) => t.length >= 3,
      fuzzy: (t: string) => (t.length >= 5 ? 0.2 : false),
    });
    const top = hits[0];
    return top ? this.get(top.id as number) : undefined;
  }

  /** Splits a query into a referenced title and the rest ("but funnier"), when it names one. */
  parse(query: string): { reference?: Anime; modifiers: string } {
    const n = normalize(query);
    const whole = this.findTitle(n);
    if (whole) return { reference: whole, modifiers: '' };
    const m = LIKE_PATTERN.exec(n);
    if (!m || !m[1]) return { modifiers: n };
    const [titlePart = '', ...rest] = m[1].split(MODIFIER_SPLIT);
    const reference = this.resolveReference(titlePart);
    if (!reference) return { modifiers: n };
    const before = n.slice(0, m.index);
    return { reference, modifiers: [before, ...rest].join(' ').trim() };
  }

  private textSearch(terms: string[]): SearchResult[] {
    if (terms.length === 0) return [];
    return this.index.search(terms.join(' '), SEARCH_OPTIONS);
  }

  recommend(query: string, limit: number): RecommendResult {
    const { reference, modifiers } = this.parse(query);
    const terms = expandQuery(modifiers);
    const text = this.preferType(this.textSearch(terms), modifiers);
    if (!reference) {
      const top = text[0]?.score ?? 0;
      return {
        results: text
          .filter((r) => r.score >= MIN_RELATIVE_SCORE * top)
          .slice(0, limit)
          .map((r) => this.toRecommendation(this.get(r.id as number), r.score, this.whyText(r))),
      };
    }
    return { reference: reference.title, results: this.similarTo(reference, text, terms).slice(0, limit) };
  }

  /** "a sad movie" prefers films, "a funny series" prefers TV; the word alone never excludes anything. */
  private preferType(results: SearchResult[], modifiers: string): SearchResult[] {
    const words = new Set(tokenize(modifiers));
    const want = words.has('movie') || words.has('movies') || words.has('film') || words.has('films')
      ? 'Movie'
      : words.has('series') || words.has('show') || words.has('shows') || words.has('tv')
        ? 'TV'
        : undefined;
    if (!want) return results;
    return results
      .map((r) => (this.get(r.id as number).type === want ? { ...r, score: r.score * 1.5 } : r))
      .sort((a, b) => b.score - a.score);
  }

  private similarTo(ref: Anime, text: SearchResult[], terms: string[]): Recommendation[] {
    const maxText = text[0]?.score ?? 0;
    const textScore = new Map<number, SearchResult>(text.map((r) => [r.id as number, r]));
    const refName = this.normTitle[ref.id] ?? normalize(ref.title);
    const refGenres = new Set(ref.genres);
    const refThemes = new Set(ref.themes);
    const denom = 2 * refGenres.size + 3 * refThemes.size || 1;
    const scored: Recommendation[] = [];
    for (const a of this.anime) {
      const name = this.normTitle[a.id] ?? '';
      // The reference itself and its own franchise (sequels, films, remakes) are not recommendations.
      if (a.id === ref.id || name.startsWith(refName) || refName.startsWith(name)) continue;
      const sharedGenres = a.genres.filter((g) => refGenres.has(g));
      const sharedThemes = a.themes.filter((t) => refThemes.has(t));
      const sim = (2 * sharedGenres.length + 3 * sharedThemes.length) / denom;
      const hit = textScore.get(a.id);
      const mod = hit && maxText > 0 ? hit.score / maxText : 0;
      // The modifiers reorder similar titles; they do not pull in unrelated ones.
      const score = sim * (1 + mod);
      if (score <= 0) continue;
      const shared = [...sharedThemes, ...sharedGenres].slice(0, 3);
      let why = shared.length > 0 ? `Like ${ref.title}: shares ${joinWords(shared)}` : `Not much like ${ref.title}`;
      if (hit && terms.length > 0) {
        const extra = this.matchedFacets(a, hit);
        if (extra.length > 0) why += `; adds the ${joinWords(extra)} you asked for`;
      }
      scored.push(this.toRecommendation(a, score, why));
    }
    scored.sort((x, y) => y.score - x.score || x.title.localeCompare(y.title));
    return scored;
  }

  /** Genres and themes of `a` that contain a term the search matched. */
  private matchedFacets(a: Anime, r: SearchResult): string[] {
    const matched = new Set<string>();
    for (const [term, fields] of Object.entries(r.match)) {
      if (!fields.includes('genres') && !fields.includes('themes')) continue;
      for (const [f, words] of this.facetWords[a.id] ?? []) if (words.includes(term)) matched.add(f);
    }
    return [...matched].slice(0, 3);
  }

  private whyText(r: SearchResult): string {
    const a = this.get(r.id as number);
    const facets = this.matchedFacets(a, r);
    if (facets.length > 0) return `Matches ${joinWords(facets)}`;
    const fieldsHit = new Set(Object.values(r.match).flat());
    if (fieldsHit.has('title') || fieldsHit.has('aka')) return `Its title matches "${Object.keys(r.match).join(' ')}"`;
    return `Its description mentions "${Object.keys(r.match).slice(0, 3).join('", "')}"`;
  }

  private toRecommendation(a: Anime, score: number, why: string): Recommendation {
    return {
      title: a.title,
      year: a.year,
      type: a.type,
      episodes: a.episodes,
      genres: a.genres,
      themes: a.themes,
      description: a.description,
      why,
      score: Math.round(score * 1000) / 1000,
    };
  }
}
