/**
 * The cluster network as seen by the learner: requests from the workstation (port-forwards on
 * localhost, NodePorts on the minikube IP, LoadBalancer IPs while `minikube tunnel` runs) and from
 * pods (Service DNS names, ClusterIPs, pod IPs), kube-proxy's round-robin over ready endpoints,
 * REJECT (connection refused) for a Service without ready endpoints, connection refused where no
 * process listens. Every request returns a hop-by-hop trace that says where and why it stopped.
 *
 * curl texts: kubectl-layouts §7.1 (curl 8.x). DNS names: §8.1.
 */
import type { Pod, Service } from '../api/types';
import type { Store } from '../store/store';
import type { HttpResponse } from '../images/process';
import { NODE_BRIDGE_IP, NODE_IP } from '../node/node';
import { endpointCandidates, findPort } from '../controllers/endpoints';
import { isPodReady } from '../controllers/util';
import { formatLabels } from '../store/selectors';

export type Client = { kind: 'workstation' } | { kind: 'pod'; namespace: string; name: string };

export interface NetRequest {
  from?: Client;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** curl -m / --connect-timeout, in ms; without it an unanswered connect gives up after ~134 s as Linux does */
  timeoutMs?: number;
}

export type HopKind = 'client' | 'dns' | 'port-forward' | 'loadbalancer' | 'nodeport' | 'service' | 'endpoints' | 'pod' | 'container' | 'process';

export interface Hop {
  kind: HopKind;
  ok: boolean;
  /** One line for the trace view, e.g. `Service default/llmops-service port 80/TCP → targetPort 8501`. */
  text: string;
  /** The object this hop passed through, for the cluster view. */
  ref?: { kind: string; namespace?: string; name: string };
}

export type NetFailure = 'dns' | 'refused' | 'timeout' | 'bad-url';

export interface NetResult {
  ok: boolean;
  response?: HttpResponse;
  failure?: NetFailure;
  /** curl's exit code (0, 6, 7, 28, 3) */
  curlExit: number;
  /** curl's error line (`curl: (7) Failed to connect to …`), empty on success */
  curlError: string;
  /** Where the request was answered, e.g. `10.244.0.3:8501` */
  remote?: string;
  /** The pod that answered */
  pod?: { namespace: string; name: string };
  trace: Hop[];
  /** Virtual time the request took (ms): 0–2 ms locally, the timeout when nothing answers. */
  elapsedMs: number;
}

export interface PortForward {
  localPort: number;
  namespace: string;
  pod: string;
  podPort: number;
  /** What the user asked for, e.g. `service/llmops-service` — for the trace. */
  target?: string;
}

/** What the network needs from the node: who listens on a pod IP. */
export interface PodNetwork {
  lookupIP(ip: string): { pod: Pod; listening: (port: number) => { container: string; process: { http?(port: number, req: import('../images/process').HttpRequest): HttpResponse } } | undefined } | undefined;
}

const LINUX_CONNECT_GIVEUP_MS = 134_000;

interface ParsedUrl { scheme: string; host: string; port: number; path: string }

export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+|\[[0-9a-fA-F:]+\])(?::(\d+))?([/?][^\s#]*)?(?:#.*)?$/.exec(url.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = '/' + path;
  return { scheme, host: m[2]!.toLowerCase(), port, path };
}

export class Network {
  /** local port → forward (registered by the terminal's `kubectl port-forward`) */
  readonly portForwards = new Map<number, PortForward>();
  tunnelOpen = false;
  private rr = new Map<string, number>();

  constructor(private readonly store: Store, private readonly pods: PodNetwork) {}

  addPortForward(pf: PortForward): void {
    this.portForwards.set(pf.localPort, pf);
  }

  removePortForward(localPort: number): void {
    this.portForwards.delete(localPort);
  }

  request(req: NetRequest): NetResult {
    const from: Client = req.from ?? { kind: 'workstation' };
    const trace: Hop[] = [];
    trace.push(from.kind === 'workstation'
      ? { kind: 'client', ok: true, text: 'curl on your workstation' }
      : { kind: 'client', ok: true, text: `curl inside pod ${from.namespace}/${from.name}`, ref: { kind: 'Pod', namespace: from.namespace, name: from.name } });
    const u = parseUrl(req.url);
    if (!u) {
      return this.fail('bad-url', 3, `curl: (3) URL rejected: Malformed input to a URL function`, trace, 0);
    }
    if (u.port > 65535) return this.fail('bad-url', 3, 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535', trace, 0);
    const hostLabel = u.host;
    if (u.scheme === 'https') {
      // Nothing in this course serves TLS; a TLS handshake against a plain HTTP port fails.
      trace.push({ kind: 'process', ok: false, text: `https:// is not served here: the app speaks plain HTTP` });
      return this.fail('refused', 35, `curl: (35) OpenSSL/3.0.17: error:0A00010B:SSL routines::wrong version number`, trace, 1);
    }
    const ctx: Ctx = { req, u, trace, hostLabel, from };
    if (from.kind === 'workstation') return this.fromWorkstation(ctx);
    return this.fromPod(ctx, from);
  }

  // ------------------------------------------------------------------ workstation
  private fromWorkstation(c: Ctx): NetResult {
    const { u, trace } = c;
    if (u.host === 'localhost' || u.host === '127.0.0.1' || u.host === '[::1]') {
      const pf = this.portForwards.get(u.port);
      if (!pf) {
        trace.push({ kind: 'port-forward', ok: false, text: `nothing listens on localhost:${u.port} (no kubectl port-forward is running for that port)` });
        return this.refused(c);
      }
      trace.push({ kind: 'port-forward', ok: true, text: `kubectl port-forward ${pf.target ?? 'pod/' + pf.pod} ${pf.localPort}:${pf.podPort} → pod ${pf.pod} port ${pf.podPort}`, ref: { kind: 'Pod', namespace: pf.namespace, name: pf.pod } });
      const pod = this.store.get<Pod>('Pod', pf.namespace, pf.pod);
      if (!pod || !pod.status?.podIP) {
        trace.push({ kind: 'pod', ok: false, text: `pod ${pf.pod} is gone: the port-forward lost its pod` });
        return this.fail('refused', 52, 'curl: (52) Empty reply from server', trace, 1);
      }
      return this.toPodIP(c, pod.status.podIP, pf.podPort, true);
    }
    if (u.host === NODE_IP) return this.toNodePort(c);
    if (isIPv4(u.host)) {
      const svc = this.serviceByClusterIP(u.host);
      if (svc && this.tunnelOpen) {
        // minikube tunnel (Linux) adds a route 10.96.0.0/12 → 192.168.49.2, so every ClusterIP answers
        trace.push({ kind: 'loadbalancer', ok: true, text: svc.spec.type === 'LoadBalancer'
          ? `minikube tunnel routes ${u.host} (the LoadBalancer IP = ClusterIP) to the cluster`
          : `minikube tunnel's route 10.96.0.0/12 → ${NODE_IP} reaches ClusterIP ${u.host}`, ref: ref(svc) });
        return this.toService(c, svc, u.port, 'clusterIP');
      }
      if (svc) {
        trace.push({ kind: 'loadbalancer', ok: false, text: svc.spec.type === 'LoadBalancer'
          ? `${u.host} is a ClusterIP: without \`minikube tunnel\` your workstation has no route into 10.96.0.0/12`
          : `${u.host} is the ClusterIP of ${svc.metadata.name}, reachable only inside the cluster (or through \`minikube tunnel\`)`, ref: ref(svc) });
        return this.timeout(c);
      }
      trace.push({ kind: 'client', ok: false, text: `no route from your workstation to ${u.host}` });
      return this.timeout(c);
    }
    trace.push({ kind: 'dns', ok: false, text: `your workstation cannot resolve ${u.host}: cluster DNS names only resolve inside pods` });
    return this.fail('dns', 6, `curl: (6) Could not resolve host: ${u.host}`, trace, 2);
  }

  private toNodePort(c: Ctx): NetResult {
    const { u, trace } = c;
    const svc = this.store.list<Service>('Service').find((s) => (s.spec.ports ?? []).some((p) => p.nodePort === u.port));
    if (!svc) {
      trace.push({ kind: 'nodeport', ok: false, text: `nothing listens on ${NODE_IP}:${u.port}: no Service has nodePort ${u.port} (NodePorts are 30000-32767)` });
      return this.refused(c);
    }
    const sp = svc.spec.ports!.find((p) => p.nodePort === u.port)!;
    trace.push({ kind: 'nodeport', ok: true, text: `${NODE_IP}:${u.port} is nodePort of Service ${svc.metadata.namespace}/${svc.metadata.name} (port ${sp.port})`, ref: ref(svc) });
    return this.toService(c, svc, sp.port, 'nodePort');
  }

  // ------------------------------------------------------------------ pods
  private fromPod(c: Ctx, from: { namespace: string; name: string }): NetResult {
    const { u, trace } = c;
    if (u.host === 'localhost' || u.host === '127.0.0.1') {
      const pod = this.store.get<Pod>('Pod', from.namespace, from.name);
      return pod?.status?.podIP ? this.toPodIP(c, pod.status.podIP, u.port, true) : this.refused(c);
    }
    let ip = u.host;
    if (!isIPv4(u.host)) {
      const svc = this.resolve(u.host, from.namespace);
      if (!svc) {
        trace.push({ kind: 'dns', ok: false, text: `cluster DNS has no record for ${u.host} (Service names resolve as name, name.namespace, name.namespace.svc, name.namespace.svc.cluster.local)` });
        return this.fail('dns', 6, `curl: (6) Could not resolve host: ${u.host}`, trace, 2);
      }
      if (svc.spec.clusterIP === 'None' || !svc.spec.clusterIP) {
        // headless: DNS answers the pod IPs
        const pods = endpointCandidates(svc, this.store.list<Pod>('Pod', { namespace: svc.metadata.namespace })).filter(isPodReady);
        const first = pods[0];
        trace.push({ kind: 'dns', ok: !!first, text: first ? `${u.host} → ${first.status!.podIP} (headless Service: DNS returns pod IPs)` : `${u.host}: headless Service with no ready pods has no addresses`, ref: ref(svc) });
        if (!first) return this.fail('dns', 6, `curl: (6) Could not resolve host: ${u.host}`, trace, 2);
        return this.toPodIP(c, first.status!.podIP!, u.port, false);
      }
      ip = svc.spec.clusterIP;
      trace.push({ kind: 'dns', ok: true, text: `${u.host} → ${ip} (Service ${svc.metadata.namespace}/${svc.metadata.name})`, ref: ref(svc) });
    }
    if (ip === NODE_IP) return this.toNodePort(c);
    const svc = this.serviceByClusterIP(ip);
    if (svc) return this.toService(c, svc, u.port, 'clusterIP');
    if (ip.startsWith('10.244.')) return this.toPodIP(c, ip, u.port, false);
    trace.push({ kind: 'client', ok: false, text: `no route to ${ip} from inside the cluster` });
    return this.timeout(c);
  }

  resolve(name: string, fromNs: string): Service | undefined {
    const parts = name.replace(/\.$/, '').split('.');
    let svcName: string | undefined, ns: string | undefined;
    if (parts.length === 1) { svcName = parts[0]; ns = fromNs; }
    else if (parts.length === 2) { svcName = parts[0]; ns = parts[1]; }
    else if (parts.length === 3 && parts[2] === 'svc') { svcName = parts[0]; ns = parts[1]; }
    else if (parts.length === 5 && parts[2] === 'svc' && parts[3] === 'cluster' && parts[4] === 'local') { svcName = parts[0]; ns = parts[1]; }
    if (!svcName || !ns) return undefined;
    return this.store.get<Service>('Service', ns, svcName);
  }

  private serviceByClusterIP(ip: string): Service | undefined {
    return this.store.list<Service>('Service').find((s) => s.spec.clusterIP === ip || (s.spec.clusterIPs ?? []).includes(ip) || (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip));
  }

  // ------------------------------------------------------------------ service → endpoints → pod
  private toService(c: Ctx, svc: Service, port: number, via: 'clusterIP' | 'nodePort'): NetResult {
    const { trace } = c;
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name ?? '';
    const sp = (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    if (!sp) {
      const ports = (svc.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') || 'none';
      trace.push({ kind: 'service', ok: false, text: `Service ${ns}/${name} has no port ${port} (its ports: ${ports}); kube-proxy has no rule for it, so the packet is dropped`, ref: ref(svc) });
      return this.timeout(c);
    }
    const tp = sp.targetPort ?? sp.port;
    trace.push({ kind: 'service', ok: true, text: `Service ${ns}/${name} port ${sp.port}/TCP → targetPort ${tp}${via === 'nodePort' ? ` (reached through nodePort ${sp.nodePort})` : ''}`, ref: ref(svc) });
    if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) {
      trace.push({ kind: 'endpoints', ok: false, text: `Service ${name} has no selector, so no endpoints are managed for it` });
      return this.refused(c);
    }
    const all = this.store.list<Pod>('Pod', { namespace: ns });
    const candidates = endpointCandidates(svc, all).filter((p) => findPort(p, sp) !== undefined);
    const ready = candidates.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp);
    if (ready.length === 0) {
      trace.push({ kind: 'endpoints', ok: false, text: `${noEndpointsReason(svc, sp, all)}; kube-proxy rejects connections to a Service without ready endpoints`, ref: { kind: 'Endpoints', namespace: ns, name } });
      return this.refused(c);
    }
    ready.sort((a, b) => ipNum(a.status!.podIP!) - ipNum(b.status!.podIP!));
    const key = `${ns}/${name}:${sp.port}`;
    const i = (this.rr.get(key) ?? 0) % ready.length;
    this.rr.set(key, i + 1);
    const pod = ready[i]!;
    const target = findPort(pod, sp)!;
    trace.push({ kind: 'endpoints', ok: true, text: `${ready.length} ready endpoint${ready.length === 1 ? '' : 's'} (${ready.map((p) => `${p.status!.podIP}:${findPort(p, sp)}`).join(', ')}); kube-proxy picked ${pod.status!.podIP}:${target}`, ref: { kind: 'Endpoints', namespace: ns, name } });
    return this.toPodIP(c, pod.status!.podIP!, target, false);
  }

  private toPodIP(c: Ctx, ip: string, port: number, direct: boolean): NetResult {
    const { trace, req, u } = c;
    const target = this.pods.lookupIP(ip);
    if (!target) {
      trace.push({ kind: 'pod', ok: false, text: `no pod has IP ${ip}` });
      return this.timeout(c);
    }
    const pod = target.pod;
    const pname = pod.metadata.name ?? '';
    const pns = pod.metadata.namespace ?? 'default';
    trace.push({ kind: 'pod', ok: true, text: `pod ${pname} (${ip})`, ref: { kind: 'Pod', namespace: pns, name: pname } });
    const l = target.listening(port);
    if (!l) {
      const declared = pod.spec.containers.flatMap((ct) => (ct.ports ?? []).map((p) => `${ct.name}:${p.containerPort}`));
      const why = pod.status?.phase !== 'Running'
        ? `the pod is ${podStatusWord(pod)}, no process is running`
        : `nothing listens on port ${port}${declared.length ? ` (declared container ports: ${declared.join(', ')})` : ''}`;
      trace.push({ kind: 'container', ok: false, text: `${ip}:${port}: ${why}` });
      return this.refused(c);
    }
    trace.push({ kind: 'container', ok: true, text: `container ${l.container} listens on ${port}` });
    const remoteAddr = c.from.kind === 'pod' ? (this.store.get<Pod>('Pod', c.from.namespace, c.from.name)?.status?.podIP ?? NODE_BRIDGE_IP) : direct ? '127.0.0.1' : NODE_BRIDGE_IP;
    const res = l.process.http?.(port, { method: (req.method ?? 'GET').toUpperCase(), path: u.path, headers: { Host: `${c.hostLabel}${u.port === 80 ? '' : ':' + u.port}`, ...(req.headers ?? {}) }, remoteAddr });
    if (!res) {
      trace.push({ kind: 'process', ok: false, text: `the process on ${port} accepted the connection but does not speak HTTP` });
      return this.fail('refused', 52, 'curl: (52) Empty reply from server', trace, 1);
    }
    trace.push({ kind: 'process', ok: true, text: `${l.container} answered ${res.status} ${res.statusText}` });
    return { ok: true, response: res, curlExit: 0, curlError: '', remote: `${ip}:${port}`, pod: { namespace: pns, name: pname }, trace, elapsedMs: 2 };
  }

  // ------------------------------------------------------------------ failures
  private refused(c: Ctx): NetResult {
    return this.fail('refused', 7, `curl: (7) Failed to connect to ${c.hostLabel} port ${c.u.port} after 0 ms: Couldn't connect to server`, c.trace, 0);
  }

  private timeout(c: Ctx): NetResult {
    const t = c.req.timeoutMs;
    if (t !== undefined) return this.fail('timeout', 28, `curl: (28) Connection timed out after ${Math.round(t) + 1} milliseconds`, c.trace, t);
    return this.fail('timeout', 28, `curl: (28) Failed to connect to ${c.hostLabel} port ${c.u.port} after ${LINUX_CONNECT_GIVEUP_MS} ms: Couldn't connect to server`, c.trace, LINUX_CONNECT_GIVEUP_MS);
  }

  private fail(failure: NetFailure, curlExit: number, curlError: string, trace: Hop[], elapsedMs: number): NetResult {
    return { ok: false, failure, curlExit, curlError, trace, elapsedMs };
  }
}

interface Ctx { req: NetRequest; u: ParsedUrl; trace: Hop[]; hostLabel: string; from: Client }

function ref(svc: Service): Hop['ref'] {
  return { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name ?? '' };
}

function isIPv4(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
}

function ipNum(ip: string): number {
  return ip.split('.').reduce((n, x) => n * 256 + Number(x), 0);
}

export function podStatusWord(p: Pod): string {
  const cs = p.status?.containerStatuses ?? [];
  for (let i = cs.length - 1; i >= 0; i--) {
    const s = cs[i]!;
    if (s.state?.waiting?.reason) return s.state.waiting.reason;
    if (s.state?.terminated?.reason) return s.state.terminated.reason;
  }
  return p.status?.phase ?? 'Pending';
}

/** Why a Service has no ready endpoint for port `sp`, in one clause. */
export function noEndpointsReason(svc: Service, sp: { targetPort?: number | string; port: number; protocol?: string } | undefined, podsInNs: Pod[]): string {
  const sel = svc.spec.selector ?? {};
  const selText = formatLabels(sel);
  const matching = podsInNs.filter((p) => Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  if (matching.length === 0) {
    const others = podsInNs.filter((p) => !p.metadata.deletionTimestamp && p.metadata.namespace === svc.metadata.namespace);
    const labelSets = [...new Set(others.map((p) => {
      const l = { ...(p.metadata.labels ?? {}) };
      delete l['pod-template-hash'];
      return formatLabels(l);
    }))].filter(Boolean);
    return `selector ${selText} matches 0 of ${others.length} pod${others.length === 1 ? '' : 's'}${labelSets.length ? ` (they are labelled ${labelSets.slice(0, 3).join('; ')})` : ''}`;
  }
  if (sp && typeof (sp.targetPort ?? sp.port) === 'string' && !/^\d+$/.test(String(sp.targetPort))) {
    const named = String(sp.targetPort);
    const without = matching.filter((p) => findPort(p, { port: sp.port, targetPort: named, protocol: (sp.protocol ?? 'TCP') as 'TCP' }) === undefined);
    if (without.length === matching.length) return `targetPort "${named}" names no container port of the ${matching.length} matching pod${matching.length === 1 ? '' : 's'}`;
  }
  const withIP = matching.filter((p) => p.status?.podIP);
  if (withIP.length === 0) return `selector ${selText} matches ${matching.length} pod${matching.length === 1 ? '' : 's'}, but none has an IP yet (${podStatusWord(matching[0]!)})`;
  return `selector ${selText} matches ${matching.length} pod${matching.length === 1 ? '' : 's'}, but none is ready (${podStatusWord(withIP[0]!)})`;
}
