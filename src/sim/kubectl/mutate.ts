// Commands that change the cluster: apply, create, delete, scale, set image, label/annotate, rollout, expose, edit.
import type { KObject, Deployment, ReplicaSet, Pod, Service } from '../api/types';
import { resolveResourceType, resourceForKind, qualifiedSingular, qualifiedPlural, type ResourceType } from '../api/registry';
import { ApiError, formatKubectlError } from '../api/errors';
import { parseYaml, kubectlYamlError } from '../yaml/parse';
import { runFile, patchObject } from '../api/server';
import { threeWayPatch } from '../store/patch';
import { isValidLabelValue } from '../validate/names';
import type { ProgramResult } from '../shell/types';
import { displayPath } from '../shell/vfs';
import { changeCause, type Kctx } from './kubectl';
import { applyObject, createObject, updateObject } from './write';
import { genSecret, genConfigMap, genDeployment, genService, genNamespace, genJob, forServer, type GenResult } from './generators';
import { toYaml, toJson } from './output';
import { parseTargets, nsFor } from './get';
import { newReplicaSet } from './describe';
import { rfc3339 } from '../shell/time';
import { formatApiError } from './errors';

export interface ManifestObject { file: string; obj: KObject }

/** Reads -f sources as files: files, directories (*.yaml, *.yml, *.json, sorted) and `-` (stdin). */
export function readSources(k: Kctx, files: string[]): { sources: Array<{ name: string; text: string }>; errors: string[] } {
  const out: Array<{ name: string; text: string }> = [];
  const errors: string[] = [];
  const recursive = k.bool('recursive');
  for (const f of files) {
    let sources: Array<{ name: string; text: string }> = [];
    if (f === '-') sources = [{ name: 'STDIN', text: k.io.stdin ?? '' }];
    else if (/^https?:\/\//.test(f)) { errors.push(`error: unable to read URL "${f}", server reported 404 Not Found, status code=404`); continue; }
    else {
      const abs = k.resolve(f);
      if (k.world.vfs.isFile(abs)) sources = [{ name: f, text: k.world.vfs.read(abs)! }];
      else if (k.world.vfs.isDir(abs)) {
        const all = recursive ? k.world.vfs.walk(abs) : k.world.vfs.list(abs).filter((n) => !n.endsWith('/')).map((n) => abs + '/' + n);
        sources = all.filter((p) => /\.(ya?ml|json)$/.test(p)).map((p) => ({ name: displayPath(k.cwd, p), text: k.world.vfs.read(p) ?? '' }));
        if (sources.length === 0) { errors.push(`error: error reading [${f}]: recognized file extensions are [.json .yaml .yml]`); continue; }
      } else { errors.push(`error: the path "${f}" does not exist`); continue; }
    }
    out.push(...sources);
  }
  return { sources: out, errors };
}

/** apply -f / create -f through the API server's file path (strict decoding, validation, per-object lines). */
function runFiles(k: Kctx, command: 'apply' | 'create' | 'replace'): number {
  const files = k.list('filename');
  if (files.length === 0) { k.io.err('error: must specify one of -f and -k\n'); return 1; }
  const dry = k.flag('dry-run');
  if (dry && !['none', 'client', 'server'].includes(dry)) { k.io.err(`error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".\n`); return 1; }
  const validate = k.flag('validate');
  const { sources, errors } = readSources(k, files);
  const store = k.world.cluster!.store;
  let ok = errors.length === 0;
  for (const src of sources) {
    const r = runFile(store, command, src.text, {
      fileName: src.name, namespace: k.ns, namespaceExplicit: k.p.flags.has('namespace'),
      ...(dry === 'client' || dry === 'server' ? { dryRun: dry } : {}),
      ...(validate === 'warn' || validate === 'ignore' || validate === 'strict' ? { validate } : validate === 'false' ? { validate: 'ignore' as const } : {}),
    });
    for (const line of r.stdout) k.io.out(line + '\n');
    const warn = r.stderr.filter((l) => l.startsWith('Warning:'));
    for (const w of warn) k.io.err(w + '\n');
    errors.push(...r.stderr.filter((l) => !l.startsWith('Warning:')));
    if (!r.ok) ok = false;
    k.world.settle();
  }
  for (const e of errors) k.io.err(e + '\n');
  return ok && errors.length === 0 ? 0 : 1;
}

/** Reads -f sources: files, directories (*.yaml, *.yml, *.json) and `-` (stdin). */
export function readManifests(k: Kctx, files: string[]): { objs: ManifestObject[]; errors: string[] } {
  const objs: ManifestObject[] = [];
  const errors: string[] = [];
  const recursive = k.bool('recursive');
  for (const f of files) {
    let sources: Array<{ name: string; text: string }> = [];
    if (f === '-') sources = [{ name: 'STDIN', text: k.io.stdin ?? '' }];
    else if (/^https?:\/\//.test(f)) { errors.push(`error: unable to read URL "${f}", server reported 404 Not Found, status code=404`); continue; }
    else {
      const abs = k.resolve(f);
      if (k.world.vfs.isFile(abs)) sources = [{ name: f, text: k.world.vfs.read(abs)! }];
      else if (k.world.vfs.isDir(abs)) {
        const all = recursive ? k.world.vfs.walk(abs) : k.world.vfs.list(abs).filter((n) => !n.endsWith('/')).map((n) => abs + '/' + n);
        sources = all.filter((p) => /\.(ya?ml|json)$/.test(p)).map((p) => ({ name: displayPath(k.cwd, p), text: k.world.vfs.read(p) ?? '' }));
        if (sources.length === 0) { errors.push(`error: error reading [${f}]: recognized file extensions are [.json .yaml .yml]`); continue; }
      } else { errors.push(`error: the path "${f}" does not exist`); continue; }
    }
    for (const src of sources) {
      const parsed = parseYaml(src.text);
      for (const doc of parsed.docs) {
        if (doc.errors.length) { errors.push(kubectlYamlError(src.name, doc, doc.errors[0]!)); break; }
        if (doc.empty || doc.value === null || doc.value === undefined) continue;
        if (typeof doc.value !== 'object' || Array.isArray(doc.value)) { errors.push(`error: error validating "${src.name}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`); continue; }
        const o = doc.value as KObject;
        const missing = [!o.apiVersion ? 'apiVersion not set' : '', !o.kind ? 'kind not set' : ''].filter(Boolean);
        if (missing.length) { errors.push(`error: error validating "${src.name}": error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}; if you choose to ignore these errors, turn validation off with --validate=false`); continue; }
        if (o.kind === 'List' && Array.isArray((o as { items?: unknown }).items)) { for (const it of (o as unknown as { items: KObject[] }).items) objs.push({ file: src.name, obj: it }); continue; }
        objs.push({ file: src.name, obj: { ...o, metadata: (o.metadata && typeof o.metadata === 'object' ? o.metadata : {}) } });
      }
    }
  }
  return { objs, errors };
}

function typeFor(o: KObject): ResourceType | undefined {
  const rt = resourceForKind(o.kind);
  return rt && rt.apiVersion === o.apiVersion ? rt : undefined;
}

function mappingError(m: ManifestObject, ns: string): string {
  return `error: resource mapping not found for name: "${m.obj.metadata.name ?? ''}" namespace: "${m.obj.metadata.namespace ?? (resourceForKind(m.obj.kind)?.namespaced === false ? '' : ns === 'default' ? '' : ns)}" from "${m.file}": no matches for kind "${m.obj.kind}" in version "${m.obj.apiVersion}"\nensure CRDs are installed first`;
}

function writeError(e: unknown, verb: 'creating' | 'applying patch' | 'retrieving current configuration of', m: ManifestObject): string {
  if (e instanceof ApiError) {
    if (e.reason === 'Invalid') return formatKubectlError(e);
    if (e.reason === 'BadRequest' && /strict decoding error/.test(e.message)) return `Error from server (BadRequest): error when creating "${m.file}": ${e.message}`;
    return `Error from server (${e.reason}): error when ${verb} "${m.file}": ${e.message}`;
  }
  return formatApiError(e);
}

function dryTag(k: Kctx): string {
  const d = k.flag('dry-run');
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

function printObjects(k: Kctx, objs: KObject[]): boolean {
  const o = k.flag('output');
  if (o === 'yaml') { k.io.out(objs.map((x) => toYaml(x)).join('---\n')); return true; }
  if (o === 'json') { k.io.out(objs.map((x) => toJson(x)).join('')); return true; }
  return false;
}

export function cmdApply(k: Kctx): ProgramResult {
  if (k.flag('output') !== 'yaml' && k.flag('output') !== 'json') return runFiles(k, 'apply');
  const files = k.list('filename');
  if (files.length === 0) { k.io.err("error: must specify one of -f and -k\n"); return 1; }
  const { objs, errors } = readManifests(k, files);
  const dry = k.flag('dry-run');
  if (dry && !['none', 'client', 'server'].includes(dry)) { k.io.err(`error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".\n`); return 1; }
  const store = k.world.cluster!.store;
  const printed: KObject[] = [];
  for (const m of objs) {
    const rt = typeFor(m.obj);
    if (!rt) { errors.push(mappingError(m, k.ns)); continue; }
    if (rt.namespaced && m.obj.metadata.namespace && k.p.flags.has('namespace') && m.obj.metadata.namespace !== k.ns) {
      errors.push(`error: the namespace from the provided object "${m.obj.metadata.namespace}" does not match the namespace "${k.ns}". You must pass '--namespace=${m.obj.metadata.namespace}' to perform this operation.`);
      continue;
    }
    try {
      const r = applyObject(store, m.obj, k.ns, !!dry && dry !== 'none');
      if (!printObjects(k, [r.object])) k.io.out(`${qualifiedSingular(rt)}/${m.obj.metadata.name} ${r.action}${dryTag(k)}\n`);
      printed.push(r.object);
      k.world.settle();
    } catch (e) {
      errors.push(writeError(e, store.get(m.obj.kind, m.obj.metadata.namespace ?? k.ns, m.obj.metadata.name ?? '') ? 'applying patch' : 'creating', m));
    }
  }
  if (objs.length === 0 && errors.length === 0) errors.push('error: no objects passed to apply');
  for (const e of errors) k.io.err(e + '\n');
  return errors.length ? 1 : 0;
}

function emitGenerated(k: Kctx, r: GenResult, rtKind: string): number {
  if (!r.ok) { k.io.err(`error: ${r.error}\n`); return 1; }
  const dry = k.flag('dry-run');
  const rt = resourceForKind(rtKind)!;
  let obj = r.object;
  if (dry !== 'client') {
    try {
      obj = createObject(k.world.cluster!.store, forServer(r.object), k.ns, dry === 'server');
    } catch (e) {
      // the generators wrap the server's error (create_deployment.go `failed to create deployment: %v`,
      // create_secret.go `failed to create secret %v` without a colon, create_service.go `failed to create %s
      // service: %v`, create_configmap.go, create_job.go); create namespace returns it as is
      if (e instanceof ApiError && rtKind !== 'Namespace') {
        const what = rtKind === 'Service' ? `${(r.object.spec as { type?: string }).type ?? 'ClusterIP'} service:` : rtKind === 'Secret' ? 'secret' : `${rt.singular}:`;
        k.io.err(`error: failed to create ${what} ${e.message}\n`);
        return 1;
      }
      k.io.err(formatApiError(e) + '\n');
      return 1;
    }
  }
  if (!printObjects(k, [obj])) k.io.out(`${qualifiedSingular(rt)}/${r.object.metadata.name} created${dryTag(k)}\n`);
  return 0;
}

function exactlyOneName(k: Kctx): string | undefined {
  if (k.p.args.length !== 1) {
    k.io.err(`error: exactly one NAME is required, got ${k.p.args.length}\nSee '${['kubectl', ...k.p.path].join(' ')} -h' for help and examples\n`);
    return undefined;
  }
  return k.p.args[0];
}

/** kubectl replace -f: a PUT of each object (`deployment.apps/web replaced`); the API layer's runFile words the errors. */
export function cmdReplace(k: Kctx): ProgramResult {
  if (k.list('filename').length === 0) { k.io.err('error: must specify one of -f and -k\n'); return 1; }
  return runFiles(k, 'replace');
}

export function cmdCreate(k: Kctx): ProgramResult {
  const path = k.p.path.slice(1);
  if (path.length === 0) {
    if (k.list('filename').length && k.flag('output') !== 'yaml' && k.flag('output') !== 'json') return runFiles(k, 'create');
    const files = k.list('filename');
    // `kubectl create` alone: 'error: must specify one of -f and -k'; with stray words cobra rejects them first
    // (reproduced with the kubectl 1.32 client: `kubectl create foo` → 'error: Unexpected args: [foo]' + the See line)
    if (files.length === 0) {
      if (k.p.args.length) { k.io.err(`error: Unexpected args: [${k.p.args.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`); return 1; }
      k.io.err('error: must specify one of -f and -k\n'); return 1;
    }
    const { objs, errors } = readManifests(k, files);
    for (const m of objs) {
      const rt = typeFor(m.obj);
      if (!rt) { errors.push(mappingError(m, k.ns)); continue; }
      try {
        const o = createObject(k.world.cluster!.store, m.obj, k.ns, k.flag('dry-run') === 'server' || k.flag('dry-run') === 'client');
        if (!printObjects(k, [o])) k.io.out(`${qualifiedSingular(rt)}/${o.metadata.name} created${dryTag(k)}\n`);
        k.world.settle();
      } catch (e) { errors.push(writeError(e, 'creating', m)); }
    }
    for (const e of errors) k.io.err(e + '\n');
    return errors.length ? 1 : 0;
  }
  const [what, sub] = path;
  if (what === 'secret') {
    if (sub !== 'generic') { k.io.out('Create a Secret.\n\nAvailable Commands:\n  generic     Create a Secret from literals, files or an env file\n'); return 0; }
    const name = exactlyOneName(k); if (!name) return 1;
    return emitGenerated(k, genSecret(k.world.vfs, k.resolve, { name, literals: k.list('from-literal'), envFiles: k.list('from-env-file'), files: k.list('from-file'), ...(k.flag('type') ? { type: k.flag('type')! } : {}) }), 'Secret');
  }
  if (what === 'configmap') {
    const name = exactlyOneName(k); if (!name) return 1;
    return emitGenerated(k, genConfigMap(k.world.vfs, k.resolve, { name, literals: k.list('from-literal'), envFiles: k.list('from-env-file'), files: k.list('from-file') }), 'ConfigMap');
  }
  if (what === 'namespace') {
    const name = exactlyOneName(k); if (!name) return 1;
    return emitGenerated(k, { ok: true, object: genNamespace(name) }, 'Namespace');
  }
  if (what === 'deployment') {
    const name = exactlyOneName(k); if (!name) return 1;
    const images = k.list('image');
    if (images.length === 0) { k.io.err(`error: required flag(s) "image" not set\n`); return 1; }
    if (images.length > 1 && k.p.dashArgs?.length) { k.io.err('error: cannot specify multiple --image options and command\n'); return 1; }
    return emitGenerated(k, { ok: true, object: genDeployment(name, images, Number(k.flag('replicas') ?? 1), Number(k.flag('port') ?? -1), k.p.dashArgs) }, 'Deployment');
  }
  if (what === 'job') {
    // create_job.go: the container is named after the Job, restartPolicy Never, the words after -- are its command
    const name = exactlyOneName(k); if (!name) return 1;
    const image = k.flag('image');
    if (k.flag('from') !== undefined) { k.io.err(`error: from must be an existing cronjob: ${k.flag('from')}\n`); return 1; }
    if (!image) { k.io.err('error: either --image or --from must be specified\n'); return 1; }
    return emitGenerated(k, { ok: true, object: genJob(name, image, k.p.dashArgs) }, 'Job');
  }
  if (what === 'service') {
    if (!sub) { k.io.out('Create a Service.\n\nAvailable Commands:\n  clusterip     Create a ClusterIP service\n  loadbalancer  Create a LoadBalancer service\n  nodeport      Create a NodePort service\n'); return 0; }
    const name = exactlyOneName(k); if (!name) return 1;
    const type = sub === 'clusterip' ? 'ClusterIP' : sub === 'nodeport' ? 'NodePort' : 'LoadBalancer';
    const np = k.flag('node-port');
    return emitGenerated(k, genService(type, name, k.list('tcp'), np !== undefined ? Number(np) : undefined, k.flag('clusterip')), 'Service');
  }
  k.io.err(`error: unknown command "${what}"\n`);
  return 1;
}

/** Resolves `TYPE NAME…` / `TYPE/NAME` arguments to objects (first error stops, as kubectl's builder does). */
function resolveNamed(k: Kctx, verb: string): { objs: Array<{ rt: ResourceType; obj: KObject }>; rc: number } {
  const store = k.world.cluster!.store;
  const files = k.list('filename');
  if (files.length) {
    const { objs, errors } = readManifests(k, files);
    for (const e of errors) k.io.err(e + '\n');
    const out: Array<{ rt: ResourceType; obj: KObject }> = [];
    let rc = errors.length ? 1 : 0;
    for (const m of objs) {
      const rt = typeFor(m.obj);
      if (!rt) { k.io.err(mappingError(m, k.ns) + '\n'); rc = 1; continue; }
      const live = store.get(m.obj.kind, rt.namespaced ? m.obj.metadata.namespace ?? k.ns : '', m.obj.metadata.name ?? '');
      if (!live) { if (!k.bool('ignore-not-found')) { k.io.err(`Error from server (NotFound): error when deleting "${m.file}": ${qualifiedPlural(rt)} "${m.obj.metadata.name}" not found\n`); rc = 1; } continue; }
      out.push({ rt, obj: live });
    }
    return { objs: out, rc };
  }
  const args = k.p.args;
  const parsed = parseTargets(args.filter((a) => !(verb === 'label' || verb === 'annotate' || verb === 'set') || !/=|-$/.test(a) || a.includes('/')), verb);
  if (!parsed.ok) { k.io.err(parsed.error + '\n'); return { objs: [], rc: 1 }; }
  // resource.Builder: names together with -l/--all (builder.go visitorResult)
  if (parsed.targets.some((t) => t.names.length) && (k.bool('all') || k.flag('selector'))) {
    k.io.err('error: name cannot be provided when a selector is specified\n');
    return { objs: [], rc: 1 };
  }
  const out: Array<{ rt: ResourceType; obj: KObject }> = [];
  let rc = 0;
  for (const t of parsed.targets) {
    const ns = nsFor(k, t.rt, k.bool('all-namespaces'));
    if (t.names.length) {
      for (const n of t.names) {
        const o = store.get(t.rt.kind, ns ?? k.ns, n);
        if (!o) { if (!k.bool('ignore-not-found')) { k.io.err(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${n}" not found\n`); rc = 1; } continue; }
        out.push({ rt: t.rt, obj: o });
      }
    } else if (k.bool('all') || k.flag('selector')) {
      const sel = k.flag('selector');
      try {
        for (const o of store.list(t.rt.kind, { ...(ns !== undefined ? { namespace: ns } : {}), ...(sel ? { labelSelector: sel } : {}) })) out.push({ rt: t.rt, obj: o });
      } catch (e) { k.io.err(formatApiError(e) + '\n'); return { objs: [], rc: 1 }; }
      // kubectl delete counts what it visited and prints `No resources found` on stdout (delete.go DeleteResult, found == 0)
      if (out.length === 0) { if (verb === 'delete') k.io.out('No resources found\n'); else k.io.err(`No resources found${ns ? ` in ${ns} namespace` : ''}.\n`.replace('found.', 'found')); }
    } else {
      k.io.err(`error: resource(s) were provided, but no name was specified\n`);
      return { objs: [], rc: 1 };
    }
  }
  return { objs: out, rc };
}

export function cmdDelete(k: Kctx): ProgramResult {
  if (k.p.args.length === 0 && k.list('filename').length === 0) {
    k.io.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  // The builder visits with ContinueOnError (delete.go DeleteResult): each object found is deleted and printed in order,
  // the NotFound errors are aggregated and printed by CheckErr at the end, and no --wait happens after an error.
  const deferred: string[] = [];
  const { objs, rc } = resolveNamed({ ...k, io: { ...k.io, err: (s: string) => { deferred.push(s); } } }, 'delete');
  const flush = () => { for (const e of deferred) k.io.err(e); };
  const store = k.world.cluster!.store;
  const grace = k.flag('grace-period');
  const force = k.bool('force');
  if (force && (grace === undefined || Number(grace) !== 0)) k.io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const dry = k.flag('dry-run');
  for (const { rt, obj } of objs) {
    const ns = obj.metadata.namespace;
    if (!dry || dry === 'none') {
      try {
        const g = force ? 0 : grace !== undefined && Number(grace) >= 0 ? Number(grace) : undefined;
        store.delete(obj.kind, ns ?? '', obj.metadata.name ?? '', g !== undefined ? { gracePeriodSeconds: g } : {});
        k.world.settle();
      } catch (e) { deferred.push(formatApiError(e) + '\n'); continue; }
    }
    // kubectl 1.34: `pod "x" deleted from default namespace` (cluster-scoped objects: `namespace "x" deleted`)
    k.io.out(`${rt.group ? `${rt.singular}.${rt.group}` : rt.singular} "${obj.metadata.name}" ${force ? 'force deleted' : 'deleted'}${rt.namespaced ? ` from ${ns} namespace` : ''}${dryTag(k)}\n`);
  }
  // kubectl waits (--wait=true) until the objects are gone: pods take their grace period
  if (deferred.some((e) => !e.startsWith('Warning:'))) { flush(); return 1; }
  flush();
  if (k.p.flags.get('wait') !== false && (!dry || dry === 'none')) {
    const c = k.world.cluster!;
    const pending = () => objs.some(({ obj }) => store.get(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '')?.metadata.uid === obj.metadata.uid);
    if (pending()) { c.advanceUntil(() => !pending(), 60); k.world.advance(0); }
  }
  return rc;
}

function deploymentArg(k: Kctx, verbPath: string): { d?: Deployment; rt?: ResourceType; rc: number } {
  const args = k.p.args;
  if (args.length === 0) { k.io.err(`error: required resource not specified\n`); return { rc: 1 }; }
  const parsed = parseTargets(args, verbPath);
  if (!parsed.ok) { k.io.err(parsed.error + '\n'); return { rc: 1 }; }
  const t = parsed.targets[0]!;
  if (t.names.length === 0) { k.io.err(`error: required resource not specified\n`); return { rc: 1 }; }
  const o = k.world.cluster!.store.get(t.rt.kind, k.ns, t.names[0]!);
  if (!o) { k.io.err(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${t.names[0]}" not found\n`); return { rc: 1 }; }
  if (t.rt.kind !== 'Deployment') { k.io.err(`error: no ${verbPath} support for ${t.rt.kind}\n`.replace('no status support', 'no status viewer has been implemented').replace(/no (\w+) support for (\w+)/, '$2 is not supported')); return { rc: 1 }; }
  return { d: o as Deployment, rt: t.rt, rc: 0 };
}

export function cmdScale(k: Kctx): ProgramResult {
  const replicas = Number(k.flag('replicas') ?? -1);
  if (replicas < 0) { k.io.err("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n"); return 1; }
  // scale.go collects every object first and returns the visit's error before scaling anything
  const { objs, rc } = resolveNamed(k, 'scale');
  if (rc) return rc;
  for (const { rt, obj } of objs) {
    if (!['Deployment', 'ReplicaSet', 'Job'].includes(obj.kind)) { k.io.err(`error: no scaler has been implemented for {"${rt.group}" "${obj.kind}"}\n`); continue; }
    const cur = Number(k.flag('current-replicas') ?? -1);
    const spec = obj.spec as { replicas?: number };
    if (cur >= 0 && (spec.replicas ?? 1) !== cur) { k.io.err(`error: Expected replicas to be ${cur}, was ${spec.replicas ?? 1}\n`); return 1; }
    k.world.cluster!.store.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '', (c: KObject) => { (c.spec as { replicas?: number }).replicas = replicas; });
    k.world.settle();
    k.io.out(`${qualifiedSingular(rt)}/${obj.metadata.name} scaled\n`);
  }
  return rc;
}

/** cmdutil.GetResourcesAndPairs: words with `=` (not first) or a trailing `-` are pairs; resources come first. */
function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) pairs.push(s);
    else if (pairs.length) return { error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { resources, pairs };
}

export function cmdSetImage(k: Kctx): ProgramResult {
  if (k.p.path[1] !== 'image') { k.io.out('Change specific fields of objects.\n\nAvailable Commands:\n  image       Change a container\'s image\n'); return 0; }
  const split = resourcesAndPairs(k.p.args, 'container image');
  if ('error' in split) { k.io.err(`error: ${split.error}\n`); return 1; }
  const pairs = split.pairs;
  const targetArgs = split.resources;
  if (pairs.length === 0) { k.io.err("error: at least one image update is required\n"); return 1; }
  const parsed = parseTargets(targetArgs, 'set image');
  if (!parsed.ok) { k.io.err(parsed.error + '\n'); return 1; }
  let rc = 0;
  for (const t of parsed.targets) {
    for (const n of t.names) {
      const o = k.world.cluster!.store.get(t.rt.kind, k.ns, n);
      if (!o) { k.io.err(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${n}" not found\n`); rc = 1; continue; }
      const spec = (o.kind === 'Pod' ? o.spec : (o.spec as { template?: { spec?: unknown } }).template?.spec) as { containers: Array<{ name: string; image?: string }> } | undefined;
      if (!spec) continue;
      const next = JSON.parse(JSON.stringify(o)) as KObject;
      const nspec = (next.kind === 'Pod' ? next.spec : (next.spec as { template: { spec: unknown } }).template.spec) as { containers: Array<{ name: string; image?: string }> };
      let changed = false;
      for (const pr of pairs) {
        const [cname = '', image = ''] = [pr.slice(0, pr.indexOf('=')), pr.slice(pr.indexOf('=') + 1)];
        const cs = cname === '*' ? nspec.containers : nspec.containers.filter((c) => c.name === cname);
        if (cs.length === 0) { k.io.err(`error: unable to find container named "${cname}"\n`); return 1; }
        for (const c of cs) { if (c.image !== image) changed = true; c.image = image; }
      }
      // set_image.go: an empty patch (`{}`) is skipped without a word
      if (changed) {
        if (k.bool('record')) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'kubernetes.io/change-cause': changeCause(k.p) };
        try { updateObject(k.world.cluster!.store, next); } catch (e) { k.io.err(formatApiError(e) + '\n'); rc = 1; continue; }
        k.world.settle();
        k.io.out(`${qualifiedSingular(t.rt)}/${n} image updated\n`);
      }
    }
  }
  return rc;
}

export function cmdLabel(k: Kctx, field: 'labels' | 'annotations'): ProgramResult {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const split = resourcesAndPairs(k.p.args, field === 'labels' ? 'label' : 'annotation');
  if ('error' in split) { k.io.err(`error: ${split.error}\n`); return 1; }
  const changes = split.pairs;
  const targets = split.resources;
  // label.go / annotate.go Validate: resources are checked first, and both are plain errors (no usage line)
  if (targets.length === 0 && k.list('filename').length === 0) { k.io.err('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'); return 1; }
  if (changes.length === 0 && !k.bool('list')) { k.io.err(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\n`); void verb; return 1; }
  if (field === 'labels') {
    // kubectl checks label specs before it talks to the server (cmd/label/label.go parseLabels)
    for (const ch of changes.filter((c) => c.includes('='))) {
      const parts = ch.split('=');
      if (parts.length !== 2) { k.io.err(`error: invalid label spec: ${ch}\n`); return 1; }
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length) { k.io.err(`error: invalid label value: ${JSON.stringify(ch)}: ${errs.join(';')}\n`); return 1; }
    }
  }
  const saved = k.p.args;
  k.p.args = targets;
  // label.go/annotate.go patch each object as the builder visits it; the NotFound errors come back aggregated at the end
  const deferred: string[] = [];
  const { objs, rc } = resolveNamed({ ...k, io: { ...k.io, err: (t: string) => { deferred.push(t); } } }, verb);
  k.p.args = saved;
  try { return labelObjects(k, objs, changes, field, rc); } finally { for (const e of deferred) k.io.err(e); }
}

function labelObjects(k: Kctx, objs: Array<{ rt: ResourceType; obj: KObject }>, changes: string[], field: 'labels' | 'annotations', rc: number): ProgramResult {
  for (const { rt, obj } of objs) {
    const cur = { ...(obj.metadata[field] ?? {}) } as Record<string, string>;
    let modified = false;
    for (const ch of changes) {
      if (ch.endsWith('-') && !ch.includes('=')) { const key = ch.slice(0, -1); if (key in cur) { delete cur[key]; modified = true; } continue; }
      const key = ch.slice(0, ch.indexOf('='));
      const val = ch.slice(ch.indexOf('=') + 1);
      if (key in cur && cur[key] !== val && !k.bool('overwrite')) {
        k.io.err(`error: '${key}' already has a value (${cur[key]}), and --overwrite is false\n`);
        return 1;
      }
      if (cur[key] !== val) modified = true;
      cur[key] = val;
    }
    if (modified) {
      try { updateObject(k.world.cluster!.store, { ...obj, metadata: { ...obj.metadata, [field]: cur } }); } catch (e) { k.io.err(formatApiError(e) + '\n'); continue; }
      k.world.settle();
    }
    k.io.out(`${qualifiedSingular(rt)}/${obj.metadata.name} ${modified ? (field === 'labels' ? 'labeled' : 'annotated') : `not ${field === 'labels' ? 'labeled' : 'annotated'}`}\n`);
  }
  return rc;
}

function ownedReplicaSets(k: Kctx, d: Deployment): ReplicaSet[] {
  return k.world.cluster!.store.list<ReplicaSet>('ReplicaSet', { namespace: d.metadata.namespace ?? 'default' })
    .filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid));
}
const rev = (r: ReplicaSet) => Number(r.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);

/** The strings of rollout_status.go for a Deployment (k8s-semantics §4). */
export function rolloutStatusLine(d: Deployment): { done: boolean; text: string; failed?: boolean } {
  const st = d.status ?? {};
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { done: false, text: 'Waiting for deployment spec update to be observed...' };
  const prog = (st.conditions ?? []).find((c) => c.type === 'Progressing');
  if (prog?.reason === 'ProgressDeadlineExceeded') return { done: true, failed: true, text: `error: deployment "${name}" exceeded its progress deadline` };
  const want = d.spec.replicas ?? 1;
  if ((st.updatedReplicas ?? 0) < want) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${st.updatedReplicas ?? 0} out of ${want} new replicas have been updated...` };
  if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - (st.updatedReplicas ?? 0)} old replicas are pending termination...` };
  if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0)) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${st.updatedReplicas ?? 0} updated replicas are available...` };
  return { done: true, text: `deployment "${name}" successfully rolled out` };
}

function parseTimeout(s: string | undefined, dflt: number): number {
  if (!s) return dflt;
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms)?/g;
  let m: RegExpExecArray | null;
  let any = false;
  while ((m = re.exec(s))) { any = true; total += Number(m[1]) * ({ h: 3600, m: 60, s: 1, ms: 0.001 }[m[2] as 'h' | 'm' | 's' | 'ms'] ?? 1); }
  return any ? total : dflt;
}
export { parseTimeout };

export function cmdRollout(k: Kctx): ProgramResult {
  const sub = k.p.path[1];
  if (!sub) { k.io.out('Manage a Deployment\'s rollouts.\n'); return 0; }
  const { d, rc } = deploymentArg(k, `rollout ${sub}`);
  if (!d) return rc;
  const store = k.world.cluster!.store;
  const name = d.metadata.name ?? '';
  const ns = d.metadata.namespace ?? 'default';
  const get = () => store.get<Deployment>('Deployment', ns, name);
  switch (sub) {
    case 'status': {
      const timeoutS = parseTimeout(k.flag('timeout'), 0);
      let last = '';
      const deadline = k.world.nowMs + (timeoutS > 0 ? timeoutS * 1000 : 3600_000);
      for (;;) {
        const cur = get();
        if (!cur) { k.io.err(`Error from server (NotFound): deployments.apps "${name}" not found\n`); return 1; }
        const s = rolloutStatusLine(cur);
        if (s.done) {
          if (s.failed) { k.io.err(s.text + '\n'); return 1; }
          k.io.out(s.text + '\n');
          return 0;
        }
        if (s.text !== last) { k.io.out(s.text + '\n'); last = s.text; }
        if (k.p.flags.get('watch') === false) return 0;
        if (k.world.nowMs >= deadline) { k.io.err('error: timed out waiting for the condition\n'); return 1; }
        // wait for the next change (the cluster's next activity), never past the deadline
        const before = JSON.stringify(cur.status);
        k.world.cluster!.advanceUntil(() => JSON.stringify(get()?.status) !== before || rolloutStatusLine(get()!).text !== s.text, Math.max(1, (deadline - k.world.nowMs) / 1000));
        k.world.advance(0);
      }
    }
    case 'history': {
      const rss = ownedReplicaSets(k, d).filter((r) => rev(r) > 0).sort((a, b) => rev(a) - rev(b));
      const want = k.flag('revision');
      if (want !== undefined && Number(want) > 0) {
        const r = rss.find((x) => rev(x) === Number(want));
        if (!r) { k.io.err('error: unable to find the specified revision\n'); return 1; }
        k.io.out(`deployment.apps/${name} with revision #${want}\n${templateRaw(r)}\n`);
        return 0;
      }
      let out = `deployment.apps/${name} \nREVISION  CHANGE-CAUSE\n`;
      const rows = rss.map((r) => [String(rev(r)), r.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>']);
      const w = Math.max(8, ...rows.map((r) => r[0]!.length)) + 2;
      for (const r of rows) out += r[0]!.padEnd(w) + r[1] + '\n';
      k.io.out(out + '\n');
      return 0;
    }
    case 'undo': {
      // rollback.go DeploymentRollbacker.Rollback: find the revision, then refuse a paused Deployment, then skip
      // when the template already matches
      const paused = () => { k.io.err(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again\n`); return 1; };
      const rss = ownedReplicaSets(k, d);
      const cur = newReplicaSet(d, rss);
      const to = Number(k.flag('to-revision') ?? 0);
      let target: ReplicaSet | undefined;
      if (to > 0) {
        target = rss.find((r) => rev(r) === to);
        if (!target) { k.io.err(`error: unable to find specified revision ${to} in history\n`); return 1; }
        if (d.spec.paused) return paused();
        if (target === cur) { k.io.out(`deployment.apps/${name} skipped rollback (current template already matches revision ${to})\n`); return 0; }
      } else {
        target = rss.filter((r) => r !== cur).sort((a, b) => rev(b) - rev(a))[0];
        if (!target) { k.io.err(`error: no rollout history found for deployment "${name}"\n`); return 1; }
        if (d.spec.paused) return paused();
      }
      const tpl = JSON.parse(JSON.stringify(target.spec.template)) as Deployment['spec']['template'];
      if (tpl.metadata?.labels) delete tpl.metadata.labels['pod-template-hash'];
      store.mutate<Deployment>('Deployment', ns, name, (c) => { c.spec.template = tpl; });
      k.world.settle();
      k.io.out(`deployment.apps/${name} rolled back\n`);
      return 0;
    }
    case 'restart': {
      if (d.spec.paused) { k.io.err(`error: deployments.apps "${name}" can't restart paused deployment (run rollout resume first)\n`); return 1; }
      const at = rfc3339(k.world.nowMs);
      if (d.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === at) {
        k.io.err(`error: failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another\n`);
        return 1;
      }
      store.mutate<Deployment>('Deployment', ns, name, (c) => {
        c.spec.template.metadata = { ...(c.spec.template.metadata ?? {}), annotations: { ...(c.spec.template.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': at } };
      });
      k.world.settle();
      k.io.out(`deployment.apps/${name} restarted\n`);
      return 0;
    }
    case 'pause':
    case 'resume': {
      const want = sub === 'pause';
      if (!!d.spec.paused === want) { k.io.err(`error: deployments.apps "${name}" is ${want ? 'already paused' : 'not paused'}\n`); return 1; }
      store.mutate<Deployment>('Deployment', ns, name, (c) => { c.spec.paused = want || undefined; if (!want) delete c.spec.paused; });
      k.world.settle();
      k.io.out(`deployment.apps/${name} ${want ? 'paused' : 'resumed'}\n`);
      return 0;
    }
    default:
      k.io.err(`error: unknown command "${sub}"\nSee 'kubectl rollout -h' for help and examples\n`);
      return 1;
  }
}

/** DescribePodTemplate written with raw tabs (rollout history --revision, kubectl-layouts §4.2). */
function templateRaw(r: ReplicaSet): string {
  const tpl = r.spec.template!;
  const lines: string[] = ['Pod Template:'];
  const labels = Object.keys(tpl.metadata?.labels ?? {}).sort().map((x) => `${x}=${tpl.metadata!.labels![x]}`);
  lines.push(`  Labels:\t${labels[0] ?? '<none>'}`);
  for (const l of labels.slice(1)) lines.push(`\t${l}`);
  const ann = Object.keys(tpl.metadata?.annotations ?? {}).sort();
  if (ann.length) { lines.push(`  Annotations:\t${ann[0]}: ${tpl.metadata!.annotations![ann[0]!]}`); for (const a of ann.slice(1)) lines.push(`\t${a}: ${tpl.metadata!.annotations![a]}`); }
  lines.push('  Containers:');
  for (const c of tpl.spec.containers) {
    lines.push(`   ${c.name}:`);
    lines.push(`    Image:\t${c.image ?? ''}`);
    const p = c.ports?.[0];
    lines.push(`    Port:\t${p ? `${p.containerPort}/${p.protocol ?? 'TCP'}` : '<none>'}`);
    lines.push(`    Host Port:\t${p ? `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}` : '<none>'}`);
    if (c.envFrom?.length) {
      lines.push('    Environment Variables from:');
      for (const ef of c.envFrom) lines.push(`      ${ef.secretRef?.name ?? ef.configMapRef?.name ?? ''}\t${ef.secretRef ? 'Secret' : 'ConfigMap'}\tOptional: ${ef.secretRef?.optional ?? ef.configMapRef?.optional ?? false}`);
    }
    lines.push(`    Environment:\t${c.env?.length ? '' : '<none>'}`);
    for (const e of c.env ?? []) lines.push(`      ${e.name}:\t${e.value ?? ''}`);
    lines.push(`    Mounts:\t<none>`);
  }
  lines.push('  Volumes:\t<none>');
  lines.push('  Node-Selectors:\t<none>');
  lines.push('  Tolerations:\t<none>');
  return lines.join('\n') + '\n';
}

export function cmdExpose(k: Kctx): ProgramResult {
  const parsed = parseTargets(k.p.args, 'expose');
  if (!parsed.ok) { k.io.err(parsed.error + '\n'); return 1; }
  const t = parsed.targets[0]!;
  const n = t.names[0];
  if (!n) { k.io.err(`error: resource(s) were provided, but no name was specified\n`); return 1; }
  const o = k.world.cluster!.store.get(t.rt.kind, k.ns, n);
  if (!o) { k.io.err(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${n}" not found\n`); return 1; }
  let selector: Record<string, string> | undefined;
  let ports: Array<{ containerPort: number; protocol?: string; name?: string }> = [];
  if (o.kind === 'Deployment' || o.kind === 'ReplicaSet') {
    const ml = (o.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } }).selector;
    if (ml?.matchExpressions?.length) { k.io.err(`error: couldn't retrieve selectors via --selector flag or introspection: the ${o.kind} has a selector with match expressions, which the Service API cannot use\n`); return 1; }
    selector = ml?.matchLabels;
    ports = ((o.spec as Deployment['spec']).template?.spec.containers ?? []).flatMap((c) => c.ports ?? []);
  } else if (o.kind === 'Pod') { selector = o.metadata.labels; ports = (o as Pod).spec.containers.flatMap((c) => c.ports ?? []); }
  else if (o.kind === 'Service') { selector = (o as Service).spec.selector; ports = ((o as Service).spec.ports ?? []).map((p) => ({ containerPort: p.port, ...(p.protocol ? { protocol: p.protocol } : {}) })); }
  else { k.io.err(`error: cannot expose a ${o.kind}\n`); return 1; }
  if (k.flag('selector')) selector = Object.fromEntries(k.flag('selector')!.split(',').map((kv) => kv.split('=') as [string, string]));
  if (!selector || Object.keys(selector).length === 0) { k.io.err("error: couldn't retrieve selectors via --selector flag or introspection: the resource has no labels\nSee 'kubectl expose -h' for help and examples\n"); return 1; }
  const portFlag = k.flag('port');
  if (!portFlag && ports.length === 0) { k.io.err("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n"); return 1; }
  const tp = k.flag('target-port');
  const svcPorts = portFlag
    ? [{ port: Number(portFlag), protocol: k.flag('protocol') ?? 'TCP', targetPort: tp ? (/^\d+$/.test(tp) ? Number(tp) : tp) : Number(portFlag) }]
    : ports.map((p, i) => ({ ...(ports.length > 1 ? { name: p.name ?? `port-${i + 1}` } : {}), port: p.containerPort, protocol: p.protocol ?? 'TCP', targetPort: tp ? (/^\d+$/.test(tp) ? Number(tp) : tp) : p.containerPort }));
  const type = k.flag('type');
  if (type && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type)) {
    k.io.err(`The Service "${k.flag('name') ?? n}" is invalid: spec.type: Unsupported value: "${type}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n`);
    return 1;
  }
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: k.flag('name') ?? n, ...(o.metadata.labels ? { labels: o.metadata.labels } : {}) }, spec: { ports: svcPorts, selector, ...(type ? { type } : {}) } } as unknown as KObject;
  const dry = k.flag('dry-run');
  try {
    const created = dry === 'client' ? svc : createObject(k.world.cluster!.store, svc, k.ns, dry === 'server');
    if (!printObjects(k, [created])) k.io.out(`service/${svc.metadata.name} exposed${dryTag(k)}\n`);
  } catch (e) { k.io.err(formatApiError(e) + '\n'); return 1; }
  k.world.settle();
  return 0;
}

const EDIT_HEADER = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";
/** kubectl's StripComments: drops the lines whose first non-blank character is '#'. */
function stripEditComments(text: string): string {
  return text.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
}

/**
 * kubectl edit: the object goes to an editor (the lab's, through the shell's editor hook); what the editor saves is
 * handled as kubectl's edit loop does: unchanged → "Edit cancelled, no changes made."; empty → "…saved file was
 * empty."; a syntax error or an invalid object → the file reopens with the reasons in its header (and
 * `error: <resource> "<name>" is invalid` for the latter); saving the same failing text again gives up, keeping a
 * copy. A valid change is sent as a two-way strategic merge patch of original → edited (so status or
 * resourceVersion moving meanwhile does not conflict), then `<kind>.<group>/<name> edited`.
 */
export function cmdEdit(k: Kctx): ProgramResult {
  const { objs, rc } = resolveNamed(k, 'edit');
  if (rc || objs.length === 0) return rc || 1;
  const { rt, obj } = objs[0]!;
  const path = `/tmp/kubectl-edit-${obj.metadata.name}.yaml`;
  const resource = `${qualifiedPlural(rt)} "${obj.metadata.name}"`;
  const originalText = toYaml(obj);
  const originalObj = parseYaml(originalText).docs.find((d) => !d.empty)?.value as KObject;
  let offered = EDIT_HEADER + originalText; // what the editor was last given
  let failed = false; // the last round had a syntax error or an invalid object
  const giveUp = (msg: string) => k.later(`A copy of your changes has been stored to "${path}"\nerror: ${msg}\n`);
  const reopen = (reasons: Array<{ head: string; other?: string[] }>, edited: string) => {
    failed = true;
    const hash = (s: string) => s.replace(/\n(?!#)/g, '\n# ');
    const head = reasons.map((r) => `# ${hash(r.head)}${r.other?.length ? ':' : ''}\n${(r.other ?? []).map((o) => `# * ${hash(o)}\n`).join('')}#\n`).join('');
    offered = EDIT_HEADER + head + edited.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    k.world.vfs.write(path, offered);
    k.openEditor(path, onSave);
  };
  const onSave = (edited: string): void => {
    k.world.vfs.write(path, edited);
    const body = stripEditComments(edited);
    if (failed && body === stripEditComments(offered)) { giveUp('Edit cancelled, no valid changes were saved.'); return; }
    if (body === stripEditComments(originalText)) { k.later('Edit cancelled, no changes made.\n'); return; }
    if (!edited.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) { k.later('Edit cancelled, saved file was empty.\n'); return; }
    const parsed = parseYaml(edited);
    const doc = parsed.docs.find((d) => !d.empty);
    if (!doc || doc.errors.length) {
      const why = doc ? kubectlYamlError('edited-file', doc, doc.errors[0]!, edited).replace(/^error: /, '') : 'Object \'Kind\' is missing in \'edited-file\'';
      reopen([{ head: `The edited file had a syntax error: ${why}` }], edited);
      return;
    }
    const next = doc.value as KObject;
    failed = false;
    if (JSON.stringify(next) === JSON.stringify(originalObj)) { k.later(`${qualifiedSingular(rt)}/${obj.metadata.name} skipped\n`); return; }
    if (next?.apiVersion !== originalObj.apiVersion || next?.kind !== originalObj.kind || next?.metadata?.name !== originalObj.metadata.name) {
      giveUp('At least one of apiVersion, kind and name was changed');
      return;
    }
    const patch = threeWayPatch(originalObj, next, originalObj);
    try {
      patchObject(k.world.cluster!.store, obj.kind, obj.metadata.namespace, obj.metadata.name ?? '', patch, 'strategic');
      k.world.settle();
      k.later(`${qualifiedSingular(rt)}/${obj.metadata.name} edited\n`);
    } catch (e) {
      const err = e instanceof ApiError ? e : undefined;
      if (err?.reason === 'Invalid') {
        k.later(`error: ${resource} is invalid\n`);
        reopen([{ head: `${resource} was not valid`, other: err.causes.map((c) => `${c.field}: ${c.message}`) }], edited);
      } else if (err?.reason === 'NotFound') {
        k.later(`error: ${resource} could not be found on the server\nThe edits you made on deleted resources have been saved to "${path}"\n`);
      } else {
        k.later(`error: ${resource} could not be patched: ${err ? err.message : String(e)}\nYou can run \`kubectl replace -f ${path}\` to try this update again.\n`);
      }
    }
  };
  k.world.vfs.write(path, offered);
  const opened = k.openEditor(path, onSave);
  if (!opened) {
    k.io.err(`error: there is no text editor in this terminal. To change ${qualifiedSingular(rt)}/${obj.metadata.name}, edit its manifest (for example manifests/llmops-k8s.yaml) in the lab's editor and run kubectl apply -f on it; the live object was written to ${path} for reference.\n`);
    return 1;
  }
  k.io.out(`Editing ${qualifiedSingular(rt)}/${obj.metadata.name} in the editor (${path}); saving applies it.\n`);
  return 0;
}

export { resolveResourceType };
