// The API server's write path as kubectl reaches it: default → validate → allocate → store, plus the client-side
// apply logic (last-applied annotation; created / configured / unchanged). Uses engine-api's defaulting,
// validation, allocation and store; errors are engine-api's ApiError values.
import type { KObject, Service } from '../api/types';
import type { Store } from '../store/store';
import { defaultObject } from '../api/defaults';
import { validateObject } from '../validate/objects';
import { allocateServiceFields } from '../api/alloc';
import { ApiError, invalid, alreadyExists, notFound } from '../api/errors';
import { resourceForKind } from '../api/registry';
import { deepEqual, type Plain } from '../store/json';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function prepare(store: Store, input: KObject, old?: KObject): KObject {
  const o = defaultObject(input);
  if (o.kind === 'Service') allocateServiceFields(store, o as Service, old as Service | undefined);
  const causes = validateObject(o as unknown as Plain, old as unknown as Plain | undefined);
  if (causes.length) throw invalid(o.kind, o.metadata.name ?? o.metadata.generateName ?? '', causes);
  return o;
}

function nsOf(o: KObject, ns: string): string {
  const rt = resourceForKind(o.kind);
  return rt && !rt.namespaced ? '' : o.metadata.namespace ?? ns;
}

export function createObject(store: Store, input: KObject, ns: string, dryRun = false): KObject {
  const o: KObject = { ...input, metadata: { ...input.metadata, namespace: nsOf(input, ns) || undefined } };
  if (o.metadata.name && store.get(o.kind, o.metadata.namespace ?? '', o.metadata.name)) throw alreadyExists(o.kind, o.metadata.name);
  const ready = prepare(store, o);
  return dryRun ? ready : store.create(ready);
}

/** Replaces spec-like content of an existing object (kubectl edit / replace / scale / set image). */
export function updateObject(store: Store, next: KObject): KObject {
  const old = store.get(next.kind, next.metadata.namespace ?? '', next.metadata.name ?? '');
  if (!old) throw notFound(next.kind, next.metadata.name ?? '');
  const ready = prepare(store, { ...next, metadata: { ...next.metadata, resourceVersion: undefined } }, old);
  return store.update(ready);
}

export type ApplyAction = 'created' | 'configured' | 'unchanged';

/** kubectl apply (client-side): create with the annotation, or three-way merge into the live object. */
export function applyObject(store: Store, input: KObject, ns: string, dryRun = false): { action: ApplyAction; object: KObject } {
  const namespace = nsOf(input, ns);
  // kubectl writes the applied object as Go marshals a map: keys sorted, metadata.annotations always present
  const forAnn = stripForAnnotation({ ...input, metadata: { ...input.metadata, ...(namespace ? { namespace } : {}) } });
  forAnn.metadata.annotations = forAnn.metadata.annotations ?? {};
  const lastApplied = sortedJson(forAnn);
  const withAnn: KObject = { ...input, metadata: { ...input.metadata, namespace: namespace || undefined, annotations: { ...(input.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied + '\n' } } };
  const live = store.get(input.kind, namespace, input.metadata.name ?? '');
  if (!live) return { action: 'created', object: createObject(store, withAnn, ns, dryRun) };
  const prevApplied = live.metadata.annotations?.[LAST_APPLIED];
  const merged = threeWay(live, prevApplied ? safeParse(prevApplied) : undefined, withAnn);
  const ready = prepare(store, { ...merged, metadata: { ...merged.metadata, resourceVersion: undefined } }, live);
  if (deepEqual(stripServer(ready), stripServer(defaultObject(live)))) return { action: 'unchanged', object: live };
  if (dryRun) return { action: 'configured', object: ready };
  const stored = store.update(ready);
  if (deepEqual(stored.metadata.resourceVersion, live.metadata.resourceVersion) && prevApplied === withAnn.metadata.annotations![LAST_APPLIED]) return { action: 'unchanged', object: stored };
  return { action: 'configured', object: stored };
}

function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function safeParse(s: string): KObject | undefined { try { return JSON.parse(s) as KObject; } catch { return undefined; } }

function stripForAnnotation(o: KObject): KObject {
  const c = JSON.parse(JSON.stringify(o)) as KObject;
  if (c.metadata.annotations) { delete c.metadata.annotations[LAST_APPLIED]; if (Object.keys(c.metadata.annotations).length === 0) delete c.metadata.annotations; }
  return c;
}

function stripServer(o: KObject): unknown {
  const c = JSON.parse(JSON.stringify(o)) as KObject & { status?: unknown };
  delete c.status;
  for (const k of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields']) delete (c.metadata as Record<string, unknown>)[k];
  if (c.metadata.annotations) delete c.metadata.annotations[LAST_APPLIED];
  return c;
}

/** A three-way merge good enough for apply: fields removed from the last applied config are removed from live;
 *  everything in the new config replaces live; the rest of live (defaults, server fields) is kept. */
function threeWay(live: KObject, last: KObject | undefined, next: KObject): KObject {
  const merge = (l: unknown, p: unknown, n: unknown): unknown => {
    if (n === undefined) return p !== undefined ? undefined : l;
    if (isObj(n) && isObj(l)) {
      const out: Record<string, unknown> = { ...l };
      const pp = isObj(p) ? p : {};
      for (const k of new Set([...Object.keys(l), ...Object.keys(n), ...Object.keys(pp)])) {
        const v = merge(l[k], pp[k], n[k]);
        if (v === undefined) delete out[k]; else out[k] = v;
      }
      return out;
    }
    if (Array.isArray(n) && Array.isArray(l)) {
      // lists of named items (containers, ports, env) merge item by item; others are replaced
      const key = n.every((x) => isObj(x) && ('name' in x || 'containerPort' in x || 'port' in x)) ? (x: Record<string, unknown>) => String(x.name ?? x.containerPort ?? x.port) : undefined;
      if (!key) return n;
      const pl = Array.isArray(p) ? p : [];
      return n.map((item) => {
        const li = l.find((x) => isObj(x) && key(x) === key(item as Record<string, unknown>));
        const pi = pl.find((x) => isObj(x) && key(x) === key(item as Record<string, unknown>));
        return li === undefined ? item : merge(li, pi, item);
      });
    }
    return n;
  };
  return merge(live, last, next) as KObject;
}

function isObj(v: unknown): v is Record<string, unknown> { return v !== null && typeof v === 'object' && !Array.isArray(v); }

export { ApiError };
