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
import type { NetResult } from './net/index';

export type MinikubeState = 'absent' | 'running' | 'stopped';

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

  /** `docker ps` */
  containersTable(): string {
    const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
    for (const c of this.containers.filter((x) => x.exited === undefined)) {
      const ago = dockerAgo((this.nowMs - c.createdMs) / 1000);
      rows.push([c.id.slice(0, 12), c.image, JSON.stringify(c.command.length > 20 ? c.command.slice(0, 19) + '…' : c.command), ago, `Up ${ago.replace(/ ago$/, '')}`,
        c.ports.map((p) => `0.0.0.0:${p.host}->${p.container}/tcp, [::]:${p.host}->${p.container}/tcp`).join(', '), c.name]);
    }
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
    }
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
