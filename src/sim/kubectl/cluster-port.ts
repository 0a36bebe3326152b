// The terminal's view of the simulated cluster: a thin adapter over the engine's Cluster (src/sim/runtime),
// so kubectl, minikube and curl depend on one small surface. What is asked of the engine: src/sim/shell/NEEDS.md.
import type { Store } from '../store/store';
import type { ImageStore } from '../images/store';
import type { ExecResult } from '../images/process';
import type { Pod, Service } from '../api/types';
import { Cluster } from '../runtime/cluster';
import type { NetRequest, NetResult } from '../net/index';
import type { LogLine } from '../node/kubelet';
import { explain as engineExplain, type ObjectRef } from '../runtime/explain';

export interface ServiceUrl { namespace: string; name: string; targetPorts: string; urls: string[]; hasRunningPod: boolean }

export interface ClusterPort {
  readonly engine: Cluster;
  readonly store: Store;
  /** the minikube node's image store (`minikube image load|ls|rm`) */
  readonly nodeImages: ImageStore;
  nowMs(): number;
  /** advance virtual time to `ms`, reconciling on the way */
  advanceTo(ms: number): void;
  /** move the clock without reconciling (cluster stopped) */
  syncClock(ms: number): void;
  /** reconcile at the current instant */
  settle(): void;
  /** advance until the predicate holds or `maxSeconds` pass (kubectl wait, rollout status) */
  advanceUntil(pred: () => boolean, maxSeconds: number): boolean;
  setTunnel(open: boolean): void;
  loadBalancerServices(): string[];
  serviceUrls(): ServiceUrl[];
  /** an HTTP request through the simulated network (curl from the workstation or a pod), with its trace */
  request(req: NetRequest): NetResult;
  /** hear about every request made through `request` (the lab's request path view) */
  onRequest(cb: (req: NetRequest, result: NetResult) => void): () => void;
  /** one sentence on why an object is in its state (the engine's explanation) */
  explain(ref: ObjectRef): string;
  addPortForward(localPort: number, namespace: string, pod: string, podPort: number, target: string): void;
  removePortForward(localPort: number): void;
  logs(ns: string, pod: string, opts: { container?: string; previous?: boolean }): { lines: LogLine[] } | { error: string };
  exec(ns: string, pod: string, argv: string[], container?: string): ExecResult | { error: string };
}

export interface AttachOptions { seed: number; startMs: number }

export const NODE_IP = '192.168.49.2';

export function attachCluster(opts: AttachOptions): ClusterPort {
  const c = new Cluster({ seed: opts.seed, startTime: opts.startMs });
  const requestListeners = new Set<(req: NetRequest, result: NetResult) => void>();
  return {
    engine: c,
    store: c.store,
    nodeImages: c.images,
    nowMs: () => c.now(),
    advanceTo: (ms) => c.advanceTo(ms),
    syncClock: (ms) => c.clock.setTo(ms),
    settle: () => { c.settle(); },
    advanceUntil: (pred, max) => c.advanceUntil(pred, max),
    setTunnel: (open) => c.setTunnel(open),
    loadBalancerServices: () => c.store.list<Service>('Service').filter((s) => s.spec.type === 'LoadBalancer').map((s) => s.metadata.name ?? ''),
    serviceUrls: () => c.store.list<Service>('Service').map((s) => {
      const pods = c.store.list<Pod>('Pod', { namespace: s.metadata.namespace ?? 'default' })
        .filter((p) => Object.entries(s.spec.selector ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v) && Object.keys(s.spec.selector ?? {}).length > 0);
      return {
        namespace: s.metadata.namespace ?? 'default',
        name: s.metadata.name ?? '',
        targetPorts: (s.spec.ports ?? []).map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join('\n') || 'No node port',
        urls: (s.spec.ports ?? []).filter((p) => p.nodePort).map((p) => `http://${NODE_IP}:${p.nodePort}`),
        hasRunningPod: pods.some((p) => p.status?.phase === 'Running'),
      };
    }),
    request: (req) => {
      const r = c.request(req);
      for (const l of requestListeners) l(req, r);
      return r;
    },
    onRequest: (cb) => { requestListeners.add(cb); return () => requestListeners.delete(cb); },
    explain: (ref) => engineExplain(c, ref),
    addPortForward: (localPort, namespace, pod, podPort, target) => c.net.addPortForward({ localPort, namespace, pod, podPort, target }),
    removePortForward: (localPort) => c.net.removePortForward(localPort),
    logs: (ns, pod, o) => c.logs(ns, pod, o),
    exec: (ns, pod, argv, container) => c.exec(ns, pod, argv, container),
  };
}
