// Property tests: no query text, however odd, makes the ranking or the input checks throw anything unexpected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkParams, MAX_LIMIT } from '../src/app.js';
import { loadAnime } from '../src/data.js';
import { Recommender } from '../src/recommender.js';

const rec = new Recommender(loadAnime());
const words = fc.constantFrom('like', 'but', 'funnier', 'scary', 'cowboy', 'bebop', 'the', 'similar to', 'movie', '"', '*', '~', ':', 'é', '漢字', '🙂', ' ');

describe('properties', () => {
  it('recommend() never throws and respects the limit, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(words, { maxLength: 12 }).map((w) => w.join(' '))), fc.integer({ min: 1, max: MAX_LIMIT }), (q, limit) => {
        const r = rec.recommend(q, limit);
        expect(r.results.length).toBeLessThanOrEqual(limit);
        for (const x of r.results) expect(x.why.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('checkParams either accepts (trimmed, 1..200 chars, limit 1..20) or throws a 400', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (q, limit) => {
        try {
          const p = checkParams(q, limit);
          expect(p.q.length).toBeGreaterThan(0);
          expect(p.q.length).toBeLessThanOrEqual(200);
          expect(p.limit).toBeGreaterThanOrEqual(1);
          expect(p.limit).toBeLessThanOrEqual(MAX_LIMIT);
        } catch (err) {
          expect((err as { status?: number }).status).toBe(400);
        }
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
