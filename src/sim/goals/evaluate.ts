// Evaluates goal predicates against a GoalWorld. Pure: reads the world, never changes it (an HTTP goal sends a
// request through the network model, which is what a learner's curl would do too).
import { parseAllDocuments } from 'yaml';
import type { Goal, GoalCheck, GoalResult, GoalWorld, KObject, Labels } from './types.js';

const DEFAULT_NS = 'default';

export function matchesLabels(labels: Record<string, string> | undefined, selector: Labels): boolean {
  const have = labels ?? {};
  return Object.entries(selector).every(([k, v]) => have[k] === v);
}

export function formatSelector(selector: Labels): string {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
}

function isTerminating(obj: KObject): boolean {
  return obj.metadata.deletionTimestamp != null;
}

interface ContainerStatus {
  name?: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; running?: unknown; terminated?: { reason?: string; exitCode?: number } };
}

function containerStatuses(pod: KObject): ContainerStatus[] {
  const list = pod.status?.containerStatuses;
  return Array.isArray(list) ? (list as ContainerStatus[]) : [];
}

/** The STATUS column kubectl prints for a pod (printPod: last container with a problem wins, then Terminating). */
export function podStatusText(pod: KObject): string {
  let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
  const statuses = containerStatuses(pod);
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i]!;
    if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
    else if (s.state?.terminated?.reason) reason = s.state.terminated.reason;
    else if (s.state?.terminated) reason = `ExitCode:${s.state.terminated.exitCode ?? 0}`;
  }
  if (isTerminating(pod) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') reason = 'Terminating';
  return reason;
}

export function podIsReady(pod: KObject): boolean {
  if (isTerminating(pod) || pod.status?.phase !== 'Running') return false;
  const conditions: { type?: string; status?: string }[] = Array.isArray(pod.status?.conditions) ? pod.status.conditions : [];
  const ready = conditions.find((c) => c.type === 'Ready');
  if (ready) return ready.status === 'True';
  const statuses = containerStatuses(pod);
  return statuses.length > 0 && statuses.every((s) => s.ready === true);
}

function podImages(pod: KObject): string[] {
  const containers: { image?: string }[] = Array.isArray(pod.spec?.containers) ? pod.spec.containers : [];
  return containers.map((c) => c.image ?? '');
}

function readyCount(pod: KObject): string {
  const statuses = containerStatuses(pod);
  const total = Array.isArray(pod.spec?.containers) ? pod.spec.containers.length : statuses.length;
  return `${statuses.filter((s) => s.ready).length}/${total}`;
}

function explainPod(world: GoalWorld, pod: KObject, ns: string): string {
  const engine = world.explain?.('Pod', pod.metadata.name, ns);
  const base = `${pod.metadata.name} is ${podStatusText(pod)} (${readyCount(pod)} ready)`;
  if (engine) return `${pod.metadata.name}: ${engine}`;
  const waiting = containerStatuses(pod).find((s) => s.state?.waiting?.message)?.state?.waiting?.message;
  if (waiting) return `${base}: ${waiting}`;
  const scheduled = (pod.status?.conditions ?? []).find((c: { type?: string }) => c.type === 'PodScheduled');
  if (scheduled && scheduled.status === 'False' && scheduled.message) return `${base}: ${scheduled.message}`;
  return base;
}

/** Reads a dotted path with [n] indexes, e.g. spec.template.spec.containers[0].image. */
export function readPath(obj: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  let cur: unknown = obj;
  for (const p of parts) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** CPU quantity in millicores: "500m" → 500, "1.5" → 1500, "2" → 2000. NaN when unparseable. */
export function cpuMillis(q: unknown): number {
  if (typeof q === 'number') return q * 1000;
  if (typeof q !== 'string') return NaN;
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'm' ? n : n * 1000;
}

function secretKeys(secret: KObject): string[] {
  return [...new Set([...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})])].sort();
}

/** The env the pod's container would see, from its spec and the Secrets/ConfigMaps it references. */
export function envFromSpec(world: GoalWorld, pod: KObject, ns: string): Record<string, string> {
  const env: Record<string, string> = {};
  const container = Array.isArray(pod.spec?.containers) ? pod.spec.containers[0] : undefined;
  if (!container) return env;
  for (const from of (container.envFrom ?? []) as { secretRef?: { name?: string }; configMapRef?: { name?: string }; prefix?: string }[]) {
    const ref = from.secretRef ?? from.configMapRef;
    if (!ref?.name) continue;
    const source = world.get(from.secretRef ? 'Secret' : 'ConfigMap', ref.name, ns);
    if (!source) continue;
    for (const key of secretKeys(source)) env[(from.prefix ?? '') + key] = '(set)';
  }
  for (const e of (container.env ?? []) as { name?: string; value?: string; valueFrom?: unknown }[]) {
    if (e.name) env[e.name] = e.value ?? '(set)';
  }
  return env;
}

function result(goal: Goal, met: boolean, detail: string): GoalResult {
  return { id: goal.id, title: goal.title, met, detail };
}

function needCluster(world: GoalWorld): string | undefined {
  return world.clusterRunning() ? undefined : 'no cluster yet: run minikube start';
}

function check(c: GoalCheck, world: GoalWorld): [boolean, string] {
  const ns = 'namespace' in c && c.namespace ? c.namespace : DEFAULT_NS;
  if (c.type === 'cluster-running') {
    return world.clusterRunning() ? [true, 'minikube is running'] : [false, 'no cluster yet: run minikube start'];
  }
  if (c.type === 'image-built') {
    const has = world.hasLocalImage(c.image);
    return [has, has ? `${c.image} is in the local docker image store` : `docker images does not list ${c.image} yet`];
  }
  if (c.type === 'file-valid-yaml') {
    const text = world.readFile(c.path);
    if (text === undefined) return [false, `${c.path} does not exist`];
    const docs = parseAllDocuments(text);
    const list = Array.isArray(docs) ? docs : [docs];
    for (const doc of list) {
      const err = doc.errors[0];
      if (err) {
        const pos = err.linePos?.[0];
        return [false, `${c.path}${pos ? `:${pos.line}:${pos.col}` : ''}: ${err.message.split('\n')[0]}`];
      }
      const value = doc.toJS() as unknown;
      if (value == null) continue;
      if (typeof value !== 'object' || !('apiVersion' in value) || !('kind' in value)) {
        return [false, `${c.path}: a document has no apiVersion or kind (check the indentation)`];
      }
    }
    return [true, `${c.path} is valid YAML`];
  }
  const noCluster = needCluster(world);
  if (noCluster) return [false, noCluster];

  switch (c.type) {
    case 'image-on-node': {
      const has = world.hasNodeImage(c.image);
      return [has, has ? `${c.image} is loaded into minikube` : `minikube image ls does not list ${c.image}`];
    }
    case 'object-exists': {
      const o = world.get(c.kind, c.name, ns);
      return [!!o, o ? `${c.kind.toLowerCase()}/${c.name} exists` : `${c.kind.toLowerCase()}/${c.name} not found in namespace ${ns}`];
    }
    case 'object-absent': {
      const o = world.get(c.kind, c.name, ns);
      return [!o, o ? `${c.kind.toLowerCase()}/${c.name} still exists` : `${c.kind.toLowerCase()}/${c.name} is gone`];
    }
    case 'pods-ready': {
      const pods = world.list('Pod', ns).filter((p) => matchesLabels(p.metadata.labels, c.selector) && !isTerminating(p));
      const eligible = c.image ? pods.filter((p) => podImages(p).every((i) => i === c.image)) : pods;
      const ready = eligible.filter(podIsReady);
      const what = `pods with ${formatSelector(c.selector)}${c.image ? ` running ${c.image}` : ''}`;
      const enough = c.exact ? ready.length === c.count && pods.length === c.count : ready.length >= c.count;
      if (enough) return [true, `${ready.length} ${what} are Running and Ready`];
      if (pods.length === 0) return [false, `no ${what.replace(/^pods/, 'pod')} exists yet`];
      const notReady = pods.filter((p) => !podIsReady(p) || !eligible.includes(p));
      const why = notReady[0] ? explainPod(world, notReady[0], ns) : c.exact && pods.length > c.count ? `${pods.length} pods exist, ${c.count} wanted` : '';
      return [false, `${ready.length} of ${c.count} ${what} Ready${why ? `; ${why}` : ''}`];
    }
    case 'rollout-complete': {
      const d = world.get('Deployment', c.name, ns);
      if (!d) return [false, `deployment ${c.name} not found`];
      const want: number = d.spec?.replicas ?? 1;
      const s = d.status ?? {};
      if (c.replicas !== undefined && want !== c.replicas) return [false, `deployment ${c.name} wants ${want} replicas, not ${c.replicas}`];
      const image = readPath(d, 'spec.template.spec.containers[0].image');
      if (c.image && image !== c.image) return [false, `deployment ${c.name} runs ${String(image)}, not ${c.image}`];
      const observed = (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
      const updated = s.updatedReplicas ?? 0;
      const available = s.availableReplicas ?? 0;
      const total = s.replicas ?? 0;
      if (observed && updated === want && available === want && total === want) {
        return [true, `deployment ${c.name}: ${available}/${want} updated and available`];
      }
      const msg = !observed ? 'the controller has not seen the latest spec yet'
        : total > updated ? `${total - updated} old replicas are still running; ${updated} of ${want} updated, ${available} available`
          : `${updated} of ${want} updated, ${available} available`;
      const cond = ((s.conditions ?? []) as { type?: string; status?: string; reason?: string; message?: string }[]).find((x) => x.status === 'False');
      return [false, `deployment ${c.name}: ${msg}${cond?.message ? `; ${cond.type}: ${cond.message}` : ''}`];
    }
    case 'endpoints-ready': {
      const svc = world.get('Service', c.service, ns);
      if (!svc) return [false, `service ${c.service} not found`];
      const ready = readyEndpoints(world, c.service, ns, c.port);
      if (ready.length >= c.count) return [true, `${c.service} has ${ready.length} ready endpoints${c.port ? ` on port ${c.port}` : ''}: ${ready.slice(0, 3).join(', ')}`];
      const selector: Labels = svc.spec?.selector ?? {};
      const matching = world.list('Pod', ns).filter((p) => matchesLabels(p.metadata.labels, selector) && !isTerminating(p));
      const engine = world.explain?.('Service', c.service, ns);
      let why: string;
      const anyPort = c.port ? readyEndpoints(world, c.service, ns) : ready;
      if (engine) why = engine;
      else if (c.port && ready.length === 0 && anyPort.length > 0) why = `endpoints point at another port than ${c.port}: ${anyPort.slice(0, 3).join(', ')}`;
      else if (matching.length === 0) why = `selector ${formatSelector(selector)} matches no pod`;
      else why = `${matching.filter(podIsReady).length} of ${matching.length} selected pods are Ready`;
      return [false, `${c.service} has ${ready.length} of ${c.count} ready endpoints${c.port ? ` on port ${c.port}` : ''}: ${why}`];
    }
    case 'secret-keys': {
      const secret = world.get('Secret', c.name, ns);
      if (!secret) return [false, `secret ${c.name} not found`];
      const have = secretKeys(secret);
      const missing = c.keys.filter((k) => !have.includes(k));
      if (missing.length) return [false, `secret ${c.name} lacks ${missing.join(', ')} (has ${have.join(', ') || 'no keys'})`];
      if (!c.seenBy) return [true, `secret ${c.name} has ${c.keys.join(' and ')}`];
      const pods = world.list('Pod', ns).filter((p) => matchesLabels(p.metadata.labels, c.seenBy!) && !isTerminating(p));
      const running = pods.filter((p) => p.status?.phase === 'Running');
      if (running.length === 0) return [false, `secret ${c.name} is complete, but no running pod with ${formatSelector(c.seenBy)} uses it yet`];
      for (const pod of running) {
        const env = world.podEnv?.(pod) ?? envFromSpec(world, pod, ns);
        const blind = c.keys.filter((k) => !(k in env));
        if (blind.length) return [false, `${pod.metadata.name} does not see ${blind.join(', ')} (it started before the key existed? restart it)`];
      }
      return [true, `secret ${c.name} has ${c.keys.join(' and ')}, and ${running.length} running pod(s) see them`];
    }
    case 'http': {
      const path = c.path ?? '/';
      const out = world.request(c.via, c.service, path, ns);
      const wantStatus = c.status ?? 200;
      if (!out.ok) return [false, `${c.via}: ${out.explanation}`];
      if (out.status !== wantStatus) return [false, `${c.via}: got HTTP ${out.status}, want ${wantStatus}; ${out.explanation}`];
      if (c.bodyIncludes && !(out.body ?? '').includes(c.bodyIncludes)) return [false, `${c.via}: HTTP ${out.status} but the page is not the app's`];
      return [true, `${c.via}: HTTP ${out.status} from the app`];
    }
    case 'external-ip': {
      const svc = world.get('Service', c.service, ns);
      if (!svc) return [false, `service ${c.service} not found`];
      const ingress: { ip?: string; hostname?: string }[] = svc.status?.loadBalancer?.ingress ?? [];
      const ip = ingress[0]?.ip ?? ingress[0]?.hostname;
      if (ip) return [true, `${c.service} has EXTERNAL-IP ${ip}`];
      return [false, svc.spec?.type === 'LoadBalancer' ? `EXTERNAL-IP is <pending>: nothing assigns LoadBalancer IPs on minikube until minikube tunnel runs` : `${c.service} is type ${svc.spec?.type ?? 'ClusterIP'}, not LoadBalancer`];
    }
    case 'field': {
      const o = world.get(c.kind, c.name, ns);
      if (!o) return [false, `${c.kind.toLowerCase()}/${c.name} not found`];
      const v = readPath(o, c.path);
      if (c.absent) return [v === undefined, v === undefined ? `${c.path} is not set` : `${c.path} is ${JSON.stringify(v)}`];
      if (v === undefined) return [false, `${c.path} is not set`];
      if (c.equals !== undefined) {
        const ok = String(v) === String(c.equals);
        return [ok, ok ? `${c.path} is ${String(v)}` : `${c.path} is ${JSON.stringify(v)}, want ${String(c.equals)}`];
      }
      if (c.atMostCpu !== undefined) {
        const have = cpuMillis(v);
        const max = cpuMillis(c.atMostCpu);
        const ok = have <= max;
        return [ok, ok ? `${c.path} is ${String(v)} (at most ${c.atMostCpu})` : `${c.path} is ${String(v)}, more than ${c.atMostCpu}`];
      }
      return [true, `${c.path} is set`];
    }
    case 'no-pod-reason': {
      const pods = world.list('Pod', ns).filter((p) => matchesLabels(p.metadata.labels, c.selector) && !isTerminating(p));
      const bad = pods.find((p) => c.reasons.includes(podStatusText(p)));
      if (bad) return [false, explainPod(world, bad, ns)];
      return [true, `no pod with ${formatSelector(c.selector)} is ${c.reasons.join(' or ')}`];
    }
  }
}

/** Ready endpoint addresses "ip:port" of a service, from its EndpointSlices (or the Endpoints object if none). */
export function readyEndpoints(world: GoalWorld, service: string, ns: string, port?: number): string[] {
  const out: string[] = [];
  const slices = world.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
  if (slices.length) {
    for (const s of slices) {
      const ports: { port?: number }[] = (s as { ports?: { port?: number }[] }).ports ?? [];
      const eps: { addresses?: string[]; conditions?: { ready?: boolean } }[] = (s as { endpoints?: never[] }).endpoints ?? [];
      for (const p of ports) {
        if (port !== undefined && p.port !== port) continue;
        for (const e of eps) if (e.conditions?.ready !== false) for (const a of e.addresses ?? []) out.push(`${a}:${p.port}`);
      }
    }
    return out;
  }
  const ep = world.get('Endpoints', service, ns) as { subsets?: { addresses?: { ip: string }[]; ports?: { port: number }[] }[] } | undefined;
  for (const sub of ep?.subsets ?? []) {
    for (const p of sub.ports ?? []) {
      if (port !== undefined && p.port !== port) continue;
      for (const a of sub.addresses ?? []) out.push(`${a.ip}:${p.port}`);
    }
  }
  return out;
}

export function evaluateGoal(goal: Goal, world: GoalWorld): GoalResult {
  try {
    const [met, detail] = check(goal.check, world);
    return result(goal, met, detail);
  } catch (err) {
    return result(goal, false, `could not check: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function evaluateGoals(goals: readonly Goal[], world: GoalWorld): GoalResult[] {
  return goals.map((g) => evaluateGoal(g, world));
}
