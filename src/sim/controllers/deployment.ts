/**
 * deployment-controller (pkg/controller/deployment: sync.go, rolling.go, recreate.go, progress.go):
 * one ReplicaSet per pod-template-hash, RollingUpdate with maxSurge/maxUnavailable, Recreate,
 * revision annotations, history limit, proportional scaling, paused deployments, status and
 * the Available/Progressing conditions with ProgressDeadlineExceeded.
 */
import type { Condition, Deployment, DeploymentStatus, Pod, PodTemplateSpec, ReplicaSet } from '../api/types';
import type { RuntimeContext } from '../runtime/context';
import { parseRfc3339, rfc3339, type Timer } from '../clock/index';
import { SOURCES } from '../events/index';
import { defaultObject } from '../api/defaults';
import { labelSelectorMatches } from '../store/selectors';
import { controllerRef, isPodActive, ownerRefTo, podTemplateHash, resolveFenceposts, stableDump } from './util';

export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

const rev = (rs: ReplicaSet): number => Number(rs.metadata.annotations?.[REVISION] ?? '0') || 0;
const specReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 0;

/** Template equality ignoring the pod-template-hash label (EqualIgnoreHash). */
const dumpCache = new WeakMap<object, string>();
export function templatesEqual(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  // Store objects are replaced, never mutated, so a template's dump can be cached by identity.
  const strip = (t: PodTemplateSpec | undefined) => {
    if (t && dumpCache.has(t)) return dumpCache.get(t)!;
    const d = rawStrip(t);
    if (t) dumpCache.set(t, d);
    return d;
  };
  return strip(a) === strip(b);
}

function rawStrip(t: PodTemplateSpec | undefined): string {
  const c = JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec;
  if (c.metadata?.labels) {
    delete c.metadata.labels[HASH_LABEL];
    if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
  }
  if (c.metadata && Object.keys(c.metadata).length === 0) delete c.metadata;
  return stableDump(c);
}

export class DeploymentController {
  private deadlineTimers = new Map<string, Timer>();
  constructor(private readonly ctx: RuntimeContext) {}

  /** ReplicaSets controlled by `d` (adopting orphans that match its selector). */
  ownedReplicaSets(d: Deployment): ReplicaSet[] {
    const ns = d.metadata.namespace ?? 'default';
    const out: ReplicaSet[] = this.ctx.dependents<ReplicaSet>(d.metadata.uid ?? '', 'ReplicaSet').filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
    for (const rs of this.ctx.orphans<ReplicaSet>('ReplicaSet', ns)) {
      if (controllerRef(rs)) continue;
      if (rs.metadata.deletionTimestamp || d.metadata.deletionTimestamp) continue;
      if (!labelSelectorMatches(d.spec.selector, rs.metadata.labels)) continue;
      out.push(this.ctx.store.update<ReplicaSet>({ ...rs, metadata: { ...rs.metadata, resourceVersion: undefined, ownerReferences: [...(rs.metadata.ownerReferences ?? []), ownerRefTo(d)] } }));
    }
    return out;
  }

  reconcile(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const d = this.ctx.store.get<Deployment>('Deployment', ns, name);
    if (!d || d.metadata.deletionTimestamp) return;
    let all = this.ownedReplicaSets(d);
    const replicas = d.spec.replicas ?? 1;
    const existingNew = all.find((rs) => templatesEqual(rs.spec.template, d.spec.template));
    const olds = () => all.filter((rs) => rs !== newRS());
    let newRSRef: ReplicaSet | undefined = existingNew;
    const newRS = () => newRSRef;
    const refresh = () => {
      all = this.ownedReplicaSets(d);
      newRSRef = all.find((rs) => templatesEqual(rs.spec.template, d.spec.template));
    };

    if (d.spec.paused) {
      // Paused: no rollout, but scaling still happens.
      if (this.isScalingEvent(d, all)) this.scale(d, newRS(), olds());
      refresh();
      this.syncStatus(d, all, newRS(), false);
      return;
    }

    if (this.isScalingEvent(d, all) && newRS()) {
      this.scale(d, newRS(), olds());
      refresh();
      this.syncStatus(d, all, newRS(), false);
      return;
    }

    let createdNew = false;
    if ((d.spec.strategy?.type ?? 'RollingUpdate') === 'Recreate') {
      // Scale down every old RS, wait for their pods to go, then bring up the new one.
      let scaledDown = false;
      for (const rs of olds()) if (specReplicas(rs) > 0) { this.scaleRS(d, rs, 0); scaledDown = true; }
      if (scaledDown) { refresh(); this.syncStatus(d, all, newRS(), false); return; }
      const oldPodsRunning = olds().some((rs) => this.podsOf(rs).some((p) => isPodActive(p) || p.metadata.deletionTimestamp));
      if (oldPodsRunning) { this.syncStatus(d, all, newRS(), false); return; }
      if (!newRS()) { newRSRef = this.createNewRS(d, all, replicas); createdNew = true; refresh(); }
      else {
        this.syncRevision(d, newRS()!, all);
        if (specReplicas(newRS()!) !== replicas) this.scaleRS(d, newRS()!, replicas);
      }
      refresh();
      this.syncStatus(d, all, newRS(), createdNew);
      if (this.complete(d, all, newRS())) this.cleanup(d, all, newRS());
      return;
    }

    // RollingUpdate
    const { surge, unavailable } = resolveFenceposts(d.spec.strategy?.rollingUpdate?.maxSurge, d.spec.strategy?.rollingUpdate?.maxUnavailable, replicas);
    if (!newRS()) {
      const current = all.reduce((n, rs) => n + specReplicas(rs), 0);
      const count = Math.max(0, Math.min(replicas + surge - current, replicas));
      newRSRef = this.createNewRS(d, all, count);
      createdNew = true;
      refresh();
      this.syncStatus(d, all, newRS(), createdNew);
      return;
    }
    this.syncRevision(d, newRS()!, all);
    refresh();
    // reconcileNewReplicaSet
    const nrs = newRS()!;
    if (specReplicas(nrs) > replicas) {
      this.scaleRS(d, nrs, replicas);
      refresh();
      this.syncStatus(d, all, newRS(), false);
      return;
    }
    if (specReplicas(nrs) < replicas) {
      const current = all.reduce((n, rs) => n + specReplicas(rs), 0);
      const maxTotal = replicas + surge;
      if (current < maxTotal) {
        const up = Math.min(maxTotal - current, replicas - specReplicas(nrs));
        if (up > 0) {
          this.scaleRS(d, nrs, specReplicas(nrs) + up);
          refresh();
          this.syncStatus(d, all, newRS(), false);
          return;
        }
      }
    }
    // reconcileOldReplicaSets
    const oldRSs = olds();
    const oldPods = oldRSs.reduce((n, rs) => n + specReplicas(rs), 0);
    if (oldPods > 0) {
      const allPods = all.reduce((n, rs) => n + specReplicas(rs), 0);
      const minAvailable = replicas - unavailable;
      const n = newRS()!;
      const newUnavailable = specReplicas(n) - (n.status?.availableReplicas ?? 0);
      let maxScaledDown = allPods - minAvailable - newUnavailable;
      let scaled = false;
      if (maxScaledDown > 0) {
        // cleanupUnhealthyReplicas: old RSs with unavailable pods go first
        for (const rs of [...oldRSs].sort(byCreation)) {
          if (maxScaledDown <= 0) break;
          const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
          if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
          const down = Math.min(maxScaledDown, unhealthy);
          this.scaleRS(d, rs, specReplicas(rs) - down);
          maxScaledDown -= down;
          scaled = true;
        }
        if (!scaled) {
          refresh();
          const availableNow = all.reduce((k, rs) => k + (rs.status?.availableReplicas ?? 0), 0);
          let total = availableNow - minAvailable;
          for (const rs of [...olds()].sort(byCreation)) {
            if (total <= 0) break;
            if (specReplicas(rs) === 0) continue;
            const down = Math.min(specReplicas(rs), total);
            this.scaleRS(d, rs, specReplicas(rs) - down);
            total -= down;
            scaled = true;
          }
        }
      }
      refresh();
      this.syncStatus(d, all, newRS(), false);
      return;
    }
    refresh();
    this.syncStatus(d, all, newRS(), false);
    if (this.complete(d, all, newRS())) this.cleanup(d, all, newRS());
  }

  private podsOf(rs: ReplicaSet): Pod[] {
    return this.ctx.dependents<Pod>(rs.metadata.uid ?? '', 'Pod').filter((p) => controllerRef(p)?.uid === rs.metadata.uid);
  }

  /** isScalingEvent: an active RS's desired-replicas annotation differs from spec.replicas. */
  private isScalingEvent(d: Deployment, all: ReplicaSet[]): boolean {
    const replicas = d.spec.replicas ?? 1;
    return all.some((rs) => specReplicas(rs) > 0 && rs.metadata.annotations?.[DESIRED_REPLICAS] !== undefined && Number(rs.metadata.annotations[DESIRED_REPLICAS]) !== replicas);
  }

  /** sync.go scale(): one active RS takes all; several share proportionally (newest first for leftovers). */
  private scale(d: Deployment, newRS: ReplicaSet | undefined, olds: ReplicaSet[]): void {
    const replicas = d.spec.replicas ?? 1;
    const active = [...(newRS ? [newRS] : []), ...olds].filter((rs) => specReplicas(rs) > 0);
    if (active.length === 0) { if (newRS) this.scaleRS(d, newRS, replicas); return; }
    if (active.length === 1) { this.scaleRS(d, active[0]!, replicas); return; }
    const { surge } = resolveFenceposts(d.spec.strategy?.rollingUpdate?.maxSurge, d.spec.strategy?.rollingUpdate?.maxUnavailable, replicas);
    const allowed = (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate' ? replicas + surge : replicas;
    const current = active.reduce((n, rs) => n + specReplicas(rs), 0);
    let left = allowed - current;
    const sorted = [...active].sort((a, b) => (left > 0 ? byCreation(b, a) : byCreation(a, b)));
    const targets = new Map<ReplicaSet, number>();
    let distributed = 0;
    for (const rs of sorted) {
      const prop = current === 0 ? 0 : Math.floor((specReplicas(rs) * (left)) / current);
      const v = Math.max(0, specReplicas(rs) + prop);
      targets.set(rs, v);
      distributed += v - specReplicas(rs);
    }
    left -= distributed;
    const first = sorted[0]!;
    targets.set(first, Math.max(0, (targets.get(first) ?? 0) + left));
    // every active RS is written, so its desired-replicas annotation catches up even when its size does not change
    for (const [rs, v] of targets) this.scaleRS(d, rs, v);
  }

  private maxReplicasAnnotation(d: Deployment): string {
    const replicas = d.spec.replicas ?? 1;
    if ((d.spec.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return String(replicas);
    const { surge } = resolveFenceposts(d.spec.strategy?.rollingUpdate?.maxSurge, d.spec.strategy?.rollingUpdate?.maxUnavailable, replicas);
    return String(replicas + surge);
  }

  private scaleRS(d: Deployment, rs: ReplicaSet, to: number): void {
    const from = specReplicas(rs);
    const annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(d.spec.replicas ?? 1), [MAX_REPLICAS]: this.maxReplicasAnnotation(d) };
    this.ctx.store.update<ReplicaSet>({ ...rs, metadata: { ...rs.metadata, resourceVersion: undefined, annotations }, spec: { ...rs.spec, replicas: to } });
    if (from !== to) {
      // sync.go scaleReplicaSet: "Scaled %s replica set %s from %d to %d" (old-to-new order since
      // kubernetes/kubernetes#125118, v1.31; before it read "to N from M").
      const dir = to > from ? 'up' : 'down';
      this.ctx.events.record(SOURCES.deployment, d, 'Normal', 'ScalingReplicaSet', `Scaled ${dir} replica set ${rs.metadata.name} from ${from} to ${to}`);
    }
  }

  private nextRevision(all: ReplicaSet[]): number {
    return all.reduce((m, rs) => Math.max(m, rev(rs)), 0) + 1;
  }

  /** The new RS keeps the highest revision: an older template brought back (undo) is bumped. */
  private syncRevision(d: Deployment, nrs: ReplicaSet, all: ReplicaSet[]): void {
    const maxOld = all.filter((rs) => rs !== nrs).reduce((m, rs) => Math.max(m, rev(rs)), 0);
    const annotations = { ...(nrs.metadata.annotations ?? {}) };
    let changed = false;
    if (rev(nrs) <= maxOld || !annotations[REVISION]) { annotations[REVISION] = String(maxOld + 1); changed = true; }
    if (annotations[DESIRED_REPLICAS] !== String(d.spec.replicas ?? 1) && specReplicas(nrs) === (d.spec.replicas ?? 1)) { annotations[DESIRED_REPLICAS] = String(d.spec.replicas ?? 1); changed = true; }
    if (annotations[MAX_REPLICAS] !== this.maxReplicasAnnotation(d) && specReplicas(nrs) === (d.spec.replicas ?? 1)) { annotations[MAX_REPLICAS] = this.maxReplicasAnnotation(d); changed = true; }
    if (changed) this.ctx.store.update<ReplicaSet>({ ...nrs, metadata: { ...nrs.metadata, resourceVersion: undefined, annotations } });
    this.syncDeploymentRevision(d, annotations[REVISION]!);
  }

  private syncDeploymentRevision(d: Deployment, revision: string): void {
    const cur = this.ctx.store.get<Deployment>('Deployment', d.metadata.namespace, d.metadata.name ?? '');
    if (!cur || cur.metadata.annotations?.[REVISION] === revision) return;
    this.ctx.store.update<Deployment>({ ...cur, metadata: { ...cur.metadata, resourceVersion: undefined, annotations: { ...(cur.metadata.annotations ?? {}), [REVISION]: revision } } });
  }

  private createNewRS(d: Deployment, all: ReplicaSet[], replicas: number): ReplicaSet {
    const ns = d.metadata.namespace ?? 'default';
    let collision = d.status?.collisionCount;
    for (let attempt = 0; attempt < 5; attempt++) {
      const hash = podTemplateHash(d.spec.template, collision);
      const name = `${d.metadata.name}-${hash}`;
      const existing = this.ctx.store.get<ReplicaSet>('ReplicaSet', ns, name);
      if (existing) {
        if (controllerRef(existing)?.uid === d.metadata.uid && templatesEqual(existing.spec.template, d.spec.template)) return existing;
        collision = (collision ?? 0) + 1;
        const cur = this.ctx.store.get<Deployment>('Deployment', ns, d.metadata.name ?? '');
        if (cur) this.ctx.store.updateStatus<Deployment>({ ...cur, status: { ...(cur.status ?? {}), collisionCount: collision } });
        continue;
      }
      const template = JSON.parse(JSON.stringify(d.spec.template)) as PodTemplateSpec;
      template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
      const revision = String(this.nextRevision(all));
      const rs = defaultObject<ReplicaSet>({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: ns,
          labels: { ...(d.spec.template.metadata?.labels ?? {}), [HASH_LABEL]: hash },
          annotations: { [DESIRED_REPLICAS]: String(d.spec.replicas ?? 1), [MAX_REPLICAS]: this.maxReplicasAnnotation(d), [REVISION]: revision },
          ownerReferences: [ownerRefTo(d)],
        },
        spec: {
          replicas,
          ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
          selector: {
            matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH_LABEL]: hash },
            ...(d.spec.selector.matchExpressions ? { matchExpressions: d.spec.selector.matchExpressions } : {}),
          },
          template,
        },
      });
      const created = this.ctx.store.create(rs);
      // sync.go getNewReplicaSet: "Scaled up replica set %s from 0 to %d" for a newly created RS (v1.31+, #125118).
      if (replicas > 0) this.ctx.events.record(SOURCES.deployment, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
      this.syncDeploymentRevision(d, revision);
      return created;
    }
    throw new Error('pod-template-hash collision could not be resolved');
  }

  private complete(d: Deployment, all: ReplicaSet[], nrs: ReplicaSet | undefined): boolean {
    const replicas = d.spec.replicas ?? 1;
    if (!nrs) return false;
    const olds = all.filter((rs) => rs !== nrs);
    return (nrs.status?.replicas ?? 0) === replicas && (nrs.status?.availableReplicas ?? 0) === replicas && olds.every((rs) => (rs.status?.replicas ?? 0) === 0);
  }

  /** revisionHistoryLimit: delete the oldest fully scaled-down old RSs beyond the limit. */
  private cleanup(d: Deployment, all: ReplicaSet[], nrs: ReplicaSet | undefined): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const olds = all.filter((rs) => rs !== nrs && specReplicas(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp);
    const extra = olds.length - limit;
    if (extra <= 0) return;
    const byRev = [...olds].sort((a, b) => rev(a) - rev(b) || byCreation(a, b));
    for (const rs of byRev.slice(0, extra)) this.ctx.store.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name ?? '');
  }

  /** calculateStatus + syncRolloutStatus (progress.go). */
  private syncStatus(d0: Deployment, all: ReplicaSet[], nrs: ReplicaSet | undefined, createdNew: boolean): void {
    const d = this.ctx.store.get<Deployment>('Deployment', d0.metadata.namespace, d0.metadata.name ?? '');
    if (!d) return;
    const now = this.ctx.now();
    const ts = rfc3339(now);
    const replicas = d.spec.replicas ?? 1;
    const { unavailable: maxUnavailable } = resolveFenceposts(d.spec.strategy?.rollingUpdate?.maxSurge, d.spec.strategy?.rollingUpdate?.maxUnavailable, replicas);
    const sum = (f: (rs: ReplicaSet) => number) => all.reduce((n, rs) => n + f(rs), 0);
    const actual = sum((rs) => rs.status?.replicas ?? 0);
    const updated = nrs?.status?.replicas ?? 0;
    const ready = sum((rs) => rs.status?.readyReplicas ?? 0);
    const available = sum((rs) => rs.status?.availableReplicas ?? 0);
    const unavailableCount = Math.max(0, replicas - available);
    const old = d.status ?? {};
    const conds: Condition[] = [...(old.conditions ?? [])];
    const setCond = (c: Condition): void => {
      const i = conds.findIndex((x) => x.type === c.type);
      const prev = conds[i];
      if (prev && prev.status === c.status && prev.reason === c.reason) {
        if (c.lastUpdateTime && c.message === prev.message && c.reason !== 'ReplicaSetUpdated') return;
        conds[i] = { ...prev, message: c.message, lastUpdateTime: c.lastUpdateTime ?? prev.lastUpdateTime };
        return;
      }
      const next = { ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime ?? ts : ts };
      if (i >= 0) conds[i] = next; else conds.push(next);
    };
    const minAvail = (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate' ? replicas - maxUnavailable : replicas;
    if (available >= minAvail) setCond({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ts });
    else setCond({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ts });

    const deadline = d.spec.progressDeadlineSeconds;
    const rsName = nrs?.metadata.name ?? '';
    const isComplete = nrs !== undefined && updated === replicas && actual === replicas && available === replicas && (nrs.spec.replicas ?? 0) === replicas;
    const prog = conds.find((c) => c.type === 'Progressing');
    // Pause and resume are recorded on the Progressing condition and stop the deadline clock
    // (pkg/controller/deployment/sync.go checkPausedConditions: DeploymentPaused / DeploymentResumed).
    if (d.spec.paused) {
      if (prog?.reason !== 'DeploymentPaused') setCond({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: ts });
    } else if (prog?.reason === 'DeploymentPaused') {
      setCond({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed', lastUpdateTime: ts });
    } else if (deadline !== undefined && deadline !== 2147483647 && nrs) {
      if (isComplete) {
        setCond({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.`, lastUpdateTime: ts });
      } else if (createdNew) {
        setCond({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"`, lastUpdateTime: ts });
      } else {
        // progress (DeploymentProgressing): more updated/ready/available pods, fewer old ones, or the
        // condition still names another (older) rollout's ReplicaSet
        const progressed = updated > (old.updatedReplicas ?? 0) || ready > (old.readyReplicas ?? 0) || available > (old.availableReplicas ?? 0)
          || (old.replicas ?? 0) - (old.updatedReplicas ?? 0) > actual - updated || (prog?.reason === 'NewReplicaSetAvailable') || (prog !== undefined && prog.message !== undefined && !prog.message.includes(`"${rsName}"`));
        const timedOut = prog?.reason === 'ProgressDeadlineExceeded'
          || (prog !== undefined && prog.reason !== 'NewReplicaSetAvailable' && (parseRfc3339(prog.lastUpdateTime ?? '') ?? now) + deadline * 1000 < now);
        if (progressed && !(prog?.reason === 'ProgressDeadlineExceeded' && !progressedSinceTimeout(old, updated, ready, available))) {
          setCond({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.`, lastUpdateTime: ts });
        } else if (timedOut) {
          setCond({ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.`, lastUpdateTime: ts });
        } else if (!prog) {
          setCond({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.`, lastUpdateTime: ts });
        }
      }
    }
    // Stored order: Available, then Progressing.
    conds.sort((a, b) => order(a.type) - order(b.type));
    const status: DeploymentStatus = { observedGeneration: d.metadata.generation ?? 1 };
    if (actual) status.replicas = actual;
    if (updated) status.updatedReplicas = updated;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    if (unavailableCount) status.unavailableReplicas = unavailableCount;
    if (conds.length) status.conditions = conds;
    if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;
    this.ctx.store.updateStatus<Deployment>({ ...d, status });
    // Re-check the progress deadline when it would expire (requeueStuckDeployment).
    const p = status.conditions?.find((c) => c.type === 'Progressing');
    if (deadline !== undefined && p && p.status === 'True' && p.reason !== 'NewReplicaSetAvailable' && !isComplete) {
      const at = (parseRfc3339(p.lastUpdateTime ?? '') ?? now) + deadline * 1000 + 1000;
      const key = `${d.metadata.namespace}/${d.metadata.name}`;
      const prev = this.deadlineTimers.get(key);
      if (!prev || prev.at !== at) {
        this.ctx.cancel(prev);
        this.deadlineTimers.set(key, this.ctx.schedule(at, () => { this.deadlineTimers.delete(key); this.ctx.enqueue('deployment', key); }));
      }
    }
  }
}

function progressedSinceTimeout(old: DeploymentStatus, updated: number, ready: number, available: number): boolean {
  return updated > (old.updatedReplicas ?? 0) || ready > (old.readyReplicas ?? 0) || available > (old.availableReplicas ?? 0);
}

function order(type: string): number {
  return type === 'Available' ? 0 : type === 'Progressing' ? 1 : 2;
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseRfc3339(a.metadata.creationTimestamp ?? '') ?? 0;
  const tb = parseRfc3339(b.metadata.creationTimestamp ?? '') ?? 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** What `kubectl rollout undo` sends: the template of the RS at `revision` (default: the previous one). */
export function rollbackTemplate(d: Deployment, owned: ReplicaSet[], toRevision?: number): { template: PodTemplateSpec; revision: number } | { error: string } {
  const sorted = [...owned].sort((a, b) => rev(b) - rev(a));
  const current = rev(sorted[0] ?? ({ metadata: {} } as ReplicaSet));
  let target: ReplicaSet | undefined;
  if (toRevision === undefined || toRevision === 0) {
    target = sorted.find((rs) => rev(rs) < current && !templatesEqual(rs.spec.template, d.spec.template));
    if (!target) return { error: `error: no rollout history found for deployment "${d.metadata.name}"` };
  } else {
    target = sorted.find((rs) => rev(rs) === toRevision);
    if (!target) return { error: `error: unable to find specified revision ${toRevision} in history` };
  }
  const t = JSON.parse(JSON.stringify(target.spec.template)) as PodTemplateSpec;
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return { template: t, revision: rev(target) };
}
