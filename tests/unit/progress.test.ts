import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  STORAGE_KEY, continueLesson, createProgressStore, emptyProgress, lessonStatus, parseProgress, serializeProgress,
  withDone, withGoal, withVisited, type StorageLike,
} from '../../src/components/lesson/progress';

const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-01T11:00:00.000Z';

function memoryStorage(initial?: string): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(STORAGE_KEY, initial);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); } };
}

describe('parseProgress', () => {
  it('treats missing storage as empty progress without a problem', () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress() });
    expect(parseProgress('')).toEqual({ progress: emptyProgress() });
  });

  it('reads a valid document', () => {
    const raw = JSON.stringify({ v: 1, lessons: { '03-deployment': { visited: true, done: true, at: T0 } }, goals: { 'scale-up': { replicas: true } } });
    const { progress, problem } = parseProgress(raw);
    expect(problem).toBeUndefined();
    expect(progress.lessons['03-deployment']).toEqual({ visited: true, done: true, at: T0 });
    expect(progress.goals['scale-up']).toEqual({ replicas: true });
  });

  it.each([
    ['not JSON', '{v:1', /not valid JSON/],
    ['an array', '[1,2]', /not an object/],
    ['a string', '"hello"', /not an object/],
    ['null', 'null', /not an object/],
    ['another version', '{"v":2,"lessons":{}}', /unknown version 2/],
    ['foreign data', '{"theme":"dark"}', /unknown version undefined/],
  ])('ignores %s with a reason', (_name, raw, reason) => {
    const { progress, problem } = parseProgress(raw);
    expect(progress).toEqual(emptyProgress());
    expect(problem).toMatch(reason);
  });

  it('drops malformed entries one by one and keeps the rest', () => {
    const raw = JSON.stringify({
      v: 1,
      lessons: { '01-overview': { visited: true }, '02-yaml': 'yes', '<img src=x>': { done: true }, '04-service': { visited: 'true', at: 'never' } },
      goals: { ok: { a: true, b: false, c: 'true' }, bad: [true] },
    });
    const { progress, problem } = parseProgress(raw);
    expect(progress.lessons).toEqual({ '01-overview': { visited: true } });
    expect(progress.goals).toEqual({ ok: { a: true } });
    expect(problem).toMatch(/lessons\.02-yaml/);
    expect(problem).toMatch(/goals\.bad/);
  });

  it('never throws and always returns version-1 progress, whatever the string (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ v: 1, lessons: v, goals: v }))), (raw) => {
      const { progress } = parseProgress(raw);
      expect(progress.v).toBe(1);
      // What comes out parses back to itself with no problem.
      expect(parseProgress(serializeProgress(progress))).toEqual({ progress });
    }));
  });
});

describe('pure updates', () => {
  it('visiting marks a lesson visited once and keeps the first time', () => {
    const a = withVisited(emptyProgress(), '01-overview', T0);
    expect(lessonStatus(a, '01-overview')).toBe('visited');
    const b = withVisited(a, '01-overview', T1);
    expect(b).toBe(a);
    expect(b.lessons['01-overview']?.at).toBe(T0);
  });

  it('done implies visited, and visiting again never undoes done', () => {
    const done = withDone(emptyProgress(), '02-yaml', T0);
    expect(done.lessons['02-yaml']).toEqual({ visited: true, done: true, at: T0 });
    expect(lessonStatus(withVisited(done, '02-yaml', T1), '02-yaml')).toBe('done');
    const undone = withDone(done, '02-yaml', T1, false);
    expect(undone.lessons['02-yaml']).toEqual({ visited: true, at: T1 });
    expect(lessonStatus(undone, '02-yaml')).toBe('visited');
  });

  it('does not mutate its input', () => {
    const start = emptyProgress();
    const frozen = JSON.stringify(start);
    withVisited(start, 'a', T0); withDone(start, 'a', T0); withGoal(start, 's', 'g', true);
    expect(JSON.stringify(start)).toBe(frozen);
  });

  it('records goals and removes empty scenarios', () => {
    const met = withGoal(emptyProgress(), 'fix-selector', 'endpoints', true);
    expect(met.goals).toEqual({ 'fix-selector': { endpoints: true } });
    expect(withGoal(met, 'fix-selector', 'endpoints', false).goals).toEqual({});
    expect(withGoal(met, 'fix-selector', 'endpoints', true)).toBe(met);
  });

  it('rejects ids that could not be stored safely', () => {
    expect(() => withVisited(emptyProgress(), '', T0)).toThrow(/invalid lesson slug/);
    expect(() => withGoal(emptyProgress(), 's', '<script>', true)).toThrow(/invalid goal id/);
  });

  it('suggests the first unfinished lesson once something was started', () => {
    const order = ['01-overview', '02-yaml', '03-deployment'];
    expect(continueLesson(emptyProgress(), order)).toBeUndefined();
    const p = withDone(withVisited(emptyProgress(), '02-yaml', T0), '01-overview', T0);
    expect(continueLesson(p, order)).toBe('02-yaml');
    const all = order.reduce((acc, s) => withDone(acc, s, T0), emptyProgress());
    expect(continueLesson(all, order)).toBeUndefined();
  });
});

describe('createProgressStore', () => {
  it('persists changes and reads them back in a new store (a reload)', () => {
    const storage = memoryStorage();
    const first = createProgressStore({ storage, now: () => T0, log: () => {} });
    first.markVisited('01-overview');
    first.markDone('02-yaml');
    first.setGoal('scale', 'three-replicas', true);
    const second = createProgressStore({ storage, now: () => T1, log: () => {} });
    const p = second.get();
    expect(lessonStatus(p, '01-overview')).toBe('visited');
    expect(lessonStatus(p, '02-yaml')).toBe('done');
    expect(p.goals).toEqual({ scale: { 'three-replicas': true } });
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '')).toMatchObject({ v: 1 });
  });

  it('logs and ignores corrupt storage, then overwrites it on the next change', () => {
    const storage = memoryStorage('}{ definitely not json');
    const log = vi.fn();
    const store = createProgressStore({ storage, now: () => T0, log });
    expect(store.get()).toEqual(emptyProgress());
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not valid JSON/));
    store.markDone('03-deployment');
    expect(parseProgress(storage.data.get(STORAGE_KEY)).problem).toBeUndefined();
  });

  it('works without storage at all (disabled), in memory', () => {
    const store = createProgressStore({ storage: null, now: () => T0, log: () => {} });
    store.markDone('05-request-path');
    expect(lessonStatus(store.get(), '05-request-path')).toBe('done');
  });

  it('survives storage that throws on read and on write', () => {
    const log = vi.fn();
    const storage: StorageLike = {
      getItem() { throw new DOMException('denied', 'SecurityError'); },
      setItem() { throw new DOMException('full', 'QuotaExceededError'); },
    };
    const store = createProgressStore({ storage, now: () => T0, log });
    expect(() => store.markDone('06-deploying')).not.toThrow();
    expect(lessonStatus(store.get(), '06-deploying')).toBe('done');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/SecurityError/));
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/QuotaExceededError/));
  });

  it('logs instead of throwing for an invalid slug', () => {
    const log = vi.fn();
    const store = createProgressStore({ storage: memoryStorage(), now: () => T0, log });
    expect(() => store.markDone('../../etc')).not.toThrow();
    expect(store.get()).toEqual(emptyProgress());
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/invalid lesson slug/));
  });

  it('notifies subscribers on real changes only, and stops after unsubscribe', () => {
    const store = createProgressStore({ storage: memoryStorage(), now: () => T0, log: () => {} });
    const seen: string[] = [];
    const off = store.subscribe((p) => seen.push(lessonStatus(p, '07-scaling')));
    store.markVisited('07-scaling');
    store.markVisited('07-scaling');
    store.markDone('07-scaling');
    off();
    store.markNotDone('07-scaling');
    expect(seen).toEqual(['visited', 'done']);
  });

  it('a failing subscriber does not break the others', () => {
    const log = vi.fn();
    const store = createProgressStore({ storage: memoryStorage(), now: () => T0, log });
    const good = vi.fn();
    store.subscribe(() => { throw new Error('boom'); });
    store.subscribe(good);
    store.markDone('08-updating');
    expect(good).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/boom/));
  });

  it('reload() picks up a change made by another tab and notifies', () => {
    const storage = memoryStorage();
    const here = createProgressStore({ storage, now: () => T0, log: () => {} });
    const there = createProgressStore({ storage, now: () => T1, log: () => {} });
    here.get();
    const cb = vi.fn();
    here.subscribe(cb);
    there.markDone('09-troubleshooting');
    here.reload();
    expect(cb).toHaveBeenCalledOnce();
    expect(lessonStatus(here.get(), '09-troubleshooting')).toBe('done');
  });

  it('reset() clears everything', () => {
    const storage = memoryStorage();
    const store = createProgressStore({ storage, now: () => T0, log: () => {} });
    store.markDone('10-best-practices');
    store.reset();
    expect(createProgressStore({ storage, log: () => {} }).get()).toEqual(emptyProgress());
  });
});
