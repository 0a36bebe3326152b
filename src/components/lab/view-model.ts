// The cluster view's model: which boxes and edges to draw for a cluster state. Pure (no DOM, no time):
// objects in, a plain description out; rendering (dagre + SVG) lives in graph.ts.

export interface OwnerRef { kind: string; name: string; uid?: string; controller?: boolean }
export interface KObject {
  apiVersion?: string;
  kind: string;
  metadata: {
    name: string; namespace?: string; uid?: string; labels?: Record<string, string>;
    ownerReferences?: OwnerRef[]; deletionTimestamp?: string | null; creationTimestamp?: string;
  };
  // Everything else is read defensively: the simulator's objects have the real shapes.
  [key: string]: unknown;
}

export type BoxKind = 'Deployment' | 'ReplicaSet' | 'Pod' | 'PodGroup' | 'Service' | 'Endpoints' | 'Secret' | 'ConfigMap' | 'Missing';
export type BoxState = 'ok' | 'warn' | 'error' | 'muted';

export interface ObjectRef { kind: string; name: string; namespace: string }

export interface ViewBox {
  id: string;
  kind: BoxKind;
  name: string;
  /** Short lines under the title: status, IP, replicas... plain text. */
  lines: string[];
  state: BoxState;
  /** The object this box stands for (absent for a ghost "missing" box). */
  ref?: ObjectRef;
  /** For PodGroup: the pods it stands for. */
  count?: number;
  /** Set when a selector hovered in the editor matches this pod (or a pod in this group). */
  highlighted?: boolean;
  /** Set by the request path: the request went through (ok) or stopped here (fail). */
  lit?: 'ok' | 'fail';
  /** One sentence on what is wrong with this object, if anything. */
  explanation?: string;
}

export type EdgeKind = 'owner' | 'selector' | 'endpoint' | 'secret' | 'configmap';
export interface ViewEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** The link should exist and doesn't (no match, missing object). Drawn dashed, red, with a ⚠ mark. */
  broken: boolean;
  /** Exists but degraded (an endpoint that is not ready). Drawn dashed. */
  degraded?: boolean;
  label?: string;
  explanation?: string;
}

export interface NodeSummary {
  name: string;
  ready: boolean;
  cpuAllocatableMilli: number; cpuRequestedMilli: number;
  memAllocatableBytes: number; memRequestedBytes: number;
  pods: number;
}

export interface RequestHop { label: string; ok: boolean; reason?: string; ref?: { kind: string; name: string } }
export interface RequestTrace { hops: RequestHop[] }

export interface ViewModel {
  namespace: string;
  boxes: ViewBox[];
  edges: ViewEdge[];
  node?: NodeSummary;
  /** Every broken link's or failing object's explanation, in drawing order, for the summary list. */
  problems: string[];
  request?: { hops: { label: string; state: 'ok' | 'fail' | 'skip'; reason?: string }[] };
}

export interface ViewModelInput {
  objects: readonly KObject[];
  namespace?: string;
  /** The engine's one-sentence explanation for an object, when it has one. */
  explain?: (ref: ObjectRef) => string | undefined;
  /** Pods of one owner beyond this count are drawn as one group box. */
  groupThreshold?: number;
  /** Labels of the selector hovered in the editor: matching pods are highlighted. */
  highlight?: Record<string, string> | null;
  request?: RequestTrace | null;
}

export const DEFAULT_GROUP_THRESHOLD = 20;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function boxId(kind: string, namespace: string, name: string): string { return `${kind}/${namespace}/${name}`; }

/** Label selector match (equality only, as matchLabels and Service selectors are). Empty selector matches nothing here. */
export function matches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  return keys.every((k) => labels?.[k] === selector[k]);
}

export function formatSelector(sel: Record<string, string>): string {
  return Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
}

/** CPU quantity to millicores ("2" → 2000, "500m" → 500). */
export function cpuMilli(q: unknown): number {
  if (q === undefined) return 0;
  const s = str(q);
  if (!s) return 0;
  const m = /^([0-9.]+)(m?)$/.exec(s.trim());
  if (!m) return 0;
  const v = Number(m[1]);
  return m[2] === 'm' ? v : v * 1000;
}

const BIN: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, '': 1 };
/** Memory quantity to bytes ("512Mi", "1Gi", "128M", "1000"). */
export function memBytes(q: unknown): number {
  if (q === undefined) return 0;
  const s = str(q);
  if (!s) return 0;
  const m = /^([0-9.]+)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$/.exec(s.trim());
  if (!m) return 0;
  return Number(m[1]) * (BIN[m[2] ?? ''] ?? 1);
}

export function formatBytes(b: number): string {
  if (b >= 2 ** 30) return `${(b / 2 ** 30).toFixed(1)} GiB`;
  if (b >= 2 ** 20) return `${Math.round(b / 2 ** 20)} MiB`;
  return `${Math.round(b / 1024)} KiB`;
}

interface PodInfo { status: string; ready: boolean; restarts: number; ip?: string; state: BoxState; terminating: boolean }

/** The STATUS column as kubectl computes it, simplified: a waiting/terminated reason wins over the phase. */
export function podInfo(pod: KObject): PodInfo {
  const status = obj(pod.status);
  const phase = str(status.phase) ?? 'Pending';
  let reason: string | undefined;
  let ready = true;
  let restarts = 0;
  const statuses = arr(status.containerStatuses);
  for (const cs of statuses.map(obj)) {
    restarts += num(cs.restartCount) ?? 0;
    if (cs.ready !== true) ready = false;
    const st = obj(cs.state);
    const waiting = obj(st.waiting);
    const terminated = obj(st.terminated);
    if (str(waiting.reason) && str(waiting.reason) !== 'ContainerCreating') reason = str(waiting.reason);
    else if (str(waiting.reason) && !reason) reason = str(waiting.reason);
    else if (str(terminated.reason) && !reason) reason = str(terminated.reason);
  }
  if (statuses.length === 0) ready = false;
  const cond = arr(status.conditions).map(obj).find((c) => c.type === 'PodScheduled');
  if (!reason && cond && cond.status === 'False' && str(cond.reason)) reason = str(cond.reason);
  const terminating = !!pod.metadata.deletionTimestamp;
  const shown = terminating ? 'Terminating' : reason ?? phase;
  let state: BoxState = 'ok';
  if (terminating) state = 'muted';
  else if (/BackOff|Err|Error|OOMKilled|Invalid|Unschedulable|Failed/.test(shown) || phase === 'Failed') state = 'error';
  else if (phase !== 'Running' || !ready) state = 'warn';
  return { status: shown, ready, restarts, ip: str(status.podIP), state, terminating };
}

interface SecretUse { name: string; optional: boolean }
function podRefs(pod: KObject, field: 'secret' | 'configMap'): SecretUse[] {
  const spec = obj(pod.spec);
  const uses: SecretUse[] = [];
  const containers = [...arr(spec.containers), ...arr(spec.initContainers)].map(obj);
  const refKey = field === 'secret' ? 'secretRef' : 'configMapRef';
  const keyRefKey = field === 'secret' ? 'secretKeyRef' : 'configMapKeyRef';
  for (const c of containers) {
    for (const ef of arr(c.envFrom).map(obj)) {
      const r = obj(ef[refKey]);
      if (str(r.name)) uses.push({ name: str(r.name)!, optional: r.optional === true });
    }
    for (const e of arr(c.env).map(obj)) {
      const r = obj(obj(e.valueFrom)[keyRefKey]);
      if (str(r.name)) uses.push({ name: str(r.name)!, optional: r.optional === true });
    }
  }
  for (const v of arr(spec.volumes).map(obj)) {
    const r = field === 'secret' ? obj(v.secret) : obj(v.configMap);
    const n = field === 'secret' ? str(r.secretName) : str(r.name);
    if (n) uses.push({ name: n, optional: r.optional === true });
  }
  const seen = new Set<string>();
  return uses.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
}

function stringMap(v: unknown): Record<string, string> | undefined {
  const o = obj(v);
  const out: Record<string, string> = {};
  let any = false;
  for (const [k, val] of Object.entries(o)) { const s = str(val); if (s !== undefined) { out[k] = s; any = true; } }
  return any ? out : undefined;
}

export function buildViewModel(input: ViewModelInput): ViewModel {
  const ns = input.namespace ?? 'default';
  const threshold = input.groupThreshold ?? DEFAULT_GROUP_THRESHOLD;
  // One engine call per object per build (a missing Secret is asked about once, not once per pod).
  const explained = new Map<string, string | undefined>();
  const explain = (ref: ObjectRef): string | undefined => {
    if (!input.explain) return undefined;
    const key = `${ref.kind}/${ref.namespace}/${ref.name}`;
    if (explained.has(key)) return explained.get(key);
    let text: string | undefined;
    try { text = input.explain(ref) || undefined; } catch { text = undefined; }
    explained.set(key, text);
    return text;
  };
  const inNs = input.objects.filter((o) => (o.metadata?.namespace ?? 'default') === ns && typeof o.metadata?.name === 'string');
  const byKind = (k: string) => inNs.filter((o) => o.kind === k);
  const boxes: ViewBox[] = [];
  const edges: ViewEdge[] = [];
  const problems: string[] = [];
  const boxById = new Map<string, ViewBox>();
  const uidToId = new Map<string, string>();
  const add = (b: ViewBox) => { if (!boxById.has(b.id)) { boxes.push(b); boxById.set(b.id, b); } return boxById.get(b.id)!; };
  const edgeIds = new Set<string>();
  const addEdge = (e: Omit<ViewEdge, 'id'>) => {
    const id = `${e.kind}:${e.from}->${e.to}`;
    if (edgeIds.has(id) || e.from === e.to) return;
    edgeIds.add(id);
    edges.push({ id, ...e });
    if (e.broken && e.explanation && !problems.includes(e.explanation)) problems.push(e.explanation);
  };
  const ref = (o: KObject): ObjectRef => ({ kind: o.kind, name: o.metadata.name, namespace: ns });

  // Deployments
  for (const d of byKind('Deployment')) {
    const spec = obj(d.spec);
    const status = obj(d.status);
    const want = num(spec.replicas) ?? 1;
    const ready = num(status.readyReplicas) ?? 0;
    const upToDate = num(status.updatedReplicas) ?? 0;
    const id = boxId('Deployment', ns, d.metadata.name);
    const e = explain(ref(d));
    add({ id, kind: 'Deployment', name: d.metadata.name, ref: ref(d), lines: [`ready ${ready}/${want}`, `up-to-date ${upToDate}`],
      state: ready >= want ? 'ok' : 'warn', explanation: ready >= want ? undefined : e });
    if (d.metadata.uid) uidToId.set(d.metadata.uid, id);
  }
  // ReplicaSets: only those with pods or wanted replicas (old empty ones would clutter the view).
  const pods = byKind('Pod');
  for (const rs of byKind('ReplicaSet')) {
    const spec = obj(rs.spec);
    const status = obj(rs.status);
    const want = num(spec.replicas) ?? 0;
    const have = num(status.replicas) ?? 0;
    const owned = pods.some((p) => p.metadata.ownerReferences?.some((o) => (o.uid && o.uid === rs.metadata.uid) || (o.kind === 'ReplicaSet' && o.name === rs.metadata.name)));
    if (want === 0 && have === 0 && !owned) continue;
    const id = boxId('ReplicaSet', ns, rs.metadata.name);
    add({ id, kind: 'ReplicaSet', name: rs.metadata.name, ref: ref(rs), lines: [`${num(status.readyReplicas) ?? 0}/${want} ready`], state: 'ok' });
    if (rs.metadata.uid) uidToId.set(rs.metadata.uid, id);
  }

  // Pods, grouped per owner past the threshold.
  const podsByOwner = new Map<string, KObject[]>();
  for (const p of pods) {
    const owner = p.metadata.ownerReferences?.find((o) => o.controller) ?? p.metadata.ownerReferences?.[0];
    const key = owner ? (owner.uid && uidToId.get(owner.uid)) || boxId(owner.kind, ns, owner.name) : '';
    const list = podsByOwner.get(key) ?? [];
    list.push(p);
    podsByOwner.set(key, list);
  }
  const podBox = new Map<string, string>(); // pod name → box id (its own, or its group's)
  const highlight = input.highlight && Object.keys(input.highlight).length ? input.highlight : null;
  for (const [ownerId, list] of podsByOwner) {
    const sorted = [...list].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    if (sorted.length > threshold) {
      const counts = new Map<string, number>();
      let worst: BoxState = 'ok';
      let lit = false;
      for (const p of sorted) {
        const info = podInfo(p);
        counts.set(info.status, (counts.get(info.status) ?? 0) + 1);
        if (info.state === 'error') worst = 'error'; else if (info.state === 'warn' && worst === 'ok') worst = 'warn';
        if (highlight && matches(highlight, p.metadata.labels)) lit = true;
      }
      const id = `PodGroup/${ns}/${ownerId || 'none'}`;
      add({ id, kind: 'PodGroup', name: `${sorted.length} pods`, count: sorted.length, state: worst, highlighted: lit || undefined,
        lines: [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, n]) => `${n} ${s}`) });
      for (const p of sorted) podBox.set(p.metadata.name, id);
      if (ownerId && boxById.has(ownerId)) addEdge({ from: ownerId, to: id, kind: 'owner', broken: false });
      continue;
    }
    for (const p of sorted) {
      const info = podInfo(p);
      const id = boxId('Pod', ns, p.metadata.name);
      const lines = [info.status + (info.status === 'Running' && !info.ready ? ' (not ready)' : ''), `restarts ${info.restarts}`, info.ip ? `IP ${info.ip}` : 'IP <none>'];
      add({ id, kind: 'Pod', name: p.metadata.name, ref: ref(p), lines, state: info.state,
        highlighted: highlight && matches(highlight, p.metadata.labels) ? true : undefined,
        explanation: info.state === 'error' || info.state === 'warn' ? explain(ref(p)) : undefined });
      podBox.set(p.metadata.name, id);
      if (ownerId && boxById.has(ownerId)) addEdge({ from: ownerId, to: id, kind: 'owner', broken: false });
    }
  }
  // Owner links above pods (ReplicaSet → Deployment).
  for (const rs of byKind('ReplicaSet')) {
    const id = boxId('ReplicaSet', ns, rs.metadata.name);
    if (!boxById.has(id)) continue;
    for (const o of rs.metadata.ownerReferences ?? []) {
      const from = (o.uid && uidToId.get(o.uid)) || boxId(o.kind, ns, o.name);
      if (boxById.has(from)) addEdge({ from, to: id, kind: 'owner', broken: false });
    }
  }

  // Services, their Endpoints, and the pods they select.
  const endpoints = new Map(byKind('Endpoints').map((e) => [e.metadata.name, e]));
  for (const s of byKind('Service')) {
    // The API server's own Service is in every cluster; it is not part of what the learner deploys.
    if (ns === 'default' && s.metadata.name === 'kubernetes' && !obj(s.spec).selector) continue;
    const spec = obj(s.spec);
    const type = str(spec.type) ?? 'ClusterIP';
    const ports = arr(spec.ports).map(obj).map((p) => `${str(p.port) ?? '?'}→${str(p.targetPort) ?? str(p.port) ?? '?'}${str(p.nodePort) ? ` (node ${str(p.nodePort)})` : ''}`);
    const lb = arr(obj(obj(s.status).loadBalancer).ingress).map(obj)[0];
    const external = type === 'LoadBalancer' ? `external ${str(lb?.ip) ?? str(lb?.hostname) ?? '<pending>'}` : undefined;
    const sid = boxId('Service', ns, s.metadata.name);
    const selector = stringMap(spec.selector);
    const lines = [`${type} ${str(spec.clusterIP) ?? ''}`.trim(), ...(ports.length ? [`ports ${ports.join(', ')}`] : []), ...(external ? [external] : []),
      selector ? `selector ${formatSelector(selector)}` : 'no selector'];
    const svc = add({ id: sid, kind: 'Service', name: s.metadata.name, ref: ref(s), lines, state: 'ok' });
    if (!selector) continue;
    const matching = pods.filter((p) => matches(selector, p.metadata.labels) && !p.metadata.deletionTimestamp);
    const ep = endpoints.get(s.metadata.name);
    let from = sid;
    if (ep) {
      const eid = boxId('Endpoints', ns, s.metadata.name);
      const subsets = arr(ep.subsets).map(obj);
      const ready = subsets.flatMap((ss) => arr(ss.addresses).map(obj));
      const notReady = subsets.flatMap((ss) => arr(ss.notReadyAddresses).map(obj));
      add({ id: eid, kind: 'Endpoints', name: s.metadata.name, ref: ref(ep),
        lines: [`${ready.length} ready, ${notReady.length} not ready`], state: ready.length ? 'ok' : 'warn' });
      addEdge({ from: sid, to: eid, kind: 'endpoint', broken: false });
      from = eid;
      for (const [list, degraded] of [[ready, false], [notReady, true]] as const) {
        for (const a of list) {
          const target = obj(a.targetRef);
          const pod = str(target.name);
          const to = pod ? podBox.get(pod) : undefined;
          if (to) addEdge({ from: eid, to, kind: 'endpoint', broken: false, degraded: degraded || undefined, label: degraded ? 'not ready' : str(a.ip) });
        }
      }
    } else {
      for (const p of matching) { const to = podBox.get(p.metadata.name); if (to) addEdge({ from: sid, to, kind: 'selector', broken: false }); }
    }
    if (matching.length === 0) {
      const live = pods.filter((p) => !p.metadata.deletionTimestamp);
      const explanation = explain(ref(s)) ?? `selector ${formatSelector(selector)} matches 0 of ${live.length} pod${live.length === 1 ? '' : 's'}, so the Service has no endpoints`;
      svc.state = 'error';
      svc.explanation = explanation;
      // Point the broken link at what was probably meant: a workload sharing a selector key, else a ghost box.
      const keys = Object.keys(selector);
      const candidate = byKind('Deployment').find((d) => {
        const tl = stringMap(obj(obj(obj(d.spec).template).metadata).labels);
        return tl && keys.some((k) => k in tl);
      });
      let to = candidate ? boxId('Deployment', ns, candidate.metadata.name) : '';
      if (!to) {
        to = `Missing/${ns}/pods-for-${s.metadata.name}`;
        add({ id: to, kind: 'Missing', name: `pods with ${formatSelector(selector)}`, lines: ['none exist'], state: 'error', explanation });
      }
      addEdge({ from, to, kind: 'selector', broken: true, label: 'no match', explanation });
    }
  }

  // Secrets and ConfigMaps that pods use (or miss).
  for (const field of ['secret', 'configMap'] as const) {
    const kind = field === 'secret' ? 'Secret' : 'ConfigMap';
    const existing = new Map(byKind(kind).map((o) => [o.metadata.name, o]));
    for (const p of pods) {
      for (const use of podRefs(p, field)) {
        const podTo = podBox.get(p.metadata.name);
        if (!podTo) continue;
        const o = existing.get(use.name);
        if (o) {
          const keys = Object.keys(obj(o.data)).length + Object.keys(obj(o.stringData)).length;
          const id = add({ id: boxId(kind, ns, use.name), kind, name: use.name, ref: ref(o), lines: [`${keys} key${keys === 1 ? '' : 's'}`], state: 'ok' }).id;
          addEdge({ from: id, to: podTo, kind: field === 'secret' ? 'secret' : 'configmap', broken: false });
        } else if (!use.optional) {
          const id = `Missing/${ns}/${kind}/${use.name}`;
          const explanation = explain({ kind, name: use.name, namespace: ns }) ??
            `${kind} ${use.name} does not exist, so pods that read it cannot start (CreateContainerConfigError)`;
          add({ id, kind: 'Missing', name: `${kind} ${use.name}`, lines: ['not found'], state: 'error', explanation });
          addEdge({ from: id, to: podTo, kind: field === 'secret' ? 'secret' : 'configmap', broken: true, label: 'missing', explanation });
        }
      }
    }
    // Unused secrets/configmaps are shown too (muted), except service-account style system ones.
    for (const o of existing.values()) {
      const id = boxId(kind, ns, o.metadata.name);
      if (boxById.has(id) || o.metadata.name === 'kube-root-ca.crt') continue;
      const keys = Object.keys(obj(o.data)).length + Object.keys(obj(o.stringData)).length;
      add({ id, kind, name: o.metadata.name, ref: ref(o), lines: [`${keys} key${keys === 1 ? '' : 's'}`, 'not used by any pod'], state: 'muted' });
    }
  }

  for (const b of boxes) if (b.explanation && (b.state === 'error') && !problems.includes(b.explanation)) problems.push(b.explanation);

  // The node, with what the pods on it have requested.
  let node: NodeSummary | undefined;
  const n = input.objects.find((o) => o.kind === 'Node');
  if (n) {
    const st = obj(n.status);
    const alloc = obj(st.allocatable);
    const scheduled = input.objects.filter((o) => o.kind === 'Pod' && str(obj(o.spec).nodeName) === n.metadata.name &&
      !['Succeeded', 'Failed'].includes(str(obj(o.status).phase) ?? ''));
    let cpu = 0; let mem = 0;
    for (const p of scheduled) {
      for (const c of arr(obj(p.spec).containers).map(obj)) {
        const req = obj(obj(c.resources).requests);
        cpu += cpuMilli(req.cpu); mem += memBytes(req.memory);
      }
    }
    const ready = arr(st.conditions).map(obj).some((c) => c.type === 'Ready' && c.status === 'True');
    node = { name: n.metadata.name, ready, cpuAllocatableMilli: cpuMilli(alloc.cpu), cpuRequestedMilli: cpu,
      memAllocatableBytes: memBytes(alloc.memory), memRequestedBytes: mem, pods: scheduled.length };
  }

  let request: ViewModel['request'];
  if (input.request && input.request.hops.length) {
    let stopped = false;
    request = { hops: input.request.hops.map((h) => {
      const state: 'ok' | 'fail' | 'skip' = stopped ? 'skip' : h.ok ? 'ok' : 'fail';
      if (!h.ok) stopped = true;
      if (h.ref && state !== 'skip') {
        const b = boxById.get(boxId(h.ref.kind, ns, h.ref.name)) ?? boxById.get(podBox.get(h.ref.name) ?? '');
        if (b) b.lit = state === 'ok' ? (b.lit === 'fail' ? 'fail' : 'ok') : 'fail';
      }
      return { label: h.label, state, reason: h.reason };
    }) };
  }

  return { namespace: ns, boxes, edges, node, problems, request };
}
