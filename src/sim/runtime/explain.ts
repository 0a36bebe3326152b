/**
 * explain(ref): one sentence saying why an object is in its state, for the terminal (`explain`
 * hints), the cluster view's tooltips and the scenarios' hints.
 */
import type { Deployment, EndpointSlice, Pod, ReplicaSet, Service } from '../api/types';
import type { Cluster } from './cluster';
import { formatLabels, formatLabelSelector } from '../store/selectors';
import { noEndpointsReason, podStatusWord } from '../net/index';
import { podRequests } from '../controllers/scheduler';
import { ALLOCATABLE_MEMORY_BYTES, ALLOCATABLE_MILLICPU, formatBytes, formatMilliCpu } from '../node/node';
import { isPodReady, controllerRef } from '../controllers/util';
import { endpointCandidates, findPort } from '../controllers/endpoints';

export interface ObjectRef { kind: string; namespace?: string; name: string }

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function explain(cluster: Cluster, ref: ObjectRef): string {
  const ns = ref.namespace ?? 'default';
  const store = cluster.store;
  const obj = store.get(ref.kind, ns, ref.name);
  if (!obj) return `${ref.kind} ${ref.name} does not exist in namespace ${ns}.`;
  switch (ref.kind) {
    case 'Pod': return explainPod(cluster, obj as Pod);
    case 'Service': return explainService(cluster, obj as Service);
    case 'Deployment': return explainDeployment(cluster, obj as Deployment);
    case 'ReplicaSet': return explainReplicaSet(obj as ReplicaSet);
    case 'Endpoints':
    case 'EndpointSlice': {
      const svcName = ref.kind === 'EndpointSlice' ? (obj as EndpointSlice).metadata.labels?.['kubernetes.io/service-name'] ?? ref.name : ref.name;
      const svc = store.get<Service>('Service', ns, svcName);
      return svc ? explainService(cluster, svc) : `${ref.kind} ${ref.name} belongs to no Service.`;
    }
    case 'Secret': {
      const users = store.list<Pod>('Pod', { namespace: ns }).filter((p) => p.spec.containers.some((c) => (c.envFrom ?? []).some((e) => e.secretRef?.name === ref.name) || (c.env ?? []).some((e) => e.valueFrom?.secretKeyRef?.name === ref.name)));
      return `Secret ${ref.name} holds ${plural(Object.keys((obj as { data?: Record<string, string> }).data ?? {}).length, 'key')} and is used by ${plural(users.length, 'pod')}; pods read it only when a container starts.`;
    }
    default:
      return `${ref.kind} ${ref.name} exists.`;
  }
}

function explainPod(cluster: Cluster, p: Pod): string {
  const name = p.metadata.name ?? '';
  if (p.metadata.deletionTimestamp) {
    return `Pod is Terminating: it was deleted and its containers got SIGTERM; it goes away when they exit or after the ${p.spec.terminationGracePeriodSeconds ?? 30}s grace period.`;
  }
  if (!p.spec.nodeName) {
    const cond = p.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const req = podRequests(p);
    const u = cluster.scheduler.nodeUsage();
    const freeCpu = ALLOCATABLE_MILLICPU - u.cpu;
    const freeMem = ALLOCATABLE_MEMORY_BYTES - u.memory;
    if (cond?.status === 'False') {
      const parts: string[] = [];
      if (req.cpu > freeCpu) parts.push(`it requests ${formatMilliCpu(req.cpu)} CPU but the node has ${formatMilliCpu(Math.max(0, freeCpu))} left of ${formatMilliCpu(ALLOCATABLE_MILLICPU)} after system and other pods`);
      if (req.memory > freeMem) parts.push(`it requests ${formatBytes(req.memory)} memory but the node has ${formatBytes(Math.max(0, freeMem))} left`);
      if (parts.length === 0) parts.push(cond.message ?? 'the scheduler found no node for it');
      return `Pod is Pending: 0/1 nodes can take it — ${parts.join('; ')}.`;
    }
    return 'Pod is Pending: it is waiting for the scheduler to pick a node.';
  }
  const st = p.status?.containerStatuses ?? [];
  for (const s of st) {
    const spec = p.spec.containers.find((c) => c.name === s.name);
    const w = s.state?.waiting;
    const image = spec?.image ?? '';
    if (w?.reason === 'ErrImagePull' || w?.reason === 'ImagePullBackOff') {
      const local = cluster.images.has(image);
      const policy = spec?.imagePullPolicy ?? 'IfNotPresent';
      const why = local && policy === 'Always'
        ? `the image is on the node, but imagePullPolicy ${policy} makes the kubelet pull it from the registry, which does not have it`
        : `the node does not have "${image}" and the registry refuses to serve it (load it with \`minikube image load ${image}\`, or fix the name)`;
      return `Pod is ${w.reason}: ${why}; the kubelet retries with a back-off that doubles up to 5 minutes.`;
    }
    if (w?.reason === 'ErrImageNeverPull') return `Pod is ErrImageNeverPull: imagePullPolicy is Never and the node has no image "${image}"; load it with \`minikube image load ${image}\`.`;
    if (w?.reason === 'InvalidImageName') return `Pod is InvalidImageName: "${image}" is not a valid image reference (${w.message ?? 'invalid reference format'}).`;
    if (w?.reason === 'CreateContainerConfigError') return `Pod is CreateContainerConfigError: ${w.message ?? 'the container configuration is incomplete'}; the kubelet retries every 10-15 s and starts the container once it exists.`;
    if (w?.reason === 'CrashLoopBackOff') {
      const t = s.lastState?.terminated;
      const exit = t ? (t.reason === 'OOMKilled' ? 'was OOMKilled (it used more memory than its limit)' : `exited with code ${t.exitCode}`) : 'keeps exiting';
      const tail = lastLog(cluster, p, s.name);
      return `Pod is CrashLoopBackOff: container ${s.name} ${exit}${tail ? ` after logging "${tail}"` : ''}; restarted ${plural(s.restartCount, 'time')}, the kubelet waits longer between restarts (10s doubling to 5m).`;
    }
    if (w?.reason === 'ContainerCreating') return `Pod is ContainerCreating: the kubelet is ${cluster.images.has(image) ? 'starting' : 'pulling the image for'} container ${s.name}.`;
    const term = s.state?.terminated;
    if (term) return `Pod's container ${s.name} ${term.reason === 'OOMKilled' ? 'was OOMKilled: it used more memory than its limit' : `exited with code ${term.exitCode} (${term.reason ?? 'Error'})`}.`;
    if (s.state?.running && !s.ready) {
      const ev = cluster.eventsFor('Pod', p.metadata.namespace ?? 'default', name).filter((e) => e.reason === 'Unhealthy' && e.message?.startsWith('Readiness')).pop();
      if (spec?.readinessProbe) return `Pod is Running but not Ready: the readiness probe ${ev ? `fails (${ev.message!.replace(/^Readiness probe failed: /, '')})` : 'has not succeeded yet'}, so Services send it no traffic.`;
      return `Pod is Running but not Ready: container ${s.name} is still starting.`;
    }
  }
  if (p.status?.phase === 'Running' && isPodReady(p)) {
    const restarts = st.reduce((n, s) => n + s.restartCount, 0);
    return `Pod is Running and Ready at ${p.status.podIP ?? '?'}${restarts ? `, after ${plural(restarts, 'restart')}` : ''}${controllerRef(p) ? `; it belongs to ReplicaSet ${controllerRef(p)!.name}` : ''}.`;
  }
  if (p.status?.phase === 'Succeeded') return 'Pod Succeeded: all containers exited with code 0 and restartPolicy does not restart them.';
  if (p.status?.phase === 'Failed') return 'Pod Failed: a container exited with an error and restartPolicy does not restart it.';
  return `Pod is ${podStatusWord(p)}: the kubelet is setting up its sandbox and containers.`;
}

function lastLog(cluster: Cluster, p: Pod, container: string): string | undefined {
  const r = cluster.logs(p.metadata.namespace ?? 'default', p.metadata.name ?? '', { container, previous: true });
  if ('error' in r) return undefined;
  const l = r.lines[r.lines.length - 1]?.text;
  if (!l) return undefined;
  try {
    const j = JSON.parse(l) as { msg?: string };
    if (j.msg) return j.msg;
  } catch { /* plain text */ }
  return l.length > 120 ? l.slice(0, 117) + '...' : l;
}

function explainService(cluster: Cluster, svc: Service): string {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return `Service ${name} has no selector, so its endpoints are whatever you put in Endpoints ${name}.`;
  const pods = cluster.store.list<Pod>('Pod', { namespace: ns }).filter((p) => !cluster.isSystemPod(p));
  const sp = svc.spec.ports?.[0];
  const cands = endpointCandidates(svc, pods).filter((p) => !sp || findPort(p, sp) !== undefined);
  const ready = cands.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp);
  const tunnel = svc.spec.type === 'LoadBalancer'
    ? (cluster.tunnelOpen ? `; minikube tunnel gives it EXTERNAL-IP ${svc.spec.clusterIP}` : '; its EXTERNAL-IP stays <pending> until `minikube tunnel` runs')
    : '';
  if (ready.length === 0) return `Service has no ${cands.length ? 'ready ' : ''}endpoints: ${noEndpointsReason(svc, sp, pods)}${tunnel}.`;
  const tp = sp ? sp.targetPort ?? sp.port : undefined;
  const listening = ready.filter((p) => {
    const port = sp ? findPort(p, sp) : undefined;
    return port !== undefined && cluster.kubelet.lookupIP(p.status!.podIP!)?.listening(port);
  });
  if (sp && listening.length === 0) {
    const declared = [...new Set(ready.flatMap((p) => p.spec.containers.flatMap((c) => (c.ports ?? []).map((x) => x.containerPort))))];
    return `Service ${name} sends port ${sp.port} to targetPort ${tp} on ${plural(ready.length, 'ready pod')}, but nothing listens there${declared.length ? ` (the containers use ${declared.join(', ')})` : ''}, so connections are refused${tunnel}.`;
  }
  return `Service ${name} (${svc.spec.type ?? 'ClusterIP'}) selects ${formatLabels(svc.spec.selector)} and load-balances port ${sp?.port} to targetPort ${tp} over ${plural(ready.length, 'ready pod')}${tunnel}.`;
}

function explainDeployment(cluster: Cluster, d: Deployment): string {
  const ns = d.metadata.namespace ?? 'default';
  const want = d.spec.replicas ?? 1;
  const s = d.status ?? {};
  const prog = s.conditions?.find((c) => c.type === 'Progressing');
  const rss = cluster.store.list<ReplicaSet>('ReplicaSet', { namespace: ns }).filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
  const pods = cluster.store.list<Pod>('Pod', { namespace: ns }).filter((p) => rss.some((rs) => controllerRef(p)?.uid === rs.metadata.uid));
  const sample = pods.find((p) => !isPodReady(p) && !p.metadata.deletionTimestamp);
  const why = sample ? ` — ${explainPod(cluster, sample).replace(/^Pod /, `pod ${sample.metadata.name} `)}` : '';
  if (d.spec.paused) return `Deployment is paused: template changes are not rolled out until \`kubectl rollout resume\`; ${s.availableReplicas ?? 0}/${want} available.`;
  if (prog?.reason === 'ProgressDeadlineExceeded') return `Deployment's rollout is stuck: no progress for ${d.spec.progressDeadlineSeconds ?? 600}s (ProgressDeadlineExceeded); ${s.availableReplicas ?? 0}/${want} available${why}.`;
  if ((s.availableReplicas ?? 0) >= want && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want) return `Deployment is available: ${want}/${want} pods of ReplicaSet ${rss.find((r) => (r.spec.replicas ?? 0) > 0)?.metadata.name ?? ''} are ready (selector ${formatLabelSelector(d.spec.selector)}).`;
  return `Deployment is rolling out: ${s.updatedReplicas ?? 0} of ${want} pods updated, ${s.availableReplicas ?? 0} available${why}.`;
}

function explainReplicaSet(rs: ReplicaSet): string {
  const want = rs.spec.replicas ?? 1;
  const have = rs.status?.replicas ?? 0;
  const ready = rs.status?.readyReplicas ?? 0;
  if (want === 0) return `ReplicaSet ${rs.metadata.name} is scaled to 0: it is kept as rollout history (revision ${rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '?'}).`;
  return `ReplicaSet ${rs.metadata.name} wants ${want}, has ${have}, ${ready} ready.`;
}
