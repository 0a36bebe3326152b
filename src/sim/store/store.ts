/**
 * The one generic object store of the simulated API server. Objects are keyed by (kind, namespace, name);
 * every write assigns a new global resourceVersion and notifies watchers synchronously.
 *
 * The store does bookkeeping only (uid, resourceVersion, generation, timestamps, generateName, namespace
 * existence, deletion with grace and finalizers). Defaulting and validation happen in `api/` before an object
 * reaches the store; controllers write through update/updateStatus/patch like real controllers.
 *
 * Objects handed out by get/list/watch are the store's own copies: treat them as read-only and write through
 * the store (it copies what you give it).
 */
import type { KObject, ObjectKey } from '../api/types';
import { isNamespacedKind } from '../api/registry';
import { ApiError, alreadyExists, conflict, forbidden, notFound } from '../api/errors';
import { deepClone, deepEqual, stripUndefined, type Plain } from './json';
import { rfc3339 as formatTimestamp } from '../clock/index';
import { parseSelector, selectorMatches, type Selector } from './selectors';
import { compileFieldSelector } from './fieldselectors';
import { mergePatch, strategicMergePatch } from './patch';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  object: KObject;
  /** the previous state for MODIFIED and DELETED */
  old?: KObject;
}
export type Watcher = (ev: WatchEvent) => void;

export interface StoreOptions {
  /** virtual clock, epoch milliseconds */
  now: () => number;
  /** seeded PRNG, uniform in [0, 1) */
  random: () => number;
}

export interface ListOptions {
  namespace?: string; // undefined or '' = all namespaces
  labelSelector?: string | Selector;
  fieldSelector?: string;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';
export interface DeleteOptions {
  /** seconds; default: the pod's terminationGracePeriodSeconds for pods, 0 otherwise */
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
}
export interface DeleteResult {
  /** 'deleted' = gone now; 'terminating' = deletionTimestamp set, waiting on grace/finalizers */
  outcome: 'deleted' | 'terminating';
  object: KObject;
}

export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** Kinds whose metadata.generation tracks spec changes. */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'Job', 'Pod', 'Namespace']);
/** Kinds with a status subresource: update() keeps the stored status, updateStatus() keeps the stored spec. */
const STATUS_KINDS = new Set(['Deployment', 'ReplicaSet', 'Job', 'Pod', 'Service', 'Node', 'Namespace']);

const HEX = '0123456789abcdef';

function nsKey(ns: string, name: string): string {
  return `${ns}/${name}`;
}

export class Store {
  private readonly byKind = new Map<string, Map<string, KObject>>();
  private readonly watchers = new Set<{ fn: Watcher; kind: string | undefined }>();
  private rv = 0;
  /** per-kind list sorted by namespace/name, rebuilt lazily after writes to that kind */
  private readonly sortedCache = new Map<string, KObject[]>();
  readonly now: () => number;
  readonly random: () => number;
  /** called before an object with ownerReferences' owner is removed; engine-runtime's GC may also watch DELETED */
  onDelete: ((obj: KObject, policy: PropagationPolicy) => void) | undefined;

  constructor(opts: StoreOptions) {
    this.now = opts.now;
    this.random = opts.random;
  }

  // ------------------------------------------------------------------ ids
  /** current global resourceVersion (the last one assigned) */
  get resourceVersion(): string {
    return String(this.rv);
  }
  timestamp(): string {
    return formatTimestamp(this.now());
  }
  newUid(): string {
    let s = '';
    for (let i = 0; i < 32; i++) s += HEX[Math.floor(this.random() * 16)]; // = Math.floor(r * 16).toString(16)
    const variant = '89ab'[Math.floor(this.random() * 4)]!;
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
  /** 5 characters from the safe alphabet (apiserver/pkg/storage/names/generate.go). */
  randomSuffix(n = 5): string {
    let s = '';
    for (let i = 0; i < n; i++) s += SAFE_ALPHABET[Math.floor(this.random() * SAFE_ALPHABET.length)];
    return s;
  }
  /** generateName: base truncated to 58 characters plus 5 random characters. */
  generateName(base: string): string {
    return base.slice(0, 58) + this.randomSuffix(5);
  }

  // ------------------------------------------------------------------ reads
  private bucket(kind: string): Map<string, KObject> {
    let b = this.byKind.get(kind);
    if (!b) {
      b = new Map();
      this.byKind.set(kind, b);
    }
    return b;
  }
  private nsOf(kind: string, namespace: string | undefined): string {
    return isNamespacedKind(kind) ? (namespace || 'default') : '';
  }

  get<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.byKind.get(kind)?.get(nsKey(this.nsOf(kind, namespace), name)) as T | undefined;
  }
  /** The key `get` looks an object up by; with `getByKey` it lets hot callers (owner indexes) build it once. */
  keyOf(kind: string, namespace: string | undefined, name: string): string {
    return nsKey(this.nsOf(kind, namespace), name);
  }
  /** `get` by a key from `keyOf` (same result as get(kind, namespace, name)). */
  getByKey<T extends KObject = KObject>(kind: string, key: string): T | undefined {
    return this.byKind.get(kind)?.get(key) as T | undefined;
  }
  /** get or throw NotFound with the API message */
  mustGet<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string): T {
    const o = this.get<T>(kind, namespace, name);
    if (!o) throw notFound(kind, name);
    return o;
  }
  has(kind: string, namespace: string | undefined, name: string): boolean {
    return this.get(kind, namespace, name) !== undefined;
  }

  /** Objects of a kind, sorted by namespace then name (the order kubectl shows). */
  list<T extends KObject = KObject>(kind: string, opts: ListOptions = {}): T[] {
    const b = this.byKind.get(kind);
    if (!b) return [];
    let sorted = this.sortedCache.get(kind);
    if (!sorted) {
      sorted = [...b.values()].sort(compareObjects);
      this.sortedCache.set(kind, sorted);
    }
    const ns = opts.namespace && isNamespacedKind(kind) ? opts.namespace : undefined;
    const sel = typeof opts.labelSelector === 'string' ? parseSelector(opts.labelSelector) : opts.labelSelector;
    const fsel = opts.fieldSelector ? compileFieldSelector(kind, opts.fieldSelector) : undefined;
    const out: KObject[] = [];
    for (const o of sorted) {
      if (ns !== undefined && o.metadata.namespace !== ns) continue;
      if (sel && sel.length && !selectorMatches(sel, o.metadata.labels)) continue;
      if (fsel && !fsel(o)) continue;
      out.push(o);
    }
    return out as T[];
  }
  /** Every stored object, all kinds (for snapshots and invariant checks). */
  all(): KObject[] {
    const out: KObject[] = [];
    for (const b of this.byKind.values()) for (const o of b.values()) out.push(o);
    return out;
  }
  kinds(): string[] {
    return [...this.byKind.keys()].filter((k) => this.byKind.get(k)!.size > 0).sort();
  }

  // ------------------------------------------------------------------ writes
  /**
   * Store a new object (already defaulted and validated). Assigns name (from generateName), uid,
   * resourceVersion, generation, creationTimestamp. Throws AlreadyExists, or NotFound for a missing
   * namespace, or Forbidden for a terminating one.
   */
  create<T extends KObject>(input: T, opts: { uid?: string; adopt?: boolean } = {}): T & KObject {
    // adopt: the caller hands over a tree it built for this call and never touches again (event recorder, RS
    // controller): store it as is, minus undefined members, instead of copying it — the same stored value
    const obj = opts.adopt ? stripUndefined(input) : deepClone(input);
    const kind = obj.kind;
    const md = (obj.metadata ??= {});
    if (isNamespacedKind(kind)) {
      md.namespace = md.namespace || 'default';
      const ns = this.get('Namespace', '', md.namespace);
      if (!ns) throw notFound('Namespace', md.namespace);
      if (ns.metadata.deletionTimestamp) {
        throw forbidden(`${kind.toLowerCase()}s "${md.name ?? md.generateName ?? ''}" is forbidden: unable to create new content in namespace ${md.namespace} because it is being terminated`);
      }
    } else delete md.namespace;
    if (!md.name) {
      if (!md.generateName) throw new ApiError('Invalid', 'name or generateName is required', { kind, name: '', causes: [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }] });
      let tries = 0;
      do md.name = this.generateName(md.generateName);
      while (this.has(kind, md.namespace, md.name) && ++tries < 8);
    }
    if (this.has(kind, md.namespace, md.name)) throw alreadyExists(kind, md.name);
    md.uid = opts.uid ?? this.newUid();
    md.resourceVersion = String(++this.rv);
    md.creationTimestamp = this.timestamp();
    if (GENERATION_KINDS.has(kind)) md.generation = 1;
    else delete md.generation;
    delete md.deletionTimestamp;
    delete md.deletionGracePeriodSeconds;
    this.bucket(kind).set(nsKey(md.namespace ?? '', md.name), obj);
    this.sortedCache.delete(kind);
    this.emit({ type: 'ADDED', object: obj });
    return obj;
  }

  /**
   * Replace an object's spec/data/metadata (not its status for kinds with a status subresource).
   * If input.metadata.resourceVersion is set and stale, throws Conflict. Bumps generation on spec change.
   * A write that changes nothing keeps the resourceVersion and emits nothing (as the API server does).
   */
  update<T extends KObject>(input: T): T & KObject {
    return this.write(input, 'main');
  }
  /**
   * The pods/binding subresource (registry/core/pod/storage BindingREST.setPodNodeAndMetadata): sets spec.nodeName
   * and the PodScheduled=True condition in one storage update. It bypasses the pod strategy, so unlike a spec update
   * it does not bump metadata.generation (KEP-5067 increments generation in PrepareForUpdate only).
   */
  bind(namespace: string | undefined, name: string, nodeName: string, conditionTime: string): KObject {
    const cur = this.mustGet('Pod', namespace, name);
    const spec = { ...(cur.spec as Record<string, unknown>), nodeName };
    const st = (cur.status ?? {}) as { conditions?: { type: string }[] } & Record<string, unknown>;
    const conditions = [...(st.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: conditionTime }];
    const next = { ...cur, metadata: { ...cur.metadata }, spec, status: { ...st, phase: (st.phase as string | undefined) ?? 'Pending', conditions } } as KObject;
    return this.commit(cur, next);
  }

  /** Write only the status of an object (status subresource). Cheap: only the status is copied and compared. */
  updateStatus<T extends KObject>(input: T): T & KObject {
    const kind = input.kind;
    const name = input.metadata?.name ?? '';
    const cur = this.get(kind, input.metadata?.namespace, name);
    if (!cur) throw notFound(kind, name);
    if (input.metadata?.resourceVersion && input.metadata.resourceVersion !== cur.metadata.resourceVersion) throw conflict(kind, name);
    return this.setStatus(kind, cur.metadata.namespace, name, input.status) as T & KObject;
  }

  /**
   * Replace the status of a stored object without copying the rest: metadata and spec objects are shared with
   * the previous version (stored objects are never mutated in place). No-op (same object, no event) when the
   * status is unchanged.
   */
  setStatus<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string, status: unknown): T {
    const cur = this.mustGet<T>(kind, namespace, name);
    if (deepEqual(cur.status, status)) return cur;
    const next = { ...cur, metadata: { ...cur.metadata, resourceVersion: String(++this.rv) } } as T;
    if (status === undefined) delete next.status;
    else next.status = deepClone(status);
    this.bucket(kind).set(nsKey(cur.metadata.namespace ?? '', name), next);
    this.replaceInSorted(next);
    this.emit({ type: 'MODIFIED', object: next, old: cur });
    return next;
  }

  /** Number of objects of a kind (optionally in one namespace), without building a list. */
  count(kind: string, namespace?: string): number {
    const b = this.byKind.get(kind);
    if (!b) return 0;
    if (!namespace || !isNamespacedKind(kind)) return b.size;
    let n = 0;
    for (const o of b.values()) if (o.metadata.namespace === namespace) n++;
    return n;
  }

  private write<T extends KObject>(input: T, part: 'main' | 'status'): T {
    const kind = input.kind;
    const name = input.metadata?.name ?? '';
    const ns = this.nsOf(kind, input.metadata?.namespace);
    const cur = this.get(kind, ns, name);
    if (!cur) throw notFound(kind, name);
    if (input.metadata?.resourceVersion && input.metadata.resourceVersion !== cur.metadata.resourceVersion) throw conflict(kind, name);
    const next = deepClone(input) as KObject;
    const hasStatus = STATUS_KINDS.has(kind);
    if (part === 'status') {
      const merged = deepClone(cur);
      if (next.status === undefined) delete merged.status;
      else merged.status = next.status;
      return this.commit(cur, merged) as T;
    }
    if (hasStatus) {
      // stored objects are never mutated in place, so the current status can be shared
      if (cur.status === undefined) delete next.status;
      else next.status = cur.status;
    }
    // identity and system fields are not writable by update
    const md = next.metadata;
    md.namespace = cur.metadata.namespace;
    md.uid = cur.metadata.uid;
    md.creationTimestamp = cur.metadata.creationTimestamp;
    if (cur.metadata.deletionTimestamp) md.deletionTimestamp = cur.metadata.deletionTimestamp;
    else delete md.deletionTimestamp;
    if (cur.metadata.deletionGracePeriodSeconds !== undefined) md.deletionGracePeriodSeconds = cur.metadata.deletionGracePeriodSeconds;
    if (cur.metadata.generation !== undefined) md.generation = cur.metadata.generation;
    else delete md.generation;
    if (!isNamespacedKind(kind)) delete md.namespace;
    if (GENERATION_KINDS.has(kind) && !deepEqual(specOf(cur), specOf(next))) md.generation = (cur.metadata.generation ?? 0) + 1;
    const out = this.commit(cur, next);
    // finalizers removed from an object being deleted: it goes now
    if (out.metadata.deletionTimestamp && !(out.metadata.finalizers?.length) && (out.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
      this.remove(out.kind, out.metadata.namespace, out.metadata.name ?? '');
    }
    return out as T;
  }

  private commit(cur: KObject, next: KObject): KObject {
    next.metadata.resourceVersion = cur.metadata.resourceVersion;
    if (deepEqual(cur, next)) return cur;
    next.metadata.resourceVersion = String(++this.rv);
    this.bucket(next.kind).set(nsKey(next.metadata.namespace ?? '', next.metadata.name ?? ''), next);
    this.replaceInSorted(next);
    this.emit({ type: 'MODIFIED', object: next, old: cur });
    return next;
  }

  /** Same namespace/name, same place in the sorted list: swap it in rather than re-sorting later. */
  private replaceInSorted(next: KObject): void {
    const sorted = this.sortedCache.get(next.kind);
    if (!sorted) return;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compareObjects(sorted[mid]!, next);
      if (c === 0) {
        sorted[mid] = next;
        return;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    this.sortedCache.delete(next.kind);
  }

  /**
   * Read-modify-write helper for controllers: `fn` gets a private copy and returns it (or undefined to skip).
   * Writes main and status parts as changed.
   */
  mutate<T extends KObject>(kind: string, namespace: string | undefined, name: string, fn: (copy: T) => T | void): T {
    const cur = this.mustGet<T>(kind, namespace, name);
    const copy = deepClone(cur);
    const res = (fn(copy) ?? copy) as T;
    let out = this.update({ ...res, metadata: { ...res.metadata, resourceVersion: undefined } } as T);
    if (STATUS_KINDS.has(kind) && !deepEqual(res.status, out.status)) {
      out = this.updateStatus({ ...out, status: res.status } as T);
    }
    return out;
  }

  /**
   * Patch an object. `merge` = JSON merge patch (RFC 7386); `strategic` = strategic merge (lists of
   * containers/ports/env/volumes merged by their keys); `json` = RFC 6902 operations.
   * Status is patched too when `subresource` is 'status'.
   */
  patch<T extends KObject>(kind: string, namespace: string | undefined, name: string, patch: unknown, type: 'merge' | 'strategic' | 'json' = 'strategic', subresource?: 'status'): T {
    const cur = this.mustGet<T>(kind, namespace, name);
    let next: unknown;
    if (type === 'merge') next = mergePatch(cur, patch);
    else if (type === 'strategic') next = strategicMergePatch(cur, patch);
    else next = applyJsonPatch(cur, patch);
    const n = next as T;
    n.metadata = { ...(n.metadata ?? {}), resourceVersion: undefined };
    return subresource === 'status' ? this.updateStatus(n) : this.update(n);
  }

  /**
   * Delete. Objects with finalizers or a grace period (pods: terminationGracePeriodSeconds unless
   * gracePeriodSeconds 0) get a deletionTimestamp and stay until `finalize`/`remove`; others go now.
   * Dependents are the garbage collector's job (engine-runtime): it sees the DELETED event and the policy
   * given to `onDelete`. 'Orphan' strips ownerReferences pointing to the deleted object right here.
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): DeleteResult {
    if (kind === 'Namespace') return this.deleteNamespace(name);
    const cur = this.mustGet(kind, namespace, name);
    const policy = opts.propagationPolicy ?? 'Background';
    let grace = opts.gracePeriodSeconds;
    if (grace === undefined) grace = kind === 'Pod' ? ((cur.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? 30) : 0;
    // a pod never scheduled to a node has nothing to stop: it goes at once (as the API server does)
    if (kind === 'Pod' && !(cur.spec as { nodeName?: string } | undefined)?.nodeName) grace = 0;
    const finalizers = [...(cur.metadata.finalizers ?? [])];
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan') this.orphanDependents(cur);
    this.onDelete?.(cur, policy);
    if (grace > 0 || finalizers.length > 0) {
      if (cur.metadata.deletionTimestamp) {
        // already terminating: a shorter grace period may be given (like kubectl delete --grace-period=0 --force)
        if (grace === 0 && finalizers.length === 0) return { outcome: 'deleted', object: this.remove(kind, namespace, name) };
        return { outcome: 'terminating', object: cur };
      }
      const next = deepClone(cur);
      next.metadata.deletionTimestamp = formatTimestamp(this.now() + grace * 1000);
      next.metadata.deletionGracePeriodSeconds = grace;
      if (finalizers.length) next.metadata.finalizers = finalizers;
      const out = this.commit(cur, next);
      return { outcome: 'terminating', object: out };
    }
    return { outcome: 'deleted', object: this.remove(kind, namespace, name) };
  }

  /** Remove an object now (kubelet after grace, GC after finalizers). Emits DELETED. */
  remove(kind: string, namespace: string | undefined, name: string): KObject {
    const ns = this.nsOf(kind, namespace);
    const b = this.byKind.get(kind);
    const cur = b?.get(nsKey(ns, name));
    if (!b || !cur) throw notFound(kind, name);
    b.delete(nsKey(ns, name));
    this.sortedCache.delete(kind);
    const gone = { ...cur, metadata: { ...cur.metadata, resourceVersion: String(++this.rv) } };
    this.emit({ type: 'DELETED', object: gone, old: cur });
    if (ns) this.finishNamespaceIfEmpty(ns);
    return gone;
  }

  /**
   * Namespace deletion, as the namespace controller does it: the namespace turns Terminating, everything in it
   * is deleted (pods keep their grace period), and the namespace itself goes once it is empty.
   */
  private deleteNamespace(name: string): DeleteResult {
    const cur = this.mustGet('Namespace', '', name);
    if (cur.metadata.deletionTimestamp) return { outcome: 'terminating', object: cur };
    const next = deepClone(cur);
    next.metadata.deletionTimestamp = formatTimestamp(this.now());
    next.metadata.deletionGracePeriodSeconds = 0;
    next.status = { ...((next.status as Plain) ?? {}), phase: 'Terminating' };
    const marked = this.commit(cur, next);
    this.onDelete?.(marked, 'Background');
    for (const [kind, b] of this.byKind) {
      if (kind === 'Namespace') continue;
      for (const o of [...b.values()]) {
        if (o.metadata.namespace !== name || o.metadata.deletionTimestamp) continue;
        if (this.has(kind, name, o.metadata.name ?? '')) this.delete(kind, name, o.metadata.name ?? '');
      }
    }
    this.finishNamespaceIfEmpty(name);
    const after = this.get('Namespace', '', name);
    if (!after) return { outcome: 'deleted', object: marked };
    return { outcome: 'terminating', object: after };
  }
  private finishNamespaceIfEmpty(ns: string): void {
    const nsObj = this.get('Namespace', '', ns);
    if (!nsObj?.metadata.deletionTimestamp) return;
    for (const [kind, b] of this.byKind) {
      if (kind === 'Namespace') continue;
      for (const o of b.values()) if (o.metadata.namespace === ns) return;
    }
    this.remove('Namespace', '', ns);
  }

  private orphanDependents(owner: KObject): void {
    const uid = owner.metadata.uid;
    for (const o of this.all()) {
      if (!o.metadata.ownerReferences?.some((r) => r.uid === uid)) continue;
      const copy = deepClone(o);
      copy.metadata.ownerReferences = copy.metadata.ownerReferences!.filter((r) => r.uid !== uid);
      if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
      this.update(copy);
    }
  }

  // ------------------------------------------------------------------ watch
  /** Subscribe to changes (all kinds, or one). Callbacks run synchronously inside the write. Returns unsubscribe. */
  watch(fn: Watcher, kind?: string): () => void {
    const w = { fn, kind };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }
  private emit(ev: WatchEvent): void {
    for (const w of [...this.watchers]) if (!w.kind || w.kind === ev.object.kind) w.fn(ev);
  }
}

function specOf(o: KObject): unknown {
  // Pods' generation follows spec; other kinds' too. For kinds without spec, data-like fields count.
  if (o.spec !== undefined) return o.spec;
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

export function compareObjects(a: KObject, b: KObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** RFC 6902 subset: add, remove, replace (enough for kubectl patch --type json). */
function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new ApiError('BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out = deepClone(doc);
  for (const op of ops as { op?: string; path?: string; value?: unknown }[]) {
    const path = String(op.path ?? '');
    const parts = path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts.length === 0) {
      if (op.op === 'replace' || op.op === 'add') out = deepClone(op.value);
      continue;
    }
    let parent: unknown = out;
    for (const p of parts.slice(0, -1)) {
      parent = Array.isArray(parent) ? parent[Number(p)] : (parent as Plain | undefined)?.[p];
      if (typeof parent !== 'object' || parent === null) throw new ApiError('BadRequest', `the server rejected our request due to an error in our request`);
    }
    const last = parts[parts.length - 1]!;
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, deepClone(op.value));
      else if (op.op === 'remove') parent.splice(i, 1);
      else if (op.op === 'replace') parent[i] = deepClone(op.value);
    } else {
      const p = parent as Plain;
      if (op.op === 'add' || op.op === 'replace') p[last] = deepClone(op.value);
      else if (op.op === 'remove') delete p[last];
    }
  }
  return out;
}

export type { ObjectKey };
