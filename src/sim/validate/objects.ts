/**
 * Semantic validation of defaulted objects, as the API server's ValidateX functions do it
 * (pkg/apis/core/validation/validation.go, pkg/apis/apps/validation/validation.go,
 * pkg/apis/batch/validation/validation.go), with their field paths and messages. Only what the
 * simulator's lessons can trip over is covered, but what is covered is worded as the API server words it.
 *
 * Input objects have passed the decoding checks (types are right), but every access stays defensive.
 */
import type { FieldCause } from '../api/errors';
import { isPlainObject, deepEqual, type Plain } from '../store/json';
import { fe } from './fielderrors';
import {
  isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isQualifiedName, isValidLabelValue,
  isValidPortName, isValidPortNum, inclusiveRangeError,
} from './names';
import { fromLabelSelector, selectorMatches } from '../store/selectors';
import { compareQuantities, formatQuantity, tryParseQuantity } from '../api/quantity';
import { inServiceCIDR, ipToNumber, SERVICE_CIDR } from '../api/alloc';
import { base64DecodeBytes } from '../api/base64';

type Errs = FieldCause[];
const obj = (v: unknown): Plain | undefined => (isPlainObject(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

type NameFn = (v: string) => string[];
const nameRules: Record<string, NameFn> = {
  Deployment: isDNS1123Subdomain,
  ReplicaSet: isDNS1123Subdomain,
  Pod: isDNS1123Subdomain,
  Job: isDNS1123Subdomain,
  Secret: isDNS1123Subdomain,
  ConfigMap: isDNS1123Subdomain,
  Endpoints: isDNS1123Subdomain,
  EndpointSlice: isDNS1123Subdomain,
  Event: isDNS1123Subdomain,
  Node: isDNS1123Subdomain,
  Service: isDNS1035Label,
  Namespace: isDNS1123Label,
};

/** Validate an object for create (old undefined) or update. Returns the field errors in the server's order. */
export function validateObject(o: Plain, old?: Plain): Errs {
  const kind = str(o.kind) ?? '';
  const errs: Errs = [];
  validateObjectMeta(kind, obj(o.metadata) ?? {}, errs, old ? obj(old.metadata) : undefined);
  switch (kind) {
    case 'Deployment': validateDeployment(o, errs, old); break;
    case 'ReplicaSet': validateReplicaSet(o, errs, old); break;
    case 'Pod': validatePod(o, errs, old); break;
    case 'Job': validateJob(o, errs, old); break;
    case 'Service': validateService(o, errs, old); break;
    case 'Secret': validateSecret(o, errs, old); break;
    case 'ConfigMap': validateConfigMap(o, errs, old); break;
    default: break;
  }
  return errs;
}

// ------------------------------------------------------------------ metadata
function validateObjectMeta(kind: string, md: Plain, errs: Errs, oldMd?: Plain): void {
  const name = str(md.name);
  const gen = str(md.generateName);
  const nameFn = nameRules[kind] ?? isDNS1123Subdomain;
  if (!name && !gen) errs.push(fe.required('metadata.name', 'name or generateName is required'));
  if (name) for (const m of nameFn(name)) errs.push(fe.invalid('metadata.name', name, m));
  if (gen && !name) {
    const base = gen.endsWith('-') ? gen.slice(0, -1) : gen;
    if (base) for (const m of nameFn(base)) errs.push(fe.invalid('metadata.generateName', gen, m));
  }
  const ns = str(md.namespace);
  if (ns) for (const m of isDNS1123Label(ns)) errs.push(fe.invalid('metadata.namespace', ns, m));
  validateLabels(obj(md.labels), 'metadata.labels', errs);
  validateAnnotations(obj(md.annotations), 'metadata.annotations', errs);
  validateOwnerReferences(arr(md.ownerReferences), errs);
  if (oldMd && str(oldMd.name) !== name) errs.push(fe.invalid('metadata.name', name, 'field is immutable'));
}

/**
 * apimachinery/pkg/api/validation/objectmeta.go ValidateOwnerReferences: the path has no index
 * (`metadata.ownerReferences.uid`), and only one reference may be the controller.
 */
function validateOwnerReferences(refs: unknown[], errs: Errs): void {
  const path = 'metadata.ownerReferences';
  let firstController = '';
  for (const r of refs) {
    const ref = obj(r) ?? {};
    const apiVersion = str(ref.apiVersion) ?? '';
    const kind = str(ref.kind) ?? '';
    // schema.FromAPIVersionAndKind: "apps/v1" → group apps, version v1; "v1" → version v1; "a/b/c" → no version
    const parts = apiVersion.split('/');
    const version = parts.length === 1 ? parts[0]! : parts.length === 2 ? parts[1]! : '';
    if (!version) errs.push(fe.invalid(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
    if (!kind) errs.push(fe.invalid(`${path}.kind`, kind, 'must not be empty'));
    const name = str(ref.name) ?? '';
    if (!name) errs.push(fe.invalid(`${path}.name`, name, 'must not be empty'));
    const uid = str(ref.uid) ?? '';
    if (!uid) errs.push(fe.invalid(`${path}.uid`, uid, 'must not be empty'));
    if (version === 'v1' && parts.length === 1 && kind === 'Event') {
      errs.push(fe.invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller === true) {
      const cur = `${kind}/${name}`;
      if (firstController) {
        errs.push(fe.invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else firstController = cur;
    }
  }
}

export function validateLabels(labels: Plain | undefined, path: string, errs: Errs): void {
  if (!labels) return;
  for (const [k, v] of Object.entries(labels)) {
    for (const m of isQualifiedName(k)) errs.push(fe.invalid(path, k, m));
    if (typeof v === 'string') for (const m of isValidLabelValue(v)) errs.push(fe.invalid(path, v, m));
  }
}

function validateAnnotations(ann: Plain | undefined, path: string, errs: Errs): void {
  if (!ann) return;
  let total = 0;
  for (const [k, v] of Object.entries(ann)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fe.invalid(path, k, m));
    total += k.length + (typeof v === 'string' ? v.length : 0);
  }
  if (total > 262144) errs.push({ field: path, message: 'Too long: must have at most 262144 bytes' });
}

function validateLabelSelector(sel: Plain, path: string, errs: Errs): void {
  validateLabels(obj(sel.matchLabels), `${path}.matchLabels`, errs);
  arr(sel.matchExpressions).forEach((e, i) => {
    const ex = obj(e) ?? {};
    const p = `${path}.matchExpressions[${i}]`;
    const op = str(ex.operator);
    const vals = arr(ex.values);
    if (op === 'In' || op === 'NotIn') {
      if (vals.length === 0) errs.push(fe.required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (vals.length > 0) errs.push(fe.forbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    } else errs.push(fe.invalid(`${p}.operator`, op ?? '', 'not a valid selector operator'));
    const key = str(ex.key) ?? '';
    for (const m of isQualifiedName(key)) errs.push(fe.invalid(`${p}.key`, key, m));
  });
}

function nonNegative(v: unknown, path: string, errs: Errs): void {
  if (typeof v === 'number' && v < 0) errs.push(fe.invalid(path, v, 'must be greater than or equal to 0'));
}

// ------------------------------------------------------------------ workloads
function validateDeployment(o: Plain, errs: Errs, old?: Plain): void {
  const spec = obj(o.spec) ?? {};
  nonNegative(spec.replicas, 'spec.replicas', errs);
  validateSelectorAndTemplate(spec, 'spec', 'deployment', errs);
  const st = obj(spec.strategy) ?? {};
  const type = str(st.type);
  if (type === 'Recreate') {
    if (st.rollingUpdate !== undefined && st.rollingUpdate !== null) {
      errs.push(fe.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
    }
  } else if (type === 'RollingUpdate') {
    const ru = obj(st.rollingUpdate);
    if (!ru) errs.push(fe.required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil'));
    else validateRollingUpdate(ru, errs);
  } else {
    errs.push(fe.notSupported('spec.strategy.type', type ?? '', ['Recreate', 'RollingUpdate']));
  }
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errs);
  nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit', errs);
  const pds = num(spec.progressDeadlineSeconds);
  if (pds !== undefined) {
    nonNegative(pds, 'spec.progressDeadlineSeconds', errs);
    if (pds <= (num(spec.minReadySeconds) ?? 0)) errs.push(fe.invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  if (old) immutableSelector(spec, obj(old.spec) ?? {}, errs);
}

const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
function intOrPercent(v: unknown, path: string, errs: Errs): number | undefined {
  if (typeof v === 'number') {
    nonNegative(v, path, errs);
    return v;
  }
  if (typeof v === 'string') {
    if (!/^[0-9]+%$/.test(v)) {
      errs.push(fe.invalid(path, v, PERCENT_MSG));
      return undefined;
    }
    return Number(v.slice(0, -1));
  }
  return undefined;
}
function validateRollingUpdate(ru: Plain, errs: Errs): void {
  const p = 'spec.strategy.rollingUpdate';
  const unavail = intOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`, errs);
  const surge = intOrPercent(ru.maxSurge, `${p}.maxSurge`, errs);
  if (unavail === 0 && surge === 0) errs.push(fe.invalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  if (typeof ru.maxUnavailable === 'string' && unavail !== undefined && unavail > 100) {
    errs.push(fe.invalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'));
  }
}

function validateSelectorAndTemplate(spec: Plain, path: string, what: 'deployment' | 'replicaset', errs: Errs): void {
  const sel = spec.selector;
  if (sel === undefined || sel === null) errs.push(fe.required(`${path}.selector`));
  else {
    const s = obj(sel) ?? {};
    validateLabelSelector(s, `${path}.selector`, errs);
    if (Object.keys(obj(s.matchLabels) ?? {}).length + arr(s.matchExpressions).length === 0) {
      errs.push(fe.invalid(`${path}.selector`, s, `empty selector is invalid for ${what}`));
    }
  }
  const tpl = obj(spec.template);
  if (!tpl) {
    errs.push(fe.required(`${path}.template`));
    return;
  }
  const labels = obj(obj(tpl.metadata)?.labels) as Record<string, string> | undefined;
  // a nil selector is labels.Nothing(): it matches no labels, so the mismatch is reported too
  const matches = sel === undefined || sel === null ? false : selectorMatches(fromLabelSelector(obj(sel) ?? {}), labels);
  const selEmpty = isPlainObject(sel) && Object.keys(obj(sel.matchLabels) ?? {}).length + arr(sel.matchExpressions).length === 0;
  if (!selEmpty && !matches) errs.push(fe.invalid(`${path}.template.metadata.labels`, labels ?? null, '`selector` does not match template `labels`'));
  validatePodTemplate(tpl, `${path}.template`, errs);
  const ps = obj(tpl.spec) ?? {};
  const rp = str(ps.restartPolicy);
  if (rp !== undefined && rp !== 'Always' && ['OnFailure', 'Never'].includes(rp)) {
    errs.push(fe.notSupported(`${path}.template.spec.restartPolicy`, rp, ['Always']));
  }
  if (ps.activeDeadlineSeconds !== undefined && ps.activeDeadlineSeconds !== null) {
    errs.push(fe.invalid(`${path}.template.spec.activeDeadlineSeconds`, ps.activeDeadlineSeconds, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
}

function immutableSelector(spec: Plain, oldSpec: Plain, errs: Errs): void {
  if (!deepEqual(spec.selector ?? null, oldSpec.selector ?? null)) errs.push(fe.invalid('spec.selector', spec.selector ?? null, 'field is immutable'));
}

function validateReplicaSet(o: Plain, errs: Errs, old?: Plain): void {
  const spec = obj(o.spec) ?? {};
  nonNegative(spec.replicas, 'spec.replicas', errs);
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', errs);
  validateSelectorAndTemplate(spec, 'spec', 'replicaset', errs);
  if (old) immutableSelector(spec, obj(old.spec) ?? {}, errs);
}

function validateJob(o: Plain, errs: Errs, old?: Plain): void {
  const spec = obj(o.spec) ?? {};
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) nonNegative(spec[f], `spec.${f}`, errs);
  const tpl = obj(spec.template);
  if (!tpl) {
    errs.push(fe.required('spec.template'));
    return;
  }
  validatePodTemplate(tpl, 'spec.template', errs);
  const rp = str(obj(tpl.spec)?.restartPolicy);
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(fe.notSupported('spec.template.spec.restartPolicy', rp ?? '', ['OnFailure', 'Never']));
  if (old && !deepEqual(tpl, obj(old.spec)?.template)) errs.push(fe.invalid('spec.template', tpl, 'field is immutable'));
}

// ------------------------------------------------------------------ pods
function validatePodTemplate(tpl: Plain, path: string, errs: Errs): void {
  const md = obj(tpl.metadata) ?? {};
  validateLabels(obj(md.labels), `${path}.metadata.labels`, errs);
  validateAnnotations(obj(md.annotations), `${path}.metadata.annotations`, errs);
  const ps = obj(tpl.spec);
  if (!ps) {
    errs.push(fe.required(`${path}.spec.containers`));
    return;
  }
  validatePodSpec(ps, `${path}.spec`, errs);
}

function validatePod(o: Plain, errs: Errs, old?: Plain): void {
  const ps = obj(o.spec) ?? {};
  if (!old) {
    validatePodSpec(ps, 'spec', errs);
    return;
  }
  // Pod updates: only images, activeDeadlineSeconds, tolerations additions and terminationGracePeriodSeconds may change
  const strip = (s: Plain | undefined): Plain => {
    const c = JSON.parse(JSON.stringify(s ?? {})) as Plain;
    for (const k of ['containers', 'initContainers']) for (const x of arr(c[k])) if (obj(x)) delete obj(x)!.image;
    delete c.activeDeadlineSeconds;
    delete c.tolerations;
    delete c.terminationGracePeriodSeconds;
    return c;
  };
  if (!deepEqual(strip(ps), strip(obj(old.spec)))) {
    errs.push(fe.forbidden('spec', 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'));
  }
  arr(ps.containers).forEach((c, i) => {
    const image = str(obj(c)?.image);
    if (!image || !image.trim()) errs.push(fe.required(`spec.containers[${i}].image`));
  });
}

const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validatePodSpec(ps: Plain, path: string, errs: Errs): void {
  const volumes = new Set<string>();
  arr(ps.volumes).forEach((v, i) => {
    const vol = obj(v) ?? {};
    const p = `${path}.volumes[${i}]`;
    const name = str(vol.name) ?? '';
    if (!name) errs.push(fe.required(`${p}.name`));
    else {
      for (const m of isDNS1123Label(name)) errs.push(fe.invalid(`${p}.name`, name, m));
      if (volumes.has(name)) errs.push(fe.duplicate(`${p}.name`, name));
      volumes.add(name);
    }
    const sources = ['emptyDir', 'secret', 'configMap', 'persistentVolumeClaim', 'hostPath', 'projected', 'downwardAPI', 'nfs'].filter((k) => vol[k] !== undefined && vol[k] !== null);
    if (sources.length === 0) errs.push(fe.required(p, 'must specify a volume type'));
    else if (sources.length > 1) errs.push(fe.forbidden(`${p}.${sources[1]}`, 'may not specify more than 1 volume type'));
    const sec = obj(vol.secret);
    if (sec && vol.secret !== undefined && !str(sec.secretName)) errs.push(fe.required(`${p}.secret.secretName`));
    const pvc = obj(vol.persistentVolumeClaim);
    if (pvc && !str(pvc.claimName)) errs.push(fe.required(`${p}.persistentVolumeClaim.claimName`));
  });
  const containers = arr(ps.containers);
  if (containers.length === 0) errs.push(fe.required(`${path}.containers`));
  const names = new Set<string>();
  const check = (list: unknown[], key: string) =>
    list.forEach((c, i) => validateContainer(obj(c) ?? {}, `${path}.${key}[${i}]`, volumes, names, errs));
  check(containers, 'containers');
  check(arr(ps.initContainers), 'initContainers');
  const rp = str(ps.restartPolicy);
  if (rp !== undefined && !RESTART_POLICIES.includes(rp)) errs.push(fe.notSupported(`${path}.restartPolicy`, rp, RESTART_POLICIES));
  const dp = str(ps.dnsPolicy);
  if (dp !== undefined && !DNS_POLICIES.includes(dp)) errs.push(fe.notSupported(`${path}.dnsPolicy`, dp, DNS_POLICIES));
  nonNegative(ps.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`, errs);
  if (typeof ps.activeDeadlineSeconds === 'number' && ps.activeDeadlineSeconds === 0) {
    errs.push(fe.invalid(`${path}.activeDeadlineSeconds`, 0, 'must be between 1 and 2147483647, inclusive'));
  }
  const sa = str(ps.serviceAccountName);
  if (sa) for (const m of isDNS1123Subdomain(sa)) errs.push(fe.invalid(`${path}.serviceAccountName`, sa, m));
  validateLabels(obj(ps.nodeSelector), `${path}.nodeSelector`, errs);
  arr(ps.imagePullSecrets).forEach((s, i) => {
    if (!str(obj(s)?.name)) errs.push(fe.required(`${path}.imagePullSecrets[${i}].name`));
  });
}

function validateContainer(c: Plain, p: string, volumes: Set<string>, names: Set<string>, errs: Errs): void {
  const name = str(c.name) ?? '';
  if (!name) errs.push(fe.required(`${p}.name`));
  else {
    for (const m of isDNS1123Label(name)) errs.push(fe.invalid(`${p}.name`, name, m));
  }
  const image = str(c.image);
  if (image === undefined || image.trim() === '') errs.push(fe.required(`${p}.image`));
  else if (image !== image.trim()) errs.push(fe.invalid(`${p}.image`, image, 'must not have leading or trailing whitespace'));
  const tmp = str(c.terminationMessagePolicy);
  if (tmp !== undefined && tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(fe.notSupported(`${p}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  // ports
  const portNames = new Set<string>();
  arr(c.ports).forEach((x, i) => {
    const port = obj(x) ?? {};
    const pp2 = `${p}.ports[${i}]`;
    const pn = str(port.name);
    if (pn !== undefined && pn !== '') {
      const bad = isValidPortName(pn);
      for (const m of bad) errs.push(fe.invalid(`${pp2}.name`, pn, m));
      if (bad.length === 0 && portNames.has(pn)) errs.push(fe.duplicate(`${pp2}.name`, pn));
      portNames.add(pn);
    }
    const cp = num(port.containerPort);
    if (cp === undefined || cp === 0) errs.push(fe.required(`${pp2}.containerPort`));
    else for (const m of isValidPortNum(cp)) errs.push(fe.invalid(`${pp2}.containerPort`, cp, m));
    const hp = num(port.hostPort);
    if (hp !== undefined && hp !== 0) for (const m of isValidPortNum(hp)) errs.push(fe.invalid(`${pp2}.hostPort`, hp, m));
    const proto = str(port.protocol);
    if (proto === undefined || proto === '') errs.push(fe.required(`${pp2}.protocol`));
    else if (!PROTOCOLS.includes(proto)) errs.push(fe.notSupported(`${pp2}.protocol`, proto, PROTOCOLS));
  });
  // env
  arr(c.env).forEach((x, i) => {
    const e = obj(x) ?? {};
    const ep = `${p}.env[${i}]`;
    const en = str(e.name) ?? '';
    if (!en) errs.push(fe.required(`${ep}.name`));
    else for (const m of isEnvVarName(en)) errs.push(fe.invalid(`${ep}.name`, en, m));
    const vf = obj(e.valueFrom);
    if (vf) {
      // validateEnvVarValueFrom: each source's own checks in field order, then the count (value wins over "more than one")
      const fr = obj(vf.fieldRef);
      if (fr && !str(fr.fieldPath)) errs.push(fe.required(`${ep}.valueFrom.fieldRef.fieldPath`));
      for (const k of ['configMapKeyRef', 'secretKeyRef']) {
        const ref = obj(vf[k]);
        if (!ref) continue;
        // validateSecretKeySelector / validateConfigMapKeySelector: the name (an empty one fails the DNS-1123
        // subdomain regex, it is not "Required"), then the key
        const rn = str(ref.name) ?? '';
        for (const m of isDNS1123Subdomain(rn)) errs.push(fe.invalid(`${ep}.valueFrom.${k}.name`, rn, m));
        const key = str(ref.key) ?? '';
        if (!key) errs.push(fe.required(`${ep}.valueFrom.${k}.key`));
        else for (const m of isConfigMapKey(key)) errs.push(fe.invalid(`${ep}.valueFrom.${k}.key`, key, m));
      }
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter((k) => vf[k] !== undefined && vf[k] !== null);
      if (sources.length === 0) errs.push(fe.invalid(`${ep}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      else if (typeof e.value === 'string' && e.value !== '') errs.push(fe.invalid(`${ep}.valueFrom`, '', 'may not be specified when `value` is not empty'));
      else if (sources.length > 1) errs.push(fe.invalid(`${ep}.valueFrom`, '', 'may not have more than one field specified at a time'));
    }
  });
  arr(c.envFrom).forEach((x, i) => {
    const e = obj(x) ?? {};
    const ep = `${p}.envFrom[${i}]`;
    const prefix = str(e.prefix);
    if (prefix) for (const m of isEnvVarName(prefix)) errs.push(fe.invalid(`${ep}.prefix`, prefix, m));
    const refs = ['configMapRef', 'secretRef'].filter((k) => e[k] !== undefined && e[k] !== null);
    for (const k of refs) {
      // validateSecretEnvSource / validateConfigMapEnvSource: Required when empty, else the name rules
      const rn = str(obj(e[k])?.name) ?? '';
      if (!rn) errs.push(fe.required(`${ep}.${k}.name`));
      else for (const m of isDNS1123Subdomain(rn.endsWith('-') ? `${rn.slice(0, -1)}a` : rn)) errs.push(fe.invalid(`${ep}.${k}.name`, rn, m));
    }
    // ValidateEnvFrom: the source count is reported on the list's path, without the index
    if (refs.length === 0) errs.push(fe.invalid(`${p}.envFrom`, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (refs.length > 1) errs.push(fe.invalid(`${p}.envFrom`, '', 'may not have more than one field specified at a time'));
  });
  arr(c.volumeMounts).forEach((x, i) => {
    const m = obj(x) ?? {};
    const mp = `${p}.volumeMounts[${i}]`;
    const vn = str(m.name) ?? '';
    if (!vn) errs.push(fe.required(`${mp}.name`));
    else if (!volumes.has(vn)) errs.push(fe.notFound(`${mp}.name`, vn));
    if (!str(m.mountPath)) errs.push(fe.required(`${mp}.mountPath`));
  });
  // validateContainerCommon (pkg/apis/core/validation): name, image, terminationMessagePolicy, ports, env, envFrom,
  // volumeMounts, imagePullPolicy, resources, securityContext; then the probes (validateContainers)
  const pp = str(c.imagePullPolicy);
  if (pp === undefined || pp === '') errs.push(fe.required(`${p}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pp)) errs.push(fe.notSupported(`${p}.imagePullPolicy`, pp, PULL_POLICIES));
  validateResources(obj(c.resources), `${p}.resources`, errs);
  const sc = obj(c.securityContext);
  if (sc) {
    for (const k of ['runAsUser', 'runAsGroup']) {
      const v = num(sc[k]);
      if (v !== undefined && (v < 0 || v > 2147483647)) errs.push(fe.invalid(`${p}.securityContext.${k}`, v, 'must be between 0 and 2147483647, inclusive'));
    }
    if (sc.privileged === true && sc.allowPrivilegeEscalation === false) {
      errs.push(fe.invalid(`${p}.securityContext`, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    }
  }
  // validateContainers: the duplicate name, then the probes, after the common checks
  if (name) {
    if (names.has(name)) errs.push(fe.duplicate(`${p}.name`, name));
    names.add(name);
  }
  validateProbe(obj(c.livenessProbe), `${p}.livenessProbe`, true, portNames, errs);
  validateProbe(obj(c.readinessProbe), `${p}.readinessProbe`, false, portNames, errs);
  validateProbe(obj(c.startupProbe), `${p}.startupProbe`, true, portNames, errs);
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage']);
function validateResources(r: Plain | undefined, p: string, errs: Errs): void {
  if (!r) return;
  const limits = obj(r.limits) ?? {};
  const requests = obj(r.requests) ?? {};
  const checkName = (name: string, path: string) => {
    if (STANDARD_RESOURCES.has(name) || name.startsWith('hugepages-')) return;
    if (!name.includes('/')) {
      errs.push(fe.invalid(path, name, 'must be a standard resource type or fully qualified'));
      return;
    }
    for (const m of isQualifiedName(name)) errs.push(fe.invalid(path, name, m));
  };
  for (const [name, v] of Object.entries(limits)) {
    const path = `${p}.limits[${name}]`;
    checkName(name, path);
    const q = tryParseQuantity(v);
    if (q && q.value < 0) errs.push(fe.invalid(path, formatQuantity(q), 'must be greater than or equal to 0'));
  }
  for (const [name, v] of Object.entries(requests)) {
    const path = `${p}.requests[${name}]`;
    checkName(name, path);
    const q = tryParseQuantity(v);
    if (!q) continue;
    if (q.value < 0) errs.push(fe.invalid(path, formatQuantity(q), 'must be greater than or equal to 0'));
    const lq = tryParseQuantity(limits[name]);
    if (lq && compareQuantities(q, lq) > 0) {
      errs.push(fe.invalid(`${p}.requests`, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(lq)}`));
    }
  }
}

function validateProbe(pr: Plain | undefined, p: string, mustSucceedOnce: boolean, portNames: Set<string>, errs: Errs): void {
  if (!pr) return;
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((k) => pr[k] !== undefined && pr[k] !== null);
  if (handlers.length === 0) errs.push(fe.required(p, 'must specify a handler type'));
  else if (handlers.length > 1) errs.push(fe.forbidden(`${p}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) nonNegative(pr[k], `${p}.${k}`, errs);
  const st = num(pr.successThreshold);
  if (mustSucceedOnce && st !== undefined && st !== 1) errs.push(fe.invalid(`${p}.successThreshold`, st, 'must be 1'));
  const hg = obj(pr.httpGet);
  if (hg) {
    validateProbePort(hg.port, `${p}.httpGet.port`, portNames, errs);
    const scheme = str(hg.scheme);
    if (scheme !== undefined && scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(fe.notSupported(`${p}.httpGet.scheme`, scheme, ['HTTP', 'HTTPS']));
  }
  const tcp = obj(pr.tcpSocket);
  if (tcp) validateProbePort(tcp.port, `${p}.tcpSocket.port`, portNames, errs);
  const ex = obj(pr.exec);
  if (ex && arr(ex.command).length === 0) errs.push(fe.required(`${p}.exec.command`));
}

function validateProbePort(v: unknown, path: string, _names: Set<string>, errs: Errs): void {
  if (typeof v === 'number') {
    if (v < 1 || v > 65535) errs.push(fe.invalid(path, v, inclusiveRangeError(1, 65535)));
  } else if (typeof v === 'string') {
    for (const m of isValidPortName(v)) errs.push(fe.invalid(path, v, m));
  } else errs.push(fe.required(path));
}

// ------------------------------------------------------------------ service
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
function validateService(o: Plain, errs: Errs, old?: Plain): void {
  const spec = obj(o.spec) ?? {};
  const type = str(spec.type) ?? 'ClusterIP';
  const ports = arr(spec.ports);
  const cip = str(spec.clusterIP);
  // the order of ValidateServiceUpdate + ValidateService (pkg/apis/core/validation/validation.go): the clusterIPs
  // upgrade check, spec.ports, each port, selector, sessionAffinity, clusterIPs, type, nodePort rules, duplicates,
  // traffic policies
  if (old) {
    const os = obj(old.spec) ?? {};
    const oldIP = str(os.clusterIP);
    if (oldIP && cip !== undefined && cip !== oldIP && str(os.type) !== 'ExternalName' && type !== 'ExternalName') {
      // validateUpgradeDowngradeClusterIPs (v1.20+): only the plural field is reported
      errs.push(fe.invalid('spec.clusterIPs[0]', [cip], 'may not change once set'));
    }
  }
  if (type === 'ExternalName') {
    const en = str(spec.externalName) ?? '';
    if (!en) errs.push(fe.required('spec.externalName'));
    else for (const m of isDNS1123Subdomain(en.replace(/\.$/, ''))) errs.push(fe.invalid('spec.externalName', en, m));
  } else if (ports.length === 0 && cip !== 'None') {
    errs.push(fe.required('spec.ports'));
  }
  const seenNames = new Set<string>();
  const seenPorts = new Set<string>();
  ports.forEach((x, i) => {
    const port = obj(x) ?? {};
    const p = `spec.ports[${i}]`;
    const name = str(port.name) ?? '';
    if (ports.length > 1 && !name) errs.push(fe.required(`${p}.name`));
    if (name) {
      // Service port names are DNS-1123 labels (container port names are IANA_SVC_NAMEs): validateServicePort
      for (const m of isDNS1123Label(name)) errs.push(fe.invalid(`${p}.name`, name, m));
      if (seenNames.has(name)) errs.push(fe.duplicate(`${p}.name`, name));
      seenNames.add(name);
    }
    const pn = num(port.port);
    if (pn === undefined) errs.push(fe.required(`${p}.port`));
    else for (const m of isValidPortNum(pn)) errs.push(fe.invalid(`${p}.port`, pn, m));
    const proto = str(port.protocol) ?? 'TCP';
    if (!PROTOCOLS.includes(proto)) errs.push(fe.notSupported(`${p}.protocol`, proto, PROTOCOLS));
    const tp = port.targetPort;
    if (typeof tp === 'number') {
      for (const m of isValidPortNum(tp)) errs.push(fe.invalid(`${p}.targetPort`, tp, m));
    } else if (typeof tp === 'string') {
      for (const m of isValidPortName(tp)) errs.push(fe.invalid(`${p}.targetPort`, tp, m));
    }
  });
  const selector = obj(spec.selector);
  if (selector) validateLabels(selector, 'spec.selector', errs);
  const sa = str(spec.sessionAffinity);
  if (sa !== undefined && sa !== 'None' && sa !== 'ClientIP') errs.push(fe.notSupported('spec.sessionAffinity', sa, ['ClientIP', 'None']));
  if (cip && cip !== 'None' && type !== 'ExternalName') {
    if (ipToNumber(cip) === undefined) errs.push(fe.invalid('spec.clusterIPs[0]', cip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    else if (!old && !inServiceCIDR(cip)) {
      errs.push(fe.invalid('spec.clusterIPs', [cip], `failed to allocate IP ${cip}: the provided IP (${cip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`));
    }
  }
  if (cip === 'None' && (type === 'NodePort' || type === 'LoadBalancer')) {
    errs.push(fe.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  if (!SERVICE_TYPES.includes(type)) errs.push(fe.notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP' || type === 'ExternalName') {
    ports.forEach((x, i) => {
      const np = num(obj(x)?.nodePort);
      if (np !== undefined && np !== 0) errs.push(fe.forbidden(`spec.ports[${i}].nodePort`, `may not be used when \`type\` is '${type}'`));
    });
  }
  // (a nodePort outside 30000-32767 is the port allocator's error, after validation: api/alloc.ts)
  // Duplicate nodePorts, then duplicate (port, protocol) pairs. The duplicate value is an internal
  // core.ServicePort, which field.ErrorBody (v1.34, kubernetes#132314) prints as JSON with Go field names
  // [M: the exact field list is from pkg/apis/core/types.go, not seen in output].
  const seenNodePorts = new Set<string>();
  ports.forEach((x, i) => {
    const port = obj(x) ?? {};
    const np = num(port.nodePort);
    if (!np) return;
    const key = `${np}/${str(port.protocol) ?? 'TCP'}`;
    if (seenNodePorts.has(key)) errs.push(fe.duplicate(`spec.ports[${i}].nodePort`, np));
    seenNodePorts.add(key);
  });
  ports.forEach((x, i) => {
    const port = obj(x) ?? {};
    const pn = num(port.port) ?? 0;
    const proto = str(port.protocol) ?? 'TCP';
    const key = `${pn}/${proto}`;
    if (seenPorts.has(key)) errs.push(fe.duplicate(`spec.ports[${i}]`, { Name: '', Protocol: proto, AppProtocol: null, Port: pn, TargetPort: 0, NodePort: 0 }));
    seenPorts.add(key);
  });
  const etp = str(spec.externalTrafficPolicy);
  if (etp !== undefined && etp !== '') {
    if (type !== 'NodePort' && type !== 'LoadBalancer') {
      errs.push(fe.invalid('spec.externalTrafficPolicy', etp, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
    } else if (etp !== 'Cluster' && etp !== 'Local') errs.push(fe.notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  }
  const itp = str(spec.internalTrafficPolicy);
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') errs.push(fe.notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
}

// ------------------------------------------------------------------ config
function validateSecret(o: Plain, errs: Errs, old?: Plain): void {
  const data = obj(o.data) ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(fe.invalid(`data[${k}]`, k, m));
    total += (typeof v === 'string' ? base64DecodeBytes(v)?.length : 0) ?? 0;
  }
  if (total > 1048576) errs.push({ field: 'data', message: 'Too long: must have at most 1048576 bytes' });
  const type = str(o.type) ?? 'Opaque';
  if (type === 'kubernetes.io/tls') {
    if (!('tls.crt' in data)) errs.push(fe.required('data[tls.crt]'));
    if (!('tls.key' in data)) errs.push(fe.required('data[tls.key]'));
  } else if (type === 'kubernetes.io/dockerconfigjson') {
    if (!('.dockerconfigjson' in data)) errs.push(fe.required('data[.dockerconfigjson]'));
  } else if (type === 'kubernetes.io/basic-auth') {
    if (!('username' in data) && !('password' in data)) errs.push(fe.required('data[username]'));
  }
  if (old) {
    if ((str(old.type) ?? 'Opaque') !== type) errs.push(fe.invalid('type', type, 'field is immutable'));
    if (old.immutable === true) {
      if (!deepEqual(old.data ?? {}, o.data ?? {})) errs.push(fe.forbidden('data', 'field is immutable when `immutable` is set'));
      if (o.immutable !== true) errs.push(fe.forbidden('immutable', 'field is immutable when `immutable` is set'));
    }
  }
}

function validateConfigMap(o: Plain, errs: Errs, old?: Plain): void {
  const data = obj(o.data) ?? {};
  const bin = obj(o.binaryData) ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(fe.invalid(`data[${k}]`, k, m));
    total += typeof v === 'string' ? v.length : 0;
  }
  for (const k of Object.keys(bin)) {
    for (const m of isConfigMapKey(k)) errs.push(fe.invalid(`binaryData[${k}]`, k, m));
    if (k in data) errs.push(fe.invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
  }
  if (total > 1048576) errs.push({ field: '', message: 'Too long: must have at most 1048576 bytes' });
  if (old && old.immutable === true) {
    if (!deepEqual(old.data ?? {}, o.data ?? {})) errs.push(fe.forbidden('data', 'field is immutable when `immutable` is set'));
    if (o.immutable !== true) errs.push(fe.forbidden('immutable', 'field is immutable when `immutable` is set'));
  }
}
