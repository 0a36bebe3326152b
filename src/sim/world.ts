// The workstation the terminal runs on: project files, the local Docker image store, the minikube VM (which
// holds the simulated cluster), kubeconfig, port-forwards and the tunnel, and the virtual clock. Pure TypeScript:
// the browser and the CLI create the same World.
import { Vfs } from './shell/vfs';
import { Rng } from './shell/rng';
import { ImageStore } from './images/store';
import { DEFAULT_START_MS } from './clock/index';
import { attachCluster, type ClusterPort } from './kubectl/cluster-port';
import type { WorkstationContainer } from './docker/run';
import { dockerAgo } from './docker/docker';
import { fakeSha256 } from './images/registry';
import type { NetResult } from './net/index';

export type MinikubeState = 'absent' | 'running' | 'stopped';

/** minikube v1.37.0's node image (kicbase v0.0.48). `minikube start` pulls it into the host's Docker, where
 *  `docker images` lists it (`gcr.io/k8s-minikube/kicbase   v0.0.48   …   1.31GB` in real outputs of v0.0.46/47;
 *  the build date and size of v0.0.48 are [M]) and keeps it after `minikube delete`. */
export const KICBASE_IMAGE = 'gcr.io/k8s-minikube/kicbase:v0.0.48';
const KICBASE_SIZE = 1_310_000_000;
const KICBASE_CREATED_MS = 1757009520000; // 2025-09-04T18:12:00Z [M]

export interface PortForward {
  localPort: number;
  /** what kubectl printed the forward for, e.g. `service/llmops-service` */
  target: string;
  namespace: string;
  podName: string;
  remotePort: number;
  /** writes `Handling connection for 8501` to the terminal */
  onConnection(): void;
}

export interface WorldOptions {
  seed?: number;
  /** project files relative to the project directory (or absolute) */
  files?: Record<string, string>;
  /** virtual start time (ms since epoch, UTC) */
  startMs?: number;
}

export class World {
  readonly vfs: Vfs;
  readonly rng: Rng;
  readonly seed: number;
  /** the workstation's Docker images (docker build / images / rmi); minikube's node has its own store */
  readonly docker = new ImageStore();
  minikube: MinikubeState = 'absent';
  /** the minikube VM was created at least once (first start downloads the preload) */
  minikubeCreatedAt: number | undefined;
  /** the node container's size (minikube start --cpus/--memory on the first start; later starts keep it) */
  minikubeSize = { cpus: 2, memoryMB: 3900 };
  /** when the node container last (re)started (docker ps STATUS `Up …`) */
  minikubeStartedAt: number | undefined;
  /** the node container's id (a new one after `minikube delete` + `start`) */
  minikubeContainerId = '';
  /** the kicbase image was pulled (it stays in the host's Docker after `minikube delete`) */
  private kicbasePulled = false;
  /** kubeconfig's current context: set by minikube start, removed by minikube delete */
  kubeContext: string | undefined;
  cluster: ClusterPort | undefined;
  readonly portForwards = new Map<number, PortForward>();
  tunnel: { pid: number } | undefined;
  /** containers started with `docker run` on the workstation */
  readonly containers: WorkstationContainer[] = [];
  /** BuildKit's layer cache: keys of steps already built */
  readonly dockerBuildCache = new Set<string>();
  readonly shellPid: number;
  private pid: number;
  private ms: number;
  private tickListeners = new Set<(nowMs: number) => void>();

  constructor(opts: WorldOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.rng = new Rng(this.seed);
    this.vfs = new Vfs(opts.files ?? {});
    this.ms = opts.startMs ?? DEFAULT_START_MS;
    this.shellPid = this.rng.int(2000, 4000);
    this.pid = this.shellPid + this.rng.int(100, 900);
  }

  /** Virtual now in ms (the cluster's clock when it runs, the workstation's otherwise). */
  get nowMs(): number { return this.cluster ? this.cluster.nowMs() : this.ms; }

  nextPid(): number { this.pid += this.rng.int(3, 40); return this.pid; }

  /** Moves virtual time forward; the cluster reconciles along the way and listeners (jobs, UI) hear about it. */
  advance(seconds: number): void {
    const target = this.nowMs + Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 1000));
    this.ms = target;
    if (this.cluster && this.minikube === 'running') this.cluster.advanceTo(target);
    else this.cluster?.syncClock(target);
    for (const l of this.tickListeners) l(this.nowMs);
  }

  /** Reconciles the cluster at the current instant (after every command). */
  settle(): void {
    if (this.cluster && this.minikube === 'running') this.cluster.settle();
  }

  /**
   * A request as a program would make it, without printing anything (no `Handling connection` line): for goals
   * and lab probes. From the workstation it reaches port-forwards, NodePorts and the tunnel's IPs; from a pod,
   * Service names, ClusterIPs and pod IPs. Undefined when no cluster runs.
   */
  http(from: 'workstation' | { namespace: string; name: string }, url: string, opts: { method?: string; timeoutMs?: number } = {}): NetResult | undefined {
    if (!this.cluster || this.minikube !== 'running') return undefined;
    return this.cluster.request({ from: from === 'workstation' ? { kind: 'workstation' } : { kind: 'pod', ...from }, url, ...opts });
  }

  /** `docker ps`: running containers, newest first — the minikube node container among them while it runs. */
  containersTable(all = false): string {
    const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
    const live: Array<{ created: number; up: number; row: string[] }> = [];
    const trunc = (cmd: string) => JSON.stringify(cmd.length > 20 ? cmd.slice(0, 19) + '…' : cmd);
    const up = (ms: number) => `Up ${dockerAgo((this.nowMs - ms) / 1000).replace(/ ago$/, '').replace(/^Less than a second$/, 'Less than a second')}`;
    for (const c of this.containers.filter((x) => all || x.exited === undefined)) {
      const running = c.exited === undefined;
      live.push({ created: c.createdMs, up: c.createdMs, row: [c.id.slice(0, 12), c.image, trunc(c.command), dockerAgo((this.nowMs - c.createdMs) / 1000),
        running ? up(c.createdMs) : `Exited (${c.exited}) ${dockerAgo((this.nowMs - (c.exitedMs ?? this.nowMs)) / 1000)}`,
        running ? c.ports.map((p) => `0.0.0.0:${p.host}->${p.container}/tcp, [::]:${p.host}->${p.container}/tcp`).join(', ') : '', c.name] });
    }
    if (this.minikube === 'running' && this.minikubeCreatedAt !== undefined) {
      // the docker driver's node container (kic): entrypoint `/usr/local/bin/entrypoint /sbin/init`, its ports published
      // on loopback ephemeral ports, the first container on the host getting 32768 upwards (real `docker ps` outputs)
      live.push({ created: this.minikubeCreatedAt, up: this.minikubeStartedAt ?? this.minikubeCreatedAt, row: [this.minikubeContainerId.slice(0, 12), KICBASE_IMAGE, trunc('/usr/local/bin/entrypoint /sbin/init'),
        dockerAgo((this.nowMs - this.minikubeCreatedAt) / 1000), up(this.minikubeStartedAt ?? this.minikubeCreatedAt),
        '127.0.0.1:32772->22/tcp, 127.0.0.1:32771->2376/tcp, 127.0.0.1:32770->5000/tcp, 127.0.0.1:32769->8443/tcp, 127.0.0.1:32768->32443/tcp', 'minikube'] });
    }
    live.sort((a, b) => b.created - a.created);
    for (const l of live) rows.push(l.row);
    const widths = rows[0]!.map((_, i) => Math.max(10, ...rows.map((r) => [...r[i]!].length + 3)));
    return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell + ' '.repeat(widths[i]! - [...cell].length) : cell)).join('')).join('\n') + '\n';
  }

  onTick(cb: (nowMs: number) => void): () => void {
    this.tickListeners.add(cb);
    return () => this.tickListeners.delete(cb);
  }

  /** Called by `minikube start`: create or resume the cluster. */
  startCluster(): void {
    if (!this.cluster) {
      this.cluster = attachCluster({ seed: this.seed, startMs: this.ms });
      this.minikubeCreatedAt = this.ms;
      this.minikubeContainerId = fakeSha256(`kic-container:${this.seed}:${this.ms}`); // no draw from rng: pids stay as they were
    }
    if (!this.kicbasePulled) {
      this.kicbasePulled = true;
      if (!this.docker.get(KICBASE_IMAGE)) this.docker.add(KICBASE_IMAGE, { id: 'sha256:' + fakeSha256(KICBASE_IMAGE), sizeBytes: KICBASE_SIZE, created: KICBASE_CREATED_MS, model: 'kicbase' });
    }
    if (this.minikube !== 'running') this.minikubeStartedAt = this.ms;
    this.minikube = 'running';
    this.kubeContext = 'minikube';
    this.cluster.syncClock(this.ms);
  }

  stopCluster(): void {
    this.minikube = 'stopped';
    this.portForwards.clear();
    this.tunnel = undefined;
  }

  deleteCluster(): void {
    this.cluster = undefined;
    this.minikube = 'absent';
    this.kubeContext = undefined;
    this.portForwards.clear();
    this.tunnel = undefined;
  }
}
