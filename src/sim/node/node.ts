/**
 * The one node of a default minikube cluster (docker driver, Kubernetes v1.34, minikube v1.37).
 *
 * Sizes are stated here and nowhere else:
 * - CPU: 2 (minikube's default `--cpus`) [reference §9 S].
 * - Memory: capacity 4000Mi, allocatable 3900Mi. minikube sizes the node at 25 % of host RAM, clamped
 *   to 2200–6000 MB, so a 16 GB laptop gets 4000 MB [reference §9 S start.go suggestMemoryAllocation];
 *   the kubelet subtracts its default hard-eviction threshold (memory.available < 100Mi) to get
 *   allocatable. (With the docker driver a real node reports the host's full CPU/memory instead —
 *   reference §9 caveat; a fixed, VM-like size teaches requests and FailedScheduling predictably.)
 * - Pods: 110 (kubelet maxPods default).
 * - Pod CIDR 10.244.0.0/16 for the cluster, 10.244.0.0/24 for this node; coredns holds .2, so the
 *   first application pod gets 10.244.0.3 [kubectl-layouts §3.3 D/M].
 */
export const NODE_NAME = 'minikube';
export const NODE_IP = '192.168.49.2';
/** The bridge's address on the node: where kubelet probes and node-port traffic appear to come from. */
export const NODE_BRIDGE_IP = '10.244.0.1';
export const CLUSTER_POD_CIDR = '10.244.0.0/16';
export const NODE_POD_CIDR = '10.244.0.0/24';
export const SERVICE_CIDR = '10.96.0.0/12';
export const DNS_SERVICE_IP = '10.96.0.10';

const Mi = 1024 * 1024;
export const NODE_CAPACITY = { cpu: '2', memory: '4000Mi', pods: '110', 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' } as const;
export const NODE_ALLOCATABLE = { cpu: '2', memory: '3900Mi', pods: '110', 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' } as const;
export const ALLOCATABLE_MILLICPU = 2000;
export const ALLOCATABLE_MEMORY_BYTES = 3900 * Mi;
export const MAX_PODS = 110;

/**
 * Parses a resource quantity (`250m`, `1.5`, `512Mi`, `1G`, `1e3`) into a number of base units
 * (cores or bytes). Returns NaN for garbage.
 */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+))?$/.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const mult: Record<string, number> = {
    m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
  };
  return m[2] ? n * mult[m[2]]! : n;
}

export function milliCpu(q: string | number | undefined): number {
  return Math.round(parseQuantity(q) * 1000);
}

/** `1250m`, `2`, `500m` — CPU in the form kubectl/describe print. */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** `170Mi`, `3900Mi`, `1Gi`. */
export function formatBytes(b: number): string {
  for (const [u, f] of [['Gi', 1024 ** 3], ['Mi', Mi], ['Ki', 1024]] as const) if (b % f === 0 && b >= f) return `${b / f}${u}`;
  return String(b);
}

/** Host-local IPAM over the node's /24: sequential, skipping addresses in use, wrapping after .254. */
export class PodIpam {
  private inUse = new Set<number>([0, 1, 2, 255]);
  private last = 2;
  allocate(): string | undefined {
    for (let i = 0; i < 256; i++) {
      const n = ((this.last + i) % 254) + 1;
      if (!this.inUse.has(n)) {
        this.inUse.add(n);
        this.last = n;
        return `10.244.0.${n}`;
      }
    }
    return undefined;
  }
  release(ip: string | undefined): void {
    if (!ip) return;
    const n = Number(ip.split('.')[3]);
    if (n > 2 && n < 255) this.inUse.delete(n);
  }
  reserve(ip: string): void {
    const n = Number(ip.split('.')[3]);
    this.inUse.add(n);
  }
}
