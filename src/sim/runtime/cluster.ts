/**
 * The running minikube cluster: one store, the controllers (driven by a de-duplicating work queue
 * fed by store watches), the kubelet of the node, the network and the virtual clock.
 *
 * Time only moves in advance(); settle() reconciles to quiescence at the current instant.
 */
import type { Deployment, KEvent, KObject, Pod, Service } from '../api/types';
import { Store, type WatchEvent } from '../store/store';
import { DEFAULT_START_MS, Prng, TimerQueue, VirtualClock, parseRfc3339, type Millis, type Timer } from '../clock/index';
import { EventRecorder } from '../events/index';
import { ImageStore } from '../images/store';
import { MINIKUBE_SYSTEM_IMAGES, Registry, fakeSha256 } from '../images/registry';
import { Kubelet, type LogLine } from '../node/kubelet';
import { NODE_ALLOCATABLE, NODE_CAPACITY, NODE_IP, NODE_NAME, NODE_POD_CIDR } from '../node/node';
import { Network, type NetRequest, type NetResult } from '../net/index';
import { Scheduler } from '../controllers/scheduler';
import { ReplicaSetController } from '../controllers/replicaset';
import { DeploymentController } from '../controllers/deployment';
import { JobController } from '../controllers/job';
import { EndpointsController, serviceSelects } from '../controllers/endpoints';
import { controllerRef } from '../controllers/util';
import { WorkQueue } from './queue';
import { seedMinikube, BOOT_SECONDS } from './seed';
import type { RuntimeContext } from './context';
import type { ExecResult } from '../images/process';
import { runFile, type FileOptions, type FileResult } from '../api/server';
import { explain, type ObjectRef } from './explain';
import { curlExec } from '../images/models';

export interface ClusterOptions {
  /** PRNG seed: names, IPs, uids and jitter derive from it. Default 1. */
  seed?: number;
  /** Virtual start time (epoch ms). Default 2025-09-15T15:30:00Z. */
  startTime?: Millis;
  /** An image store to use as the node's (default: a fresh one holding minikube's system images). */
  nodeImages?: ImageStore;
}

/** kube-apiserver --event-ttl default. */
export const EVENT_TTL_MS = 60 * 60_000;

/** A dependent in the owner index: its kind, namespace and name, and the key the store finds it by. */
interface DepRef { kind: string; ns: string; name: string; key: string }

/** A safety net: a reconcile storm this long means a controller bug, not a busy cluster. */
const MAX_SETTLE_STEPS = 2_000_000;

export class Cluster {
  readonly clock: VirtualClock;
  readonly timers = new TimerQueue();
  readonly rng: Prng;
  readonly store: Store;
  readonly events: EventRecorder;
  readonly registry = new Registry();
  /** The minikube node's Docker image store (`minikube image load` adds here). */
  readonly images: ImageStore;
  readonly kubelet: Kubelet;
  readonly net: Network;
  readonly scheduler: Scheduler;
  readonly ctx: RuntimeContext;
  private readonly queue = new WorkQueue((item) => /^(replicaset|deployment|job|endpoints|lb)\|/.test(item));
  private readonly replicasets: ReplicaSetController;
  private readonly deployments: DeploymentController;
  private readonly jobs: JobController;
  private readonly endpoints: EndpointsController;
  private readonly systemPods: Set<string>;
  /** owner uid → dependents: kind|ns|name → its parts and store key (parsed once, not on every lookup) */
  private readonly dependents = new Map<string, Map<string, DepRef>>();
  /** Pods and ReplicaSets without a controller (kind|ns|name) */
  private readonly orphanKeys = new Set<string>();
  private settling = false;
  private podCount = 0;
  private readonly serviceCache = new Map<string, Service[]>();
  private listeners = new Set<() => void>();
  /** while seeding: the PRNG the store draws from instead of its own (see runtime/seed.ts) */
  private sideRandom: Prng | undefined;

  constructor(opts: ClusterOptions = {}) {
    const seed = opts.seed ?? 1;
    const readyAt = opts.startTime ?? DEFAULT_START_MS;
    this.clock = new VirtualClock(readyAt - BOOT_SECONDS * 1000);
    this.rng = new Prng(seed);
    const storeRng = this.rng.fork('store');
    this.store = new Store({ now: () => this.clock.now(), random: () => (this.sideRandom ?? storeRng).next() });
    this.events = new EventRecorder(this.store, () => this.clock.now());
    this.images = opts.nodeImages ?? new ImageStore();
    for (const img of MINIKUBE_SYSTEM_IMAGES) {
      if (!this.images.has(img.ref)) this.images.add(img.ref, { id: `sha256:${fakeSha256('id:' + img.ref)}`, sizeBytes: Math.round(img.sizeMB * 1e6), created: this.clock.now(), repoDigest: `sha256:${fakeSha256('digest:' + img.ref)}`, model: 'system' });
    }
    const runtimeRng = this.rng.fork('runtime');
    this.ctx = {
      store: this.store,
      now: () => this.clock.now(),
      schedule: (at, fn) => this.timers.schedule(Math.max(at, this.clock.now()), fn),
      cancel: (t: Timer | undefined) => this.timers.cancel(t),
      rng: runtimeRng,
      events: this.events,
      enqueue: (controller, key) => this.queue.add(`${controller}|${key}`),
      dependents: <T extends KObject>(ownerUid: string, kind: string) => this.dependentsOf<T>(ownerUid, kind),
      orphans: <T extends KObject>(kind: string, namespace: string) => this.orphansOf<T>(kind, namespace),
      podCount: () => this.podCount,
    };
    this.kubelet = new Kubelet(this.ctx, {
      images: this.images,
      registry: this.registry,
      request: (fromIP, ns, url, o) => {
        const pod = this.store.list<Pod>('Pod', { namespace: ns }).find((p) => p.status?.podIP === fromIP);
        const r = this.net.request({ from: pod ? { kind: 'pod', namespace: ns, name: pod.metadata.name ?? '' } : { kind: 'workstation' }, url, ...o });
        return r.ok ? { ok: true, response: r.response!, remote: r.remote ?? '' } : { ok: false, curlExit: r.curlExit, error: r.curlError };
      },
    });
    this.net = new Network(this.store, this.kubelet);
    this.scheduler = new Scheduler(this.ctx);
    this.replicasets = new ReplicaSetController(this.ctx);
    this.deployments = new DeploymentController(this.ctx);
    this.jobs = new JobController(this.ctx);
    this.endpoints = new EndpointsController(this.ctx);
    // The control plane booted before `minikube start` returned: the seed walks the clock from BOOT_SECONDS
    // before the start time up to it, so system objects and their events carry plausible ages.
    const bootRng = this.rng.fork('boot');
    this.systemPods = seedMinikube({
      store: this.store,
      events: this.events,
      setTime: (ms) => this.clock.setTo(ms),
      side: (fn) => { const prev = this.sideRandom; this.sideRandom = bootRng; try { return fn(); } finally { this.sideRandom = prev; } },
      syncEndpoints: (key) => this.endpoints.reconcile(key),
    }, readyAt);
    this.podCount = this.store.list('Pod').length;
    // objects created before the watch: index their owners (the coredns ReplicaSet's pod, …) and reconcile them
    for (const kind of this.store.kinds()) {
      if (kind === 'Event') continue;
      for (const o of this.store.list(kind)) {
        for (const r of o.metadata.ownerReferences ?? []) {
          let s = this.dependents.get(r.uid);
          if (!s) { s = new Map(); this.dependents.set(r.uid, s); }
          const dk = `${kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`;
          if (!s.has(dk)) s.set(dk, this.depRef(kind, o.metadata.namespace ?? '', `${o.metadata.name}`));
        }
      }
    }
    this.store.watch((ev) => this.onChange(ev));
    for (const s of this.store.list<Service>('Service')) this.queue.add(`endpoints|${s.metadata.namespace}/${s.metadata.name}`);
    for (const d of this.store.list<Deployment>('Deployment')) this.queue.add(`deployment|${d.metadata.namespace}/${d.metadata.name}`);
    for (const rs of this.store.list('ReplicaSet')) this.queue.add(`replicaset|${rs.metadata.namespace}/${rs.metadata.name}`);
    this.settle();
  }

  // ------------------------------------------------------------------ time
  now(): Millis {
    return this.clock.now();
  }

  /** Reconcile until nothing is left to do at the current instant. Returns the number of reconciles run. */
  settle(): number {
    if (this.settling) return 0;
    this.settling = true;
    let steps = 0;
    try {
      for (;;) {
        // timers due now (e.g. scheduled at the current instant by a reconcile)
        let t: Timer | undefined;
        while ((t = this.timers.popDue(this.clock.now()))) t.fn();
        const item = this.queue.pop();
        if (item === undefined) break;
        if (++steps > MAX_SETTLE_STEPS) throw new Error(`simulator did not settle after ${MAX_SETTLE_STEPS} reconciles (last: ${item})`);
        this.dispatch(item);
      }
    } finally {
      this.settling = false;
    }
    if (steps > 0) for (const l of this.listeners) l();
    return steps;
  }

  /** Moves virtual time forward by `seconds`, running timers and reconciles in time order. */
  advance(seconds: number): void {
    this.advanceTo(this.clock.now() + Math.max(0, seconds) * 1000);
  }

  advanceTo(target: Millis): void {
    this.settle();
    for (;;) {
      const next = this.timers.peekTime();
      if (next === undefined || next > target) break;
      this.clock.setTo(next);
      this.settle();
    }
    this.clock.setTo(target);
    this.settle();
    this.pruneEvents();
    for (const l of this.listeners) l();
  }

  /** The API server keeps events for an hour (--event-ttl 1h); older ones disappear. Checked every 5 virtual minutes. */
  private lastPrune = 0;
  private pruneEvents(): void {
    const now = this.clock.now();
    if (now - this.lastPrune < 5 * 60_000) return;
    this.lastPrune = now;
    const cutoff = now - EVENT_TTL_MS;
    for (const e of this.store.list<KEvent>('Event')) {
      const last = parseRfc3339(e.lastTimestamp ?? '') ?? now;
      if (last < cutoff) this.store.remove('Event', e.metadata.namespace, e.metadata.name ?? '');
    }
  }

  /**
   * Advances until `predicate` holds (checked after each instant that changed something) or `maxSeconds`
   * pass. Returns true when the predicate held. Used by `kubectl wait`, `rollout status`, `delete --wait`.
   */
  advanceUntil(predicate: () => boolean, maxSeconds: number): boolean {
    this.settle();
    if (predicate()) return true;
    const end = this.clock.now() + maxSeconds * 1000;
    for (;;) {
      const next = this.timers.peekTime();
      if (next === undefined || next > end) break;
      this.clock.setTo(next);
      this.settle();
      if (predicate()) { for (const l of this.listeners) l(); return true; }
    }
    this.clock.setTo(end);
    this.settle();
    this.pruneEvents();
    for (const l of this.listeners) l();
    return predicate();
  }

  /** Time of the next scheduled activity (undefined when the cluster is idle). */
  nextActivity(): Millis | undefined {
    return this.timers.peekTime();
  }

  /** Called after every settle()/advance() that changed something (for UIs). Returns unsubscribe. */
  onSettled(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  // ------------------------------------------------------------------ dispatch
  private dispatch(item: string): void {
    const bar = item.indexOf('|');
    const controller = item.slice(0, bar);
    const key = item.slice(bar + 1);
    switch (controller) {
      case 'deployment': this.deployments.reconcile(key); break;
      case 'replicaset': this.replicasets.reconcile(key); break;
      case 'job': this.jobs.reconcile(key); break;
      case 'scheduler': this.scheduler.reconcile(key); break;
      case 'endpoints': this.endpoints.reconcile(key); break;
      case 'kubelet': this.kubelet.sync(key); break;
      case 'kubelet-status': this.kubelet.refreshStatus(key); break;
      case 'gc': this.collect(key); break;
      case 'lb': this.syncLoadBalancer(key); break;
      case 'namespace': this.cleanNamespace(key); break;
      default: break;
    }
  }

  private onChange(ev: WatchEvent): void {
    const o = ev.object;
    const kind = o.kind;
    if (kind === 'Event') return;
    if (kind === 'Pod') this.podCount += ev.type === 'ADDED' ? 1 : ev.type === 'DELETED' ? -1 : 0;
    const ns = o.metadata.namespace ?? '';
    const name = o.metadata.name ?? '';
    const key = `${ns}/${name}`;
    // dependents index for the garbage collector
    const depKey = `${kind}|${ns}|${name}`;
    if (ev.old?.metadata.ownerReferences) for (const r of ev.old.metadata.ownerReferences) this.dependents.get(r.uid)?.delete(depKey);
    if (ev.type !== 'DELETED' && o.metadata.ownerReferences) {
      let ref: DepRef | undefined;
      for (const r of o.metadata.ownerReferences) {
        let s = this.dependents.get(r.uid);
        if (!s) { s = new Map(); this.dependents.set(r.uid, s); }
        if (!s.has(depKey)) s.set(depKey, ref ??= this.depRef(kind, ns, name));
      }
    }
    if ((kind === 'Pod' || kind === 'ReplicaSet') && !this.systemPods.has(o.metadata.uid ?? '')) {
      if (ev.type !== 'DELETED' && !controllerRef(o)) this.orphanKeys.add(depKey);
      else this.orphanKeys.delete(depKey);
    }
    if (ev.type === 'DELETED' || (o.metadata.deletionTimestamp && o.metadata.finalizers?.includes('foregroundDeletion'))) {
      if (this.dependents.get(o.metadata.uid ?? '')?.size) this.queue.add(`gc|${o.metadata.uid}`);
    }
    switch (kind) {
      case 'Deployment':
        this.queue.add(`deployment|${key}`);
        break;
      case 'ReplicaSet': {
        this.queue.add(`replicaset|${key}`);
        const ref = controllerRef(o);
        if (ref?.kind === 'Deployment') this.queue.add(`deployment|${ns}/${ref.name}`);
        else if (!ref) for (const d of this.store.list<Deployment>('Deployment', { namespace: ns })) this.queue.add(`deployment|${ns}/${d.metadata.name}`);
        break;
      }
      case 'Job':
        this.queue.add(`job|${key}`);
        break;
      case 'Pod':
        this.onPodChange(ev, o as Pod, ns, name);
        break;
      case 'Service':
        this.serviceCache.delete(ns);
        this.queue.add(`endpoints|${key}`);
        this.queue.add(`lb|${key}`);
        break;
      case 'Namespace':
        if (ev.type === 'DELETED' || o.metadata.deletionTimestamp) this.queue.add(`namespace|${name}`);
        break;
      default:
        break;
    }
  }

  private onPodChange(ev: WatchEvent, pod: Pod, ns: string, name: string): void {
    const key = `${ns}/${name}`;
    const old = ev.old as Pod | undefined;
    const ref = controllerRef(pod) ?? (old ? controllerRef(old) : undefined);
    if (this.systemPods.has(pod.metadata.uid ?? '')) { this.onSystemPodChange(ev, pod, ref); return; }
    if (ref?.kind === 'Job') this.queue.add(`job|${ns}/${ref.name}`);
    else if (ref?.kind === 'ReplicaSet') {
      this.queue.add(`replicaset|${ns}/${ref.name}`);
      if (ev.type === 'DELETED') {
        // Recreate waits for the old pods to be gone: tell the owning Deployment
        const rs = this.store.get('ReplicaSet', ns, ref.name);
        const dref = rs ? controllerRef(rs) : undefined;
        if (dref?.kind === 'Deployment') this.queue.add(`deployment|${ns}/${dref.name}`);
      }
    } else if (!ref && ev.type !== 'DELETED') for (const rs of this.store.list('ReplicaSet', { namespace: ns })) this.queue.add(`replicaset|${ns}/${rs.metadata.name}`);
    if (ev.type === 'DELETED') {
      this.queue.add(`kubelet|${key}`);
      if (pod.spec.nodeName) this.scheduler.resourcesFreed();
    } else {
      if (ev.type === 'ADDED' && !pod.spec.nodeName && !pod.metadata.deletionTimestamp) this.queue.add(`scheduler|${key}`);
      const nodeChanged = ev.type === 'ADDED' || old?.spec.nodeName !== pod.spec.nodeName || old?.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || old?.metadata.uid !== pod.metadata.uid;
      if (pod.spec.nodeName === NODE_NAME && nodeChanged) this.queue.add(`kubelet|${key}`);
      if (pod.spec.nodeName) {
        const terminalNow = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
        const terminalBefore = old?.status?.phase === 'Succeeded' || old?.status?.phase === 'Failed';
        if (terminalNow && !terminalBefore) this.scheduler.resourcesFreed();
        // a bind by the scheduler is already in its accounting; anything else placing a pod is not
        else if (ev.type === 'ADDED' || (old?.spec.nodeName && old.spec.nodeName !== pod.spec.nodeName)) this.scheduler.invalidate();
      }
    }
    // endpoints of services that select this pod (before or after)
    if (endpointRelevant(old, ev.type === 'DELETED' ? undefined : pod)) {
      for (const svc of this.servicesIn(ns)) {
        if (serviceSelects(svc, pod) || (old && serviceSelects(svc, old))) this.queue.add(`endpoints|${ns}/${svc.metadata.name}`);
      }
    }
  }

  /**
   * The kube-system pods are not run by the simulated kubelet. Deleting one: it stops after its grace (coredns
   * finishes its 5 s `lameduck`, the others exit at once) and its ReplicaSet replaces it with an ordinary pod, which
   * the kubelet then runs; Services selecting it (kube-dns) follow.
   */
  private onSystemPodChange(ev: WatchEvent, pod: Pod, ref: { kind: string; name: string } | undefined): void {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    if (ref?.kind === 'ReplicaSet') this.queue.add(`replicaset|${ns}/${ref.name}`);
    for (const svc of this.servicesIn(ns)) if (serviceSelects(svc, pod)) this.queue.add(`endpoints|${ns}/${svc.metadata.name}`);
    if (ev.type === 'DELETED') { this.scheduler.resourcesFreed(); return; }
    if (pod.metadata.deletionTimestamp && !(ev.old as Pod | undefined)?.metadata.deletionTimestamp) {
      const uid = pod.metadata.uid;
      const stopMs = pod.metadata.labels?.['k8s-app'] === 'kube-dns' ? 5_000 : 300;
      const deadline = parseRfc3339(pod.metadata.deletionTimestamp) ?? this.clock.now();
      this.timers.schedule(Math.min(this.clock.now() + stopMs, Math.max(deadline, this.clock.now())), () => {
        const cur = this.store.get('Pod', ns, name);
        if (cur && cur.metadata.uid === uid) this.store.remove('Pod', ns, name);
      });
    }
  }

  /** Services of a namespace, cached until a Service there changes (pod changes look them up often). */
  private servicesIn(ns: string): Service[] {
    let l = this.serviceCache.get(ns);
    if (!l) {
      l = this.store.list<Service>('Service', { namespace: ns });
      this.serviceCache.set(ns, l);
    }
    return l;
  }

  /** Objects of `kind` whose ownerReferences name `ownerUid` (from the GC's index; no full scan). */
  dependentsOf<T extends KObject>(ownerUid: string, kind: string): T[] {
    const out: T[] = [];
    const set = this.dependents.get(ownerUid);
    if (!set) return out;
    for (const d of set.values()) {
      if (d.kind !== kind) continue;
      const o = this.store.getByKey<T>(kind, d.key);
      if (o) out.push(o);
    }
    return out; // insertion (creation) order: deterministic
  }

  private depRef(kind: string, ns: string, name: string): DepRef {
    return { kind, ns, name, key: this.store.keyOf(kind, ns, name) };
  }

  /** Objects of `kind` in `namespace` without a controller (candidates for adoption). */
  orphansOf<T extends KObject>(kind: string, namespace: string): T[] {
    const out: T[] = [];
    for (const k of this.orphanKeys) {
      const [kd = '', ns = '', name = ''] = k.split('|');
      if (kd !== kind || ns !== namespace) continue;
      const o = this.store.get<T>(kind, ns, name);
      if (o) out.push(o);
    }
    return out;
  }

  /** Background garbage collection of the dependents of a deleted owner (and foreground finalizer). */
  private collect(uid: string): void {
    const deps = this.dependents.get(uid);
    const owner = this.store.all().find((o) => o.metadata.uid === uid);
    if (deps) {
      for (const [d, { kind, ns, name }] of [...deps]) {
        const obj = this.store.get(kind, ns, name);
        if (!obj) { deps.delete(d); continue; }
        const remaining = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid && this.store.all().some((x) => x.metadata.uid === r.uid));
        if (remaining.length > 0) continue; // another owner keeps it alive
        if (!obj.metadata.deletionTimestamp) this.store.delete(kind, ns, name, { propagationPolicy: owner?.metadata.finalizers?.includes('foregroundDeletion') ? 'Foreground' : 'Background' });
      }
    }
    if (owner && owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes('foregroundDeletion')) {
      const left = [...(this.dependents.get(uid)?.values() ?? [])].filter(({ kind, ns, name }) => {
        return !!this.store.get(kind, ns, name);
      });
      if (left.length === 0) {
        this.store.update({ ...owner, metadata: { ...owner.metadata, resourceVersion: undefined, finalizers: owner.metadata.finalizers.filter((f) => f !== 'foregroundDeletion') } });
      }
    }
    if (!owner && deps && deps.size === 0) this.dependents.delete(uid);
  }

  // ------------------------------------------------------------------ API shortcuts
  /**
   * `kubectl apply -f fileName` (the API layer's runFile: validation, last-applied, created/configured/unchanged),
   * then settle. `stdout`/`stderr` hold what kubectl prints.
   */
  apply(text: string, fileName = '-', opts: Omit<FileOptions, 'fileName'> = {}): FileResult {
    const r = runFile(this.store, 'apply', text, { ...opts, fileName });
    this.settle();
    return r;
  }

  /** One sentence saying why the object is in its current state. */
  explain(ref: ObjectRef): string {
    this.settle();
    return explain(this, ref);
  }

  /** namespace controller: a deleted namespace takes everything in it along. */
  private cleanNamespace(ns: string): void {
    for (const kind of this.store.kinds()) {
      if (kind === 'Namespace' || kind === 'Node') continue;
      for (const o of this.store.list(kind, { namespace: ns })) {
        if (o.metadata.namespace !== ns) continue;
        if (!o.metadata.deletionTimestamp) this.store.delete(kind, ns, o.metadata.name ?? '');
      }
    }
    const nsObj = this.store.get('Namespace', '', ns);
    if (!nsObj) return;
    const remaining = this.store.kinds().filter((k) => k !== 'Namespace' && k !== 'Node').reduce((n, k) => n + this.store.list(k, { namespace: ns }).length, 0);
    if (remaining === 0 && nsObj.metadata.finalizers?.length) {
      // contents gone: the namespace controller removes its finalizer and the namespace goes
      this.store.update({ ...nsObj, metadata: { ...nsObj.metadata, resourceVersion: undefined, finalizers: [] } });
    } else if (remaining > 0) {
      this.timers.schedule(this.clock.now() + 1000, () => this.queue.add(`namespace|${ns}`));
    }
  }

  // ------------------------------------------------------------------ tunnel
  /** `minikube tunnel`: while open, LoadBalancer Services get status.loadBalancer.ingress = their ClusterIP. */
  setTunnel(open: boolean): void {
    this.net.tunnelOpen = open;
    for (const s of this.store.list<Service>('Service')) this.queue.add(`lb|${s.metadata.namespace}/${s.metadata.name}`);
    this.settle();
  }

  get tunnelOpen(): boolean {
    return this.net.tunnelOpen;
  }

  private syncLoadBalancer(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const svc = this.store.get<Service>('Service', ns, name);
    if (!svc) return;
    const want = svc.spec.type === 'LoadBalancer' && this.net.tunnelOpen && svc.spec.clusterIP ? [{ ip: svc.spec.clusterIP, ipMode: 'VIP' }] : undefined;
    const have = svc.status?.loadBalancer?.ingress;
    if (JSON.stringify(want ?? null) === JSON.stringify(have ?? null)) return;
    this.store.updateStatus<Service>({ ...svc, status: { loadBalancer: want ? { ingress: want } : {} } });
  }

  // ------------------------------------------------------------------ network, logs, exec
  /** An HTTP request through the simulated network, with its hop-by-hop trace. */
  request(req: NetRequest): NetResult {
    this.settle();
    const r = this.net.request(req);
    this.lastRequest = { request: req, result: r };
    for (const l of this.requestListeners) l(req, r);
    this.settle();
    return r;
  }

  /** The latest request made through request() (for the lab's request-path view). */
  lastRequest: { request: NetRequest; result: NetResult } | undefined;
  private requestListeners = new Set<(req: NetRequest, res: NetResult) => void>();

  /** Subscribe to every request made through request(); returns unsubscribe. */
  onRequest(fn: (req: NetRequest, res: NetResult) => void): () => void {
    this.requestListeners.add(fn);
    return () => this.requestListeners.delete(fn);
  }

  /**
   * `kubectl logs`: the container's log lines, or the error kubectl prints (exact texts from
   * kubectl-layouts §4.5). `container` defaults to the first container.
   */
  logs(namespace: string, podName: string, opts: { container?: string; previous?: boolean } = {}): { lines: LogLine[] } | { error: string } {
    const pod = this.store.get<Pod>('Pod', namespace, podName);
    if (!pod) return { error: `Error from server (NotFound): pods "${podName}" not found` };
    const container = opts.container ?? pod.spec.containers[0]?.name ?? '';
    if (!pod.spec.containers.some((c) => c.name === container)) return { error: `error: container ${container} is not valid for pod ${podName}` };
    if (!pod.spec.nodeName) return { lines: [] };
    const st = pod.status?.containerStatuses?.find((c) => c.name === container);
    if (opts.previous) {
      const prev = this.kubelet.logs(pod, container, true);
      if (!prev || !st?.lastState?.terminated) return { error: `Error from server (BadRequest): previous terminated container "${container}" in pod "${podName}" not found` };
      return { lines: prev };
    }
    const w = st?.state?.waiting;
    if (w && !st?.lastState?.terminated) {
      const why = w.reason === 'ErrImagePull' ? 'image can\'t be pulled' : w.reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : w.reason ?? 'ContainerCreating';
      return { error: `Error from server (BadRequest): container "${container}" in pod "${podName}" is waiting to start: ${why}` };
    }
    if (w && st?.lastState?.terminated) return { lines: this.kubelet.logs(pod, container, true) ?? [] };
    return { lines: this.kubelet.logs(pod, container, false) ?? [] };
  }

  /** `kubectl exec pod -- argv`: runs in the container's process model. */
  exec(namespace: string, podName: string, argv: string[], container?: string): ExecResult | { error: string } {
    const pod = this.store.get<Pod>('Pod', namespace, podName);
    if (!pod) return { error: `Error from server (NotFound): pods "${podName}" not found` };
    const name = container ?? pod.spec.containers[0]?.name ?? '';
    if (!pod.spec.nodeName) return { error: `Error from server (BadRequest): pod ${podName} does not have a host assigned` };
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return { error: `error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}` };
    const st = pod.status?.containerStatuses?.find((c) => c.name === name);
    if (!st?.state?.running) return { error: `error: Internal error occurred: unable to upgrade connection: container not found ("${name}")` };
    if (argv[0] === 'curl') {
      const r = curlExec({
        request: (url, o) => {
          const res = this.net.request({ from: { kind: 'pod', namespace, name: podName }, url, ...o });
          return res.ok ? { ok: true as const, response: res.response!, remote: res.remote ?? '' } : { ok: false as const, curlExit: res.curlExit, error: res.curlError };
        },
      }, argv.slice(1));
      this.settle();
      return r;
    }
    const r = this.kubelet.exec(pod, name, argv);
    this.settle();
    return r;
  }

  /** Events about an object, oldest first (describe order). */
  eventsFor(kind: string, namespace: string, name: string): KEvent[] {
    const obj = this.store.get(kind, namespace, name);
    return this.events.for({ kind, namespace, name, ...(obj?.metadata.uid ? { uid: obj.metadata.uid } : {}) });
  }

  /**
   * The minikube node: identity, sizes (node/node.ts), its image store and what pods request now.
   * `kubectl describe node` / `minikube ssh` style views read from here.
   */
  get node() {
    const usage = this.scheduler.nodeUsage();
    return {
      name: NODE_NAME,
      ip: NODE_IP,
      podCIDR: NODE_POD_CIDR,
      capacity: NODE_CAPACITY,
      allocatable: NODE_ALLOCATABLE,
      images: this.images,
      /** requested by pods on the node: millicores, bytes, pod count */
      requested: { cpuMillis: usage.cpu, memoryBytes: usage.memory, pods: usage.pods },
      /** resident memory of running containers (bytes), from the behaviour models */
      memoryInUse: this.kubelet.memoryInUse(),
    };
  }

  isSystemPod(p: KObject): boolean {
    return this.systemPods.has(p.metadata.uid ?? '');
  }
}

function endpointRelevant(old: Pod | undefined, cur: Pod | undefined): boolean {
  if (!old || !cur) return true;
  const ready = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return old.status?.podIP !== cur.status?.podIP || ready(old) !== ready(cur) || old.status?.phase !== cur.status?.phase
    || old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp || (old.metadata.labels !== cur.metadata.labels && JSON.stringify(old.metadata.labels) !== JSON.stringify(cur.metadata.labels));
}
