/**
 * job-controller (pkg/controller/job/job_controller.go), NonIndexed Jobs: keeps
 * min(parallelism, completions − succeeded) pods active, counts succeeded and failed pods, recreates failed pods
 * after the pod-failure back-off (10 s doubling, at most 6 min), and finishes the Job:
 *  - Complete: conditions SuccessCriteriaMet then Complete, reason CompletionsReached, "Reached expected number of
 *    succeeded pods"; completionTime; event `Completed` "Job completed";
 *  - Failed: more failed pods than backoffLimit (restartPolicy OnFailure: container restarts count) → FailureTarget
 *    then Failed, reason BackoffLimitExceeded "Job has reached the specified backoff limit" (Warning event of the
 *    same reason); activeDeadlineSeconds → DeadlineExceeded "Job was active longer than specified deadline".
 *    Active pods of a failed Job are deleted.
 *  - ttlSecondsAfterFinished: the TTL-after-finished controller deletes the Job (and, through GC, its pods).
 * Pods are named `<job>-<5 random>` (generateName) and carry the template's job-name/controller-uid labels.
 * Not modelled: Indexed completion mode, podFailurePolicy, successPolicy, suspend, pod finalizers.
 */
import type { Condition, Job, Pod } from '../api/types';
import type { RuntimeContext } from '../runtime/context';
import { parseRfc3339, rfc3339, type Timer } from '../clock/index';
import { SOURCES } from '../events/index';
import { defaultObject } from '../api/defaults';
import { controllerRef, isPodReady, ownerRefTo } from './util';

/** pkg/controller/job: DefaultJobPodFailureBackOff 10 s, MaxJobPodFailureBackOff 10 min (doubling). */
export const JOB_BACKOFF_MS = 10_000;
export const JOB_MAX_BACKOFF_MS = 600_000;

type JobStatus = NonNullable<Job['status']> & { ready?: number; terminating?: number; uncountedTerminatedPods?: Record<string, never> };

const finished = (j: Job) => (j.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');

export class JobController {
  private timers = new Map<string, Timer>();
  constructor(private readonly ctx: RuntimeContext) {}

  private pods(j: Job): Pod[] {
    return this.ctx.dependents<Pod>(j.metadata.uid ?? '', 'Pod').filter((p) => controllerRef(p)?.uid === j.metadata.uid);
  }

  private requeue(key: string, at: number): void {
    const prev = this.timers.get(key);
    if (prev && !prev.cancelled && prev.at <= at && prev.at > this.ctx.now()) return;
    this.ctx.cancel(prev);
    this.timers.set(key, this.ctx.schedule(at, () => { this.timers.delete(key); this.ctx.enqueue('job', key); }));
  }

  reconcile(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const j = this.ctx.store.get<Job>('Job', ns, name);
    if (!j || j.metadata.deletionTimestamp) return;
    const now = this.ctx.now();
    const ts = rfc3339(now);
    const old = (j.status ?? {}) as JobStatus;
    if (finished(j)) { this.ttl(j, key); return; }
    const pods = this.pods(j);
    const active = pods.filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failedPods = pods.filter((p) => p.status?.phase === 'Failed');
    const failed = failedPods.length;
    const completions = j.spec.completions ?? 1;
    const parallelism = j.spec.parallelism ?? 1;
    const backoffLimit = j.spec.backoffLimit ?? 6;
    const restarts = j.spec.template.spec.restartPolicy === 'OnFailure'
      ? active.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, c) => m + c.restartCount, 0), 0) : 0;
    const startTime = old.startTime ?? ts;
    const conds: Condition[] = [...(old.conditions ?? [])];
    const cond = (type: string, reason: string, message: string): Condition => ({ type, status: 'True', lastProbeTime: ts, lastTransitionTime: ts, reason, message });

    let finishedNow: 'Complete' | 'Failed' | undefined;
    let failReason = '', failMessage = '';
    const deadline = j.spec.activeDeadlineSeconds;
    const started = parseRfc3339(startTime) ?? now;
    if (succeeded >= completions) finishedNow = 'Complete';
    else if (failed + restarts > backoffLimit) { finishedNow = 'Failed'; failReason = 'BackoffLimitExceeded'; failMessage = 'Job has reached the specified backoff limit'; }
    else if (deadline !== undefined && now >= started + deadline * 1000) { finishedNow = 'Failed'; failReason = 'DeadlineExceeded'; failMessage = 'Job was active longer than specified deadline'; }

    if (finishedNow === 'Failed') {
      for (const p of active) this.ctx.store.delete('Pod', ns, p.metadata.name ?? '');
      conds.push(cond('FailureTarget', failReason, failMessage), cond('Failed', failReason, failMessage));
      this.ctx.events.record(SOURCES.job, j, 'Warning', failReason, failMessage);
    } else if (finishedNow === 'Complete') {
      const msg = 'Reached expected number of succeeded pods';
      conds.push(cond('SuccessCriteriaMet', 'CompletionsReached', msg), cond('Complete', 'CompletionsReached', msg));
      this.ctx.events.record(SOURCES.job, j, 'Normal', 'Completed', 'Job completed');
    } else {
      const want = Math.min(parallelism, completions - succeeded);
      let missing = want - active.length;
      if (missing > 0 && failed > 0) {
        // pod-failure back-off: 10 s × 2^(failures − 1) after the last failure (job_controller.go getPodFailureBackoff)
        const lastFail = Math.max(...failedPods.map((p) => lastFinish(p) ?? now));
        const wait = Math.min(JOB_MAX_BACKOFF_MS, JOB_BACKOFF_MS * 2 ** (failed - 1));
        if (now < lastFail + wait) { this.requeue(key, lastFail + wait); missing = 0; }
      }
      for (let i = 0; i < missing; i++) this.createPod(j);
      if (deadline !== undefined) this.requeue(key, started + deadline * 1000);
    }

    const after = this.pods(j);
    const activeNow = after.filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const status: JobStatus = {
      ...(activeNow.length ? { active: activeNow.length } : {}),
      ...(finishedNow ? { completionTime: finishedNow === 'Complete' ? ts : undefined } : {}),
      ...(conds.length ? { conditions: conds } : {}),
      ...(failed ? { failed } : {}),
      ready: activeNow.filter(isPodReady).length,
      startTime,
      ...(succeeded ? { succeeded } : {}),
      terminating: after.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length,
      uncountedTerminatedPods: {},
    };
    if (status.completionTime === undefined) delete status.completionTime;
    const cur = this.ctx.store.get<Job>('Job', ns, name)!;
    if (JSON.stringify(cur.status ?? {}) !== JSON.stringify(status)) this.ctx.store.updateStatus<Job>({ ...cur, status });
    if (finishedNow) this.ttl(this.ctx.store.get<Job>('Job', ns, name)!, key);
  }

  /** ttlafterfinished controller: delete the Job ttlSecondsAfterFinished after it finished. */
  private ttl(j: Job, key: string): void {
    const ttl = j.spec.ttlSecondsAfterFinished;
    if (ttl === undefined) return;
    const fin = (j.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    const at = (parseRfc3339(fin?.lastTransitionTime ?? '') ?? this.ctx.now()) + ttl * 1000;
    if (this.ctx.now() >= at) this.ctx.store.delete('Job', j.metadata.namespace, j.metadata.name ?? '', { propagationPolicy: 'Background' });
    else this.requeue(key, at);
  }

  private createPod(j: Job): void {
    const tpl = j.spec.template;
    const pod = defaultObject<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${j.metadata.name}-`,
        namespace: j.metadata.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
        ownerReferences: [ownerRefTo(j)],
      },
      spec: JSON.parse(JSON.stringify(tpl.spec)) as Pod['spec'],
    });
    const created = this.ctx.store.create(pod);
    this.ctx.events.record(SOURCES.job, j, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }
}

function lastFinish(p: Pod): number | undefined {
  let t: number | undefined;
  for (const c of p.status?.containerStatuses ?? []) {
    const f = c.state?.terminated?.finishedAt;
    const v = f ? parseRfc3339(f) : undefined;
    if (v !== undefined && (t === undefined || v > t)) t = v;
  }
  return t;
}
