// `kubectl get` tables: the column sets of pkg/printers/internalversion/printers.go (k8s-semantics.md §6.3) and the
// STATUS rules of printPod (§1.1). Each printer returns header + cells; tabwriter.ts lays them out.
import type { KObject, Pod, Deployment, ReplicaSet, Service, Endpoints, EndpointSlice, Secret, ConfigMap, Namespace, Condition } from '../api/types';
import { humanDuration } from './duration';

export interface PrintOptions { wide: boolean; nowMs: number; showLabels: boolean; withKindPrefix?: string; allNamespaces: boolean; labelColumns?: string[] }

export interface TableDef { headers: string[]; wideHeaders?: string[]; row(o: KObject, opts: PrintOptions): string[]; wideRow?(o: KObject, opts: PrintOptions): string[] }

export function age(ts: string | undefined, nowMs: number): string {
  if (!ts) return '<unknown>';
  return humanDuration((nowMs - Date.parse(ts)) / 1000);
}

function labelsText(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

export function selectorText(sel: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> } | undefined): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) parts.push(`${k}=${sel.matchLabels![k]}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

/** printPod's STATUS, READY, RESTARTS (k8s-semantics §1.1). */
export function podStatus(p: Pod, nowMs: number): { status: string; ready: string; restarts: string } {
  const st = p.status ?? {};
  let reason = st.reason || st.phase || 'Pending';
  const total = p.spec.containers.length;
  let readyCount = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  const cs = st.containerStatuses ?? [];
  // init containers are not part of this course's objects; app containers walked last to first
  let hasRunning = false;
  for (let i = cs.length - 1; i >= 0; i--) {
    const c = cs[i]!;
    restarts += c.restartCount;
    const lt = c.lastState?.terminated?.finishedAt;
    if (lt) { const t = Date.parse(lt); if (lastRestart === undefined || t > lastRestart) lastRestart = t; }
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state?.running) { hasRunning = true; readyCount++; }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = (st.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (p.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = st.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  const restartsText = restarts > 0 && lastRestart !== undefined ? `${restarts} (${humanDuration((nowMs - lastRestart) / 1000)} ago)` : String(restarts);
  return { status: reason, ready: `${readyCount}/${total}`, restarts: restartsText };
}

function containers(spec: { containers: Array<{ name: string; image?: string }> } | undefined): [string, string] {
  const cs = spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

function svcExternalIP(s: Service, wide: boolean): string {
  const type = s.spec.type ?? 'ClusterIP';
  const ext = s.spec.externalIPs ?? [];
  const lb = (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
  let v: string;
  if (type === 'ClusterIP' || type === 'NodePort') v = ext.length ? ext.join(',') : '<none>';
  else if (type === 'LoadBalancer') {
    const all = [...lb, ...ext];
    v = all.length ? all.join(',') : '<pending>';
  } else if (type === 'ExternalName') v = s.spec.externalName ?? '';
  else v = '<unknown>';
  if (!wide && v.length > 16) v = v.slice(0, 13) + '...';
  return v;
}

export function svcPorts(s: Service): string {
  const ps = s.spec.ports ?? [];
  if (ps.length === 0) return '<none>';
  return ps.map((p) => `${p.port}${p.nodePort ? ':' + p.nodePort : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function formatEndpoints(e: Endpoints): string {
  const subsets = e.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    for (const port of ss.ports?.length ? ss.ports : [undefined]) {
      for (const a of ss.addresses ?? []) {
        count++;
        if (list.length < 3) list.push(port ? `${a.ip}:${port.port}` : a.ip);
      }
    }
  }
  let r = list.join(',');
  if (count > list.length) r += ` + ${count - list.length} more...`;
  return r;
}

function formatSliceEndpoints(s: EndpointSlice): string {
  const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
  if (addrs.length === 0) return '<unset>';
  return addrs.slice(0, 3).join(',') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '');
}
function formatSlicePorts(s: EndpointSlice): string {
  const ps = s.ports ?? [];
  if (ps.length === 0) return '<unset>';
  return ps.slice(0, 3).map((p) => String(p.port)).join(',') + (ps.length > 3 ? ` + ${ps.length - 3} more...` : '');
}

function cond(conds: Condition[] | undefined, type: string): Condition | undefined { return (conds ?? []).find((c) => c.type === type); }

export const TABLES: Record<string, TableDef> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row(o, opts) { const p = o as Pod; const s = podStatus(p, opts.nowMs); return [s.ready, s.status, s.restarts, age(p.metadata.creationTimestamp, opts.nowMs)]; },
    wideRow(o) { const p = o as Pod; return [p.status?.podIP || '<none>', p.spec.nodeName || '<none>', '<none>', '<none>']; },
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(o, opts) {
      const d = o as Deployment;
      const st = d.status ?? {};
      return [`${st.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, String(st.updatedReplicas ?? 0), String(st.availableReplicas ?? 0), age(d.metadata.creationTimestamp, opts.nowMs)];
    },
    wideRow(o) { const d = o as Deployment; return [...containers(d.spec.template.spec), selectorText(d.spec.selector)]; },
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(o, opts) { const r = o as ReplicaSet; return [String(r.spec.replicas ?? 1), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), age(r.metadata.creationTimestamp, opts.nowMs)]; },
    wideRow(o) { const r = o as ReplicaSet; return [...containers(r.spec.template?.spec), selectorText(r.spec.selector)]; },
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideHeaders: ['SELECTOR'],
    row(o, opts) {
      const s = o as Service;
      return [s.spec.type ?? 'ClusterIP', s.spec.clusterIP || '<none>', svcExternalIP(s, opts.wide), svcPorts(s), age(s.metadata.creationTimestamp, opts.nowMs)];
    },
    wideRow(o) { const s = o as Service; const sel = s.spec.selector ?? {}; return [Object.keys(sel).length ? Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',') : '<none>']; },
  },
  Endpoints: {
    headers: ['NAME', 'ENDPOINTS', 'AGE'],
    row(o, opts) { return [formatEndpoints(o as Endpoints), age(o.metadata.creationTimestamp, opts.nowMs)]; },
  },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row(o, opts) { const s = o as EndpointSlice; return [s.addressType, formatSlicePorts(s), formatSliceEndpoints(s), age(s.metadata.creationTimestamp, opts.nowMs)]; },
  },
  Secret: {
    headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
    row(o, opts) { const s = o as Secret; return [s.type ?? 'Opaque', String(Object.keys(s.data ?? {}).length), age(s.metadata.creationTimestamp, opts.nowMs)]; },
  },
  ConfigMap: {
    headers: ['NAME', 'DATA', 'AGE'],
    row(o, opts) { const c = o as ConfigMap; return [String(Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length), age(c.metadata.creationTimestamp, opts.nowMs)]; },
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    row(o, opts) { return [(o as Namespace).status?.phase ?? 'Active', age(o.metadata.creationTimestamp, opts.nowMs)]; },
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row(o, opts) {
      const n = o as KObject & { status?: { conditions?: Condition[]; nodeInfo?: { kubeletVersion?: string } } };
      const ready = cond(n.status?.conditions, 'Ready');
      const roles = Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice(24)).sort();
      return [ready?.status === 'True' ? 'Ready' : 'NotReady', roles.length ? roles.join(',') : '<none>', age(n.metadata.creationTimestamp, opts.nowMs), n.status?.nodeInfo?.kubeletVersion ?? 'v1.34.0'];
    },
    wideRow(o) {
      const n = o as KObject & { status?: { addresses?: Array<{ type: string; address: string }>; nodeInfo?: Record<string, string> } };
      const ip = (n.status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '<none>';
      const ni = n.status?.nodeInfo ?? {};
      return [ip, '<none>', ni.osImage ?? 'Ubuntu 22.04.5 LTS', ni.kernelVersion ?? '6.8.0-79-generic', ni.containerRuntimeVersion ?? 'docker://28.4.0'];
    },
  },
  // printJob (printers.go): STATUS from the conditions in this order, COMPLETIONS `n/1 of P` for parallel work queues
  Job: {
    headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(o, opts) {
      const j = o as KObject & { spec: { completions?: number; parallelism?: number }; status?: { succeeded?: number; failed?: number; startTime?: string; completionTime?: string; conditions?: Condition[] } };
      const st = j.status ?? {};
      const has = (t: string) => cond(st.conditions, t)?.status === 'True';
      const status = has('Complete') ? 'Complete' : has('Failed') ? 'Failed' : j.metadata.deletionTimestamp ? 'Terminating' : has('Suspended') ? 'Suspended'
        : has('FailureTarget') ? 'FailureTarget' : has('SuccessCriteriaMet') ? 'SuccessCriteriaMet' : 'Running';
      const completions = j.spec.completions !== undefined && j.spec.completions !== null ? `${st.succeeded ?? 0}/${j.spec.completions}`
        : (j.spec.parallelism ?? 1) > 1 ? `${st.succeeded ?? 0}/1 of ${j.spec.parallelism}` : `${st.succeeded ?? 0}/1`;
      const dur = st.startTime ? humanDuration(((st.completionTime ? Date.parse(st.completionTime) : opts.nowMs) - Date.parse(st.startTime)) / 1000) : '';
      return [status, completions, dur, age(j.metadata.creationTimestamp, opts.nowMs)];
    },
    wideRow(o) { const j = o as Deployment; return [...containers(j.spec.template.spec), j.spec.selector ? selectorText(j.spec.selector) : '<none>']; },
  },
};

interface EventObj extends KObject {
  involvedObject?: { kind?: string; name?: string; fieldPath?: string };
  reason?: string; message?: string; type?: string; count?: number;
  firstTimestamp?: string; lastTimestamp?: string; eventTime?: string;
  source?: { component?: string; host?: string }; reportingComponent?: string; reportingInstance?: string;
}

function eventRows(objs: KObject[], opts: PrintOptions): string[][] {
  const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', ...(opts.wide ? ['SUBOBJECT', 'SOURCE'] : []), 'MESSAGE', ...(opts.wide ? ['FIRST SEEN', 'COUNT', 'NAME'] : [])];
  if (opts.allNamespaces) header.unshift('NAMESPACE');
  const rows = objs.map((o) => {
    const e = o as EventObj;
    const last = e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;
    const first = e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;
    const obj = `${(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`;
    // formatEventSource: firstNonEmpty(source.component, reportingController) [+ ", " + firstNonEmpty(source.host,
    // reportingInstance)]; ReportingController is `reportingComponent` in core/v1 JSON (events.k8s.io events have no source)
    const comp = e.source?.component || e.reportingComponent || '';
    const inst = e.source?.host || e.reportingInstance || '';
    const src = inst ? `${comp}, ${inst}` : comp;
    const r = [age(last, opts.nowMs), e.type ?? 'Normal', e.reason ?? '', obj, ...(opts.wide ? [e.involvedObject?.fieldPath ?? '', src] : []), (e.message ?? '').trim(),
      ...(opts.wide ? [age(first, opts.nowMs), String(e.count ?? 1), e.metadata.name ?? ''] : [])];
    if (opts.allNamespaces) r.unshift(e.metadata.namespace ?? '');
    return r;
  });
  return [header, ...rows];
}

/** One table: header + rows, with -o wide / --show-labels / -A (NAMESPACE first) applied. */
export function tableRows(kind: string, objs: KObject[], opts: PrintOptions, prefix = ''): string[][] {
  if (kind === 'Event') return eventRows(objs, opts);
  const def = TABLES[kind];
  if (!def) return [['NAME', 'AGE'], ...objs.map((o) => [prefix + o.metadata.name, age(o.metadata.creationTimestamp, opts.nowMs)])];
  const lc = opts.labelColumns ?? [];
  // -L key: one column per label key, headed by the key's last path segment upper-cased (printers.go)
  const header = [...def.headers, ...(opts.wide ? def.wideHeaders ?? [] : []), ...lc.map((k) => (k.split('/').pop() ?? k).toUpperCase()), ...(opts.showLabels ? ['LABELS'] : [])];
  if (opts.allNamespaces) header.unshift('NAMESPACE');
  const rows = objs.map((o) => {
    const r = [prefix + (o.metadata.name ?? ''), ...def.row(o, opts), ...(opts.wide && def.wideRow ? def.wideRow(o, opts) : []), ...lc.map((k) => o.metadata.labels?.[k] ?? ''), ...(opts.showLabels ? [labelsText(o.metadata.labels)] : [])];
    if (opts.allNamespaces) r.unshift(o.metadata.namespace ?? '');
    return r;
  });
  return [header, ...rows];
}

export { labelsText, type EventObj };
