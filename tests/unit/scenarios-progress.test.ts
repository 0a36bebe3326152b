// Progress files (export/import), lab and lesson completion, and the cheat sheet.
import { describe, expect, it } from 'vitest';
import { exportProgressFile, parseProgressFile } from '../../src/components/exercise/progress-file';
import { labComplete, lessonLabsComplete, metGoals } from '../../src/components/exercise/completion';
import { cheatSheet } from '../../src/components/exercise/cheatsheet';
import { createProgressStore, type StorageLike } from '../../src/components/lesson/progress';
import { scenarios } from '../../src/scenarios/index';

const sample = { v: 1 as const, lessons: { '02-yaml': { visited: true as const, done: true as const } }, goals: { 'yaml-indentation': { parses: true as const } } };

function memoryStore() {
  const data = new Map<string, string>();
  const storage: StorageLike = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); } };
  const store = createProgressStore({ storage, now: () => '2026-11-26T00:00:00.000Z', log: () => undefined });
  return { data, store };
}

describe('progress files', () => {
  it('round-trips through export and import', () => {
    const text = exportProgressFile(sample, '2026-11-26T10:00:00.000Z');
    const r = parseProgressFile(text);
    expect(r).toMatchObject({ ok: true, lessons: 1, goals: 1 });
    if (r.ok) expect(r.progress).toEqual(sample);
  });

  it('rejects bad files with a clear message naming the problem', () => {
    expect(parseProgressFile('{nope')).toMatchObject({ ok: false, error: expect.stringMatching(/^This file is not JSON/) });
    expect(parseProgressFile('[]')).toMatchObject({ ok: false, error: expect.stringMatching(/not a Manifest Lab progress file/) });
    expect(parseProgressFile(JSON.stringify({ hello: 1 }))).toMatchObject({ ok: false, error: expect.stringMatching(/not a Manifest Lab progress file/) });
    const base = JSON.parse(exportProgressFile(sample, '2026-11-26T10:00:00.000Z'));
    const wrongVersion = { ...base, version: 2 };
    expect(parseProgressFile(JSON.stringify(wrongVersion))).toMatchObject({ ok: false, error: expect.stringMatching(/version/) });
    const hostile = { ...base, progress: { ...base.progress, lessons: { '<img src=x onerror=alert(1)>': { done: true } } } };
    expect(parseProgressFile(JSON.stringify(hostile))).toMatchObject({ ok: false, error: expect.stringMatching(/progress\.lessons/) });
    const notTrue = { ...base, progress: { ...base.progress, goals: { lab: { g: 'yes' } } } };
    expect(parseProgressFile(JSON.stringify(notTrue))).toMatchObject({ ok: false, error: expect.stringMatching(/progress\.goals\.lab\.g/) });
    expect(parseProgressFile('x'.repeat(1_000_001))).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });

  it('import replaces the stored progress in one write and keeps the exported timestamps', () => {
    const { store, data } = memoryStore();
    store.markDone('01-overview');
    store.setGoal('overview-reconcile', 'deployment', true);
    const stamped = { ...sample, lessons: { '02-yaml': { visited: true as const, done: true as const, at: '2026-03-04T05:06:07.000Z' }, '03-deployment': { visited: true as const, at: '2026-03-05T00:00:00.000Z' } } };
    const r = parseProgressFile(exportProgressFile(stamped, '2026-11-26T10:00:00.000Z'));
    if (!r.ok) throw new Error(r.error);
    const writes: unknown[] = [];
    store.subscribe((p) => writes.push(p));
    expect(store.replace(r.progress).ok).toBe(true);
    expect(writes).toHaveLength(1);
    expect(store.get()).toEqual(stamped);
    expect(JSON.parse(data.get('manifest-lab:progress')!)).toEqual(stamped);
  });

  it('a corrupt import changes nothing, not even the stored bytes', () => {
    const { store, data } = memoryStore();
    store.markDone('01-overview');
    const before = data.get('manifest-lab:progress');
    for (const text of ['{nope', JSON.stringify({ format: 'manifest-lab-progress', version: 1, exportedAt: 'x', progress: sample })]) {
      expect(parseProgressFile(text).ok).toBe(false);
    }
    // a value that slipped past the file check is still refused by the store as a whole
    const hostile = { v: 1, lessons: { '01-overview': { done: true }, '<img>': { done: true } }, goals: {} } as unknown as Parameters<typeof store.replace>[0];
    const r = store.replace(hostile);
    expect(r.ok).toBe(false);
    expect(data.get('manifest-lab:progress')).toBe(before);
    expect(store.get().lessons['01-overview']).toEqual({ visited: true, done: true, at: '2026-11-26T00:00:00.000Z' });
  });
});

describe('completion', () => {
  const labs = scenarios.map((s) => ({ id: s.id, lesson: s.lesson, optional: s.optional, goals: s.goals }));
  it('counts partial progress and completes a lab when every goal was met', () => {
    const lab = labs.find((l) => l.id === 'secret-missing')!;
    const partial = { v: 1 as const, lessons: {}, goals: { 'secret-missing': { secret: true as const } } };
    expect(metGoals(partial, lab)).toEqual(['secret']);
    expect(labComplete(partial, lab)).toBe(false);
    const full = { ...partial, goals: { 'secret-missing': { secret: true as const, 'pod-ready': true as const, endpoint: true as const } } };
    expect(labComplete(full, lab)).toBe(true);
    // secret-missing is the troubleshooting lesson's one required lab; the others are extra practice.
    expect(lessonLabsComplete(full, '09-troubleshooting', labs)).toBe(true);
    expect(lessonLabsComplete(partial, '09-troubleshooting', labs)).toBe(false);
    expect(lessonLabsComplete(full, 'no-such-lesson', labs)).toBe(false);
  });
});

describe('cheat sheet', () => {
  it('groups every solution and debrief command once, without background markers', () => {
    const groups = cheatSheet(scenarios);
    const all = groups.flatMap((g) => g.commands);
    expect(new Set(all).size).toBe(all.length);
    expect(all.some((c) => c.endsWith('&'))).toBe(false);
    expect(groups.find((g) => g.title === 'Diagnose')?.commands).toEqual(expect.arrayContaining(['kubectl describe pod -l app=llmops']));
    expect(groups.find((g) => g.title === 'Cluster and images')?.commands).toEqual(expect.arrayContaining(['minikube start', 'minikube tunnel']));
  });
});

