/**
 * Patches: JSON merge patch (RFC 7386), a strategic-merge "lite" (lists merged by the patchMergeKey the
 * Kubernetes types declare: containers/env/volumes by name, container ports by containerPort, Service ports
 * by port, volumeMounts by mountPath, conditions by type, ownerReferences by uid), and the three-way patch
 * kubectl apply computes from last-applied, the new manifest and the live object.
 * Source for the merge keys: `patchMergeKey` struct tags in k8s.io/api/core/v1/types.go.
 */
import { deepClone, deepEqual, isPlainObject, type Plain } from './json';

/** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  const out: Plain = isPlainObject(target) ? deepClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Merge key of a list at `path` (field names from the root, no indices), or undefined for atomic lists. */
export function mergeKeyFor(path: string[]): string | undefined {
  const last = path[path.length - 1];
  switch (last) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
      return 'name';
    case 'ports':
      return path.includes('containers') || path.includes('initContainers') ? 'containerPort' : 'port';
    case 'volumeMounts':
      return 'mountPath';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    default:
      return undefined;
  }
}
const PRIMITIVE_SET_LISTS = new Set(['finalizers']);

/** Strategic merge patch (the subset kubectl scale/set image/label/annotate/rollout restart/apply need). */
export function strategicMergePatch(target: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  if (patch['$patch'] === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return deepClone(rest);
  }
  const out: Plain = isPlainObject(target) ? deepClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue; // $setElementOrder, $retainKeys, $deleteFromPrimitiveList: ordering hints only here
    if (v === null) {
      delete out[k];
      continue;
    }
    const p = [...path, k];
    const cur = out[k];
    if (Array.isArray(v)) {
      const key = mergeKeyFor(p);
      if (key && Array.isArray(cur)) out[k] = mergeKeyedList(cur, v, key, p);
      else if (PRIMITIVE_SET_LISTS.has(k) && Array.isArray(cur)) out[k] = [...new Set([...cur, ...v])];
      else out[k] = deepClone(v.filter((e) => !(isPlainObject(e) && e['$patch'] === 'delete')));
    } else if (isPlainObject(v)) {
      out[k] = strategicMergePatch(cur, v, p);
    } else out[k] = v;
  }
  return out;
}

function mergeKeyedList(cur: unknown[], patch: unknown[], key: string, path: string[]): unknown[] {
  const out = cur.map((e) => deepClone(e));
  for (const pe of patch) {
    if (!isPlainObject(pe)) {
      out.push(deepClone(pe));
      continue;
    }
    const idx = out.findIndex((e) => isPlainObject(e) && e[key] === pe[key]);
    if (pe['$patch'] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
    } else if (idx >= 0) out[idx] = strategicMergePatch(out[idx], pe, path);
    else out.push(strategicMergePatch({}, pe, path));
  }
  return out;
}

/**
 * kubectl apply's three-way strategic patch: fields present in `modified` that differ from `current` are set,
 * fields that were in `original` (last-applied) and are gone from `modified` are deleted (null / $patch: delete).
 * Returns `{}` when there is nothing to change — kubectl then reports "unchanged".
 */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown, path: string[] = []): Plain {
  const o = isPlainObject(original) ? original : {};
  const m = isPlainObject(modified) ? modified : {};
  const c = isPlainObject(current) ? current : {};
  const patch: Plain = {};
  for (const [k, mv] of Object.entries(m)) {
    if (mv === undefined) continue;
    const cv = c[k];
    const p = [...path, k];
    if (mv === null) {
      if (cv !== undefined) patch[k] = null;
      continue;
    }
    if (isPlainObject(mv) && isPlainObject(cv)) {
      const sub = threeWayPatch(o[k], mv, cv, p);
      if (Object.keys(sub).length) patch[k] = sub;
      continue;
    }
    const key = mergeKeyFor(p);
    if (key && Array.isArray(mv) && Array.isArray(cv) && mv.every((e) => isPlainObject(e) && key in e)) {
      const sub = keyedListPatch(Array.isArray(o[k]) ? (o[k] as unknown[]) : [], mv as Plain[], cv, key, p);
      if (sub.length) patch[k] = sub;
      continue;
    }
    if (!deepEqual(mv, cv)) patch[k] = deepClone(mv);
  }
  for (const k of Object.keys(o)) {
    if (!(k in m) && k in c) patch[k] = null;
  }
  return patch;
}

function keyedListPatch(orig: unknown[], mod: Plain[], cur: unknown[], key: string, path: string[]): Plain[] {
  const out: Plain[] = [];
  for (const me of mod) {
    const ce = cur.find((e) => isPlainObject(e) && e[key] === me[key]);
    const oe = orig.find((e) => isPlainObject(e) && e[key] === me[key]);
    if (!ce) {
      out.push(deepClone(me));
      continue;
    }
    const sub = threeWayPatch(oe, me, ce, path);
    if (Object.keys(sub).length) out.push({ [key]: me[key], ...sub });
  }
  for (const oe of orig) {
    if (!isPlainObject(oe)) continue;
    if (!mod.some((me) => me[key] === oe[key]) && cur.some((e) => isPlainObject(e) && e[key] === oe[key])) {
      out.push({ [key]: oe[key], $patch: 'delete' });
    }
  }
  return out;
}
