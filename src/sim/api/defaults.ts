/**
 * Defaulting as the v1.34 API server does it before validation (SetDefaults_* in
 * pkg/apis/core/v1/defaults.go and pkg/apis/apps/v1/defaults.go, plus the registry strategies'
 * PrepareForCreate). Fields whose zero value Kubernetes omits from JSON (minReadySeconds: 0, paused: false)
 * are left out, so `kubectl get -o yaml` looks like a real cluster's.
 *
 * `defaultObject` works on a copy and never throws: it only fills in fields that are absent and of the
 * expected shape, leaving wrong shapes to validation.
 */
import type { KObject } from './types';
import { deepClone, isPlainObject, type Plain } from '../store/json';
import { defaultPullPolicy } from '../images/ref';
import { base64Encode } from './base64';

const obj = (v: unknown): Plain | undefined => (isPlainObject(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
function setIfAbsent(o: Plain, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null) o[k] = v;
}

export function defaultObject<T extends KObject>(input: T): T {
  const o = deepClone(input) as KObject & Plain;
  if (!isPlainObject(o.metadata)) o.metadata = {};
  switch (o.kind) {
    case 'Deployment': defaultDeployment(o); break;
    case 'ReplicaSet': defaultReplicaSet(o); break;
    case 'Pod': defaultPod(o); break;
    case 'Job': defaultJob(o); break;
    case 'Service': defaultService(o); break;
    case 'Secret': defaultSecret(o); break;
    case 'ConfigMap': break;
    case 'Namespace': defaultNamespace(o); break;
    case 'Endpoints':
      for (const s of arr(o.subsets)) for (const p of arr(obj(s)?.ports)) if (obj(p)) setIfAbsent(obj(p)!, 'protocol', 'TCP');
      break;
    case 'EndpointSlice':
      for (const p of arr(o.ports)) if (obj(p)) setIfAbsent(obj(p)!, 'protocol', 'TCP');
      break;
    default: break;
  }
  return o as T;
}

function defaultDeployment(o: Plain): void {
  const spec = obj(o.spec);
  if (!spec) return;
  setIfAbsent(spec, 'replicas', 1);
  if (spec.strategy === undefined || spec.strategy === null) spec.strategy = {};
  const st = obj(spec.strategy);
  if (st) {
    setIfAbsent(st, 'type', 'RollingUpdate');
    if (st.type === 'RollingUpdate') {
      if (st.rollingUpdate === undefined || st.rollingUpdate === null) st.rollingUpdate = {};
      const ru = obj(st.rollingUpdate);
      if (ru) {
        setIfAbsent(ru, 'maxUnavailable', '25%');
        setIfAbsent(ru, 'maxSurge', '25%');
      }
    }
  }
  setIfAbsent(spec, 'revisionHistoryLimit', 10);
  setIfAbsent(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(spec.template);
}

function defaultReplicaSet(o: Plain): void {
  const spec = obj(o.spec);
  if (!spec) return;
  setIfAbsent(spec, 'replicas', 1);
  defaultTemplate(spec.template);
}

function defaultJob(o: Plain): void {
  const spec = obj(o.spec);
  if (!spec) return;
  setIfAbsent(spec, 'completions', 1);
  setIfAbsent(spec, 'parallelism', 1);
  setIfAbsent(spec, 'backoffLimit', 6);
  setIfAbsent(spec, 'completionMode', 'NonIndexed');
  setIfAbsent(spec, 'suspend', false);
  // the pod template gets the ordinary PodSpec defaults (restartPolicy Always), which Job validation then rejects
  defaultTemplate(spec.template);
}

function defaultTemplate(t: unknown): void {
  const tpl = obj(t);
  if (!tpl) return;
  if (tpl.metadata === undefined) tpl.metadata = {};
  const ps = obj(tpl.spec);
  if (ps) defaultPodSpec(ps);
}

/** SetDefaults_PodSpec + SetDefaults_Container and friends (shared by pods and pod templates). */
export function defaultPodSpec(ps: Plain): void {
  setIfAbsent(ps, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(ps, 'restartPolicy', 'Always');
  setIfAbsent(ps, 'terminationGracePeriodSeconds', 30);
  setIfAbsent(ps, 'securityContext', {});
  setIfAbsent(ps, 'schedulerName', 'default-scheduler');
  for (const c of arr(ps.containers)) if (obj(c)) defaultContainer(obj(c)!);
  for (const c of arr(ps.initContainers)) if (obj(c)) defaultContainer(obj(c)!);
  for (const v of arr(ps.volumes)) {
    const vol = obj(v);
    if (!vol) continue;
    const sec = obj(vol.secret);
    if (sec) setIfAbsent(sec, 'defaultMode', 420);
    const cm = obj(vol.configMap);
    if (cm) setIfAbsent(cm, 'defaultMode', 420);
    if (!sec && !cm && !vol.persistentVolumeClaim && !vol.hostPath && !vol.projected && !vol.downwardAPI && vol.emptyDir === undefined) vol.emptyDir = {};
  }
}

function defaultContainer(c: Plain): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === null || c.imagePullPolicy === '') {
    c.imagePullPolicy = typeof c.image === 'string' ? defaultPullPolicy(c.image) : 'IfNotPresent';
  }
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  setIfAbsent(c, 'resources', {});
  for (const p of arr(c.ports)) if (obj(p)) setIfAbsent(obj(p)!, 'protocol', 'TCP');
  for (const e of arr(c.env)) {
    const fr = obj(obj(obj(e)?.valueFrom)?.fieldRef);
    if (fr) setIfAbsent(fr, 'apiVersion', 'v1');
  }
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = obj(c[k]);
    if (!p) continue;
    setIfAbsent(p, 'timeoutSeconds', 1);
    setIfAbsent(p, 'periodSeconds', 10);
    setIfAbsent(p, 'successThreshold', 1);
    setIfAbsent(p, 'failureThreshold', 3);
    const hg = obj(p.httpGet);
    if (hg) {
      setIfAbsent(hg, 'path', '/');
      setIfAbsent(hg, 'scheme', 'HTTP');
    }
  }
}

/** Pods created directly (or by controllers) also get SetDefaults_Pod and admission defaults. */
function defaultPod(o: Plain): void {
  const ps = obj(o.spec);
  if (!ps) return;
  defaultPodSpec(ps);
  setIfAbsent(ps, 'enableServiceLinks', true);
  // ServiceAccount admission
  setIfAbsent(ps, 'serviceAccountName', 'default');
  setIfAbsent(ps, 'serviceAccount', ps.serviceAccountName);
  // Priority admission
  setIfAbsent(ps, 'priority', 0);
  setIfAbsent(ps, 'preemptionPolicy', 'PreemptLowerPriority');
  // DefaultTolerationSeconds admission
  if (ps.tolerations === undefined) {
    ps.tolerations = [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ];
  }
  // requests default to limits, per resource, for pods (SetDefaults_Pod)
  for (const c of [...arr(ps.containers), ...arr(ps.initContainers)]) {
    const r = obj(obj(c)?.resources);
    const lim = obj(r?.limits);
    if (!r || !lim) continue;
    if (r.requests === undefined) r.requests = {};
    const req = obj(r.requests);
    if (req) for (const [k, v] of Object.entries(lim)) setIfAbsent(req, k, v);
  }
  if (o.status === undefined) o.status = { phase: 'Pending', qosClass: qosClass(ps) };
}

/** QoS class from requests/limits (pkg/apis/core/helper/qos). */
export function qosClass(ps: Plain): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of [...arr(ps.containers), ...arr(ps.initContainers)]) {
    const r = obj(obj(c)?.resources) ?? {};
    const req = obj(r.requests) ?? {};
    const lim = obj(r.limits) ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const k of ['cpu', 'memory']) {
      if (lim[k] === undefined) guaranteed = false;
      else if (req[k] !== undefined && String(req[k]) !== String(lim[k])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function defaultService(o: Plain): void {
  const spec = obj(o.spec);
  if (!spec) return;
  setIfAbsent(spec, 'type', 'ClusterIP');
  setIfAbsent(spec, 'sessionAffinity', 'None');
  for (const p of arr(spec.ports)) {
    const port = obj(p);
    if (!port) continue;
    setIfAbsent(port, 'protocol', 'TCP');
    if ((port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') && port.port !== undefined) port.targetPort = port.port;
  }
  if (spec.type === 'ExternalName') return;
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setIfAbsent(spec, 'externalTrafficPolicy', 'Cluster');
  setIfAbsent(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setIfAbsent(spec, 'allocateLoadBalancerNodePorts', true);
  setIfAbsent(spec, 'ipFamilyPolicy', 'SingleStack');
  setIfAbsent(spec, 'ipFamilies', ['IPv4']);
  if (o.status === undefined) o.status = { loadBalancer: {} };
}

function defaultSecret(o: Plain): void {
  setIfAbsent(o, 'type', 'Opaque');
  const sd = obj(o.stringData);
  if (sd) {
    const data: Plain = obj(o.data) ?? {};
    for (const [k, v] of Object.entries(sd)) if (typeof v === 'string') data[k] = base64Encode(v);
    o.data = data;
    delete o.stringData;
  }
}

function defaultNamespace(o: Plain): void {
  const md = obj(o.metadata)!;
  if (typeof md.name === 'string') {
    const labels: Plain = obj(md.labels) ?? {};
    labels['kubernetes.io/metadata.name'] = md.name;
    md.labels = labels;
  }
  if (o.spec === undefined) o.spec = { finalizers: ['kubernetes'] };
  if (o.status === undefined) o.status = { phase: 'Active' };
}
