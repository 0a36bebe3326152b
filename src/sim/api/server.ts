/**
 * The simulated API server's write paths and kubectl's file-based commands built on them:
 * create / replace / apply / delete of objects, and of YAML files (`kubectl apply -f FILE`).
 *
 * Object-level functions throw ApiError (as a client would receive it). File-level functions never throw:
 * they return per-object outcomes with the lines kubectl prints (stdout) and its error texts (stderr),
 * each error carrying the document index, field path and line:column in the file where one exists.
 */
import type { KObject, Service } from './types';
import type { Store } from '../store/store';
import { ApiError, alreadyExists, badRequest, conflict, formatKubectlError, invalid, notFound, type FieldCause } from './errors';
import { qualifiedPlural, qualifiedSingular, resourceForKind, type ResourceType } from './registry';
import { defaultObject } from './defaults';
import { allocateServiceFields } from './alloc';
import { validateObject } from '../validate/objects';
import { decodeCheck, strictDecodingMessage } from '../validate/decode';
import { deepClone, isPlainObject, stableStringify, type Plain } from '../store/json';
import { mergePatch, strategicMergePatch, threeWayPatch } from '../store/patch';
import { kubectlYamlError, locate, parseYaml, type ParsedDoc, type ParsedFile } from '../yaml/parse';
import { isMap, isSeq } from 'yaml';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

// ------------------------------------------------------------------ object level
export interface WriteOptions {
  dryRun?: boolean;
}

/** Default, validate, allocate and store a new object. Throws ApiError. */
export function createObject<T extends KObject>(store: Store, input: T, opts: WriteOptions = {}): T {
  const stripped = deepClone(input) as KObject;
  // PrepareForCreate: the status of a new object is the server's, not the client's
  if (STATUS_RESET.has(stripped.kind)) delete stripped.status;
  const o = defaultObject(stripped);
  if (STATUS_RESET.has(o.kind) && o.status === undefined) o.status = {};
  // Jobs: the server generates the selector from the Job's uid and labels the template (batch jobStrategy.PrepareForCreate)
  const uid = o.kind === 'Job' ? store.newUid() : undefined;
  if (uid) labelJob(o, uid);
  const name = o.metadata.name ?? o.metadata.generateName ?? '';
  const errs = validateObject(o as unknown as Plain);
  if (errs.length) throw invalid(o.kind, name, errs);
  if (o.kind === 'Service') allocateServiceFields(store, o as unknown as Service);
  if (opts.dryRun) {
    const md = o.metadata;
    const namespaced = resourceForKind(o.kind)?.namespaced !== false;
    if (!md.name && md.generateName) md.name = store.generateName(md.generateName);
    if (namespaced) {
      md.namespace = md.namespace || 'default';
      if (!store.get('Namespace', '', md.namespace)) throw notFound('Namespace', md.namespace);
    }
    if (store.get(o.kind, md.namespace, md.name ?? '')) throw alreadyExists(o.kind, md.name ?? '');
    return o as T;
  }
  return store.create(o, uid ? { uid } : {}) as T;
}
function labelJob(o: KObject, uid: string): void {
  const spec = o.spec as Plain | undefined;
  if (!isPlainObject(spec) || spec.manualSelector === true) return;
  const name = o.metadata.name ?? o.metadata.generateName ?? '';
  const tpl = isPlainObject(spec.template) ? spec.template : undefined;
  if (!tpl) return;
  const md = isPlainObject(tpl.metadata) ? tpl.metadata : (tpl.metadata = {});
  md.labels = { ...(isPlainObject(md.labels) ? md.labels : {}), 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  if (spec.selector === undefined || spec.selector === null) spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
}
const STATUS_RESET = new Set(['Deployment', 'ReplicaSet', 'Job', 'Pod', 'Service', 'Namespace']);

/** Replace an existing object's desired state (kubectl replace / the update half of apply). Throws ApiError. */
export function updateObject<T extends KObject>(store: Store, input: T, opts: WriteOptions = {}): T {
  const old = store.get(input.kind, input.metadata.namespace, input.metadata.name ?? '');
  if (!old) throw notFound(input.kind, input.metadata.name ?? '');
  const o = defaultObject(input);
  // fields the server keeps across updates
  o.metadata.uid = old.metadata.uid;
  o.metadata.creationTimestamp = old.metadata.creationTimestamp;
  if (o.kind === 'Service') {
    const spec = (o.spec ?? {}) as Service['spec'];
    const oldSpec = (old.spec ?? {}) as Service['spec'];
    if (spec.clusterIP === undefined && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (spec.clusterIPs === undefined && oldSpec.clusterIPs) spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (o.kind === 'Secret' && (old as Plain).type !== undefined && (input as Plain).type === undefined) (o as Plain).type = (old as Plain).type;
  const errs = validateObject(o as unknown as Plain, old as unknown as Plain);
  if (errs.length) throw invalid(o.kind, o.metadata.name ?? '', errs);
  if (o.kind === 'Service') allocateServiceFields(store, o as unknown as Service, old as unknown as Service);
  if (opts.dryRun) return o as T;
  // a resourceVersion in the input is a precondition (optimistic concurrency), as on the real API server
  return store.update(o) as T;
}

export type ApplyAction = 'created' | 'configured' | 'unchanged';

/** The last-applied annotation value kubectl writes: sorted-key JSON of the manifest plus a newline. */
export function lastAppliedOf(manifest: KObject): string {
  const m = deepClone(manifest) as Plain & KObject;
  const ann = { ...(m.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  m.metadata = { ...m.metadata, annotations: ann };
  return `${stableStringify(m)}\n`;
}

export interface ApplyObjectResult {
  action: ApplyAction;
  /** the live object had no last-applied annotation (created imperatively): kubectl warns and patches it in */
  missingAnnotation?: boolean;
  object: KObject;
  /** the three-way patch kubectl sent ({} for unchanged) */
  patch: Plain;
}

/**
 * kubectl apply for one object: create with the last-applied annotation when absent, otherwise compute the
 * three-way patch (last-applied, manifest, live); `{}` → unchanged. Throws ApiError.
 */
export function applyObject(store: Store, manifest: KObject, opts: WriteOptions = {}): ApplyObjectResult {
  const annotation = lastAppliedOf(manifest);
  const modified = deepClone(manifest);
  modified.metadata.annotations = { ...(modified.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
  const live = store.get(manifest.kind, manifest.metadata.namespace, manifest.metadata.name ?? '');
  if (!live) {
    const created = createObject(store, modified, opts);
    return { action: 'created', object: created, patch: modified as unknown as Plain };
  }
  let original: unknown = {};
  const prev = live.metadata.annotations?.[LAST_APPLIED];
  if (prev) {
    try {
      original = JSON.parse(prev);
    } catch {
      original = {};
    }
  }
  const patch = threeWayPatch(original, modified, live);
  const missing = prev === undefined;
  if (Object.keys(patch).length === 0) return { action: 'unchanged', object: live, patch, ...(missing ? { missingAnnotation: true } : {}) };
  const next = strategicMergePatch(live, patch) as KObject;
  const out = updateObject(store, next, opts);
  return { action: 'configured', object: out, patch, ...(missing ? { missingAnnotation: true } : {}) };
}

export interface DeleteObjectResult {
  outcome: 'deleted' | 'terminating';
  object: KObject;
}
export function deleteObject(store: Store, kind: string, namespace: string | undefined, name: string, opts: { gracePeriodSeconds?: number; propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; dryRun?: boolean } = {}): DeleteObjectResult {
  if (opts.dryRun) return { outcome: 'deleted', object: store.mustGet(kind, namespace, name) };
  const { dryRun: _d, ...rest } = opts;
  return store.delete(kind, namespace, name, rest);
}

/**
 * Patch through the API (kubectl scale / set image / label / annotate / patch / rollout restart): the patched
 * object is defaulted and validated like an update, so `kubectl scale --replicas=-1` or a bad image policy is
 * rejected with the API server's message. Throws ApiError. Returns the stored object (unchanged if the patch
 * changed nothing).
 */
export function patchObject<T extends KObject = KObject>(
  store: Store, kind: string, namespace: string | undefined, name: string, patch: unknown,
  type: 'strategic' | 'merge' | 'json' = 'strategic', opts: WriteOptions = {},
): T {
  const live = store.mustGet<T>(kind, namespace, name);
  if (type === 'json') return updateObject(store, applyJsonPatchCopy(live, patch), opts) as T;
  const next = (type === 'merge' ? mergePatch(live, patch) : strategicMergePatch(live, patch)) as T;
  if (!isPlainObject(next) || !isPlainObject((next as KObject).metadata)) throw badRequest('the patch must produce an object');
  next.metadata.name = live.metadata.name;
  next.metadata.namespace = live.metadata.namespace;
  next.kind = live.kind;
  next.apiVersion = live.apiVersion;
  return updateObject(store, next, opts) as T;
}

/** RFC 6902 (add / remove / replace) on a copy. */
function applyJsonPatchCopy(doc: KObject, ops: unknown): KObject {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out: unknown = deepClone(doc);
  for (const raw of ops) {
    const op = isPlainObject(raw) ? raw : {};
    const parts = String(op.path ?? '').split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts.length === 0) {
      out = deepClone(op.value);
      continue;
    }
    let parent: unknown = out;
    for (const p of parts.slice(0, -1)) {
      parent = Array.isArray(parent) ? parent[Number(p)] : isPlainObject(parent) ? parent[p] : undefined;
      if (typeof parent !== 'object' || parent === null) throw badRequest(`jsonpatch ${String(op.op)} operation does not apply: doc is missing path: "${String(op.path)}": missing value`);
    }
    const last = parts[parts.length - 1]!;
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, deepClone(op.value));
      else if (op.op === 'remove') parent.splice(i, 1);
      else if (op.op === 'replace') parent[i] = deepClone(op.value);
    } else if (isPlainObject(parent)) {
      if (op.op === 'add' || op.op === 'replace') parent[last] = deepClone(op.value);
      else if (op.op === 'remove') delete parent[last];
    }
  }
  if (!isPlainObject(out)) throw badRequest('the patch must produce an object');
  return out as KObject;
}

// ------------------------------------------------------------------ file level
export type FileCommand = 'apply' | 'create' | 'replace' | 'delete';
export interface FileOptions {
  /** the name kubectl shows in messages, e.g. manifests/llmops-k8s.yaml */
  fileName: string;
  /** namespace for objects without one (default "default") */
  namespace?: string;
  /** true when --namespace/-n was given explicitly: a different namespace in a document is then an error */
  namespaceExplicit?: boolean;
  dryRun?: 'client' | 'server';
  /** --validate: strict (default) rejects unknown fields, warn prints warnings, ignore drops them */
  validate?: 'strict' | 'warn' | 'ignore';
  /** delete: --ignore-not-found */
  ignoreNotFound?: boolean;
  gracePeriodSeconds?: number;
}

export interface FileError {
  /** exactly what kubectl prints on stderr (may span lines) */
  text: string;
  /** document index (0-based), when the error belongs to one document */
  doc?: number;
  /** position of the offending field (or document) in the file, 1-based */
  line?: number;
  col?: number;
  /** field problems with their own positions */
  causes: FieldCause[];
  reason?: string;
}
export interface ObjectOutcome {
  doc: number;
  kind?: string;
  name?: string;
  namespace?: string;
  /** `deployment.apps/llmops-app` */
  ref?: string;
  action?: ApplyAction | 'replaced' | 'deleted';
  error?: FileError;
}
export interface FileResult {
  ok: boolean;
  outcomes: ObjectOutcome[];
  /** lines for stdout, in order */
  stdout: string[];
  /** lines for stderr: warnings first (as they arrive), errors at the end as kubectl prints them */
  stderr: string[];
  errors: FileError[];
  /** the parsed file, for editors that want positions */
  parsed: ParsedFile;
}

function dryRunSuffix(opts: FileOptions): string {
  return opts.dryRun === 'client' ? ' (dry run)' : opts.dryRun === 'server' ? ' (server dry run)' : '';
}

/** Run a file-based kubectl command (apply/create/replace/delete -f) against the store. Never throws. */
export function runFile(store: Store, command: FileCommand, text: string, opts: FileOptions): FileResult {
  const parsed = parseYaml(text);
  const res: FileResult = { ok: true, outcomes: [], stdout: [], stderr: [], errors: [], parsed };
  const warnings: string[] = [];
  const pushErr = (e: FileError) => {
    res.errors.push(e);
    res.ok = false;
  };
  const file = opts.fileName;
  let sawObject = false;
  for (const doc of parsed.docs) {
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      pushErr({ text: kubectlYamlError(file, doc, e, text), doc: doc.index, line: e.line, col: e.col, causes: [], reason: 'YAML' });
      break; // the decoder stops at a broken document
    }
    if (doc.empty || doc.value === null || doc.value === undefined) continue;
    sawObject = true;
    try {
      // `kind: List` (what `kubectl get -o yaml` prints for several objects): each item is handled as a document
      for (const d of expandList(doc)) {
        const oc = runDoc(store, command, d, parsed, opts, warnings);
        res.outcomes.push(oc);
        if (oc.error) pushErr(oc.error);
        else if (oc.action) res.stdout.push(outcomeLine(command, oc, opts));
      }
    } catch (e) {
      // defensive: a bug must not take the terminal down
      pushErr({ text: `error: ${(e as Error).message}`, doc: doc.index, line: doc.startLine, col: 1, causes: [], reason: 'Internal' });
    }
  }
  if (!sawObject && res.errors.length === 0) pushErr({ text: `error: no objects passed to ${command}`, line: 1, col: 1, causes: [] });
  res.stderr.push(...warnings, ...res.errors.map((e) => e.text));
  return res;
}

/** Items of a v1 List as documents of their own (positions stay those of the file). */
function expandList(doc: ParsedDoc): ParsedDoc[] {
  const v = doc.value;
  if (!isPlainObject(v) || v.kind !== 'List' || !Array.isArray(v.items)) return [doc];
  const root = doc.ast.contents;
  const itemsNode = isMap(root) ? root.get('items', true) : undefined;
  return v.items.map((item, i) => {
    const node = isSeq(itemsNode) ? (itemsNode.items[i] as typeof root) : null;
    const ast = { ...doc.ast, contents: node ?? root, range: doc.ast.range } as unknown as ParsedDoc['ast'];
    return { ...doc, value: item, ast };
  });
}

function outcomeLine(command: FileCommand, oc: ObjectOutcome, opts: FileOptions): string {
  if (command === 'delete') {
    const ns = oc.namespace ? ` from ${oc.namespace} namespace` : '';
    return `${oc.ref!.replace('/', ' "')}" deleted${ns}${dryRunSuffix(opts)}`;
  }
  return `${oc.ref} ${oc.action}${dryRunSuffix(opts)}`;
}

function docPos(doc: ParsedDoc, parsed: ParsedFile, path: string): { line?: number; col?: number } {
  const p = locate(doc, path, parsed.lineCounter);
  return p ? { line: p.line, col: p.col } : {};
}

function runDoc(store: Store, command: FileCommand, doc: ParsedDoc, parsed: ParsedFile, opts: FileOptions, warnings: string[]): ObjectOutcome {
  const file = opts.fileName;
  const v = doc.value;
  const base: ObjectOutcome = { doc: doc.index };
  const docStart = { line: doc.startLine, col: 1 };
  if (!isPlainObject(v)) {
    const t = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'object';
    return { ...base, error: { text: `error: error validating "${file}": error validating data: invalid object to validate; json: cannot unmarshal ${t} into Go value of type map[string]interface {}`, doc: doc.index, ...docStart, causes: [] } };
  }
  const apiVersion = v.apiVersion;
  const kind = v.kind;
  const missing: string[] = [];
  if (typeof apiVersion !== 'string' || !apiVersion) missing.push('apiVersion not set');
  if (typeof kind !== 'string' || !kind) missing.push('kind not set');
  if (missing.length) {
    const where = missing.length === 2 || typeof kind !== 'string' || !kind ? 'kind' : 'apiVersion';
    return {
      ...base,
      error: {
        text: `error: error validating "${file}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`,
        doc: doc.index, ...(docPos(doc, parsed, where).line ? docPos(doc, parsed, where) : docStart), causes: [],
      },
    };
  }
  const md = isPlainObject(v.metadata) ? v.metadata : {};
  const name = typeof md.name === 'string' ? md.name : '';
  const docNs = typeof md.namespace === 'string' ? md.namespace : '';
  const rt = resourceForKind(kind as string);
  if (!rt || rt.apiVersion !== apiVersion) {
    return {
      ...base, kind: kind as string, name,
      error: {
        text: `error: resource mapping not found for name: "${name}" namespace: "${docNs}" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
        doc: doc.index, ...docPos(doc, parsed, rt ? 'apiVersion' : 'kind'), causes: [],
      },
    };
  }
  const ns = rt.namespaced ? (docNs || opts.namespace || 'default') : undefined;
  if (rt.namespaced && opts.namespaceExplicit && docNs && opts.namespace && docNs !== opts.namespace) {
    return {
      ...base, kind: rt.kind, name,
      error: { text: `error: the namespace from the provided object "${docNs}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${docNs}' to perform this operation.`, doc: doc.index, ...docPos(doc, parsed, 'metadata.namespace'), causes: [] },
    };
  }
  const outcome: ObjectOutcome = { ...base, kind: rt.kind, name, ref: `${qualifiedSingular(rt)}/${name}`, ...(ns ? { namespace: ns } : {}) };

  // the object as kubectl sends it: namespace filled in, as the builder's DefaultNamespace() does
  const manifest = deepClone(v) as unknown as KObject;
  manifest.metadata = isPlainObject(manifest.metadata) ? manifest.metadata : {};
  if (ns) manifest.metadata.namespace = ns;
  else delete manifest.metadata.namespace;

  if (command === 'delete') return deleteDoc(store, rt, manifest, outcome, doc, parsed, opts);

  // decoding: types, then unknown fields
  const dec = decodeCheck(rt.kind, manifest);
  const decodeFail = (detail: string, path: string, causes: FieldCause[]): ObjectOutcome => {
    const msg = `${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: ${detail}`;
    const live = command === 'apply' ? store.get(rt.kind, ns, name) : undefined;
    const text = live ? patchErrorText(store, rt, manifest, live, file, msg) : `Error from server (BadRequest): error when ${verbing(command)} "${file}": ${msg}`;
    return { ...outcome, error: { text, doc: doc.index, ...docPos(doc, parsed, path), causes, reason: 'BadRequest' } };
  };
  if (dec.typeError) {
    return decodeFail(dec.typeError.message, dec.typeError.path, [{ field: dec.typeError.path, message: dec.typeError.message, doc: doc.index, ...docPos(doc, parsed, dec.typeError.path) }]);
  }
  if (dec.unknown.length) {
    const mode = opts.validate ?? 'strict';
    if (mode === 'strict') {
      const causes = dec.unknown.map((u) => ({ field: u, message: `unknown field "${u}"`, doc: doc.index, ...docPos(doc, parsed, u) }));
      return decodeFail(strictDecodingMessage(dec.unknown), dec.unknown[0]!, causes);
    }
    if (mode === 'warn') for (const u of dec.unknown) warnings.push(`Warning: unknown field "${u}"`);
    for (const u of dec.unknown) dropPath(manifest as unknown as Plain, u);
  }

  const dry = opts.dryRun !== undefined;
  if (command === 'apply' && !name) {
    // kubectl apply GETs the live object first, and a GET needs a name (resource.Helper: "resource name may not be empty")
    const gv = rt.group ? `${rt.group}/${rt.version}` : rt.version;
    return {
      ...outcome,
      error: {
        text: `error: error when retrieving current configuration of:\nResource: "${gv}, Resource=${rt.plural}", GroupVersionKind: "${gv}, Kind=${rt.kind}"\nName: "", Namespace: "${ns ?? ''}"\nfrom server for: "${file}": resource name may not be empty`,
        doc: doc.index, ...docPos(doc, parsed, 'metadata'), causes: [],
      },
    };
  }
  try {
    if (command === 'create') {
      createObject(store, manifest, { dryRun: dry });
      return { ...outcome, action: 'created' };
    }
    if (command === 'replace') {
      const live = store.get(rt.kind, ns, name);
      if (!live) throw notFound(rt.kind, name);
      const rv = manifest.metadata.resourceVersion;
      if (rv && rv !== live.metadata.resourceVersion) throw conflict(rt.kind, name);
      updateObject(store, manifest, { dryRun: dry });
      return { ...outcome, action: 'replaced' };
    }
    const r = applyObject(store, manifest, { dryRun: dry });
    if (r.missingAnnotation) {
      // kubectl's warningNoLastAppliedConfigAnnotation (k8s.io/kubectl/pkg/cmd/apply/apply.go)
      warnings.push(`Warning: resource ${rt.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`);
    }
    return { ...outcome, action: r.action };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const existed = command === 'apply' && store.get(rt.kind, ns, name) !== undefined;
    const fe = apiErrorToFileError(e, command, file, doc, parsed);
    if (existed && e.reason !== 'Invalid') fe.text = patchErrorText(store, rt, manifest, store.get(rt.kind, ns, name)!, file, e.message).replace('(BadRequest)', `(${e.reason})`);
    return { ...outcome, error: fe };
  }
}

function verbing(c: FileCommand): string {
  return c === 'apply' || c === 'create' ? 'creating' : c === 'replace' ? 'replacing' : 'deleting';
}

function apiErrorToFileError(e: ApiError, command: FileCommand, file: string, doc: ParsedDoc, parsed: ParsedFile): FileError {
  const causes = e.causes.map((c) => ({ ...c, doc: doc.index, ...docPos(doc, parsed, c.field) }));
  let text: string;
  if (e.reason === 'Invalid') text = formatKubectlError(e);
  else text = `Error from server (${e.reason}): error when ${verbing(command)} "${file}": ${e.message}`;
  const first = causes[0];
  const pos = first?.line ? { line: first.line, col: first.col } : docPos(doc, parsed, e.reason === 'NotFound' || e.reason === 'AlreadyExists' ? 'metadata.name' : 'metadata');
  return { text, doc: doc.index, ...pos, causes, reason: e.reason };
}

function patchErrorText(store: Store, rt: ResourceType, manifest: KObject, live: KObject, file: string, msg: string): string {
  const modified = deepClone(manifest);
  modified.metadata.annotations = { ...(modified.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(manifest) };
  let original: unknown = {};
  try {
    original = JSON.parse(live.metadata.annotations?.[LAST_APPLIED] ?? '{}');
  } catch {
    original = {};
  }
  const patch = threeWayPatch(original, modified, live);
  void store;
  const gv = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  return [
    'Error from server (BadRequest): error when applying patch:',
    JSON.stringify(patch),
    'to:',
    `Resource: "${gv}, Resource=${rt.plural}", GroupVersionKind: "${gv}, Kind=${rt.kind}"`,
    `Name: "${manifest.metadata.name ?? ''}", Namespace: "${manifest.metadata.namespace ?? ''}"`,
    `for: "${file}": error when patching "${file}": ${msg}`,
  ].join('\n');
}

function deleteDoc(store: Store, rt: ResourceType, manifest: KObject, outcome: ObjectOutcome, doc: ParsedDoc, parsed: ParsedFile, opts: FileOptions): ObjectOutcome {
  const name = manifest.metadata.name ?? '';
  const live = store.get(rt.kind, manifest.metadata.namespace, name);
  if (!live) {
    if (opts.ignoreNotFound) return { ...outcome };
    return {
      ...outcome,
      error: { text: `Error from server (NotFound): error when deleting "${opts.fileName}": ${qualifiedPlural(rt)} "${name}" not found`, doc: doc.index, ...docPos(doc, parsed, 'metadata.name'), causes: [], reason: 'NotFound' },
    };
  }
  deleteObject(store, rt.kind, manifest.metadata.namespace, name, {
    ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}),
    dryRun: opts.dryRun !== undefined,
  });
  return { ...outcome, action: 'deleted' };
}

/** Remove a field by path (`spec.template.spec.containers[0].imagee`) — used by --validate=warn/ignore. */
function dropPath(o: Plain, path: string): void {
  const segs = path.match(/[^.[\]]+/g) ?? [];
  let cur: unknown = o;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    cur = Array.isArray(cur) ? cur[Number(s)] : isPlainObject(cur) ? cur[s] : undefined;
    if (cur === undefined) return;
  }
  if (isPlainObject(cur)) delete cur[segs[segs.length - 1]!];
}
