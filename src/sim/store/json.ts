/** Small helpers over JSON-like data (objects in the store are plain JSON). */

export type Plain = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep copy of JSON-like data (undefined members dropped). */
export function deepClone<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => deepClone(x)) as unknown as T;
  if (isPlainObject(v)) {
    const out: Plain = {};
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x !== undefined) out[k] = deepClone(x);
    }
    return out as T;
  }
  return v;
}

/**
 * In place, what deepClone would drop: undefined members of plain objects at every level. For a freshly built tree
 * that nobody else holds, `stripUndefined(v)` is equal to `deepClone(v)` (same keys in the same order) without copying.
 */
export function stripUndefined<T>(v: T): T {
  if (Array.isArray(v)) {
    for (const x of v) stripUndefined(x);
  } else if (isPlainObject(v)) {
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined) delete v[k];
      else if (typeof x === 'object' && x !== null) stripUndefined(x);
    }
  }
  return v;
}

/** Structural equality of JSON-like data; key order does not matter, undefined members count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** JSON with keys sorted at every level: a stable text form (hashing, last-applied). */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableStringify(x))).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
