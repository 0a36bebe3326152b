/**
 * Learner progress, kept in the browser under one localStorage key.
 *
 * Stored JSON (version 1):
 *   { "v": 1,
 *     "lessons": { "<slug>": { "visited"?: true, "done"?: true, "at"?: "<iso time of the last change>" } },
 *     "goals":   { "<scenarioId>": { "<goalId>": true } } }
 *
 * The first half of this module is pure (parse, update, query); the second half is a tiny store over
 * localStorage that tolerates everything a browser can throw at it: a missing key, corrupt JSON, somebody
 * else's data under our key, storage that is disabled or full. Those cases are reported with console.info
 * and the learner simply starts from (or keeps) an in-memory copy; nothing here ever throws.
 *
 * Other parts use the default store through the exported functions:
 *   getProgress(), markVisited(slug), markDone(slug), markNotDone(slug), setGoal(scenarioId, goalId, met),
 *   lessonStatus(progress, slug), subscribe(cb) -> unsubscribe, resetProgress(),
 *   replaceProgress(progress) (an import: the whole value at once, timestamps kept; a bad value changes nothing).
 */

export const STORAGE_KEY = 'manifest-lab:progress';

export interface LessonProgress {
  visited?: true;
  done?: true;
  at?: string;
}

export interface Progress {
  v: 1;
  lessons: Record<string, LessonProgress>;
  goals: Record<string, Record<string, true>>;
}

export type LessonStatus = 'not-started' | 'visited' | 'done';

export function emptyProgress(): Progress {
  return { v: 1, lessons: {}, goals: {} };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys we accept for slugs, scenario and goal ids: short, printable, no surprises. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export interface ParseResult {
  progress: Progress;
  /** Why (part of) the stored value was ignored; undefined when it was clean or absent. */
  problem?: string;
}

/**
 * Reads a stored value. Anything that is not version-1 progress is ignored as a whole; inside a valid
 * document, entries with the wrong shape are dropped one by one (and reported), the rest is kept.
 */
export function parseProgress(raw: string | null | undefined): ParseResult {
  if (raw === null || raw === undefined || raw === '') return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), problem: 'stored progress is not valid JSON' };
  }
  if (!isPlainObject(data)) return { progress: emptyProgress(), problem: 'stored progress is not an object' };
  if (data.v !== 1) return { progress: emptyProgress(), problem: `stored progress has unknown version ${JSON.stringify(data.v) ?? 'undefined'}` };

  const progress = emptyProgress();
  const dropped: string[] = [];
  if (isPlainObject(data.lessons)) {
    for (const [slug, entry] of Object.entries(data.lessons)) {
      if (!ID.test(slug) || !isPlainObject(entry)) { dropped.push(`lessons.${slug}`); continue; }
      const clean: LessonProgress = {};
      if (entry.visited === true) clean.visited = true;
      if (entry.done === true) clean.done = true;
      if (typeof entry.at === 'string' && !Number.isNaN(Date.parse(entry.at))) clean.at = entry.at;
      if (clean.visited || clean.done) progress.lessons[slug] = clean;
    }
  } else if (data.lessons !== undefined) {
    dropped.push('lessons');
  }
  if (isPlainObject(data.goals)) {
    for (const [scenario, goals] of Object.entries(data.goals)) {
      if (!ID.test(scenario) || !isPlainObject(goals)) { dropped.push(`goals.${scenario}`); continue; }
      const met: Record<string, true> = {};
      for (const [goal, value] of Object.entries(goals)) {
        if (ID.test(goal) && value === true) met[goal] = true;
      }
      if (Object.keys(met).length > 0) progress.goals[scenario] = met;
    }
  } else if (data.goals !== undefined) {
    dropped.push('goals');
  }
  return dropped.length > 0
    ? { progress, problem: `ignored malformed entries: ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}` }
    : { progress };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

function checkId(kind: string, id: string): void {
  if (!ID.test(id)) throw new RangeError(`invalid ${kind} ${JSON.stringify(id)}`);
}

/** Returns a copy with the lesson marked as opened. Visiting never undoes "done". */
export function withVisited(progress: Progress, slug: string, at: string): Progress {
  checkId('lesson slug', slug);
  const current = progress.lessons[slug];
  if (current?.visited) return progress;
  return { ...progress, lessons: { ...progress.lessons, [slug]: { ...current, visited: true, at } } };
}

/** Returns a copy with the lesson marked done (or no longer done). A done lesson is also visited. */
export function withDone(progress: Progress, slug: string, at: string, done = true): Progress {
  checkId('lesson slug', slug);
  const current = progress.lessons[slug] ?? {};
  if (Boolean(current.done) === done && (current.visited || !done)) return progress;
  const next: LessonProgress = { visited: true, at };
  if (done) next.done = true;
  return { ...progress, lessons: { ...progress.lessons, [slug]: next } };
}

/** Returns a copy with one lab goal recorded as met or not met. */
export function withGoal(progress: Progress, scenarioId: string, goalId: string, met: boolean): Progress {
  checkId('scenario id', scenarioId);
  checkId('goal id', goalId);
  const goals = { ...progress.goals[scenarioId] };
  if (Boolean(goals[goalId]) === met) return progress;
  if (met) goals[goalId] = true;
  else delete goals[goalId];
  const all = { ...progress.goals };
  if (Object.keys(goals).length > 0) all[scenarioId] = goals;
  else delete all[scenarioId];
  return { ...progress, goals: all };
}

export function lessonStatus(progress: Progress, slug: string): LessonStatus {
  const entry = progress.lessons[slug];
  if (entry?.done) return 'done';
  if (entry?.visited) return 'visited';
  return 'not-started';
}

export const STATUS_LABEL: Record<LessonStatus, string> = {
  'not-started': 'Not started',
  visited: 'Visited',
  done: 'Done',
};

/** The lesson to continue with: the first lesson in course order that is not done, once anything was started. */
export function continueLesson(progress: Progress, slugsInOrder: readonly string[]): string | undefined {
  const started = slugsInOrder.some((s) => lessonStatus(progress, s) !== 'not-started');
  if (!started) return undefined;
  return slugsInOrder.find((s) => lessonStatus(progress, s) !== 'done');
}

// ---------------------------------------------------------------------------------------------------------------
// The store

/** The part of the Web Storage API we use. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Listener = (progress: Progress) => void;

export interface ProgressStore {
  get(): Progress;
  markVisited(slug: string): Progress;
  markDone(slug: string): Progress;
  markNotDone(slug: string): Progress;
  setGoal(scenarioId: string, goalId: string, met: boolean): Progress;
  reset(): Progress;
  /**
   * Replaces everything with `progress` (an imported file) in one write, keeping its timestamps. The value is
   * checked with the same rules as stored progress: if any part of it would be dropped, nothing changes and
   * `ok` is false with the reason.
   */
  replace(progress: Progress): { ok: true; progress: Progress } | { ok: false; problem: string; progress: Progress };
  subscribe(listener: Listener): () => void;
  /** Re-reads storage (another tab changed it) and notifies listeners when the value differs. */
  reload(): Progress;
}

export interface StoreOptions {
  /** null when storage is unavailable (disabled cookies, private mode, SSR). */
  storage: StorageLike | null;
  now?: () => string;
  log?: (message: string) => void;
}

export function createProgressStore(options: StoreOptions): ProgressStore {
  const { storage } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const log = options.log ?? ((m: string) => console.info(`[manifest-lab] ${m}`));
  const listeners = new Set<Listener>();
  let cached: Progress | undefined;
  let cachedRaw: string | null = null;

  function readStorage(): Progress {
    if (!storage) return cached ?? emptyProgress();
    let raw: string | null;
    try {
      raw = storage.getItem(STORAGE_KEY);
    } catch (error) {
      log(`progress storage cannot be read (${(error as Error).name ?? 'error'}); keeping progress in memory only`);
      return cached ?? emptyProgress();
    }
    if (cached && raw === cachedRaw) return cached;
    const { progress, problem } = parseProgress(raw);
    if (problem) log(`${problem}; it was ignored`);
    cachedRaw = raw;
    return progress;
  }

  function get(): Progress {
    cached = readStorage();
    return cached;
  }

  function commit(next: Progress): Progress {
    const changed = next !== cached;
    cached = next;
    if (!changed) return next;
    if (storage) {
      const raw = serializeProgress(next);
      try {
        storage.setItem(STORAGE_KEY, raw);
        cachedRaw = raw;
      } catch (error) {
        log(`progress could not be saved (${(error as Error).name ?? 'error'}); it is kept for this page only`);
      }
    }
    for (const listener of [...listeners]) {
      try { listener(next); } catch (error) { log(`a progress listener failed: ${String(error)}`); }
    }
    return next;
  }

  function update(change: (p: Progress) => Progress): Progress {
    const current = get();
    let next: Progress;
    try {
      next = change(current);
    } catch (error) {
      log(`progress not changed: ${(error as Error).message}`);
      return current;
    }
    return commit(next);
  }

  return {
    get,
    markVisited: (slug) => update((p) => withVisited(p, slug, now())),
    markDone: (slug) => update((p) => withDone(p, slug, now(), true)),
    markNotDone: (slug) => update((p) => withDone(p, slug, now(), false)),
    setGoal: (scenarioId, goalId, met) => update((p) => withGoal(p, scenarioId, goalId, met)),
    reset: () => commit(emptyProgress()),
    replace(progress) {
      let checked: ParseResult;
      try {
        checked = parseProgress(serializeProgress(progress));
      } catch (error) {
        checked = { progress: emptyProgress(), problem: `progress cannot be serialized (${String(error)})` };
      }
      if (checked.problem || !isPlainObject(progress) || progress.v !== 1) {
        const problem = checked.problem ?? 'not version-1 progress';
        log(`progress not replaced: ${problem}`);
        return { ok: false, problem, progress: get() };
      }
      const current = get();
      // the same content as stored: nothing to write or announce
      if (serializeProgress(current) === serializeProgress(checked.progress)) return { ok: true, progress: current };
      return { ok: true, progress: commit(checked.progress) };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    reload() {
      const before = cached;
      const next = get();
      if (before && serializeProgress(before) !== serializeProgress(next)) {
        for (const listener of [...listeners]) {
          try { listener(next); } catch (error) { log(`a progress listener failed: ${String(error)}`); }
        }
      }
      return next;
    },
  };
}

/** localStorage if the browser lets us touch it; merely reading `window.localStorage` can throw. */
function browserStorage(): StorageLike | null {
  try {
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

let defaultStore: ProgressStore | undefined;

/** The page-wide store over localStorage, created on first use; follows changes made in other tabs. */
export function progressStore(): ProgressStore {
  if (!defaultStore) {
    const store = createProgressStore({ storage: browserStorage() });
    defaultStore = store;
    const target = globalThis as { addEventListener?: (type: string, cb: (e: { key: string | null }) => void) => void };
    target.addEventListener?.('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) store.reload();
    });
  }
  return defaultStore;
}

export const getProgress = (): Progress => progressStore().get();
export const markVisited = (slug: string): Progress => progressStore().markVisited(slug);
export const markDone = (slug: string): Progress => progressStore().markDone(slug);
export const markNotDone = (slug: string): Progress => progressStore().markNotDone(slug);
export const setGoal = (scenarioId: string, goalId: string, met: boolean): Progress =>
  progressStore().setGoal(scenarioId, goalId, met);
export const resetProgress = (): Progress => progressStore().reset();
export const replaceProgress = (progress: Progress): ReturnType<ProgressStore['replace']> => progressStore().replace(progress);
export const subscribe = (listener: Listener): (() => void) => progressStore().subscribe(listener);
