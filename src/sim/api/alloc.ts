/**
 * Service IP and NodePort allocation (the API server's service registry does this on create).
 * ClusterIPs come from minikube's service CIDR 10.96.0.0/12 (kubernetes = 10.96.0.1, kube-dns = 10.96.0.10);
 * NodePorts from 30000-32767. Random with the store's seeded PRNG, never reusing a taken value.
 */
import type { Service } from './types';
import type { Store } from '../store/store';
import { ApiError, invalid } from './errors';

export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_RANGE: [number, number] = [30000, 32767];
const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // /12

export function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
export function ipToNumber(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}
export function inServiceCIDR(ip: string): boolean {
  const n = ipToNumber(ip);
  return n !== undefined && n >= CIDR_BASE >>> 0 && n < (CIDR_BASE >>> 0) + CIDR_SIZE;
}

function usedClusterIPs(store: Store): Set<string> {
  const s = new Set<string>();
  for (const svc of store.list<Service>('Service')) for (const ip of svc.spec?.clusterIPs ?? [svc.spec?.clusterIP ?? '']) if (ip) s.add(ip);
  return s;
}
export function usedNodePorts(store: Store): Set<number> {
  const s = new Set<number>();
  for (const svc of store.list<Service>('Service')) for (const p of svc.spec?.ports ?? []) if (p.nodePort) s.add(p.nodePort);
  return s;
}

export function allocateClusterIP(store: Store): string {
  const used = usedClusterIPs(store);
  for (let i = 0; i < 10000; i++) {
    // skip the network address and the first 16 (kept for static use by the API server's split range)
    const off = 16 + Math.floor(store.random() * (CIDR_SIZE - 17));
    const ip = ipToString((CIDR_BASE + off) >>> 0);
    if (!used.has(ip)) return ip;
  }
  throw new ApiError('InternalError', 'failed to allocate a serviceIP: range is full');
}

export function allocateNodePort(store: Store, taken: Set<number> = usedNodePorts(store)): number {
  const [lo, hi] = NODE_PORT_RANGE;
  for (let i = 0; i < 10000; i++) {
    const p = lo + Math.floor(store.random() * (hi - lo + 1));
    if (!taken.has(p)) return p;
  }
  throw new ApiError('InternalError', 'failed to allocate a nodePort: range is full');
}

/**
 * Fill clusterIP/clusterIPs and nodePorts of a (defaulted, validated) Service about to be created or updated.
 * `old` is the stored Service on update: its allocations are kept (clusterIP is immutable anyway).
 * Throws Invalid for a requested clusterIP/nodePort that is taken.
 */
export function allocateServiceFields(store: Store, svc: Service, old?: Service): void {
  const spec = svc.spec;
  if (!spec || spec.type === 'ExternalName') {
    if (spec) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    return;
  }
  if (old?.spec?.clusterIP && !spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
  if (!spec.clusterIP) spec.clusterIP = allocateClusterIP(store);
  else if (spec.clusterIP !== 'None' && !old) {
    const used = usedClusterIPs(store);
    if (used.has(spec.clusterIP)) {
      throw invalid('Service', svc.metadata.name ?? '', [
        { field: 'spec.clusterIPs', message: `Invalid value: ["${spec.clusterIP}"]: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` },
      ]);
    }
  }
  spec.clusterIPs = [spec.clusterIP];
  const needsNodePort = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  const taken = usedNodePorts(store);
  if (old) for (const p of old.spec?.ports ?? []) if (p.nodePort) taken.delete(p.nodePort);
  // patchAllocatedValues (pkg/registry/core/service/storage/storage.go): a port the client sent without a nodePort
  // gets the old nodePort of the port with the same NAME, unless another port of the new spec already uses it
  const oldNeeds = old?.spec?.type === 'NodePort' || (old?.spec?.type === 'LoadBalancer');
  const byName = new Map<string, number>();
  if (oldNeeds) for (const q of old?.spec?.ports ?? []) byName.set(q.name ?? '', q.nodePort ?? 0);
  const usedBoth = new Set((spec.ports ?? []).map((q) => q.nodePort).filter((n): n is number => !!n && (old?.spec?.ports ?? []).some((o) => o.nodePort === n)));
  for (const p of spec.ports ?? []) {
    if (!needsNodePort) {
      delete p.nodePort;
      continue;
    }
    if (!p.nodePort) {
      const prev = byName.get(p.name ?? '');
      p.nodePort = prev && !usedBoth.has(prev) ? prev : allocateNodePort(store, taken);
    } else if (p.nodePort < NODE_PORT_RANGE[0] || p.nodePort > NODE_PORT_RANGE[1]) {
      // the port allocator, after validation passed (pkg/registry/core/service/portallocator: ErrNotInRange)
      throw invalid('Service', svc.metadata.name ?? '', [
        { field: `spec.ports[${spec.ports!.indexOf(p)}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE[0]}-${NODE_PORT_RANGE[1]}` },
      ]);
    } else if (taken.has(p.nodePort)) {
      throw invalid('Service', svc.metadata.name ?? '', [
        { field: `spec.ports[${spec.ports!.indexOf(p)}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is already allocated` },
      ]);
    }
    taken.add(p.nodePort);
  }
}
