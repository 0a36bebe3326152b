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
import { ApiError, alreadyExists, badRequest, conflict, forbidden, invalid, notFound, type FieldCause } from './errors';
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
  // admission runs before the strategy's validation: NamespaceLifecycle rejects a missing or terminating
  // namespace first (plugin/pkg/admission/namespace/lifecycle), so `namespaces "x" not found` wins over field errors
  if (resourceForKind(o.kind)?.namespaced !== false) {
    const nsName = o.metadata.namespace || 'default';
    const nsObj = store.get('Namespace', '', nsName);
    if (!nsObj) throw notFound('Namespace', nsName);
    if (nsObj.metadata.deletionTimestamp && !opts.dryRun) {
      throw forbidden(`${resourceForKind(o.kind)?.plural ?? `${o.kind.toLowerCase()}s`} "${name}" is forbidden: unable to create new content in namespace ${nsName} because it is being terminated`);
    }
  }
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
    // storage.go beginUpdate, before validation: patchAllocatedValues puts back what the client left empty,
    // normalizeClusterIPs syncs the plural field with a changed singular one
    if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName') {
      if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
      if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = oldSpec.clusterIPs;
    }
    const sameIPs = JSON.stringify(spec.clusterIPs ?? []) === JSON.stringify(oldSpec.clusterIPs ?? []);
    if (oldSpec.clusterIP && spec.clusterIP && spec.clusterIP !== oldSpec.clusterIP && (!spec.clusterIPs?.length || sameIPs)) spec.clusterIPs = [spec.clusterIP];
  }
  if (o.kind === 'Service') dropTypeDependentFields(o as unknown as Service, old as unknown as Service);
  if (o.kind === 'Secret' && (old as Plain).type !== undefined && (input as Plain).type === undefined) (o as Plain).type = (old as Plain).type;
  const errs = validateObject(o as unknown as Plain, old as unknown as Plain);
  if (errs.length) throw invalid(o.kind, o.metadata.name ?? '', errs);
  if (o.kind === 'Service') allocateServiceFields(store, o as unknown as Service, old as unknown as Service);
  if (opts.dryRun) return o as T;
  // a resourceVersion in the input is a precondition (optimistic concurrency), as on the real API server
  return store.update(o) as T;
}

/**
 * pkg/registry/core/service/strategy.go dropTypeDependentFields (PrepareForUpdate): when a Service changes to a
 * type that does not use a field the server may have filled in, and the user left that field as it was, the
 * field is wiped, so `type: LoadBalancer` → `ClusterIP` by apply does not trip over the allocated nodePorts.
 */
function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = svc.spec as Service['spec'] & Plain | undefined;
  const oldSpec = old.spec as Service['spec'] & Plain | undefined;
  if (!spec || !oldSpec) return;
  const needsNodePort = (t: unknown) => t === 'NodePort' || t === 'LoadBalancer';
  const ports = spec.ports ?? [];
  const oldPorts = oldSpec.ports ?? [];
  const sameNodePorts = ports.length === oldPorts.length && ports.every((p, i) => (p.nodePort ?? 0) === (oldPorts[i]!.nodePort ?? 0));
  if (needsNodePort(oldSpec.type) && !needsNodePort(spec.type) && sameNodePorts) for (const p of ports) delete p.nodePort;
  if (oldSpec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.healthCheckNodePort !== undefined && spec.healthCheckNodePort === oldSpec.healthCheckNodePort) delete spec.healthCheckNodePort;
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass !== undefined && spec.loadBalancerClass === oldSpec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (needsNodePort(oldSpec.type) && !needsNodePort(spec.type) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

export type ApplyAction = 'created' | 'configured' | 'unchanged';

/** The last-applied annotation value kubectl writes: sorted-key JSON of the manifest plus a newline. */
export function lastAppliedOf(manifest: KObject): string {
  const m = deepClone(manifest) as Plain & KObject;
  const ann = { ...(m.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  m.metadata = { ...m.metadata, annotations: ann };
  // unstructured.UnstructuredJSONScheme encodes with encoding/json's Encoder: sorted keys, HTML-escaped <, >, &
  // (and U+2028/U+2029), and the newline Encode adds
  return `${stableStringify(m).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
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
export interface PatchOptions extends WriteOptions {
  /**
   * The request's fieldValidation. Requests without it (kubectl patch, scale, label…) get the server default
   * `Warn`: unknown fields are dropped and reported as `unknown field "spec.x"` warnings. `Strict` rejects them
   * (handlers/patch.go: `The request is invalid: patch: Invalid value: "map[…]": strict decoding error: …`).
   */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** receives the warnings kubectl prints as `Warning: …` */
  warnings?: string[];
}

export function patchObject<T extends KObject = KObject>(
  store: Store, kind: string, namespace: string | undefined, name: string, patch: unknown,
  type: 'strategic' | 'merge' | 'json' = 'strategic', opts: PatchOptions = {},
): T {
  const live = store.mustGet<T>(kind, namespace, name);
  if (type === 'json') return updateObject(store, applyJsonPatchCopy(live, patch), opts) as T;
  // the patch is decoded with the object's types: a wrong type fails the conversion of the patched object (a 422
  // on `patch`, worded by the unstructured converter); unknown fields follow fieldValidation
  const dec = isPlainObject(patch) ? decodeCheck(kind, { apiVersion: live.apiVersion, kind, ...(withoutDirectives(patch) as Plain) }) : { unknown: [] as string[] };
  const patchCause = (detail: string): ApiError => {
    const cause: FieldCause = { field: 'patch', message: `Invalid value: ${goQuote(goPlusV(patch))}: ${detail}` };
    return new ApiError('Invalid', ` "" is invalid: patch: ${cause.message}`, { kind: '', name: '', causes: [cause] });
  };
  if (dec.typeError) throw patchCause(dec.typeError.converterMessage);
  const mode = opts.fieldValidation ?? 'Warn';
  if (dec.unknown.length && mode === 'Strict') throw patchCause(strictDecodingMessage(dec.unknown));
  const next = (type === 'merge' ? mergePatch(live, patch) : strategicMergePatch(live, patch)) as T;
  if (!isPlainObject(next) || !isPlainObject((next as KObject).metadata)) throw badRequest('the patch must produce an object');
  if (dec.unknown.length) {
    if (mode === 'Warn') for (const u of dec.unknown) opts.warnings?.push(`Warning: unknown field "${u}"`);
    for (const u of dec.unknown) dropPath(next as unknown as Plain, u);
  }
  next.metadata.name = live.metadata.name;
  next.metadata.namespace = live.metadata.namespace;
  next.kind = live.kind;
  next.apiVersion = live.apiVersion;
  return updateObject(store, next, opts) as T;
}

/** A strategic merge patch without its `$patch` / `$setElementOrder/…` directives (they are not fields). */
function withoutDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDirectives);
  if (!isPlainObject(v)) return v;
  const out: Plain = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = withoutDirectives(x);
  return out;
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
  /** exactly what kubectl prints on stderr for this error (may span lines) */
  text: string;
  /** document index (0-based), when the error belongs to one document */
  doc?: number;
  /** position of the offending field (or document) in the file, 1-based */
  line?: number;
  col?: number;
  /** field problems with their own positions */
  causes: FieldCause[];
  reason?: string;
  /** the file the error belongs to (runFiles with several sources) */
  source?: string;
  /**
   * What kubectl prints when this is its only error (checkErr: `error: …`, `The Deployment "x" is invalid: …`)
   * and when it is one of several (MultipleErrors: the bare message, `Error from server (Invalid): …`).
   */
  single: string;
  multi: string;
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
  /** the file the object came from */
  source?: string;
}
export interface FileResult {
  ok: boolean;
  outcomes: ObjectOutcome[];
  /** lines for stdout, in order */
  stdout: string[];
  /** lines for stderr: warnings first (as they arrive), errors at the end as kubectl prints them */
  stderr: string[];
  errors: FileError[];
  /** the parsed file, for editors that want positions (the first source's, for runFiles) */
  parsed: ParsedFile;
  /**
   * Everything kubectl writes, in the order a terminal shows it: each object's warnings (stderr) come before its
   * `configured` line (stdout), as kubectl prints them while it goes; the errors come last, when it exits.
   */
  output: Array<{ stream: 'stdout' | 'stderr'; text: string }>;
}

function dryRunSuffix(opts: FileOptions): string {
  return opts.dryRun === 'client' ? ' (dry run)' : opts.dryRun === 'server' ? ' (server dry run)' : '';
}

// ------------------------------------------------------------------ error shapes (kubectl's cmdutil.checkErr)
/** A client-side error (fmt.Errorf): alone, checkErr prefixes `error: `; among several, MultipleErrors prints it bare. */
function plainError(msg: string, at: Omit<FileError, 'text' | 'single' | 'multi' | 'causes'> & { causes?: FieldCause[] }): FileError {
  const single = msg.startsWith('error: ') ? msg : `error: ${msg}`;
  return { causes: [], ...at, text: single, single, multi: msg };
}
/**
 * An API status error (apierrors.StatusError) after kubectl's AddSourceToErr: alone, an Invalid one prints as
 * `The Kind "name" is invalid: …` (one cause) or with `\n* ` bullets (several; MultilineError), others as
 * `Error from server (Reason): message`; among several errors every one prints as `Error from server (Reason): message`.
 */
function statusError(reason: string, message: string, at: Omit<FileError, 'text' | 'single' | 'multi' | 'causes' | 'reason'> & { causes?: FieldCause[] }, invalid?: { kind: string; name: string; causes: FieldCause[] }): FileError {
  const multi = `Error from server (${reason}): ${message}`;
  let single = multi;
  if (invalid) {
    const head = invalid.kind || invalid.name ? `The ${invalid.kind} "${invalid.name}" is invalid` : 'The request is invalid';
    const msgs = [...new Set(invalid.causes.map((c) => `${c.field}: ${c.message}`))];
    single = msgs.length === 0 ? head : msgs.length === 1 ? `${head}: ${msgs[0]}` : `${head}: \n${msgs.map((m) => `* ${m}`).join('\n')}`;
  }
  return { causes: [], ...at, reason, text: single, single, multi };
}

/**
 * The error texts kubectl prints for a run, in order. `groups` are the errors as kubectl's command collects them:
 * an inner array is one aggregate (apply's GetObjects: every parse/mapping error of every file, flattened).
 * One error → checkErr (an aggregate of several prints each member bare, one per line); several → MultipleErrors
 * (an inner aggregate prints as Go's Aggregate.Error(): `[a, b]`).
 */
function errorTexts(groups: Array<FileError | FileError[]>): string[] {
  const gs = groups.filter((g) => !Array.isArray(g) || g.length > 0).map((g) => (Array.isArray(g) && g.length === 1 ? g[0]! : g));
  if (gs.length === 1) {
    const g = gs[0]!;
    if (!Array.isArray(g)) {
      g.text = g.single;
      return [g.single];
    }
    for (const e of g) e.text = e.multi;
    return g.map((e) => e.multi);
  }
  return gs.map((g) => {
    if (!Array.isArray(g)) {
      g.text = g.multi;
      return g.multi;
    }
    const uniq = [...new Set(g.map((e) => e.multi))];
    const t = uniq.length === 1 ? uniq[0]! : `[${uniq.join(', ')}]`;
    for (const e of g) e.text = t;
    return t;
  });
}

// ------------------------------------------------------------------ reading files (kubectl's resource.Builder)
interface LoadedDoc {
  source: string;
  doc: ParsedDoc;
  parsed: ParsedFile;
  rt: ResourceType;
  manifest: KObject;
  outcome: ObjectOutcome;
}
type LoadStep = { item: LoadedDoc } | { error: FileError; stop?: boolean };

/**
 * The documents of one file as kubectl's builder reads them (StreamVisitor + infoForData): a YAML error or a
 * document failing `error validating data` (no kind/apiVersion, not a mapping) ends the file; an unknown kind
 * (`resource mapping not found`) or a namespace mismatch skips that document only.
 */
function loadFile(text: string, opts: FileOptions & { fileName: string }): { parsed: ParsedFile; steps: LoadStep[] } {
  const parsed = parseYaml(text);
  const steps: LoadStep[] = [];
  const file = opts.fileName;
  for (const doc of parsed.docs) {
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const msg = kubectlYamlError(file, doc, e, text).replace(/^error: /, '');
      steps.push({ error: plainError(msg, { doc: doc.index, line: e.line, col: e.col, reason: 'YAML', source: file }), stop: true });
      break; // the decoder stops at a broken document
    }
    if (doc.empty || doc.value === null || doc.value === undefined) continue;
    let stop = false;
    for (const d of expandList(doc)) {
      const st = loadDoc(d, parsed, opts);
      steps.push(st);
      if ('error' in st && st.stop) {
        stop = true;
        break;
      }
    }
    if (stop) break;
  }
  return { parsed, steps };
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

function docPos(doc: ParsedDoc, parsed: ParsedFile, path: string): { line?: number; col?: number } {
  const p = locate(doc, path, parsed.lineCounter);
  return p ? { line: p.line, col: p.col } : {};
}
function docStart(doc: ParsedDoc): { line: number; col: number } {
  return { line: doc.startLine, col: 1 };
}
const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

function loadDoc(doc: ParsedDoc, parsed: ParsedFile, opts: FileOptions & { fileName: string }): LoadStep {
  const file = opts.fileName;
  const v = doc.value;
  const at = { doc: doc.index, source: file };
  const validating = opts.validate !== 'ignore';
  if (!isPlainObject(v)) {
    // kubectl's schema check (validation.getObjectKind) before anything else: `invalid object to validate`
    if (validating) return { error: plainError(`error validating "${file}": error validating data: invalid object to validate; ${STOP_VALIDATE}`, { ...at, ...docStart(doc) }), stop: true };
    const t = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'object';
    return { error: plainError(`unable to decode "${file}": json: cannot unmarshal ${t} into Go value of type unstructured.detector`, { ...at, ...docStart(doc) }) };
  }
  const apiVersion = v.apiVersion;
  const kind = v.kind;
  // k8s.io/kubectl/pkg/validation/schema.go getObjectKind: the problems with apiVersion and kind, as an aggregate
  const problems: string[] = [];
  if (apiVersion === undefined || apiVersion === null) problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2 || apiVersion.startsWith('/') || apiVersion.endsWith('/')) problems.push(`unexpected GroupVersion string: ${apiVersion}`);
  if (kind === undefined || kind === null) problems.push('kind not set');
  else if (typeof kind !== 'string') problems.push("kind isn't string type");
  if (problems.length && validating) {
    const where = kind === undefined || kind === null || typeof kind !== 'string' ? 'kind' : 'apiVersion';
    const agg = problems.length === 1 ? problems[0]! : `[${problems.join(', ')}]`;
    return {
      error: plainError(`error validating "${file}": error validating data: ${agg}; ${STOP_VALIDATE}`, { ...at, ...(docPos(doc, parsed, where).line ? docPos(doc, parsed, where) : docStart(doc)) }),
      stop: true,
    };
  }
  if (typeof kind !== 'string' || !kind || typeof apiVersion !== 'string') {
    // without validation the unstructured decoder complains (apimachinery unstructured.go)
    const what = typeof kind !== 'string' || !kind ? 'Kind' : 'Version';
    return { error: plainError(`unable to decode "${file}": Object '${what}' is missing in '${stableStringify(v)}'`, { ...at, ...docStart(doc) }) };
  }
  const md = isPlainObject(v.metadata) ? v.metadata : {};
  const name = typeof md.name === 'string' ? md.name : '';
  const docNs = typeof md.namespace === 'string' ? md.namespace : '';
  const rt = resourceForKind(kind);
  if (!rt || rt.apiVersion !== apiVersion) {
    return {
      error: plainError(`resource mapping not found for name: "${name}" namespace: "${docNs}" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`, {
        ...at, ...docPos(doc, parsed, rt ? 'apiVersion' : 'kind'),
      }),
    };
  }
  const ns = rt.namespaced ? (docNs || opts.namespace || 'default') : undefined;
  if (rt.namespaced && opts.namespaceExplicit && docNs && opts.namespace && docNs !== opts.namespace) {
    return {
      error: plainError(`the namespace from the provided object "${docNs}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${docNs}' to perform this operation.`, { ...at, ...docPos(doc, parsed, 'metadata.namespace') }),
    };
  }
  const outcome: ObjectOutcome = { doc: doc.index, kind: rt.kind, name, ref: `${qualifiedSingular(rt)}/${name}`, source: file, ...(ns ? { namespace: ns } : {}) };
  // the object as kubectl sends it: namespace filled in, as the builder's DefaultNamespace() does
  const manifest = deepClone(v) as unknown as KObject;
  manifest.metadata = isPlainObject(manifest.metadata) ? manifest.metadata : {};
  if (ns) manifest.metadata.namespace = ns;
  else delete manifest.metadata.namespace;
  return { item: { source: file, doc, parsed, rt, manifest, outcome } };
}

// ------------------------------------------------------------------ running files
export interface FileSource {
  /** the name kubectl shows (`manifests/llmops-k8s.yaml`, `STDIN`) */
  name: string;
  text: string;
}

/** Run a file-based kubectl command (apply/create/replace/delete -f) against the store. Never throws. */
export function runFile(store: Store, command: FileCommand, text: string, opts: FileOptions): FileResult {
  return runFiles(store, command, [{ name: opts.fileName, text }], opts);
}

/**
 * Run a file-based kubectl command over several sources (`-f a.yaml -f b.yaml`, `-f dir/`) as ONE kubectl
 * invocation: kubectl collects the errors of all files before it prints them, and whether there is one error
 * or several decides how each is printed. apply reads every file first (ApplyOptions.GetObjects) and applies
 * afterwards, so its read errors come before its write errors; create/replace/delete report in document order.
 * Never throws.
 */
export function runFiles(store: Store, command: FileCommand, sources: FileSource[], opts: Omit<FileOptions, 'fileName'> & { fileName?: string }): FileResult {
  const outcomes: ObjectOutcome[] = [];
  const stdout: string[] = [];
  const warnings: string[] = [];
  const loadErrors: FileError[] = [];
  const ordered: FileError[] = [];
  const writeErrors: FileError[] = [];
  let firstParsed: ParsedFile | undefined;
  let objects = 0;
  const output: FileResult['output'] = [];
  let flushed = 0;
  const flushWarnings = () => {
    for (; flushed < warnings.length; flushed++) output.push({ stream: 'stderr', text: warnings[flushed]! });
  };
  const write = (item: LoadedDoc): void => {
    let oc: ObjectOutcome;
    try {
      oc = writeDoc(store, command, item, { ...opts, fileName: item.source }, warnings);
    } catch (e) {
      // defensive: a bug must not take the terminal down
      oc = { ...item.outcome, error: plainError(`${(e as Error).message}`, { doc: item.doc.index, ...docStart(item.doc), reason: 'Internal', source: item.source }) };
    }
    outcomes.push(oc);
    if (oc.error) (command === 'apply' ? writeErrors : ordered).push(oc.error);
    flushWarnings();
    if (!oc.error && oc.action) {
      stdout.push(outcomeLine(command, oc, opts));
      output.push({ stream: 'stdout', text: stdout[stdout.length - 1]! });
    }
  };
  const loaded: LoadedDoc[] = [];
  for (const src of sources) {
    const { parsed, steps } = loadFile(src.text, { ...opts, fileName: src.name });
    firstParsed ??= parsed;
    for (const st of steps) {
      if ('error' in st) {
        (command === 'apply' ? loadErrors : ordered).push(st.error);
        outcomes.push({ doc: st.error.doc ?? 0, error: st.error, source: src.name });
        continue;
      }
      objects++;
      if (command === 'apply') loaded.push(st.item);
      else write(st.item);
    }
  }
  for (const item of loaded) write(item);
  const errors = command === 'apply' ? [...loadErrors, ...writeErrors] : ordered;
  let texts: string[];
  if (errors.length === 0 && objects === 0) {
    const e = plainError(`no objects passed to ${command}`, { line: 1, col: 1 });
    errors.push(e);
    texts = [e.single];
  } else {
    texts = command === 'apply' ? errorTexts([loadErrors, ...writeErrors]) : errorTexts([ordered]);
  }
  return {
    ok: errors.length === 0, outcomes, stdout, stderr: [...warnings, ...texts], errors,
    output: [...output, ...texts.map((text) => ({ stream: 'stderr' as const, text }))],
    parsed: firstParsed ?? parseYaml(''),
  };
}

function outcomeLine(command: FileCommand, oc: ObjectOutcome, opts: Pick<FileOptions, 'dryRun'>): string {
  if (command === 'delete') {
    const ns = oc.namespace ? ` from ${oc.namespace} namespace` : '';
    return `${oc.ref!.replace('/', ' "')}" deleted${ns}${dryRunSuffix(opts as FileOptions)}`;
  }
  return `${oc.ref} ${oc.action}${dryRunSuffix(opts as FileOptions)}`;
}

/** GroupVersionResource.String() / GroupVersionKind.String(): `apps/v1, Resource=deployments`, `/v1, Kind=Service`. */
function gvrString(rt: ResourceType): string {
  return `${rt.group ?? ''}/${rt.version}, Resource=${rt.plural}`;
}
function gvkString(rt: ResourceType): string {
  return `${rt.group ?? ''}/${rt.version}, Kind=${rt.kind}`;
}
/** resource.Info.String() */
function infoString(rt: ResourceType, name: string, ns: string): string {
  return `Resource: "${gvrString(rt)}", GroupVersionKind: "${gvkString(rt)}"\nName: "${name}", Namespace: "${ns}"`;
}

function writeDoc(store: Store, command: FileCommand, item: LoadedDoc, opts: FileOptions, warnings: string[]): ObjectOutcome {
  const { doc, parsed, rt, manifest, outcome } = item;
  const file = opts.fileName;
  // the builder reads the name with the unstructured accessor: anything but a string reads as ""
  const name = outcome.name ?? '';
  const ns = manifest.metadata.namespace;
  const at = { doc: doc.index, source: file };
  if (command === 'delete') return deleteDoc(store, rt, manifest, outcome, doc, parsed, opts);

  const clientDry = opts.dryRun === 'client';
  const generateName = typeof manifest.metadata.generateName === 'string' ? manifest.metadata.generateName : '';
  if (command === 'apply' && !name && generateName) {
    // apply.go applyOneObject checks this before anything else
    return { ...outcome, error: plainError(`from ${generateName}: cannot use generate name with apply`, { ...at, ...docPos(doc, parsed, 'metadata.generateName') }) };
  }
  if (command === 'apply' && !name) {
    // kubectl apply GETs the live object first, and a GET needs a name (resource.Helper: "resource name may not be empty")
    return {
      ...outcome,
      error: plainError(`error when retrieving current configuration of:\n${infoString(rt, '', ns ?? '')}\nfrom server for: "${file}": resource name may not be empty`, { ...at, ...docPos(doc, parsed, 'metadata') }),
    };
  }
  const live = command === 'create' ? undefined : store.get(rt.kind, ns, name);
  // --dry-run=client sends nothing: apply prints created/configured (apply.go skips the patch), create prints created
  if (clientDry && command !== 'replace') return { ...outcome, action: command === 'apply' && live ? 'configured' : 'created' };

  if (command === 'apply' && live && live.metadata.annotations?.[LAST_APPLIED] === undefined) {
    // kubectl's warningNoLastAppliedConfigAnnotation (k8s.io/kubectl/pkg/cmd/apply/apply.go), printed before it
    // sends the patch (so before the server's own warnings, and even when the patch then fails)
    warnings.push(`Warning: resource ${rt.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`);
  }
  // decoding: types, then unknown fields (the server's strict JSON decoder)
  const dec = decodeCheck(rt.kind, manifest);
  const patchPath = command === 'apply' && live !== undefined;
  if (dec.typeError) {
    const cause = { field: dec.typeError.path, message: dec.typeError.message, doc: doc.index, ...docPos(doc, parsed, dec.typeError.path) };
    if (patchPath) return { ...outcome, error: patchInvalid(rt, manifest, live!, file, dec.typeError.converterMessage, at, docPos(doc, parsed, dec.typeError.path), [cause]) };
    return { ...outcome, error: decodeBadRequest(command, rt, file, dec.typeError.message, at, docPos(doc, parsed, dec.typeError.path), [cause]) };
  }
  if (dec.unknown.length) {
    const mode = opts.validate ?? 'strict';
    if (mode === 'strict') {
      const causes = dec.unknown.map((u) => ({ field: u, message: `unknown field "${u}"`, doc: doc.index, ...docPos(doc, parsed, u) }));
      const pos = docPos(doc, parsed, dec.unknown[0]!);
      if (patchPath) return { ...outcome, error: patchInvalid(rt, manifest, live!, file, strictDecodingMessage(dec.unknown), at, pos, causes) };
      return { ...outcome, error: decodeBadRequest(command, rt, file, strictDecodingMessage(dec.unknown), at, pos, causes) };
    }
    if (mode === 'warn') for (const u of dec.unknown) warnings.push(`Warning: unknown field "${u}"`);
    for (const u of dec.unknown) dropPath(manifest as unknown as Plain, u);
  }

  const dry = opts.dryRun !== undefined;
  try {
    if (command === 'create') {
      // generateName: kubectl prints the name the server chose (deployment.apps/web-x7k2p created)
      const made = createObject(store, manifest, { dryRun: dry });
      const madeName = made.metadata.name ?? name;
      return { ...outcome, name: madeName, ref: `${qualifiedSingular(rt)}/${madeName}`, action: 'created' };
    }
    if (command === 'replace') {
      if (!live) throw notFound(rt.kind, name);
      const rv = manifest.metadata.resourceVersion;
      if (rv && rv !== live.metadata.resourceVersion) throw conflict(rt.kind, name);
      updateObject(store, manifest, { dryRun: dry });
      return { ...outcome, action: 'replaced' };
    }
    const r = applyObject(store, manifest, { dryRun: dry });
    return { ...outcome, action: r.action };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { ...outcome, error: apiErrorToFileError(e, command, rt, manifest, live, file, doc, parsed) };
  }
}

function verbing(c: FileCommand): string {
  return c === 'apply' || c === 'create' ? 'creating' : c === 'replace' ? 'replacing' : 'deleting';
}

/** POST/PUT decoding failure: 400 BadRequest `Kind in version "v1" cannot be handled as a Kind: …` (handlers/create.go). */
function decodeBadRequest(command: FileCommand, rt: ResourceType, file: string, detail: string, at: { doc: number; source: string }, pos: { line?: number; col?: number }, causes: FieldCause[]): FileError {
  const msg = `${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: ${detail}`;
  return statusError('BadRequest', `error when ${verbing(command)} "${file}": ${msg}`, { ...at, ...pos, causes });
}

/**
 * The apply PATCH failing to decode (handlers/patch.go applyPatchToObject): a 422 with an empty kind and name
 * and one cause `patch: Invalid value: "<the patch as Go's %+v prints a map>": <decoder error>`, so kubectl
 * prints `The request is invalid: patch: Invalid value: "map[…]": strict decoding error: unknown field "…"`.
 */
function patchInvalid(rt: ResourceType, manifest: KObject, live: KObject, file: string, detail: string, at: { doc: number; source: string }, pos: { line?: number; col?: number }, causes: FieldCause[]): FileError {
  const patch = applyPatchFor(manifest, live);
  const cause: FieldCause = { field: 'patch', message: `Invalid value: ${goQuote(goPlusV(patch))}: ${detail}` };
  const serverMsg = ` "" is invalid: patch: ${cause.message}`;
  return statusError('Invalid', patchMessage(rt, manifest, file, patch, serverMsg), { ...at, ...pos, causes }, { kind: '', name: '', causes: [cause] });
}

/** The patch kubectl apply sends for a manifest over a live object (three-way, with the new last-applied). */
function applyPatchFor(manifest: KObject, live: KObject): Plain {
  const modified = deepClone(manifest);
  modified.metadata.annotations = { ...(modified.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(manifest) };
  let original: unknown = {};
  try {
    original = JSON.parse(live.metadata.annotations?.[LAST_APPLIED] ?? '{}');
  } catch {
    original = {};
  }
  return threeWayPatch(original, modified, live);
}

/** apply.go + patcher.go: AddSourceToErr("applying patch:\n<patch>\nto:\n<info>\nfor:", AddSourceToErr("patching", err)). */
function patchMessage(rt: ResourceType, manifest: KObject, file: string, patch: Plain, msg: string): string {
  return `error when applying patch:\n${stableStringify(patch)}\nto:\n${infoString(rt, manifest.metadata.name ?? '', manifest.metadata.namespace ?? '')}\nfor: "${file}": error when patching "${file}": ${msg}`;
}

/** Go's fmt %+v of a decoded JSON value: map[k:v …] with sorted keys, [a b] for slices, <nil> for null. */
export function goPlusV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPlusV).join(' ')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `map[${keys.map((k) => `${k}:${goPlusV(v[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : goFloat(v);
  return String(v);
}
function goFloat(v: number): string {
  // %v of a float64 is %g with the shortest representation: exponent form below 1e-4 and from 1e21
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e21)) return v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(v);
}
/** Go's %q of a string (strconv.Quote): printable characters kept, quotes and control characters escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function apiErrorToFileError(e: ApiError, command: FileCommand, rt: ResourceType, manifest: KObject, live: KObject | undefined, file: string, doc: ParsedDoc, parsed: ParsedFile): FileError {
  const causes = e.causes.map((c) => ({ ...c, doc: doc.index, ...docPos(doc, parsed, c.field) }));
  const first = causes[0];
  const pos = first?.line ? { line: first.line, col: first.col } : docPos(doc, parsed, e.reason === 'NotFound' || e.reason === 'AlreadyExists' ? 'metadata.name' : 'metadata');
  const at = { doc: doc.index, source: file, ...pos, causes };
  const message = command === 'apply' && live
    ? patchMessage(rt, manifest, file, applyPatchFor(manifest, live), e.message)
    : `error when ${verbing(command)} "${file}": ${e.message}`;
  return statusError(e.reason, message, at, e.reason === 'Invalid' ? { kind: e.kind ?? '', name: e.objectName ?? '', causes: e.causes } : undefined);
}

function deleteDoc(store: Store, rt: ResourceType, manifest: KObject, outcome: ObjectOutcome, doc: ParsedDoc, parsed: ParsedFile, opts: FileOptions): ObjectOutcome {
  const name = manifest.metadata.name ?? '';
  if (opts.dryRun === 'client') return { ...outcome, action: 'deleted' };
  const live = store.get(rt.kind, manifest.metadata.namespace, name);
  if (!live) {
    if (opts.ignoreNotFound) return { ...outcome };
    return {
      ...outcome,
      error: statusError('NotFound', `error when deleting "${opts.fileName}": ${qualifiedPlural(rt)} "${name}" not found`, { doc: doc.index, source: opts.fileName, ...docPos(doc, parsed, 'metadata.name') }),
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
