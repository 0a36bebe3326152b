/**
 * replicaset-controller: keeps `spec.replicas` active pods matching the selector, owned through a
 * controller ownerReference; adopts matching orphans; writes status.
 * Scale-down order follows controller.ActivePods / getPodsToDelete: unscheduled < scheduled,
 * Pending < Unknown < Running, not ready < ready, ready for less time < longer, more restarts first,
 * newer first.
 */
import type { Pod, ReplicaSet } from '../api/types';
import type { RuntimeContext } from '../runtime/context';
import { parseRfc3339 } from '../clock/index';
import { SOURCES } from '../events/index';
import { defaultObject } from '../api/defaults';
import { labelSelectorMatches } from '../store/selectors';
import { controllerRef, getCondition, isPodActive, isPodAvailable, isPodReady, ownerRefTo } from './util';

/** Pods created per sync at most (the real controller's burstReplicas). */
export const BURST_REPLICAS = 500;
/** After a full burst the controller syncs again this much later (virtual ms), as its rate-limited queue would. */
export const BURST_REQUEUE_MS = 1000;
/**
 * A safety limit of the simulator (not of Kubernetes): at most this many pods exist at once, so a typo like
 * `replicas: 99999999` cannot freeze the browser. Beyond it the RS records FailedCreate with a message saying so.
 */
export const SIM_MAX_PODS = 10_000;

const t = (s: string | undefined): number => (s ? parseRfc3339(s) ?? 0 : 0);

export function podDeletionRank(a: Pod, b: Pod): number {
  const sa = a.spec.nodeName ? 1 : 0, sb = b.spec.nodeName ? 1 : 0;
  if (sa !== sb) return sa - sb;
  const phaseRank = (p: Pod) => (p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Unknown' ? 1 : 2);
  if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
  const ra = isPodReady(a) ? 1 : 0, rb = isPodReady(b) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  if (ra && rb) {
    const ta = t(getCondition(a.status?.conditions, 'Ready')?.lastTransitionTime);
    const tb = t(getCondition(b.status?.conditions, 'Ready')?.lastTransitionTime);
    if (ta !== tb) return tb - ta; // ready more recently → deleted first
  }
  const rc = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
  if (rc(a) !== rc(b)) return rc(b) - rc(a);
  const ca = t(a.metadata.creationTimestamp), cb = t(b.metadata.creationTimestamp);
  if (ca !== cb) return cb - ca; // newer first
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** Sorts pods by podDeletionRank with the sort keys computed once per pod (large scale-downs). */
export function rankForDeletion(pods: Pod[]): Pod[] {
  const keyed = pods.map((p) => {
    const ready = isPodReady(p);
    return {
      p,
      k: [
        p.spec.nodeName ? 1 : 0,
        p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Unknown' ? 1 : 2,
        ready ? 1 : 0,
        ready ? -t(getCondition(p.status?.conditions, 'Ready')?.lastTransitionTime) : 0,
        -(p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
        -t(p.metadata.creationTimestamp),
      ],
    };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!;
    return (a.p.metadata.name ?? '') < (b.p.metadata.name ?? '') ? -1 : 1;
  });
  return keyed.map((x) => x.p);
}

export class ReplicaSetController {
  /** pods created per RS in the current burst window */
  private bursts = new Map<string, { at: number; created: number }>();
  constructor(private readonly ctx: RuntimeContext) {}

  /** Pods owned by `rs` (adopting matching orphans). */
  ownedPods(rs: ReplicaSet): Pod[] {
    const ns = rs.metadata.namespace ?? 'default';
    const out: Pod[] = this.ctx.dependents<Pod>(rs.metadata.uid ?? '', 'Pod').filter((p) => controllerRef(p)?.uid === rs.metadata.uid);
    for (const p of this.ctx.orphans<Pod>('Pod', ns)) {
      if (controllerRef(p)) continue;
      if (p.metadata.deletionTimestamp || !labelSelectorMatches(rs.spec.selector, p.metadata.labels)) continue;
      if (rs.metadata.deletionTimestamp) continue;
      const adopted = this.ctx.store.update<Pod>({ ...p, metadata: { ...p.metadata, resourceVersion: undefined, ownerReferences: [...(p.metadata.ownerReferences ?? []), ownerRefTo(rs)] } });
      out.push(adopted);
    }
    return out;
  }

  reconcile(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', ns, name);
    if (!rs) return;
    const pods = this.ownedPods(rs);
    const active = pods.filter(isPodActive);
    const want = rs.metadata.deletionTimestamp ? 0 : rs.spec.replicas ?? 1;
    const diff = active.length - want;
    if (diff < 0) {
      const room = SIM_MAX_PODS - this.ctx.podCount();
      const now = this.ctx.now();
      const win = this.bursts.get(key);
      const usedNow = win && now - win.at < BURST_REQUEUE_MS ? win.created : 0;
      const n = Math.min(-diff, BURST_REPLICAS - usedNow, Math.max(0, room));
      this.bursts.set(key, { at: usedNow ? win!.at : now, created: usedNow + n });
      for (let i = 0; i < n; i++) this.createPod(rs);
      if (room <= 0) {
        this.ctx.events.record(SOURCES.replicaset, rs, 'Warning', 'FailedCreate', `Error creating: pods "${rs.metadata.name}-" is forbidden: this simulator holds at most ${SIM_MAX_PODS} pods`);
      }
      if (-diff > n) this.ctx.schedule(this.ctx.now() + BURST_REQUEUE_MS, () => this.ctx.enqueue('replicaset', key));
    } else if (diff > 0) {
      const victims = rankForDeletion(active).slice(0, diff);
      for (const p of victims) {
        this.ctx.store.delete('Pod', ns, p.metadata.name ?? '');
        this.ctx.events.record(SOURCES.replicaset, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      }
    }
    this.updateStatus(rs);
  }

  private createPod(rs: ReplicaSet): void {
    const tpl = rs.spec.template;
    if (!tpl) return;
    const base = `${rs.metadata.name}-`;
    const pod = defaultObject<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: base,
        namespace: rs.metadata.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
        ownerReferences: [ownerRefTo(rs)],
      },
      spec: tpl.spec, // defaultObject deep-copies its input
    });
    const created = this.ctx.store.create(pod, { adopt: true }); // a fresh tree from defaultObject
    this.ctx.events.record(SOURCES.replicaset, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  updateStatus(rs: ReplicaSet): void {
    const cur = this.ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name ?? '');
    if (!cur) return;
    const pods = this.ctx.dependents<Pod>(cur.metadata.uid ?? '', 'Pod').filter((p) => controllerRef(p)?.uid === cur.metadata.uid);
    const active = pods.filter(isPodActive);
    const now = this.ctx.now();
    const minReady = cur.spec.minReadySeconds ?? 0;
    const ready = active.filter(isPodReady).length;
    const available = active.filter((p) => isPodAvailable(p, minReady, now, (s) => parseRfc3339(s) ?? NaN)).length;
    const tplLabels = Object.entries(cur.spec.template?.metadata?.labels ?? {});
    const labeled = active.filter((p) => tplLabels.every(([k, v]) => p.metadata.labels?.[k] === v)).length;
    if (minReady > 0 && available < ready) {
      // Check again when the next ready pod becomes available.
      for (const p of active) {
        const rt = t(getCondition(p.status?.conditions, 'Ready')?.lastTransitionTime);
        if (isPodReady(p) && rt + minReady * 1000 > now) this.ctx.schedule(rt + minReady * 1000, () => this.ctx.enqueue('replicaset', `${cur.metadata.namespace}/${cur.metadata.name}`));
      }
    }
    const status = {
      replicas: active.length,
      fullyLabeledReplicas: labeled,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: cur.metadata.generation ?? 1,
    };
    // The API omits zero counts.
    const clean: Record<string, number> = {};
    for (const [k, v] of Object.entries(status)) if (v !== 0 || k === 'replicas') clean[k] = v;
    this.ctx.store.updateStatus<ReplicaSet>({ ...cur, status: clean as unknown as ReplicaSet['status'] });
  }
}
