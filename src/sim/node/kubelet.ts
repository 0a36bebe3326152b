/**
 * The kubelet of the minikube node: admits pods bound to the node, creates the sandbox (pod IP),
 * pulls images, builds the container environment from Secrets/ConfigMaps, starts containers from
 * their image's behaviour model, restarts them with back-off, runs probes, enforces memory limits
 * and terminates pods gracefully. Pod status is written the way the API shows it.
 *
 * Sources for strings and rules: reference k8s-semantics §1, §2, §7, §8 (kubelet image_manager.go,
 * kuberuntime_container.go, kubelet_pods.go, prober.go) and kubectl-layouts §1.
 */
import type { ConfigMap, Container, ContainerState, ContainerStatus, Condition, Pod, PodStatus, Probe, Secret } from '../api/types';
import type { RuntimeContext } from '../runtime/context';
import { rfc3339, parseRfc3339, type Millis, type Timer } from '../clock/index';
import { SOURCES, containerFieldPath } from '../events/index';
import { Backoff } from './backoff';
import { NODE_BRIDGE_IP, NODE_IP, NODE_NAME, PodIpam, parseQuantity } from './node';
import { parseImageRef, defaultPullPolicy } from '../images/ref';
import type { ImageStore } from '../images/store';
import type { Registry } from '../images/registry';
import { modelFor, type HttpRequest, type HttpResponse, type OutboundResult, type Process, type ProcessHost, type ExecResult } from '../images/models';

/**
 * Time to create the pod sandbox (pause container through cri-dockerd + bridge CNI) before containers can start.
 * With the image already on the node a pod goes Pending → Running in about a second on minikube's docker runtime
 * (Scheduled and Pulled/Created/Started share the same age in describe, `get pods -w` shows ContainerCreating for
 * ~1 s; the kubelet's pod-startup SLO is p99 ≤ 5 s for pre-pulled images) [M]. SANDBOX_MS + CREATE_MS ≈ 1 s.
 */
export const SANDBOX_MS = 800;
/** Time between "Created" and "Started" (docker create → start). */
export const CREATE_MS = 200;
/** The pod worker's re-sync after a failed sync: 10 s with up to 50 % jitter (kubelet backOffPeriod, workerBackOffPeriodJitterFactor). */
export const RESYNC_MS = 10_000;
/** A pull of an image another pod just pulled: only the manifest is checked. */
export const REPULL_MS = 480;
/** A failed pull reports after this long (the registry round trip). */
export const PULL_FAIL_MS = 1_100;

export interface LogLine { ts: Millis; stream: 'stdout' | 'stderr'; text: string }

interface ProbeState {
  timer: Timer | undefined;
  successes: number;
  failures: number;
}

interface ContainerRt {
  name: string;
  /** live process of the current instance */
  process: Process | undefined;
  /** increments every instance so stale timers from a dead process are ignored */
  instance: number;
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  containerID: string;
  imageID: string;
  image: string;
  ready: boolean;
  started: boolean;
  listening: Set<number>;
  memory: number;
  logs: LogLine[];
  previousLogs: LogLine[] | undefined;
  /** process ended and the kubelet has not yet acted on it */
  exited: boolean;
  pulling: boolean;
  startupDone: boolean;
  readiness: ProbeState;
  liveness: ProbeState;
  startup: ProbeState;
  killTimer: Timer | undefined;
  /** signalled for a liveness kill: restart when it exits */
  killingForLiveness: boolean;
  /** the next start is a restart (restartCount goes up) */
  restartPending?: boolean;
  /** how the last instance ended */
  lastExit?: import('../api/types').ContainerStateTerminated;
  lastExitMs?: Millis;
  /** the last pull error, repeated in the ImagePullBackOff message */
  pullError?: string;
}

interface PodRt {
  uid: string;
  namespace: string;
  name: string;
  ip: string | undefined;
  sandboxReady: boolean;
  startTime: Millis;
  containers: Map<string, ContainerRt>;
  syncTimer: Timer | undefined;
  syncAt: Millis;
  conditionTimes: Map<string, { status: string; at: Millis }>;
  terminating: boolean;
  removed: boolean;
  lastStatusJson?: string;
  lastStatusObj?: unknown;
}

export interface KubeletDeps {
  images: ImageStore;
  registry: Registry;
  /** The cluster network, for requests made from inside a pod (curl images, kubectl exec … curl). */
  request(fromPodIP: string, namespace: string, url: string, opts: { method?: string; headers?: Record<string, string>; timeoutMs?: number }): OutboundResult;
}

export class Kubelet {
  private pods = new Map<string, PodRt>(); // by uid
  private byName = new Map<string, string>(); // ns/name → uid
  /** serialized image puller: when it is free again, and when in-flight pulls of each image finish */
  private pullerFreeAt = 0;
  private pullsInFlight = new Map<string, number>();
  private ipam = new PodIpam();
  private pullBackoff = new Backoff();
  private crashBackoff = new Backoff();
  /** pod IP → uid, for the network */
  private byIP = new Map<string, string>();

  constructor(private readonly ctx: RuntimeContext, private readonly deps: KubeletDeps) {}

  // ---------------------------------------------------------------- public queries
  podRuntime(uid: string): PodRt | undefined {
    return this.pods.get(uid);
  }

  /** Whether the process of the pod at `ip` listens on `port` (TCP). */
  lookupIP(ip: string): { pod: Pod; listening: (port: number) => { container: string; process: Process } | undefined } | undefined {
    const uid = this.byIP.get(ip);
    const rt = uid ? this.pods.get(uid) : undefined;
    if (!rt) return undefined;
    const pod = this.ctx.store.get<Pod>('Pod', rt.namespace, rt.name);
    if (!pod) return undefined;
    return {
      pod,
      listening: (port: number) => {
        for (const c of rt.containers.values()) {
          if (c.process && !c.exited && c.listening.has(port)) return { container: c.name, process: c.process };
        }
        return undefined;
      },
    };
  }

  /**
   * Log lines of a container. While an instance runs, `previous` is the instance before it; once it has
   * exited (waiting to restart), both the current and the previous log are that exited instance's, as
   * the kubelet falls back to lastState.terminated.
   */
  logs(pod: Pod, container: string, previous: boolean): LogLine[] | undefined {
    const rt = this.pods.get(pod.metadata.uid ?? '');
    const c = rt?.containers.get(container);
    if (!c) return undefined;
    const live = !!c.process && !c.exited;
    if (previous) return live ? c.previousLogs : c.instance > 0 && c.exited ? c.logs : c.previousLogs;
    return c.logs;
  }

  exec(pod: Pod, container: string, argv: string[]): ExecResult | { error: string } {
    const rt = this.pods.get(pod.metadata.uid ?? '');
    const c = rt?.containers.get(container);
    if (!c || !c.process || c.exited) return { error: `error: Internal error occurred: unable to upgrade connection: container not found ("${container}")` };
    const r = c.process.exec?.(argv);
    if (!r) return { stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown\n`, exitCode: 126 };
    return r;
  }

  /** Memory in use on the node by running containers (bytes). */
  memoryInUse(): number {
    let sum = 0;
    for (const p of this.pods.values()) for (const c of p.containers.values()) if (c.process && !c.exited) sum += c.memory;
    return sum;
  }

  // ---------------------------------------------------------------- sync
  /** Reconcile one pod (key `namespace/name`). */
  sync(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const pod = this.ctx.store.get<Pod>('Pod', ns, name);
    const known = this.byName.get(key);
    if (!pod) {
      // The pod object is gone: forget its runtime if any (force deletion).
      const gone = known ? this.pods.get(known) : undefined;
      if (gone) this.forget(gone);
      return;
    }
    if (pod.spec.nodeName !== NODE_NAME) return;
    const uid = pod.metadata.uid ?? '';
    let rt = this.pods.get(uid);
    // Another pod with the same name (recreated): drop the old runtime.
    if (known && known !== uid) { const other = this.pods.get(known); if (other) this.forget(other); }
    if (!rt) {
      if (pod.metadata.deletionTimestamp) { this.finalRemove(pod); return; }
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      rt = this.admit(pod);
    }
    if (rt.removed) return;
    if (pod.metadata.deletionTimestamp) {
      this.terminatePod(pod, rt);
      this.writeStatus(pod, rt);
      return;
    }
    if (!rt.sandboxReady) {
      this.writeStatus(pod, rt);
      return;
    }
    let needResync = false;
    for (const spec of pod.spec.containers) {
      const c = rt.containers.get(spec.name)!;
      if (this.syncContainer(pod, rt, spec, c)) needResync = true;
    }
    if (needResync) this.requestSync(rt, this.ctx.now() + this.jitter(RESYNC_MS));
    this.writeStatus(pod, rt);
  }

  private jitter(base: number): number {
    return base + Math.floor(this.ctx.rng.next() * base * 0.5);
  }

  private admit(pod: Pod): PodRt {
    const now = this.ctx.now();
    const rt: PodRt = {
      uid: pod.metadata.uid ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name ?? '',
      ip: undefined,
      sandboxReady: false,
      startTime: now,
      containers: new Map(),
      syncTimer: undefined,
      syncAt: Infinity,
      conditionTimes: new Map(),
      terminating: false,
      removed: false,
    };
    for (const c of pod.spec.containers) {
      rt.containers.set(c.name, {
        name: c.name, process: undefined, instance: 0,
        state: { waiting: { reason: 'ContainerCreating' } }, lastState: {},
        restartCount: 0, containerID: '', imageID: '', image: c.image ?? '', ready: false, started: false,
        listening: new Set(), memory: 0, logs: [], previousLogs: undefined, exited: false, pulling: false, startupDone: !c.startupProbe,
        readiness: { timer: undefined, successes: 0, failures: 0 },
        liveness: { timer: undefined, successes: 0, failures: 0 },
        startup: { timer: undefined, successes: 0, failures: 0 },
        killTimer: undefined, killingForLiveness: false,
      });
    }
    this.pods.set(rt.uid, rt);
    this.byName.set(`${rt.namespace}/${rt.name}`, rt.uid);
    this.ctx.schedule(now + SANDBOX_MS, () => {
      if (rt.removed) return;
      rt.ip = this.ipam.allocate();
      if (rt.ip) this.byIP.set(rt.ip, rt.uid);
      rt.sandboxReady = true;
      this.ctx.enqueue('kubelet', `${rt.namespace}/${rt.name}`);
    });
    return rt;
  }

  private requestSync(rt: PodRt, at: Millis): void {
    if (rt.syncTimer && rt.syncAt <= at) return;
    this.ctx.cancel(rt.syncTimer);
    rt.syncAt = at;
    rt.syncTimer = this.ctx.schedule(at, () => {
      rt.syncTimer = undefined;
      rt.syncAt = Infinity;
      if (!rt.removed) this.ctx.enqueue('kubelet', `${rt.namespace}/${rt.name}`);
    });
  }

  /** Returns true when the pod worker should re-sync later (an error). */
  private syncContainer(pod: Pod, rt: PodRt, spec: Container, c: ContainerRt): boolean {
    const now = this.ctx.now();
    if (c.process && !c.exited) return false; // running
    if (c.pulling) return false;
    const policy = pod.spec.restartPolicy ?? 'Always';
    const fp = containerFieldPath(spec.name);
    if (c.exited) {
      // The previous instance ended: decide whether to restart it.
      const term = c.lastExit!;
      const shouldRestart = policy === 'Always' || (policy === 'OnFailure' && term.exitCode !== 0);
      if (!shouldRestart) return false;
      const key = `${rt.uid}/${spec.name}`;
      // the runtime's precise finish time (the API's finishedAt has second precision)
      const finishedAt = c.lastExitMs ?? parseRfc3339(term.finishedAt ?? '') ?? now;
      if (this.crashBackoff.isInBackOffSince(key, finishedAt, now)) {
        const secs = Math.round(this.crashBackoff.get(key) / 1000);
        c.lastState = { terminated: term };
        c.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${secs}s restarting failed container=${spec.name} pod=${rt.name}_${rt.namespace}(${rt.uid})` } };
        this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${rt.name}_${rt.namespace}(${rt.uid})`, fp);
        // Nothing wakes the pod worker when the back-off ends: a sync that fails with CrashLoopBackOff is retried
        // 10–15 s later (pod_workers.go completeWork: backOffPeriod 10 s, jitter 0.5), emitting BackOff each time,
        // and the container restarts at the first retry after the back-off has passed. So BackOff counts grow
        // faster than restarts ("BackOff 3m (x43 over 12m)" with 7 restarts).
        this.requestSync(rt, this.ctx.now() + this.jitter(RESYNC_MS));
        return false;
      }
      this.crashBackoff.next(key, finishedAt);
      c.lastState = { terminated: term };
      c.exited = false;
      c.restartPending = true;
    }
    // ---- image
    const image = spec.image ?? '';
    const parsed = parseImageRef(image);
    if (!parsed.ok) {
      const msg = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parsed.error}`;
      this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'InspectFailed', msg, fp);
      this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'Failed', 'Error: InvalidImageName', fp);
      c.state = { waiting: { reason: 'InvalidImageName', message: msg } };
      return true;
    }
    const ref = parsed.ref;
    const pullPolicy = spec.imagePullPolicy ?? defaultPullPolicy(image);
    const present = this.deps.images.get(image);
    if (pullPolicy !== 'Always' && present) {
      this.ctx.events.record(SOURCES.kubelet, pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, fp);
    } else if (pullPolicy === 'Never') {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'ErrImageNeverPull', msg, fp);
      this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', fp);
      c.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
      return true;
    } else {
      const pullKey = `${rt.uid}/${ref.canonical}`;
      if (this.pullBackoff.isInBackOffSince(pullKey, this.pullBackoff.lastUpdate(pullKey), now)) {
        this.ctx.events.record(SOURCES.kubelet, pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, fp);
        this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', fp);
        const prevMsg = c.pullError ?? '';
        c.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${prevMsg}` } };
        return true;
      }
      this.startPull(pod, rt, spec, c, pullKey);
      return false;
    }
    // ---- environment
    const env = this.buildEnv(pod, spec);
    if ('error' in env) {
      this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'Failed', `Error: ${env.error}`, fp);
      c.state = { waiting: { reason: 'CreateContainerConfigError', message: env.error } };
      return true;
    }
    this.startContainer(pod, rt, spec, c, env.env);
    return false;
  }

  private startPull(pod: Pod, rt: PodRt, spec: Container, c: ContainerRt, pullKey: string): void {
    const image = spec.image ?? '';
    const fp = containerFieldPath(spec.name);
    c.pulling = true;
    if (!c.state.waiting || c.state.waiting.reason === 'CrashLoopBackOff') c.state = { waiting: { reason: 'ContainerCreating' } };
    this.ctx.events.record(SOURCES.kubelet, pod, 'Normal', 'Pulling', `Pulling image "${image}"`, fp);
    const result = this.deps.registry.pull(image);
    // The kubelet pulls one image at a time (serializeImagePulls, on by default). A pull that queues behind
    // a pull of the same image only checks the manifest once its turn comes.
    const requested = this.ctx.now();
    const begin = Math.max(requested, this.pullerFreeAt);
    const canonical = result.ok ? result.image.canonical : image;
    const sameInFlight = result.ok && (this.pullsInFlight.get(canonical) ?? 0) > requested;
    // A pull of an image the node already has (pull policy Always, e.g. `:latest` on every restart) only
    // checks the manifest with the registry; a real pull's time varies by a few percent. Both are measured
    // to the millisecond (image_manager.go: pullDuration.Truncate(time.Millisecond)), so repeated pulls give
    // distinct Pulled events ("in 1.954s", "in 512ms") rather than one aggregated xN event.
    const present = result.ok && this.deps.images.get(image)?.repoDigest === result.image.digest;
    const pullMs = !result.ok ? PULL_FAIL_MS
      : sameInFlight || present ? REPULL_MS - 60 + Math.floor(this.ctx.rng.next() * 120)
        : result.image.pullMs + Math.floor(this.ctx.rng.next() * result.image.pullMs * 0.08);
    const doneAt = begin + pullMs;
    this.pullerFreeAt = doneAt;
    if (result.ok && !sameInFlight) this.pullsInFlight.set(canonical, doneAt);
    this.ctx.schedule(doneAt, () => {
      c.pulling = false;
      if (rt.removed || rt.terminating) return;
      const cur = this.ctx.store.get<Pod>('Pod', rt.namespace, rt.name);
      if (!cur || cur.metadata.uid !== rt.uid) return;
      if (result.ok) {
        const img = result.image;
        this.deps.images.add(image, { id: img.id, sizeBytes: img.sizeBytes, created: this.ctx.now(), repoDigest: img.digest, model: img.model });
        this.ctx.events.record(SOURCES.kubelet, cur, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${formatGoSeconds(pullMs)} (${formatGoSeconds(doneAt - requested)} including waiting). Image size: ${img.sizeBytes} bytes.`, fp);
        this.pullBackoff.reset(pullKey);
        const env = this.buildEnv(cur, spec);
        if ('error' in env) {
          this.ctx.events.record(SOURCES.kubelet, cur, 'Warning', 'Failed', `Error: ${env.error}`, fp);
          c.state = { waiting: { reason: 'CreateContainerConfigError', message: env.error } };
          this.requestSync(rt, this.ctx.now() + this.jitter(RESYNC_MS));
        } else this.startContainer(cur, rt, spec, c, env.env);
      } else {
        c.pullError = result.error;
        this.ctx.events.record(SOURCES.kubelet, cur, 'Warning', 'Failed', `Failed to pull image "${image}": ${result.error}`, fp);
        this.ctx.events.record(SOURCES.kubelet, cur, 'Warning', 'Failed', 'Error: ErrImagePull', fp);
        // the waiting message is the runtime's error itself; the event adds 'Failed to pull image …'
        c.state = { waiting: { reason: 'ErrImagePull', message: result.error } };
        this.pullBackoff.next(pullKey, this.ctx.now());
        this.requestSync(rt, this.ctx.now() + this.jitter(RESYNC_MS));
      }
      this.writeStatus(cur, rt);
    });
  }

  /** Env as the kubelet builds it (kubelet_pods.go makeEnvironmentVariables). */
  buildEnv(pod: Pod, spec: Container): { env: Record<string, string> } | { error: string } {
    const ns = pod.metadata.namespace ?? 'default';
    const env: Record<string, string> = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: pod.metadata.name ?? '',
    };
    const decode = (s: string): string => {
      try { return decodeBase64(s); } catch { return ''; }
    };
    for (const ef of spec.envFrom ?? []) {
      const prefix = ef.prefix ?? '';
      if (ef.secretRef) {
        const s = this.ctx.store.get<Secret>('Secret', ns, ef.secretRef.name ?? '');
        if (!s) { if (ef.secretRef.optional) continue; return { error: `secret "${ef.secretRef.name ?? ''}" not found` }; }
        for (const [k, v] of Object.entries(s.data ?? {})) env[prefix + k] = decode(v);
      } else if (ef.configMapRef) {
        const cm = this.ctx.store.get<ConfigMap>('ConfigMap', ns, ef.configMapRef.name ?? '');
        if (!cm) { if (ef.configMapRef.optional) continue; return { error: `configmap "${ef.configMapRef.name ?? ''}" not found` }; }
        for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
      }
    }
    for (const e of spec.env ?? []) {
      if (e.value !== undefined || !e.valueFrom) { env[e.name] = expandVars(e.value ?? '', env); continue; }
      const vf = e.valueFrom;
      if (vf.secretKeyRef) {
        const r = vf.secretKeyRef;
        const s = this.ctx.store.get<Secret>('Secret', ns, r.name ?? '');
        if (!s) { if (r.optional) continue; return { error: `secret "${r.name ?? ''}" not found` }; }
        const v = s.data?.[r.key];
        if (v === undefined) { if (r.optional) continue; return { error: `couldn't find key ${r.key} in Secret ${ns}/${r.name ?? ''}` }; }
        env[e.name] = decode(v);
      } else if (vf.configMapKeyRef) {
        const r = vf.configMapKeyRef;
        const cm = this.ctx.store.get<ConfigMap>('ConfigMap', ns, r.name ?? '');
        if (!cm) { if (r.optional) continue; return { error: `configmap "${r.name ?? ''}" not found` }; }
        const v = cm.data?.[r.key];
        if (v === undefined) { if (r.optional) continue; return { error: `couldn't find key ${r.key} in ConfigMap ${ns}/${r.name ?? ''}` }; }
        env[e.name] = v;
      } else if (vf.fieldRef) {
        const f = vf.fieldRef.fieldPath;
        const rt = this.pods.get(pod.metadata.uid ?? '');
        const v = f === 'metadata.name' ? pod.metadata.name : f === 'metadata.namespace' ? ns : f === 'status.podIP' ? rt?.ip : f === 'spec.nodeName' ? NODE_NAME : f === 'status.hostIP' ? NODE_IP : f === 'metadata.uid' ? pod.metadata.uid : undefined;
        env[e.name] = v ?? '';
      } else env[e.name] = '';
    }
    // Service links (enableServiceLinks defaults to true) and the API server's variables.
    env.KUBERNETES_SERVICE_HOST = '10.96.0.1';
    env.KUBERNETES_SERVICE_PORT = '443';
    return { env };
  }

  private startContainer(pod: Pod, rt: PodRt, spec: Container, c: ContainerRt, env: Record<string, string>): void {
    const fp = containerFieldPath(spec.name);
    const now = this.ctx.now();
    const image = spec.image ?? '';
    const rec = this.deps.images.get(image);
    const ref = parseImageRef(image);
    const familiar = ref.ok ? ref.ref.familiar : image;
    const model = modelFor(rec?.model, familiar);
    if (c.restartPending) {
      c.restartCount++;
      c.restartPending = false;
    }
    c.previousLogs = c.instance > 0 ? c.logs : undefined;
    c.logs = [];
    c.instance++;
    const instance = c.instance;
    c.containerID = `docker://${this.ctx.rng.hex(64)}`;
    c.imageID = rec?.repoDigest && ref.ok ? `docker-pullable://${ref.ref.familiar}@${rec.repoDigest}` : `docker://${rec?.id ?? 'sha256:' + this.ctx.rng.hex(64)}`;
    c.image = ref.ok ? ref.ref.short.replace(/^docker\.io\//, '') : image;
    c.listening = new Set();
    c.memory = 0;
    c.ready = false;
    c.started = false;
    c.startupDone = !spec.startupProbe;
    c.killingForLiveness = false;
    c.state = { waiting: { reason: 'ContainerCreating' } };
    this.ctx.events.record(SOURCES.kubelet, pod, 'Normal', 'Created', `Created container: ${spec.name}`, fp);
    const startAt = now + CREATE_MS;
    this.ctx.schedule(startAt, () => {
      if (rt.removed || c.instance !== instance) return;
      const cur = this.ctx.store.get<Pod>('Pod', rt.namespace, rt.name);
      if (!cur || cur.metadata.uid !== rt.uid) return;
      if (rt.terminating) return;
      c.state = { running: { startedAt: rfc3339(this.ctx.now()) } };
      c.exited = false;
      if (c.startupDone) c.started = true;
      this.ctx.events.record(SOURCES.kubelet, cur, 'Normal', 'Started', `Started container ${spec.name}`, fp);
      const limit = parseQuantity(spec.resources?.limits?.memory as string | undefined);
      const alive = () => !rt.removed && c.instance === instance && !c.exited;
      const host: ProcessHost = {
        now: () => this.ctx.now(),
        log: (line, stream = 'stdout') => { if (alive()) for (const l of line.split('\n')) c.logs.push({ ts: this.ctx.now(), stream, text: l }); },
        exit: (code) => { if (alive()) this.containerExited(rt, c, code, code === 0 ? 'Completed' : 'Error'); },
        after: (ms, fn) => { this.ctx.schedule(this.ctx.now() + ms, () => { if (alive()) fn(); }); },
        setMemory: (bytes) => {
          if (!alive()) return;
          c.memory = bytes;
          if (limit > 0 && bytes > limit) this.containerExited(rt, c, 137, 'OOMKilled');
        },
        listen: (port) => { if (alive()) c.listening.add(port); },
        request: (url, opts) => this.deps.request(rt.ip ?? '', rt.namespace, url, opts),
        env,
        argv: effectiveArgv(spec, model.entrypoint, model.cmd),
        podName: rt.name,
        namespace: rt.namespace,
        podIP: rt.ip ?? '',
      };
      c.process = model.start(host);
      if (!c.exited) this.startProbes(rt, spec, c, instance);
      this.writeStatus(cur, rt);
    });
  }

  private containerExited(rt: PodRt, c: ContainerRt, code: number, reason: string): void {
    if (c.exited) return;
    const now = this.ctx.now();
    const startedAt = c.state.running?.startedAt;
    c.exited = true;
    c.process = undefined;
    c.listening = new Set();
    c.memory = 0;
    c.ready = false;
    c.started = false;
    this.ctx.cancel(c.killTimer);
    for (const p of [c.readiness, c.liveness, c.startup]) { this.ctx.cancel(p.timer); p.timer = undefined; p.successes = 0; p.failures = 0; }
    c.lastExit = { exitCode: code, reason, ...(startedAt ? { startedAt } : {}), finishedAt: rfc3339(now), containerID: c.containerID };
    c.lastExitMs = now;
    c.state = { terminated: c.lastExit };
    // PLEG notices the exit and the pod worker syncs.
    this.ctx.enqueue('kubelet', `${rt.namespace}/${rt.name}`);
  }

  // ---------------------------------------------------------------- probes
  private startProbes(rt: PodRt, spec: Container, c: ContainerRt, instance: number): void {
    const kinds: ['startup' | 'liveness' | 'readiness', Probe | undefined][] = [
      ['startup', spec.startupProbe], ['liveness', spec.livenessProbe], ['readiness', spec.readinessProbe],
    ];
    for (const [kind, probe] of kinds) {
      if (!probe) continue;
      const st = c[kind];
      const period = (probe.periodSeconds ?? 10) * 1000;
      const delay = (probe.initialDelaySeconds ?? 0) * 1000;
      const started = this.ctx.now();
      // The prober probes at once and then every period; ticks before initialDelaySeconds are skipped
      // (pkg/kubelet/prober/worker.go run/doProbe).
      const tick = (): void => {
        st.timer = undefined;
        // liveness/startup stop when the pod is deleted; readiness keeps probing through the grace period
        // (prober/worker.go doProbe: a deleted pod's liveness/startup results are forced to Success)
        if (rt.removed || c.instance !== instance || c.exited || (rt.terminating && kind !== 'readiness')) return;
        st.timer = this.ctx.schedule(this.ctx.now() + period, tick);
        if (this.ctx.now() - started < delay) return;
        if (kind !== 'startup' && !c.startupDone) return;
        if (kind === 'startup' && c.startupDone) return;
        this.runProbe(rt, spec, c, kind, probe);
      };
      st.timer = this.ctx.schedule(this.ctx.now(), tick);
    }
  }

  private runProbe(rt: PodRt, spec: Container, c: ContainerRt, kind: 'startup' | 'liveness' | 'readiness', probe: Probe): void {
    const result = this.probeOnce(rt, spec, c, probe);
    const st = c[kind];
    const pod = this.ctx.store.get<Pod>('Pod', rt.namespace, rt.name);
    if (!pod) return;
    const fp = containerFieldPath(spec.name);
    const success = probe.successThreshold ?? 1;
    const failure = probe.failureThreshold ?? 3;
    if (result.ok) {
      st.failures = 0;
      st.successes++;
      if (kind === 'readiness' && st.successes >= success && !c.ready) { c.ready = true; this.writeStatus(pod, rt); }
      if (kind === 'startup' && st.successes >= success && !c.startupDone) { c.startupDone = true; c.started = true; this.writeStatus(pod, rt); }
      return;
    }
    st.successes = 0;
    st.failures++;
    const label = kind[0]!.toUpperCase() + kind.slice(1);
    this.ctx.events.record(SOURCES.kubelet, pod, 'Warning', 'Unhealthy', `${label} probe failed: ${result.output}`, fp);
    if (st.failures < failure) return;
    if (kind === 'readiness') {
      if (c.ready) { c.ready = false; this.writeStatus(pod, rt); }
      return;
    }
    // liveness or startup failure: kill and restart
    const why = kind === 'liveness' ? 'failed liveness probe' : 'failed startup probe';
    this.ctx.events.record(SOURCES.kubelet, pod, 'Normal', 'Killing', `Container ${spec.name} ${why}, will be restarted`, fp);
    st.failures = 0;
    this.stopContainer(rt, c, (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000);
  }

  private probeOnce(rt: PodRt, spec: Container, c: ContainerRt, probe: Probe): { ok: boolean; output: string } {
    const ip = rt.ip ?? '';
    const resolvePort = (p: number | string): number => {
      if (typeof p === 'number') return p;
      const found = spec.ports?.find((cp) => cp.name === p);
      return found ? found.containerPort : NaN;
    };
    if (probe.httpGet) {
      const port = resolvePort(probe.httpGet.port);
      const path = probe.httpGet.path || '/';
      const url = `http://${probe.httpGet.host ?? ip}:${port}${path.startsWith('/') ? path : '/' + path}`;
      if (!c.process || !c.listening.has(port)) return { ok: false, output: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
      const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.34', Accept: '*/*' };
      for (const h of probe.httpGet.httpHeaders ?? []) headers[h.name] = h.value;
      const res = c.process.http?.(port, { method: 'GET', path, headers, remoteAddr: NODE_BRIDGE_IP });
      if (!res) return { ok: false, output: `Get "${url}": EOF` };
      if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
      return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
    }
    if (probe.tcpSocket) {
      const port = resolvePort(probe.tcpSocket.port);
      if (!c.process || !c.listening.has(port)) return { ok: false, output: `dial tcp ${ip}:${port}: connect: connection refused` };
      return { ok: true, output: '' };
    }
    if (probe.exec) {
      const r = c.process?.exec?.(probe.exec.command ?? []);
      if (!r) return { ok: false, output: '' };
      return { ok: r.exitCode === 0, output: (r.stdout + r.stderr).trim() || `command ${JSON.stringify((probe.exec.command ?? []).join(' '))} exited with ${r.exitCode}` };
    }
    if (probe.grpc) {
      const ok = !!c.process && c.listening.has(probe.grpc.port);
      return { ok, output: ok ? '' : `timeout: failed to connect service "${ip}:${probe.grpc.port}" within 1s: context deadline exceeded` };
    }
    return { ok: true, output: '' };
  }

  // ---------------------------------------------------------------- termination
  /** SIGTERM now, SIGKILL (exit 137) when the grace period ends. */
  private stopContainer(rt: PodRt, c: ContainerRt, graceMs: number): void {
    if (!c.process || c.exited) return;
    const instance = c.instance;
    c.process.terminate();
    if (c.exited) return;
    this.ctx.cancel(c.killTimer);
    c.killTimer = this.ctx.schedule(this.ctx.now() + graceMs, () => {
      if (c.instance !== instance || c.exited) return;
      this.containerExited(rt, c, 137, 'Error');
    });
  }

  private terminatePod(pod: Pod, rt: PodRt): void {
    if (!rt.terminating) {
      rt.terminating = true;
      const deadline = parseRfc3339(pod.metadata.deletionTimestamp ?? '') ?? this.ctx.now();
      const graceMs = Math.max(0, deadline - this.ctx.now());
      for (const spec of pod.spec.containers) {
        const c = rt.containers.get(spec.name);
        if (!c) continue;
        // A container stays Ready while it runs out its grace period (READY 1/1 Terminating): readiness comes from
        // the prober (prober_manager.go UpdatePodStatus), which keeps probing a deleted pod; only liveness and
        // startup stop. Services drop the pod anyway: it has a deletionTimestamp (ShouldPodBeInEndpoints).
        for (const p of [c.liveness, c.startup]) { this.ctx.cancel(p.timer); p.timer = undefined; }
        if (c.process && !c.exited) {
          this.ctx.events.record(SOURCES.kubelet, pod, 'Normal', 'Killing', `Stopping container ${spec.name}`, containerFieldPath(spec.name));
          this.stopContainer(rt, c, graceMs);
        }
      }
    }
    const allStopped = [...rt.containers.values()].every((c) => !c.process || c.exited);
    if (allStopped) this.finalRemove(pod, rt);
  }

  private finalRemove(pod: Pod, rt?: PodRt): void {
    if (rt) this.forget(rt);
    if (this.ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name ?? '')?.metadata.uid === pod.metadata.uid) {
      this.ctx.store.remove('Pod', pod.metadata.namespace, pod.metadata.name ?? '');
    }
  }

  private forget(rt: PodRt): void {
    rt.removed = true;
    this.ctx.cancel(rt.syncTimer);
    for (const c of rt.containers.values()) {
      this.ctx.cancel(c.killTimer);
      for (const p of [c.readiness, c.liveness, c.startup]) this.ctx.cancel(p.timer);
      c.process = undefined;
    }
    if (rt.ip) { this.byIP.delete(rt.ip); this.ipam.release(rt.ip); }
    this.pullBackoff.resetPrefix(rt.uid + '/');
    this.crashBackoff.resetPrefix(rt.uid + '/');
    this.pods.delete(rt.uid);
    const k = `${rt.namespace}/${rt.name}`;
    if (this.byName.get(k) === rt.uid) this.byName.delete(k);
  }

  // ---------------------------------------------------------------- status
  /** Refresh the status of the pod `namespace/name` from the runtime (probe/listen changes). */
  refreshStatus(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const pod = this.ctx.store.get<Pod>('Pod', ns, name);
    const rt = pod && this.pods.get(pod.metadata.uid ?? '');
    if (pod && rt && !rt.removed) this.writeStatus(pod, rt);
  }

  private writeStatus(pod: Pod, rt: PodRt): void {
    const now = this.ctx.now();
    const statuses: ContainerStatus[] = pod.spec.containers.map((spec) => {
      const c = rt.containers.get(spec.name)!;
      const s: ContainerStatus = {
        name: spec.name,
        state: c.state,
        lastState: c.lastState,
        ready: (c.ready && !!c.process && !c.exited) || (!spec.readinessProbe && !!c.process && !c.exited && c.started),
        restartCount: c.restartCount,
        image: c.image || (spec.image ?? ''),
        imageID: c.imageID,
        started: c.started && !!c.process && !c.exited,
      };
      if (c.containerID && !(c.state.waiting && c.state.waiting.reason === 'ContainerCreating' && c.restartCount === 0 && !c.lastState.terminated)) s.containerID = c.containerID;
      return s;
    });
    const policy = pod.spec.restartPolicy ?? 'Always';
    let waiting = 0, running = 0, stopped = 0, succeeded = 0;
    for (const s of statuses) {
      if (s.state?.running) running++;
      else if (s.state?.terminated) { stopped++; if (s.state.terminated.exitCode === 0) succeeded++; }
      else if (s.state?.waiting) { if (s.lastState?.terminated) stopped++; else waiting++; }
    }
    let phase: PodStatus['phase'];
    if (waiting > 0) phase = 'Pending';
    else if (running > 0) phase = 'Running';
    else if (stopped > 0) {
      if (policy === 'Always') phase = 'Running';
      else if (stopped === succeeded) phase = 'Succeeded';
      else if (policy === 'OnFailure') phase = 'Running';
      else phase = 'Failed';
    } else phase = 'Pending';
    if (rt.terminating && phase === 'Running' && statuses.every((s) => !s.state?.running)) phase = pod.status?.phase ?? phase;
    const allReady = statuses.every((s) => s.ready);
    const terminal = phase === 'Succeeded' || phase === 'Failed';
    const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
    const cond = (type: string, ok: boolean, reason?: string, message?: string): Condition => {
      const status = ok ? 'True' : 'False';
      const prev = rt.conditionTimes.get(type);
      if (!prev || prev.status !== status) rt.conditionTimes.set(type, { status, at: now });
      const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: rfc3339(rt.conditionTimes.get(type)!.at) };
      if (!ok && reason) { c.reason = reason; if (message) c.message = message; }
      return c;
    };
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const readyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
    const readyMsg = terminal ? undefined : `containers with unready status: [${notReady.join(' ')}]`;
    const conditions: Condition[] = [
      cond('PodReadyToStartContainers', rt.sandboxReady && !(terminal && rt.removed)),
      cond('Initialized', true),
      cond('Ready', allReady && !terminal, readyReason, readyMsg),
      cond('ContainersReady', allReady && !terminal, readyReason, readyMsg),
      scheduled ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(rt.startTime) },
    ];
    const status: PodStatus = {
      phase,
      conditions,
      hostIP: NODE_IP,
      hostIPs: [{ ip: NODE_IP }],
      ...(rt.ip ? { podIP: rt.ip, podIPs: [{ ip: rt.ip }] } : {}),
      startTime: rfc3339(rt.startTime),
      containerStatuses: statuses,
      qosClass: qosClass(pod),
    };
    const cur = this.ctx.store.get<Pod>('Pod', rt.namespace, rt.name);
    if (!cur || cur.metadata.uid !== rt.uid) return;
    // Skip the write when nothing changed since our last one (and nobody else wrote the status since).
    const json = JSON.stringify(status);
    if (json === rt.lastStatusJson && cur.status === rt.lastStatusObj) return;
    const written = this.ctx.store.updateStatus<Pod>({ ...cur, status });
    rt.lastStatusJson = json;
    rt.lastStatusObj = written.status;
  }
}


/** Effective argv: `command` replaces ENTRYPOINT, `args` replaces CMD (Kubernetes rules). */
export function effectiveArgv(spec: Container, entrypoint: string[], cmd: string[]): string[] {
  if (spec.command && spec.command.length > 0) return [...spec.command, ...(spec.args ?? [])];
  return [...entrypoint, ...(spec.args && spec.args.length > 0 ? spec.args : cmd)];
}

/** `$(VAR)` expansion in env values, as the kubelet does; `$$` escapes. */
function expandVars(v: string, env: Record<string, string>): string {
  return v.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : name !== undefined && env[name] !== undefined ? env[name]! : m));
}

/** Go's time.Duration String() for durations under a minute: `6.2s`, `532ms`. */
export function formatGoSeconds(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  return `${(ms / 1000).toString()}s`;
}

export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined || q === undefined || parseQuantity(q as string) !== parseQuantity(l as string)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** base64 → UTF-8 string without Buffer/atob (src/sim has no DOM or Node APIs). */
export function decodeBase64(s: string): string {
  const clean = s.replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let buf = 0, bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error('illegal base64 data');
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes.push((buf >> bits) & 255); }
  }
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b < 0xe0) out += String.fromCharCode(((b & 31) << 6) | (bytes[++i]! & 63));
    else if (b < 0xf0) out += String.fromCharCode(((b & 15) << 12) | ((bytes[++i]! & 63) << 6) | (bytes[++i]! & 63));
    else {
      const cp = ((b & 7) << 18) | ((bytes[++i]! & 63) << 12) | ((bytes[++i]! & 63) << 6) | (bytes[++i]! & 63);
      out += String.fromCodePoint(cp);
    }
  }
  return out;
}

export type { HttpRequest, HttpResponse };
