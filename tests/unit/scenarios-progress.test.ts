// Progress files (export/import), lab and lesson completion, and the cheat sheet.
import { describe, expect, it } from 'vitest';
import { exportProgressFile, parseProgressFile, replaceProgress } from '../../src/components/exercise/progress-file';
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

  it('import replaces the stored progress through progress.ts\'s API', () => {
    const { store } = memoryStore();
    store.markDone('01-overview');
    store.setGoal('overview-reconcile', 'deployment', true);
    replaceProgress({ resetProgress: store.reset, markDone: store.markDone, markVisited: store.markVisited, setGoal: store.setGoal }, sample);
    const p = store.get();
    expect(Object.keys(p.lessons)).toEqual(['02-yaml']);
    expect(p.lessons['02-yaml']?.done).toBe(true);
    expect(p.goals).toEqual({ 'yaml-indentation': { parses: true } });
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

