// kubectl describe: the layouts of kubectl/pkg/describe/describe.go (kubectl-layouts.md §0.1, §1, §2). Each
// describer writes `Label:\tvalue` lines through one Go-tabwriter pass (minwidth 0, padding 2), so the value
// column moves exactly where the real one does (after `IPs:`, `Containers:` …).
import type { ContainerState, KObject, Pod, Deployment, ReplicaSet, Service, Secret, ConfigMap, Container, Probe, KEvent, EndpointSlice, Condition, Node } from '../api/types';
import { resolveResourceType, qualifiedPlural } from '../api/registry';
import type { ProgramResult } from '../shell/types';
import type { Kctx } from './kubectl';
import { tabwrite, DESCRIBE_TABS } from './tabwriter';
import { rfc1123z } from '../shell/time';
import { humanDuration } from './duration';
import { selectorText } from './printers';
import { parseTargets, nsFor, ENDPOINTS_WARNING } from './get';
import { base64Decode } from '../api/base64';
import { utf8Bytes } from '../api/base64';

type W = string[];
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function since(ts: string | undefined | null, nowMs: number): string {
  if (!ts) return '<unknown>';
  return humanDuration((nowMs - Date.parse(ts)) / 1000);
}

function multiline(w: W, label: string, entries: string[], indent = ''): void {
  if (entries.length === 0) { w.push(`${indent}${label}:\t<none>`); return; }
  entries.forEach((e, i) => w.push(i === 0 ? `${indent}${label}:\t${e}` : `\t${e}`));
}

function labelLines(labels: Record<string, string> | undefined): string[] {
  return Object.keys(labels ?? {}).sort().map((k) => `${k}=${labels![k]}`);
}
function annotationLines(ann: Record<string, string> | undefined): string[] {
  return Object.keys(ann ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort().map((k) => `${k}: ${ann![k]}`);
}

/** Events about an object, oldest last-seen first (DescribeEvents). */
export function objectEvents(k: Kctx, o: KObject): KEvent[] {
  // searchEvents: the object's namespace (all namespaces for a cluster-scoped object), matched on kind, name and uid;
  // describe node searches twice, with the node's uid and with its name as uid (the kubelet's node reference), and
  // merges — each event once
  const store = k.world.cluster!.store;
  const evs = (o.metadata.namespace ? store.list<KEvent>('Event', { namespace: o.metadata.namespace }) : store.list<KEvent>('Event', {}))
    .filter((e) => e.involvedObject.kind === o.kind && e.involvedObject.name === o.metadata.name
      && (!e.involvedObject.uid || !o.metadata.uid || e.involvedObject.uid === o.metadata.uid || (o.kind === 'Node' && e.involvedObject.uid === o.metadata.name)));
  const key = (e: KEvent) => (e.lastTimestamp ? Date.parse(e.lastTimestamp) : 0);
  return evs.sort((a, b) => key(a) - key(b));
}

function describeEvents(k: Kctx, w: W, o: KObject): void {
  const evs = objectEvents(k, o);
  if (evs.length === 0) { w.push('Events:\t<none>'); return; }
  w.push('Events:');
  w.push('  Type\tReason\tAge\tFrom\tMessage');
  w.push('  ----\t------\t----\t----\t-------');
  const now = k.world.nowMs;
  for (const e of evs) {
    const first = e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;
    const ageText = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${since(first, now)})` : since(first, now);
    w.push(`  ${e.type ?? 'Normal'}\t${e.reason ?? ''}\t${ageText}\t${e.source?.component || e.reportingComponent || ''}\t${(e.message ?? '').trim()}`);
  }
}

function suffixFrom(uid: string | undefined): string {
  let h = 2166136261;
  for (const c of uid ?? 'x') { h ^= c.charCodeAt(0); h = Math.imul(h, 16777619) >>> 0; }
  let s = '';
  for (let i = 0; i < 5; i++) { s += SAFE[h % 27]; h = Math.floor(h / 27) + i * 7919; }
  return s;
}

function probeText(p: Probe): string {
  const d = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.httpGet) return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? '/'} ${d}`;
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${d}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${d}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${d}`;
  return `unknown ${d}`;
}

function quantities(w: W, label: string, m: Record<string, string | number> | undefined, indent: string): void {
  if (!m || Object.keys(m).length === 0) return;
  w.push(`${indent}${label}:`);
  for (const key of Object.keys(m).sort()) w.push(`${indent}  ${key}:\t${m[key]}`);
}

/** describeContainers, for a pod (statuses given) or a template (statuses undefined). */
function containersBlock(w: W, containers: Container[], statuses: Pod['status'] | undefined, space: string, podLike: boolean, mounts?: string[]): void {
  w.push(`${space}Containers:`);
  for (const c of containers) {
    const st = statuses?.containerStatuses?.find((s) => s.name === c.name);
    w.push(`${space}${space ? ' ' : '  '}${c.name}:`);
    const ind = '    ';
    if (st) w.push(`${ind}Container ID:\t${st.containerID ?? ''}`);
    w.push(`${ind}Image:\t${c.image ?? ''}`);
    if (st) w.push(`${ind}Image ID:\t${st.imageID ?? ''}`);
    const ports = c.ports ?? [];
    const portText = (p: { containerPort: number; protocol?: string; name?: string }) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`;
    const hostText = (p: { hostPort?: number; protocol?: string; name?: string }) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`;
    if (ports.length === 0) { w.push(`${ind}Port:\t<none>`); w.push(`${ind}Host Port:\t<none>`); }
    else if (ports.length === 1) { w.push(`${ind}Port:\t${portText(ports[0]!)}`); w.push(`${ind}Host Port:\t${hostText(ports[0]!)}`); }
    else { w.push(`${ind}Ports:\t${ports.map(portText).join(', ')}`); w.push(`${ind}Host Ports:\t${ports.map(hostText).join(', ')}`); }
    if (c.command?.length) { w.push(`${ind}Command:`); for (const x of c.command) w.push(`${ind}  ${x}`); }
    if (c.args?.length) { w.push(`${ind}Args:`); for (const x of c.args) w.push(`${ind}  ${x}`); }
    if (st) {
      stateBlock(w, 'State', st.state, ind);
      if (st.lastState && (st.lastState.terminated || st.lastState.running || st.lastState.waiting)) stateBlock(w, 'Last State', st.lastState, ind);
      w.push(`${ind}Ready:\t${st.ready ? 'True' : 'False'}`);
      w.push(`${ind}Restart Count:\t${st.restartCount}`);
    }
    quantities(w, 'Limits', c.resources?.limits, ind);
    quantities(w, 'Requests', c.resources?.requests, ind);
    if (c.livenessProbe) w.push(`${ind}Liveness:\t${probeText(c.livenessProbe)}`);
    if (c.readinessProbe) w.push(`${ind}Readiness:\t${probeText(c.readinessProbe)}`);
    if (c.startupProbe) w.push(`${ind}Startup:\t${probeText(c.startupProbe)}`);
    if (c.envFrom?.length) {
      w.push(`${ind}Environment Variables from:`);
      for (const ef of c.envFrom) {
        const src = ef.secretRef ? { name: ef.secretRef.name ?? '', kind: 'Secret', optional: ef.secretRef.optional ?? false } : { name: ef.configMapRef?.name ?? '', kind: 'ConfigMap', optional: ef.configMapRef?.optional ?? false };
        w.push(`${ind}  ${src.name}\t${src.kind}${ef.prefix ? ` with prefix '${ef.prefix}'` : ''}\tOptional: ${src.optional}`);
      }
    }
    if (!c.env?.length) w.push(`${ind}Environment:\t<none>`);
    else {
      w.push(`${ind}Environment:`);
      for (const e of c.env) {
        if (e.valueFrom?.secretKeyRef) w.push(`${ind}  ${e.name}:\t<set to the key '${e.valueFrom.secretKeyRef.key}' in secret '${e.valueFrom.secretKeyRef.name ?? ''}'>\tOptional: ${e.valueFrom.secretKeyRef.optional ?? false}`);
        else if (e.valueFrom?.configMapKeyRef) w.push(`${ind}  ${e.name}:\t<set to the key '${e.valueFrom.configMapKeyRef.key}' of config map '${e.valueFrom.configMapKeyRef.name ?? ''}'>\tOptional: ${e.valueFrom.configMapKeyRef.optional ?? false}`);
        else if (e.valueFrom?.fieldRef) w.push(`${ind}  ${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})`);
        else w.push(`${ind}  ${e.name}:\t${e.value ?? ''}`);
      }
    }
    const ms = [...(c.volumeMounts ?? []).map((m) => `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`), ...(podLike ? mounts ?? [] : [])];
    if (ms.length === 0) w.push(`${ind}Mounts:\t<none>`);
    else { w.push(`${ind}Mounts:`); for (const m of ms) w.push(`${ind}  ${m}`); }
  }
}

function stateBlock(w: W, label: string, s: ContainerState | undefined, ind: string): void {
  if (s?.running) { w.push(`${ind}${label}:\tRunning`); w.push(`${ind}  Started:\t${s.running.startedAt ? rfc1123z(Date.parse(s.running.startedAt)) : ''}`); return; }
  if (s?.waiting) { w.push(`${ind}${label}:\tWaiting`); if (s.waiting.reason) w.push(`${ind}  Reason:\t${s.waiting.reason}`); return; }
  if (s?.terminated) {
    const t = s.terminated;
    w.push(`${ind}${label}:\tTerminated`);
    if (t.reason) w.push(`${ind}  Reason:\t${t.reason}`);
    if (t.message) w.push(`${ind}  Message:\t${t.message}`);
    w.push(`${ind}  Exit Code:\t${t.exitCode}`);
    if (t.signal) w.push(`${ind}  Signal:\t${t.signal}`);
    w.push(`${ind}  Started:\t${t.startedAt ? rfc1123z(Date.parse(t.startedAt)) : ''}`);
    w.push(`${ind}  Finished:\t${t.finishedAt ? rfc1123z(Date.parse(t.finishedAt)) : ''}`);
    return;
  }
  w.push(`${ind}${label}:\tWaiting`);
}

function describePod(k: Kctx, p: Pod): string {
  const w: W = [];
  const st = p.status ?? {};
  w.push(`Name:\t${p.metadata.name}`);
  w.push(`Namespace:\t${p.metadata.namespace}`);
  w.push(`Priority:\t${p.spec.priority ?? 0}`);
  w.push(`Service Account:\t${p.spec.serviceAccountName ?? 'default'}`);
  w.push(`Node:\t${p.spec.nodeName ? `${p.spec.nodeName}/${st.hostIP ?? ''}` : '<none>'}`);
  if (st.startTime) w.push(`Start Time:\t${rfc1123z(Date.parse(st.startTime))}`);
  multiline(w, 'Labels', labelLines(p.metadata.labels));
  multiline(w, 'Annotations', annotationLines(p.metadata.annotations));
  if (p.metadata.deletionTimestamp) {
    const left = Math.max(0, (Date.parse(p.metadata.deletionTimestamp) - k.world.nowMs) / 1000);
    w.push(`Status:\tTerminating (lasts ${humanDuration(left)})`);
    w.push(`Termination Grace Period:\t${p.metadata.deletionGracePeriodSeconds ?? p.spec.terminationGracePeriodSeconds ?? 30}s`);
  } else w.push(`Status:\t${st.phase ?? 'Pending'}`);
  if (st.reason) w.push(`Reason:\t${st.reason}`);
  if (st.message) w.push(`Message:\t${st.message}`);
  w.push(`IP:\t${st.podIP ?? ''}`);
  const ips = st.podIPs?.length ? st.podIPs.map((x) => x.ip) : st.podIP ? [st.podIP] : [];
  if (ips.length === 0) w.push('IPs:\t<none>');
  else { w.push('IPs:'); for (const ip of ips) w.push(`  IP:\t${ip}`); }
  const owner = (p.metadata.ownerReferences ?? []).find((o) => o.controller);
  if (owner) w.push(`Controlled By:\t${owner.kind}/${owner.name}`);
  const volName = (p.spec.volumes ?? []).find((v) => v.name.startsWith('kube-api-access-'))?.name ?? `kube-api-access-${suffixFrom(p.metadata.uid)}`;
  const hasSaMount = p.spec.containers.some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === '/var/run/secrets/kubernetes.io/serviceaccount'));
  containersBlock(w, p.spec.containers, st.containerStatuses ? st : undefined, '', true, hasSaMount ? [] : [`/var/run/secrets/kubernetes.io/serviceaccount from ${volName} (ro)`]);
  // Conditions rows end in one space: "%v \t%v \n" in describePod
  const conds = st.conditions ?? [];
  if (conds.length) {
    w.push('Conditions:');
    w.push('  Type\tStatus');
    for (const c of conds) w.push(`  ${c.type} \t${c.status} `);
  }
  w.push('Volumes:');
  const vols = [...(p.spec.volumes ?? [])];
  if (!vols.some((v) => v.name === volName)) vols.push({ name: volName });
  for (const v of vols) {
    w.push(`  ${v.name}:`);
    if (v.name.startsWith('kube-api-access-') && !v.secret && !v.configMap && !v.emptyDir) {
      w.push('    Type:\tProjected (a volume that contains injected data from multiple sources)');
      w.push('    TokenExpirationSeconds:\t3607');
      w.push('    ConfigMapName:\tkube-root-ca.crt');
      w.push('    Optional:\tfalse');
      w.push('    DownwardAPI:\ttrue');
    } else if (v.secret) { w.push('    Type:\tSecret (a volume populated by a Secret)'); w.push(`    SecretName:\t${v.secret.secretName ?? ''}`); w.push(`    Optional:\t${v.secret.optional ?? false}`); }
    else if (v.configMap) { w.push('    Type:\tConfigMap (a volume populated by a ConfigMap)'); w.push(`    Name:\t${v.configMap.name ?? ''}`); w.push(`    Optional:\t${v.configMap.optional ?? false}`); }
    else if (v.emptyDir) { w.push('    Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)'); w.push(`    Medium:\t${v.emptyDir.medium ?? ''}`); w.push(`    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}`); }
  }
  w.push(`QoS Class:\t${st.qosClass ?? 'BestEffort'}`);
  const nsel = Object.keys(p.spec.nodeSelector ?? {}).sort().map((x) => `${x}=${p.spec.nodeSelector![x]}`);
  w.push(`Node-Selectors:\t${nsel.length ? nsel.join('\n\t') : '<none>'}`);
  const tol = p.spec.tolerations?.length ? p.spec.tolerations : [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];
  multiline(w, 'Tolerations', tol.map((t) => `${t.key ?? ''}${t.value ? '=' + t.value : ''}${t.effect ? ':' + t.effect : ''}${t.operator === 'Exists' ? ' op=Exists' : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`));
  describeEvents(k, w, p);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

function templateBlock(w: W, tpl: Deployment['spec']['template']): void {
  w.push('Pod Template:');
  multiline(w, 'Labels', labelLines(tpl.metadata?.labels), '  ');
  const ann = annotationLines(tpl.metadata?.annotations);
  if (ann.length) multiline(w, 'Annotations', ann, '  ');
  if (tpl.spec.serviceAccountName) w.push(`  Service Account:\t${tpl.spec.serviceAccountName}`);
  containersBlock(w, tpl.spec.containers, undefined, '  ', false);
  const vols = tpl.spec.volumes ?? [];
  if (vols.length === 0) w.push('  Volumes:\t<none>');
  else { w.push('  Volumes:'); for (const v of vols) w.push(`   ${v.name}:`); }
  const nsel = Object.keys(tpl.spec.nodeSelector ?? {}).sort().map((x) => `${x}=${tpl.spec.nodeSelector![x]}`);
  w.push(`  Node-Selectors:\t${nsel.length ? nsel.join(',') : '<none>'}`);
  w.push(`  Tolerations:\t${tpl.spec.tolerations?.length ? tpl.spec.tolerations.map((t) => `${t.key}:${t.effect}`).join(', ') : '<none>'}`);
}

function describeDeployment(k: Kctx, d: Deployment): string {
  const w: W = [];
  const st = d.status ?? {};
  w.push(`Name:\t${d.metadata.name}`);
  w.push(`Namespace:\t${d.metadata.namespace}`);
  w.push(`CreationTimestamp:\t${rfc1123z(Date.parse(d.metadata.creationTimestamp ?? ''))}`);
  multiline(w, 'Labels', labelLines(d.metadata.labels));
  multiline(w, 'Annotations', annotationLines(d.metadata.annotations));
  w.push(`Selector:\t${selectorText(d.spec.selector)}`);
  w.push(`Replicas:\t${d.spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable`);
  w.push(`StrategyType:\t${d.spec.strategy?.type ?? 'RollingUpdate'}`);
  w.push(`MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}`);
  if ((d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru = d.spec.strategy?.rollingUpdate ?? {};
    w.push(`RollingUpdateStrategy:\t${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge`);
  }
  templateBlock(w, d.spec.template);
  const conds = st.conditions ?? [];
  if (conds.length) {
    w.push('Conditions:');
    w.push('  Type\tStatus\tReason');
    w.push('  ----\t------\t------');
    for (const c of conds) w.push(`  ${c.type} \t${c.status}\t${c.reason ?? ''}`);
  }
  const rss = k.world.cluster!.store.list<ReplicaSet>('ReplicaSet', { namespace: d.metadata.namespace ?? 'default' })
    .filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid));
  const newRs = newReplicaSet(d, rss);
  const old = rss.filter((r) => r !== newRs).sort((a, b) => Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''));
  const fmt = (r: ReplicaSet) => `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec.replicas ?? 0} replicas created)`;
  w.push(`OldReplicaSets:\t${old.length ? old.map(fmt).join(', ') : '<none>'}`);
  w.push(`NewReplicaSet:\t${newRs ? fmt(newRs) : '<none>'}`);
  describeEvents(k, w, d);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

/** The ReplicaSet whose template equals the Deployment's (ignoring pod-template-hash). */
export function newReplicaSet(d: Deployment, rss: ReplicaSet[]): ReplicaSet | undefined {
  const norm = (t: unknown) => JSON.stringify(t, (key, v) => (key === 'pod-template-hash' ? undefined : v));
  const want = norm(d.spec.template);
  return rss.find((r) => norm(r.spec.template) === want)
    ?? [...rss].sort((a, b) => Number(b.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) - Number(a.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0))[0];
}

/** The head that describe prints for objects a controller owns and that select pods (ReplicaSet, Job):
 *  Name, Namespace, Selector, Labels, Annotations, and Controlled By when a controller owns it. */
function controlledHeader(w: W, o: KObject, selector: Parameters<typeof selectorText>[0]): void {
  w.push(`Name:\t${o.metadata.name}`);
  w.push(`Namespace:\t${o.metadata.namespace}`);
  w.push(`Selector:\t${selectorText(selector)}`);
  multiline(w, 'Labels', labelLines(o.metadata.labels));
  multiline(w, 'Annotations', annotationLines(o.metadata.annotations));
  const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (owner) w.push(`Controlled By:\t${owner.kind}/${owner.name}`);
}

function describeReplicaSet(k: Kctx, r: ReplicaSet): string {
  const w: W = [];
  controlledHeader(w, r, r.spec.selector);
  w.push(`Replicas:\t${r.status?.replicas ?? 0} current / ${r.spec.replicas ?? 0} desired`);
  const pods = k.world.cluster!.store.list<Pod>('Pod', { namespace: r.metadata.namespace ?? 'default' })
    .filter((p) => (p.metadata.ownerReferences ?? []).some((o) => o.uid === r.metadata.uid));
  const n = (ph: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === ph).length;
  w.push(`Pods Status:\t${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`);
  if (r.spec.template) templateBlock(w, r.spec.template);
  describeEvents(k, w, r);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

function describeService(k: Kctx, s: Service): string {
  const w: W = [];
  w.push(`Name:\t${s.metadata.name}`);
  w.push(`Namespace:\t${s.metadata.namespace}`);
  multiline(w, 'Labels', labelLines(s.metadata.labels));
  multiline(w, 'Annotations', annotationLines(s.metadata.annotations));
  const sel = s.spec.selector ?? {};
  w.push(`Selector:\t${Object.keys(sel).length ? Object.keys(sel).sort().map((x) => `${x}=${sel[x]}`).join(',') : '<none>'}`);
  const type = s.spec.type ?? 'ClusterIP';
  w.push(`Type:\t${type}`);
  w.push(`IP Family Policy:\t${s.spec.ipFamilyPolicy ?? 'SingleStack'}`);
  w.push(`IP Families:\t${(s.spec.ipFamilies ?? ['IPv4']).join(',')}`);
  w.push(`IP:\t${s.spec.clusterIP ?? ''}`);
  w.push(`IPs:\t${(s.spec.clusterIPs ?? (s.spec.clusterIP ? [s.spec.clusterIP] : [])).join(',')}`);
  const ing = s.status?.loadBalancer?.ingress ?? [];
  if (ing.length) w.push(`LoadBalancer Ingress:\t${ing.map((i) => `${i.ip ?? i.hostname ?? ''}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}`);
  const slices = k.world.cluster!.store.list<EndpointSlice>('EndpointSlice', { namespace: s.metadata.namespace ?? 'default' })
    .filter((sl) => sl.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name);
  for (const p of s.spec.ports ?? []) {
    w.push(`Port:\t${p.name || '<unset>'}  ${p.port}/${p.protocol ?? 'TCP'}`);
    w.push(`TargetPort:\t${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`);
    if (p.nodePort && (type === 'NodePort' || type === 'LoadBalancer')) w.push(`NodePort:\t${p.name || '<unset>'}  ${p.nodePort}/${p.protocol ?? 'TCP'}`);
    let eps: string;
    if (slices.length === 0) eps = '<none>';
    else {
      const list: string[] = [];
      for (const sl of slices) {
        const sp = (sl.ports ?? []).find((x) => (x.name ?? '') === (p.name ?? ''));
        if (!sp) continue;
        for (const e of sl.endpoints ?? []) if (e.conditions?.ready !== false) for (const a of e.addresses) list.push(`${a}:${sp.port}`);
      }
      eps = list.join(',');
    }
    w.push(`Endpoints:\t${eps}`);
  }
  w.push(`Session Affinity:\t${s.spec.sessionAffinity ?? 'None'}`);
  if (type === 'NodePort' || type === 'LoadBalancer') w.push(`External Traffic Policy:\t${s.spec.externalTrafficPolicy ?? 'Cluster'}`);
  w.push(`Internal Traffic Policy:\t${s.spec.internalTrafficPolicy ?? 'Cluster'}`);
  describeEvents(k, w, s);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

function describeSecret(_k: Kctx, s: Secret): string {
  const w: W = [];
  w.push(`Name:\t${s.metadata.name}`);
  w.push(`Namespace:\t${s.metadata.namespace}`);
  multiline(w, 'Labels', labelLines(s.metadata.labels));
  multiline(w, 'Annotations', annotationLines(s.metadata.annotations));
  w.push('');
  w.push(`Type:\t${s.type ?? 'Opaque'}`);
  w.push('');
  w.push('Data');
  w.push('====');
  for (const key of Object.keys(s.data ?? {}).sort()) {
    const decoded = base64Decode(s.data![key]!);
    w.push(`${key}:\t${decoded === undefined ? 0 : utf8Bytes(decoded).length} bytes`);
  }
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

function describeConfigMap(k: Kctx, c: ConfigMap): string {
  const w: W = [];
  w.push(`Name:\t${c.metadata.name}`);
  w.push(`Namespace:\t${c.metadata.namespace}`);
  multiline(w, 'Labels', labelLines(c.metadata.labels));
  multiline(w, 'Annotations', annotationLines(c.metadata.annotations));
  w.push('');
  w.push('Data');
  w.push('====');
  for (const key of Object.keys(c.data ?? {}).sort()) { w.push(`${key}:`); w.push('----'); w.push(c.data![key]!); w.push(''); }
  w.push('');
  w.push('BinaryData');
  w.push('====');
  w.push('');
  describeEvents(k, w, c);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

function describeNode(k: Kctx, n: Node): string {
  const w: W = [];
  const st = n.status ?? {};
  w.push(`Name:\t${n.metadata.name}`);
  const roles = Object.keys(n.metadata.labels ?? {}).filter((x) => x.startsWith('node-role.kubernetes.io/')).map((x) => x.slice(24));
  w.push(`Roles:\t${roles.length ? roles.join(',') : '<none>'}`);
  multiline(w, 'Labels', labelLines(n.metadata.labels));
  multiline(w, 'Annotations', annotationLines(n.metadata.annotations));
  w.push(`CreationTimestamp:\t${rfc1123z(Date.parse(n.metadata.creationTimestamp ?? ''))}`);
  const taints = n.spec?.taints ?? [];
  multiline(w, 'Taints', taints.map((t) => `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`));
  w.push(`Unschedulable:\t${n.spec?.unschedulable ?? false}`);
  w.push('Lease:');
  w.push(`  HolderIdentity:\t${n.metadata.name}`);
  w.push('  AcquireTime:\t<unset>');
  w.push(`  RenewTime:\t${rfc1123z(k.world.nowMs - 5000)}`);
  w.push('Conditions:');
  w.push('  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
  w.push('  ----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of (st.conditions ?? []) as Condition[]) {
    w.push(`  ${c.type}\t${c.status}\t${rfc1123z(k.world.nowMs - 20000)}\t${c.lastTransitionTime ? rfc1123z(Date.parse(c.lastTransitionTime)) : ''}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  }
  w.push('Addresses:');
  for (const a of st.addresses ?? []) w.push(`  ${a.type}:\t${a.address}`);
  for (const [label, m] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    w.push(`${label}:`);
    for (const key of Object.keys(m ?? {}).sort()) w.push(`  ${key}:\t${m![key]}`);
  }
  w.push('System Info:');
  const ni = st.nodeInfo ?? {};
  const info: Array<[string, string]> = [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion']];
  for (const [l, key] of info) w.push(`  ${l}:\t${ni[key] ?? ''}`);
  if (n.spec?.podCIDR) { w.push(`PodCIDR:\t${n.spec.podCIDR}`); w.push(`PodCIDRs:\t${(n.spec.podCIDRs ?? [n.spec.podCIDR]).join(',')}`); }
  const pods = k.world.cluster!.store.list<Pod>('Pod', {}).filter((p) => p.spec.nodeName === n.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const alloc = st.allocatable ?? {};
  const cpuAlloc = cpuMillis(alloc.cpu ?? '2');
  const memAlloc = memBytes(alloc.memory ?? '0');
  const pct = (v: number, of: number) => (of > 0 ? Math.floor((v / of) * 100) : 0);
  const sum = (p: Pod, kind: 'requests' | 'limits', res: 'cpu' | 'memory') => p.spec.containers.reduce((acc, c) => acc + (res === 'cpu' ? cpuMillis(String(c.resources?.[kind]?.cpu ?? '0')) : memBytes(String(c.resources?.[kind]?.memory ?? '0'))), 0);
  const cpuQ = (m: number) => (m === 0 ? '0' : m % 1000 === 0 ? String(m / 1000) : `${m}m`);
  const memQ = (b: number) => (b === 0 ? '0' : b % (1024 * 1024) === 0 ? `${b / 1024 / 1024}Mi` : String(b));
  w.push(`Non-terminated Pods:\t(${pods.length} in total)`);
  w.push('  Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  w.push('  ---------\t----\t------------\t----------\t---------------\t-------------\t---');
  let tot = { cr: 0, cl: 0, mr: 0, ml: 0 };
  for (const p of [...pods].sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1))) {
    const cr = sum(p, 'requests', 'cpu'), cl = sum(p, 'limits', 'cpu'), mr = sum(p, 'requests', 'memory'), ml = sum(p, 'limits', 'memory');
    tot = { cr: tot.cr + cr, cl: tot.cl + cl, mr: tot.mr + mr, ml: tot.ml + ml };
    w.push(`  ${p.metadata.namespace}\t${p.metadata.name}\t${cpuQ(cr)} (${pct(cr, cpuAlloc)}%)\t${cpuQ(cl)} (${pct(cl, cpuAlloc)}%)\t${memQ(mr)} (${pct(mr, memAlloc)}%)\t${memQ(ml)} (${pct(ml, memAlloc)}%)\t${since(p.metadata.creationTimestamp, k.world.nowMs)}`);
  }
  w.push('Allocated resources:');
  w.push('  (Total limits may be over 100 percent, i.e., overcommitted.)');
  w.push('  Resource\tRequests\tLimits');
  w.push('  --------\t--------\t------');
  w.push(`  cpu\t${cpuQ(tot.cr)} (${pct(tot.cr, cpuAlloc)}%)\t${cpuQ(tot.cl)} (${pct(tot.cl, cpuAlloc)}%)`);
  w.push(`  memory\t${memQ(tot.mr)} (${pct(tot.mr, memAlloc)}%)\t${memQ(tot.ml)} (${pct(tot.ml, memAlloc)}%)`);
  w.push('  ephemeral-storage\t0 (0%)\t0 (0%)');
  w.push('  hugepages-1Gi\t0 (0%)\t0 (0%)');
  w.push('  hugepages-2Mi\t0 (0%)\t0 (0%)');
  describeEvents(k, w, n);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

function cpuMillis(s: string): number { const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(s.trim()); return m ? (m[2] ? Number(m[1]) : Math.round(Number(m[1]) * 1000)) : 0; }
function memBytes(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(s.trim());
  if (!m) return 0;
  const mult: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(m[1]) * (mult[m[2] ?? ''] ?? 1);
}

function describeGeneric(k: Kctx, o: KObject): string {
  const w: W = [];
  w.push(`Name:\t${o.metadata.name}`);
  if (o.metadata.namespace) w.push(`Namespace:\t${o.metadata.namespace}`);
  multiline(w, 'Labels', labelLines(o.metadata.labels));
  multiline(w, 'Annotations', annotationLines(o.metadata.annotations));
  // describeNamespace: Status right after Annotations (same column block), then a blank line before each of the
  // (empty) ResourceQuota and LimitRange sections
  if (o.kind === 'Namespace') { w.push(`Status:\t${(o as { status?: { phase?: string } }).status?.phase ?? 'Active'}`); w.push(''); w.push('No resource quota.'); w.push(''); w.push('No LimitRange resource.'); return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS); }
  describeEvents(k, w, o);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

/** describeEndpoints (kubectl/pkg/describe/describe.go): one block per subset, each ended by a blank line. */
function describeEndpoints(k: Kctx, o: KObject): string {
  type Addr = { ip: string };
  type Subset = { addresses?: Addr[]; notReadyAddresses?: Addr[]; ports?: Array<{ name?: string; port: number; protocol?: string }> };
  const w: W = [];
  w.push(`Name:\t${o.metadata.name}`);
  w.push(`Namespace:\t${o.metadata.namespace}`);
  multiline(w, 'Labels', labelLines(o.metadata.labels));
  multiline(w, 'Annotations', annotationLines(o.metadata.annotations));
  w.push('Subsets:');
  for (const ss of ((o as unknown as { subsets?: Subset[] }).subsets ?? [])) {
    w.push(`  Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    w.push(`  NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    if (ss.ports?.length) {
      w.push('  Ports:');
      w.push('    Name\tPort\tProtocol');
      w.push('    ----\t----\t--------');
      for (const p of ss.ports) w.push(`    ${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}`);
    }
    w.push('');
  }
  describeEvents(k, w, o);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

/** describeJob (kubectl/pkg/describe/describe.go): optional lines only when the field is set, then the pod template. */
function describeJob(k: Kctx, o: KObject): string {
  type JobSpec = { selector?: Deployment['spec']['selector']; parallelism?: number; completions?: number; completionMode?: string; suspend?: boolean;
    backoffLimit?: number; ttlSecondsAfterFinished?: number; activeDeadlineSeconds?: number; template: Deployment['spec']['template'] };
  type JobStatus = { startTime?: string; completionTime?: string; active?: number; ready?: number; succeeded?: number; failed?: number; completedIndexes?: string };
  const j = o as unknown as KObject & { spec: JobSpec; status?: JobStatus };
  const st = j.status ?? {};
  const w: W = [];
  controlledHeader(w, o, j.spec.selector);
  if (j.spec.parallelism !== undefined) w.push(`Parallelism:\t${j.spec.parallelism}`);
  w.push(`Completions:\t${j.spec.completions ?? '<unset>'}`);
  if (j.spec.completionMode !== undefined) w.push(`Completion Mode:\t${j.spec.completionMode}`);
  if (j.spec.suspend !== undefined) w.push(`Suspend:\t${j.spec.suspend}`);
  if (j.spec.backoffLimit !== undefined) w.push(`Backoff Limit:\t${j.spec.backoffLimit}`);
  if (j.spec.ttlSecondsAfterFinished !== undefined) w.push(`TTL Seconds After Finished:\t${j.spec.ttlSecondsAfterFinished}`);
  if (st.startTime) w.push(`Start Time:\t${rfc1123z(Date.parse(st.startTime))}`);
  if (st.completionTime) w.push(`Completed At:\t${rfc1123z(Date.parse(st.completionTime))}`);
  if (st.startTime && st.completionTime) w.push(`Duration:\t${humanDuration((Date.parse(st.completionTime) - Date.parse(st.startTime)) / 1000)}`);
  if (j.spec.activeDeadlineSeconds !== undefined) w.push(`Active Deadline Seconds:\t${j.spec.activeDeadlineSeconds}s`);
  w.push(st.ready === undefined
    ? `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`
    : `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`);
  if (j.spec.completionMode === 'Indexed') w.push(`Completed Indexes:\t${st.completedIndexes || '<none>'}`);
  templateBlock(w, j.spec.template);
  describeEvents(k, w, o);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

/** describeEndpointSliceV1 (describe.go): ports table, then one `- Addresses:` block per endpoint. */
function describeEndpointSlice(k: Kctx, eps: EndpointSlice): string {
  type Ep = { addresses?: string[]; conditions?: { ready?: boolean }; hostname?: string; targetRef?: { kind?: string; name?: string }; nodeName?: string; zone?: string };
  type Port = { name?: string; port?: number; protocol?: string };
  const e = eps as unknown as KObject & { addressType?: string; ports?: Port[] | null; endpoints?: Ep[] | null };
  const w: W = [];
  w.push(`Name:\t${e.metadata.name}`);
  w.push(`Namespace:\t${e.metadata.namespace}`);
  multiline(w, 'Labels', labelLines(e.metadata.labels));
  multiline(w, 'Annotations', annotationLines(e.metadata.annotations));
  w.push(`AddressType:\t${e.addressType ?? ''}`);
  const ports = e.ports ?? [];
  if (ports.length === 0) w.push('Ports: <unset>');
  else {
    w.push('Ports:');
    w.push('  Name\tPort\tProtocol');
    w.push('  ----\t----\t--------');
    for (const p of ports) w.push(`  ${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}`);
  }
  const eps2 = e.endpoints ?? [];
  if (eps2.length === 0) w.push('Endpoints: <none>');
  else {
    w.push('Endpoints:');
    for (const ep of eps2) {
      w.push(`  - Addresses:\t${(ep.addresses ?? []).join(', ') || '<none>'}`);
      w.push('    Conditions:');
      w.push(`      Ready:\t${ep.conditions?.ready === undefined ? '<unset>' : String(ep.conditions.ready)}`);
      w.push(`    Hostname:\t${ep.hostname ?? '<unset>'}`);
      if (ep.targetRef) w.push(`    TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}`);
      w.push(`    NodeName:\t${ep.nodeName ?? '<unset>'}`);
      w.push(`    Zone:\t${ep.zone ?? '<unset>'}`);
    }
  }
  describeEvents(k, w, e);
  return tabwrite(w.join('\n') + '\n', DESCRIBE_TABS);
}

export function describeObject(k: Kctx, o: KObject): string {
  switch (o.kind) {
    case 'EndpointSlice': return describeEndpointSlice(k, o as EndpointSlice);
    case 'Job': return describeJob(k, o);
    case 'Endpoints': return describeEndpoints(k, o);
    case 'Pod': return describePod(k, o as Pod);
    case 'Deployment': return describeDeployment(k, o as Deployment);
    case 'ReplicaSet': return describeReplicaSet(k, o as ReplicaSet);
    case 'Service': return describeService(k, o as Service);
    case 'Secret': return describeSecret(k, o as Secret);
    case 'ConfigMap': return describeConfigMap(k, o as ConfigMap);
    case 'Node': return describeNode(k, o as Node);
    default: return describeGeneric(k, o);
  }
}

export function cmdDescribe(k: Kctx): ProgramResult {
  const parsed = parseTargets(k.p.args, 'describe');
  if (!parsed.ok) { k.io.err(parsed.error + '\n'); return 1; }
  // describe GETs/LISTs v1 Endpoints, so the API server's deprecation warning arrives (once: kubectl deduplicates
  // warnings) before anything is printed, as for `kubectl get endpoints` (k8s-semantics §5)
  if (parsed.targets.some((t) => t.rt.kind === 'Endpoints')) k.io.err(ENDPOINTS_WARNING);
  const store = k.world.cluster!.store;
  const allNs = k.bool('all-namespaces');
  const outs: string[] = [];
  const errs: string[] = [];
  let rc = 0;
  for (const t of parsed.targets) {
    const ns = nsFor(k, t.rt, allNs);
    let objs: KObject[];
    if (t.names.length) {
      objs = [];
      for (const n of t.names) {
        // describe matches a name prefix when there is no exact match (kubectl's behaviour)
        const exact = store.get(t.rt.kind, ns ?? k.ns, n);
        const found = exact ? [exact] : store.list(t.rt.kind, { namespace: ns ?? k.ns }).filter((o) => (o.metadata.name ?? '').startsWith(n));
        if (found.length === 0) { errs.push(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${n}" not found\n`); rc = 1; }
        objs.push(...found);
      }
    } else {
      const sel = k.flag('selector');
      objs = store.list(t.rt.kind, { ...(ns !== undefined ? { namespace: ns } : {}), ...(sel ? { labelSelector: sel } : {}) });
      if (objs.length === 0) { k.io.err(ns ? `No resources found in ${ns} namespace.\n` : 'No resources found\n'); }
    }
    for (const o of objs) outs.push(describeObject(k, o));
  }
  if (outs.length) k.io.out(outs.join('\n\n'));
  // describe.go prints what it found, then returns the aggregated errors
  for (const e of errs) k.io.err(e);
  void resolveResourceType;
  return rc;
}
