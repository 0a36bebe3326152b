import { describe, expect, it } from 'vitest';
import { loadAnime } from '../src/data.js';
import { expandQuery, Recommender } from '../src/recommender.js';

const anime = loadAnime();
const rec = new Recommender(anime);
const top = (q: string, n = 5) => rec.recommend(q, n).results.map((r) => r.title);

describe('bundled data set', () => {
  it('has at least 150 titles with facts and a description each', () => {
    expect(anime.length).toBeGreaterThanOrEqual(150);
    for (const a of anime) {
      expect(a.genres.length, a.title).toBeGreaterThan(0);
      expect(a.description.length, a.title).toBeGreaterThanOrEqual(40);
      // one or two sentences
      expect(a.description.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3).length, a.title).toBeLessThanOrEqual(2);
    }
  });
  it('has no duplicated description', () => {
    expect(new Set(anime.map((a) => a.description)).size).toBe(anime.length);
  });
});

describe('query expansion', () => {
  it('maps everyday words onto the data set vocabulary and drops filler', () => {
    expect(expandQuery('something scary')).toEqual(['horror']);
    expect(expandQuery('Funnier!')).toEqual(['comedy']);
    expect(expandQuery('a cozy show')).toEqual(['slice', 'life']);
  });
});

// Ten typical queries and what a person would accept at the top.
describe('ten typical queries give sensible top results', () => {
  it('"something like Cowboy Bebop but funnier" → space comedies, not Bebop itself', () => {
    const r = rec.recommend('something like Cowboy Bebop but funnier', 5);
    expect(r.reference).toBe('Cowboy Bebop');
    const titles = r.results.map((x) => x.title);
    expect(titles).not.toContain('Cowboy Bebop');
    expect(titles).not.toContain('Cowboy Bebop: The Movie');
    expect(titles.slice(0, 3).some((t) => ['Space Dandy', 'Outlaw Star', 'Trigun'].includes(t))).toBe(true);
    for (const x of r.results.slice(0, 3)) expect(x.genres).toContain('comedy');
    expect(r.results[0]!.why).toMatch(/^Like Cowboy Bebop: shares .*comedy/);
  });
  it('"scary" anime → horror first', () => {
    for (const x of rec.recommend('something scary', 5).results) expect(x.genres).toContain('horror');
  });
  it('"scary school" → horror set in a school ranks high', () => {
    const r = rec.recommend('scary school', 5).results;
    expect(r.some((x) => x.genres.includes('horror') && x.themes.includes('school'))).toBe(true);
  });
  it('"giant robots in space" → mecha in space', () => {
    const r = rec.recommend('giant robots in space', 3).results;
    for (const x of r) expect(x.genres).toContain('mecha');
    expect(r.every((x) => x.themes.includes('space'))).toBe(true);
  });
  it('"romantic comedy at school" → romance + comedy + school', () => {
    const r = rec.recommend('romantic comedy at school', 3).results;
    expect(r[0]!.genres).toEqual(expect.arrayContaining(['romance', 'comedy']));
    expect(r[0]!.themes).toContain('school');
  });
  it('"like Death Note" → thrillers and mysteries', () => {
    const r = rec.recommend('like Death Note', 5);
    expect(r.reference).toBe('Death Note');
    for (const x of r.results) expect(x.genres.some((g) => ['thriller', 'mystery', 'psychological'].includes(g))).toBe(true);
  });
  it('"cozy slice of life" → slice of life', () => {
    for (const x of rec.recommend('cozy slice of life', 5).results) expect(x.genres).toContain('slice of life');
  });
  it('"funny sports" → sports comedies', () => {
    for (const x of rec.recommend('funny sports anime', 5).results) expect(x.genres).toEqual(expect.arrayContaining(['sports', 'comedy']));
  });
  it('"a sad movie" → a drama film first', () => {
    const first = rec.recommend('a sad movie', 3).results[0]!;
    expect(first.type).toBe('Movie');
    expect(first.genres).toContain('drama');
  });
  it('"samurai" → samurai stories, with a why line', () => {
    const r = rec.recommend('samurai', 5).results;
    expect(r.length).toBe(5);
    for (const x of r) {
      expect(x.themes).toContain('samurai');
      expect(x.why).toBe('Matches samurai');
    }
  });
  it('a title alone or an alternative title works as a reference', () => {
    expect(rec.recommend('Evangelion', 3).reference).toBe('Neon Genesis Evangelion');
    expect(rec.recommend('anime similar to fma', 3).reference).toBe('Fullmetal Alchemist: Brotherhood');
    expect(rec.recommend('like steins gate', 3).reference).toBe('Steins;Gate');
  });
  it('respects the limit and gives nothing for pure filler', () => {
    expect(rec.recommend('comedy', 2).results).toHaveLength(2);
    expect(rec.recommend('something good please', 5).results).toEqual([]);
  });
});

describe('messages.ts stays importable by the browser simulator', () => {
  it('has no imports at all (no Node.js, no DOM)', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../src/messages.ts', import.meta.url), 'utf8');
    expect(text).not.toMatch(/^\s*import\s/m);
    expect(text).not.toMatch(/\brequire\(|process\.|Date\.now|new Date\(/);
  });
});
