/**
 * An image store: the minikube node's Docker (used by the kubelet) and, in the terminal, the
 * workstation's Docker. Images are keyed by canonical reference (`docker.io/library/nginx:1.27`).
 */
import { parseImageRef, type ImageRef } from './ref';
import type { Millis } from '../clock/index';

export interface ImageRecord {
  /** `sha256:<64 hex>` — the image (config) ID. */
  id: string;
  /** Canonical references pointing at this image. */
  refs: string[];
  sizeBytes: number;
  created: Millis;
  /** Registry digest (`sha256:…`) when the image came from a registry; absent for local builds. */
  repoDigest?: string;
  /** The behaviour model to run containers from this image with (see images/models.ts). */
  model: string;
}

export type ImageStoreListener = (change: { type: 'added' | 'removed'; ref: string; image: ImageRecord }) => void;

export class ImageStore {
  private byRef = new Map<string, ImageRecord>();
  private listeners = new Set<ImageStoreListener>();

  /** Looks an image up by any reference form (`nginx`, `nginx:1.27`, `docker.io/library/nginx:1.27`). */
  get(ref: string): ImageRecord | undefined {
    const p = parseImageRef(ref);
    if (!p.ok) return undefined;
    return this.byRef.get(p.ref.canonical);
  }

  has(ref: string): boolean {
    return this.get(ref) !== undefined;
  }

  /** Adds (or re-tags) an image under `ref`. Returns the parsed reference. */
  add(ref: string, image: Omit<ImageRecord, 'refs'> & { refs?: string[] }): ImageRef {
    const p = parseImageRef(ref);
    if (!p.ok) throw new Error(`invalid image reference "${ref}": ${p.error}`);
    const canonical = p.ref.canonical;
    const old = this.byRef.get(canonical);
    if (old && old.id !== image.id) this.untag(canonical);
    let rec = [...this.byRef.values()].find((r) => r.id === image.id);
    if (!rec) rec = { ...image, refs: [] };
    if (!rec.refs.includes(canonical)) rec.refs.push(canonical);
    this.byRef.set(canonical, rec);
    for (const l of this.listeners) l({ type: 'added', ref: canonical, image: rec });
    return p.ref;
  }

  /** Removes one reference (like `docker rmi name:tag`). Returns false when absent. */
  remove(ref: string): boolean {
    const p = parseImageRef(ref);
    if (!p.ok || !this.byRef.has(p.ref.canonical)) return false;
    this.untag(p.ref.canonical);
    return true;
  }

  private untag(canonical: string): void {
    const rec = this.byRef.get(canonical);
    if (!rec) return;
    this.byRef.delete(canonical);
    rec.refs = rec.refs.filter((r) => r !== canonical);
    for (const l of this.listeners) l({ type: 'removed', ref: canonical, image: rec });
  }

  /** Every (reference, image) pair, sorted by reference. */
  list(): { ref: string; image: ImageRecord }[] {
    return [...this.byRef.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ref, image]) => ({ ref, image }));
  }

  subscribe(l: ImageStoreListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
