/**
 * default-scheduler for the one-node cluster: binds pending pods to `minikube` when their
 * requests fit the node's allocatable minus what pods on the node already request; otherwise
 * records FailedScheduling with the 1.34 message shape and retries when resources are freed
 * (pod removed or finished) and at the latest every 5 minutes (podMaxInUnschedulablePodsDuration).
 *
 * Message shape [kubectl-layouts §1.5 D, k8s-semantics §2.4/§9 D]:
 * `0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`
 * A request above the node's total allocatable ends in `1 Preemption is not helpful for scheduling.`
 */
import type { Pod } from '../api/types';
import type { RuntimeContext } from '../runtime/context';
import { rfc3339, type Timer } from '../clock/index';
import { SOURCES } from '../events/index';
import { ALLOCATABLE_MEMORY_BYTES, ALLOCATABLE_MILLICPU, MAX_PODS, NODE_NAME, milliCpu, parseQuantity } from '../node/node';

export const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

export interface PodRequests { cpu: number; memory: number }

export function podRequests(p: Pod): PodRequests {
  let cpu = 0, memory = 0;
  for (const c of p.spec.containers ?? []) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    cpu += milliCpu((req.cpu ?? lim.cpu) as string | undefined);
    memory += parseQuantity((req.memory ?? lim.memory) as string | undefined);
  }
  return { cpu, memory };
}

export interface NodeUsage { cpu: number; memory: number; pods: number }

export interface FitResult { fits: boolean; message: string; reasons: string[] }

export function fit(req: PodRequests, used: NodeUsage, nodeSelector: Record<string, string> | undefined, nodeLabels: Record<string, string>): FitResult {
  const reasons: string[] = [];
  let unresolvable = false;
  if (nodeSelector && Object.entries(nodeSelector).some(([k, v]) => nodeLabels[k] !== v)) {
    reasons.push("1 node(s) didn't match Pod's node affinity/selector");
    unresolvable = true;
  } else {
    if (used.pods + 1 > MAX_PODS) reasons.push('1 Too many pods');
    if (req.cpu > 0 && used.cpu + req.cpu > ALLOCATABLE_MILLICPU) { reasons.push('1 Insufficient cpu'); if (req.cpu > ALLOCATABLE_MILLICPU) unresolvable = true; }
    if (req.memory > 0 && used.memory + req.memory > ALLOCATABLE_MEMORY_BYTES) { reasons.push('1 Insufficient memory'); if (req.memory > ALLOCATABLE_MEMORY_BYTES) unresolvable = true; }
  }
  if (reasons.length === 0) return { fits: true, message: '', reasons };
  const preemption = unresolvable ? '1 Preemption is not helpful for scheduling.' : '1 No preemption victims found for incoming pod.';
  return { fits: false, reasons, message: `0/1 nodes are available: ${reasons.join(', ')}. no new claims to deallocate, preemption: 0/1 nodes are available: ${preemption}` };
}

export const NODE_LABELS: Record<string, string> = {
  'beta.kubernetes.io/arch': 'amd64',
  'beta.kubernetes.io/os': 'linux',
  'kubernetes.io/arch': 'amd64',
  'kubernetes.io/hostname': 'minikube',
  'kubernetes.io/os': 'linux',
  'minikube.k8s.io/name': 'minikube',
  'minikube.k8s.io/primary': 'true',
  'minikube.k8s.io/version': 'v1.37.0',
  'node-role.kubernetes.io/control-plane': '',
  'node.kubernetes.io/exclude-from-external-load-balancers': '',
};

export class Scheduler {
  /** pods (ns/name) that failed to schedule and wait for a change */
  private unschedulable = new Set<string>();
  private flushTimer: Timer | undefined;
  /** cached node usage; recomputed lazily when pods on the node change */
  private usage: NodeUsage | undefined;

  constructor(private readonly ctx: RuntimeContext) {}

  /** Something that frees resources happened: retry every unschedulable pod. */
  resourcesFreed(): void {
    this.usage = undefined;
    for (const k of this.unschedulable) this.ctx.enqueue('scheduler', k);
  }

  invalidate(): void {
    this.usage = undefined;
  }

  nodeUsage(): NodeUsage {
    if (this.usage) return this.usage;
    const u: NodeUsage = { cpu: 0, memory: 0, pods: 0 };
    for (const p of this.ctx.store.list<Pod>('Pod')) {
      if (p.spec.nodeName !== NODE_NAME) continue;
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      const r = podRequests(p);
      u.cpu += r.cpu;
      u.memory += r.memory;
      u.pods++;
    }
    this.usage = u;
    return u;
  }

  reconcile(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const pod = this.ctx.store.get<Pod>('Pod', ns, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) { this.unschedulable.delete(key); return; }
    if ((pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    const req = podRequests(pod);
    const used = this.nodeUsage();
    const f = fit(req, used, pod.spec.nodeSelector, NODE_LABELS);
    const now = rfc3339(this.ctx.now());
    if (f.fits) {
      this.unschedulable.delete(key);
      // the binding subresource: nodeName + PodScheduled in one write, metadata.generation unchanged
      const bound = this.ctx.store.bind(ns, name, NODE_NAME, now) as Pod;
      used.cpu += req.cpu; used.memory += req.memory; used.pods++;
      this.ctx.events.record(SOURCES.scheduler, bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${NODE_NAME}`);
      return;
    }
    this.unschedulable.add(key);
    const prev = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (prev?.status === 'False' && prev.message === f.message && pod.status?.conditions?.length === 1) {
      // same verdict as last time: the status is unchanged, only the event counts up
      this.ctx.events.record(SOURCES.scheduler, pod, 'Warning', 'FailedScheduling', f.message);
      this.armFlush();
      return;
    }
    const cond = { type: 'PodScheduled', status: 'False' as const, lastProbeTime: null, lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime ?? now : now, reason: 'Unschedulable', message: f.message };
    this.ctx.store.updateStatus<Pod>({ ...pod, status: { ...pod.status, phase: 'Pending', conditions: [cond] } });
    this.ctx.events.record(SOURCES.scheduler, pod, 'Warning', 'FailedScheduling', f.message);
    this.armFlush();
  }

  private armFlush(): void {
    if (!this.flushTimer) {
      this.flushTimer = this.ctx.schedule(this.ctx.now() + UNSCHEDULABLE_FLUSH_MS, () => {
        this.flushTimer = undefined;
        this.resourcesFreed();
      });
    }
  }
}
