/**
 * endpoints-controller and endpointslice-controller: for every Service with a selector, the
 * pods that match it and have an IP (and are not terminal) become addresses — ready ones in
 * `addresses` / `conditions.ready: true`, others in `notReadyAddresses` / `ready: false`.
 * Named targetPorts are resolved per pod among its container ports with the same name and
 * protocol; a pod without that port gets no endpoint for it (FindPort, pkg/api/v1/pod/util.go).
 */
import type { EndpointPort, EndpointSlice, EndpointSliceEndpoint, EndpointSubset, Endpoints, Pod, Service, ServicePort } from '../api/types';
import type { RuntimeContext } from '../runtime/context';
import { rfc3339 } from '../clock/index';
import { labelSelectorMatches } from '../store/selectors';
import { isPodReady } from './util';
import { NODE_NAME } from '../node/node';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

/** FindPort: the container port a service port's targetPort means for `pod`, or undefined. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  const proto = sp.protocol ?? 'TCP';
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  return undefined;
}

export function serviceSelects(svc: Service, pod: Pod): boolean {
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return false;
  return labelSelectorMatches({ matchLabels: sel }, pod.metadata.labels);
}

/**
 * Pods that belong in a Service's endpoints (endpointslice/util ShouldPodBeInEndpoints): selected, with an IP, not
 * terminal; terminating pods only when `includeTerminating` — true for EndpointSlices (they list them with
 * ready=false, serving, terminating=true), `publishNotReadyAddresses` for the v1 Endpoints controller.
 */
export function endpointCandidates(svc: Service, pods: Pod[], includeTerminating = svc.spec.publishNotReadyAddresses === true): Pod[] {
  return pods.filter((p) => serviceSelects(svc, p) && !!p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed'
    && (!p.metadata.deletionTimestamp || includeTerminating));
}

export class EndpointsController {
  constructor(private readonly ctx: RuntimeContext) {}

  reconcile(key: string): void {
    const [ns = '', name = ''] = key.split('/');
    const svc = this.ctx.store.get<Service>('Service', ns, name);
    const epOld = this.ctx.store.get<Endpoints>('Endpoints', ns, name);
    const slices = this.ctx.store.list<EndpointSlice>('EndpointSlice', { namespace: ns, labelSelector: `${SERVICE_NAME_LABEL}=${name}` });
    if (!svc || !svc.spec.selector || Object.keys(svc.spec.selector).length === 0 || svc.spec.type === 'ExternalName') {
      // No selector: endpoints are user-managed (or the service is gone: GC removes owned slices).
      if (!svc) {
        if (epOld) this.ctx.store.delete('Endpoints', ns, name);
        for (const s of slices) this.ctx.store.delete('EndpointSlice', ns, s.metadata.name ?? '');
      }
      return;
    }
    const all = this.ctx.store.list<Pod>('Pod', { namespace: ns });
    // one selector pass: the Endpoints' pods are the slice's pods minus the terminating ones (unless publishNotReadyAddresses)
    const slicePods = endpointCandidates(svc, all, true);
    const epPods = svc.spec.publishNotReadyAddresses === true ? slicePods : slicePods.filter((p) => !p.metadata.deletionTimestamp);
    this.syncEndpoints(svc, epPods, epOld);
    this.syncSlice(svc, slicePods, slices);
  }

  private syncEndpoints(svc: Service, pods: Pod[], old: Endpoints | undefined): void {
    // Group pods by their resolved port set (EndpointSubset repacking).
    const groups = new Map<string, { ports: EndpointPort[]; ready: Pod[]; notReady: Pod[] }>();
    for (const pod of pods) {
      const ports: EndpointPort[] = [];
      for (const sp of svc.spec.ports ?? []) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
      }
      if (ports.length === 0) continue;
      const k = JSON.stringify(ports);
      let g = groups.get(k);
      if (!g) { g = { ports, ready: [], notReady: [] }; groups.set(k, g); }
      (isPodReady(pod) && !pod.metadata.deletionTimestamp ? g.ready : g.notReady).push(pod);
    }
    const addr = (p: Pod) => ({ ip: p.status!.podIP!, nodeName: p.spec.nodeName ?? NODE_NAME, targetRef: { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name ?? '', uid: p.metadata.uid } });
    const byIP = (xs: { ip: string }[]) => sortByIP(xs, (a) => a.ip);
    const subsets: EndpointSubset[] = [...groups.values()].map((g) => ({
      ...(g.ready.length ? { addresses: byIP(g.ready.map(addr)) } : {}),
      ...(g.notReady.length ? { notReadyAddresses: byIP(g.notReady.map(addr)) } : {}),
      ports: g.ports,
    }));
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name ?? '';
    const labels = { ...(svc.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' };
    if (!old) {
      this.ctx.store.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(this.ctx.now()) } }, ...(subsets.length ? { subsets } : {}) });
      return;
    }
    const next: Endpoints = { ...old, metadata: { ...old.metadata, resourceVersion: undefined, labels } };
    if (subsets.length) next.subsets = subsets; else delete next.subsets;
    if (JSON.stringify(next.subsets ?? null) !== JSON.stringify(old.subsets ?? null)) {
      next.metadata.annotations = { ...(old.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(this.ctx.now()) };
    }
    this.ctx.store.update(next);
  }

  private syncSlice(svc: Service, pods: Pod[], slices: EndpointSlice[]): void {
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name ?? '';
    // One slice per service here (real slices hold up to 100 endpoints each; we keep one for simplicity).
    const ports: EndpointPort[] = [];
    const endpoints: EndpointSliceEndpoint[] = [];
    for (const sp of svc.spec.ports ?? []) {
      // Slice ports hold one port number; with named targetPorts that differ per pod the real controller
      // makes one slice per port set. Use the first pod's resolution.
      const first = pods.find((p) => findPort(p, sp) !== undefined);
      const port = first ? findPort(first, sp) : undefined;
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
    }
    for (const p of sortByIP(pods, (x) => x.status!.podIP!)) {
      if (!(svc.spec.ports ?? []).some((sp) => findPort(p, sp) !== undefined)) continue;
      const terminating = !!p.metadata.deletionTimestamp;
      // endpointslice/utils.go podToEndpoint: "ready" is never true for a terminating pod (unless
      // publishNotReadyAddresses); "serving" is the pod's readiness regardless
      const ready = svc.spec.publishNotReadyAddresses === true || (isPodReady(p) && !terminating);
      endpoints.push({
        addresses: [p.status!.podIP!],
        conditions: { ready, serving: isPodReady(p), terminating },
        nodeName: p.spec.nodeName ?? NODE_NAME,
        targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name ?? '', uid: p.metadata.uid },
      });
    }
    const labels = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: 'endpointslice-controller.k8s.io' };
    const [first, ...extra] = slices;
    for (const s of extra) this.ctx.store.delete('EndpointSlice', ns, s.metadata.name ?? '');
    const body = { addressType: 'IPv4' as const, endpoints: endpoints.length ? endpoints : null, ports: ports.length ? ports : null };
    if (!first) {
      this.ctx.store.create<EndpointSlice>({
        apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
        metadata: { generateName: `${name}-`, namespace: ns, labels, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] },
        ...body,
      });
      return;
    }
    this.ctx.store.update<EndpointSlice>({ ...first, metadata: { ...first.metadata, resourceVersion: undefined, labels }, ...body });
  }
}

/**
 * A copy of `xs` sorted by IPv4 address, ipNum computed once per item: the same comparisons and results as
 * `[...xs].sort((a, b) => ipNum(ip(a)) - ipNum(ip(b)))`, hence the same (stable) order.
 */
function sortByIP<T>(xs: T[], ip: (x: T) => string): T[] {
  const keyed = xs.map((x) => ({ x, k: ipNum(ip(x)) }));
  keyed.sort((a, b) => a.k - b.k);
  return keyed.map((e) => e.x);
}

export function ipNum(ip: string): number {
  return ip.split('.').reduce((n, x) => n * 256 + Number(x), 0);
}
