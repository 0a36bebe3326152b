/**
 * A model of the public registry (Docker Hub) that the minikube node can pull from.
 * A few public images exist; any other repository fails the way Docker Hub answers an
 * unknown or private repository.
 */
import { parseImageRef } from './ref';

export interface RegistryImage {
  /** canonical `docker.io/library/nginx:1.27` */
  canonical: string;
  /** registry manifest digest */
  digest: string;
  /** image config ID */
  id: string;
  sizeBytes: number;
  /** Virtual time a pull takes on minikube (ms); used for `Successfully pulled image … in Xs`. */
  pullMs: number;
  /** Behaviour model name (images/models.ts). */
  model: string;
}

/** Deterministic fake sha256 from a label (FNV-1a chained), so digests stay stable across runs. */
export function fakeSha256(label: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    const s = `${label}#${round}`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

interface Entry { repo: string; tags: string[]; sizeMB: number; pullMs: number; model: string }

const PUBLIC: Entry[] = [
  { repo: 'docker.io/library/nginx', tags: ['latest', '1.27', '1.27.5', '1.27-alpine', 'alpine', '1.29', '1.29.1', 'stable', 'mainline', '1.25'], sizeMB: 192, pullMs: 6200, model: 'nginx' },
  { repo: 'docker.io/library/busybox', tags: ['latest', '1.36', '1.37', '1.37.0', 'stable'], sizeMB: 4, pullMs: 1900, model: 'busybox' },
  { repo: 'docker.io/curlimages/curl', tags: ['latest', '8.10.1', '8.11.1', '8.15.0', '8.16.0'], sizeMB: 24, pullMs: 2600, model: 'curl' },
  // node variants differ a lot in size (uncompressed, as `docker images` shows them) [M]: alpine ~135 MB,
  // bookworm-slim ~196 MB (the Dockerfile's pinned base), the full bookworm image ~1.1 GB
  { repo: 'docker.io/library/node', tags: ['20-alpine', '22-alpine', 'lts-alpine'], sizeMB: 135, pullMs: 8000, model: 'node' },
  { repo: 'docker.io/library/node', tags: ['20-slim', '22-slim', '20-bookworm-slim', '20.20.2-bookworm-slim', '22-bookworm-slim'], sizeMB: 196, pullMs: 9000, model: 'node' },
  { repo: 'docker.io/library/node', tags: ['20', '22'], sizeMB: 1100, pullMs: 30000, model: 'node' },
  { repo: 'docker.io/library/python', tags: ['3.11-slim', '3.12-slim', '3.11', '3.12'], sizeMB: 130, pullMs: 8000, model: 'python' },
];

export type PullResult =
  | { ok: true; image: RegistryImage }
  | { ok: false; error: string };

export class Registry {
  private images = new Map<string, RegistryImage>();
  private repos = new Set<string>();

  constructor() {
    for (const e of PUBLIC) {
      this.repos.add(e.repo);
      for (const tag of e.tags) {
        const canonical = `${e.repo}:${tag}`;
        this.images.set(canonical, {
          canonical,
          digest: `sha256:${fakeSha256('digest:' + canonical)}`,
          id: `sha256:${fakeSha256('id:' + canonical)}`,
          sizeBytes: Math.round(e.sizeMB * 1_000_000 + (fakeSha256(canonical).charCodeAt(0) * 7919) % 1_000_000),
          pullMs: e.pullMs,
          model: e.model,
        });
      }
    }
  }

  /** Publishes an image (used by tests and by a scenario that "pushes" an image). */
  publish(image: RegistryImage): void {
    this.images.set(image.canonical, image);
    this.repos.add(image.canonical.replace(/[:@][^:/@]*$/, ''));
  }

  /**
   * Resolves a pull. Error texts are the Docker daemon's (minikube uses the docker runtime via cri-dockerd):
   * unknown or private repository → `pull access denied …` (reference §1.3 [D]);
   * known repository, unknown tag → `manifest for nginx:9.9 not found: manifest unknown: manifest unknown` [M].
   */
  pull(image: string): PullResult {
    const p = parseImageRef(image);
    if (!p.ok) return { ok: false, error: `invalid reference format` };
    const ref = p.ref;
    const repo = `${ref.domain}/${ref.path}`;
    if (!this.repos.has(repo)) {
      if (ref.domain !== 'docker.io') {
        return { ok: false, error: `Error response from daemon: Get "https://${ref.domain}/v2/": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')} on 192.168.49.1:53: no such host` };
      }
      return {
        ok: false,
        error: `Error response from daemon: pull access denied for ${ref.familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      };
    }
    const found = ref.digest
      ? [...this.images.values()].find((i) => i.canonical.startsWith(repo + ':') && i.digest === ref.digest)
      : this.images.get(ref.canonical);
    if (!found) {
      return { ok: false, error: `Error response from daemon: manifest for ${ref.familiar}:${ref.tag} not found: manifest unknown: manifest unknown` };
    }
    return { ok: true, image: found };
  }
}

/** Images a fresh minikube v1.37 node already holds (reference kubectl-layouts §5.5). */
export const MINIKUBE_SYSTEM_IMAGES: { ref: string; sizeMB: number }[] = [
  { ref: 'registry.k8s.io/pause:3.10.1', sizeMB: 0.74 },
  { ref: 'registry.k8s.io/kube-scheduler:v1.34.0', sizeMB: 52.8 },
  { ref: 'registry.k8s.io/kube-proxy:v1.34.0', sizeMB: 75.9 },
  { ref: 'registry.k8s.io/kube-controller-manager:v1.34.0', sizeMB: 74.9 },
  { ref: 'registry.k8s.io/kube-apiserver:v1.34.0', sizeMB: 88.0 },
  { ref: 'registry.k8s.io/etcd:3.6.4-0', sizeMB: 195.0 },
  { ref: 'registry.k8s.io/coredns/coredns:v1.12.1', sizeMB: 75.0 },
  { ref: 'gcr.io/k8s-minikube/storage-provisioner:v5', sizeMB: 31.5 },
];
