/**
 * Helpers shared by the controllers: pod-template-hash, rolling-update fenceposts, pod
 * readiness/availability, owner references.
 */
import type { Condition, IntOrString, KObject, OwnerReference, Pod, PodTemplateSpec } from '../api/types';
import { SAFE_ALPHABET } from '../clock/index';

/** JSON with keys sorted at every level (a deterministic dump for hashing). */
export function stableDump(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableDump(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableDump(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** FNV-1a, 32 bit, over the UTF-8 bytes of `s`. */
export function fnv1a32(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    const bytes: number[] = [];
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    for (const b of bytes) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character maps to SAFE_ALPHABET[charCode % 27]. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/**
 * pod-template-hash as controller.ComputeHash does it: FNV-1a 32 over a deterministic dump of the
 * template (plus the collision count as 4 little-endian bytes), printed in decimal and safe-encoded
 * (reference §3 [S] pkg/controller/controller_utils.go). The dump here is sorted-key JSON rather than Go's
 * spew output, so the value differs from a real cluster's for the same template, but it has the same
 * shape (characters 4-9, b, c, d, f) and the same properties: deterministic, unchanged by `replicas`.
 */
export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  // The hash label itself is not part of the hashed template.
  const t = JSON.parse(JSON.stringify(template)) as PodTemplateSpec;
  if (t.metadata?.labels) delete t.metadata.labels['pod-template-hash'];
  let h = fnv1a32(stableDump(t));
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = collisionCount >>> 0;
    for (const b of [c & 255, (c >> 8) & 255, (c >> 16) & 255, (c >>> 24) & 255]) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return safeEncode(String(h >>> 0));
}

/** Resolves an int-or-percent against `total` (intstr.GetScaledValueFromIntOrPercent). */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean, dflt: IntOrString): number {
  const x = v ?? dflt;
  if (typeof x === 'number') return x;
  const m = /^(\d+)%$/.exec(x);
  if (!m) return Number(x) || 0;
  const f = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(f) : Math.floor(f);
}

/**
 * ResolveFenceposts [S pkg/controller/deployment/util/deployment_util.go]: maxSurge rounds up,
 * maxUnavailable rounds down; both zero → maxUnavailable 1.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, replicas: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, replicas, true, '25%');
  let unavailable = scaledValue(maxUnavailable, replicas, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function getCondition(conds: Condition[] | undefined, type: string): Condition | undefined {
  return conds?.find((c) => c.type === type);
}

export function isPodReady(p: Pod): boolean {
  return getCondition(p.status?.conditions, 'Ready')?.status === 'True';
}

/** Ready for at least minReadySeconds at `nowMs` (podutil.IsPodAvailable). */
export function isPodAvailable(p: Pod, minReadySeconds: number, nowMs: number, parseTime: (s: string) => number): boolean {
  const c = getCondition(p.status?.conditions, 'Ready');
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const t = c.lastTransitionTime ? parseTime(c.lastTransitionTime) : NaN;
  return Number.isFinite(t) && t + minReadySeconds * 1000 <= nowMs;
}

export function isTerminating(o: KObject): boolean {
  return !!o.metadata.deletionTimestamp;
}

export function isPodActive(p: Pod): boolean {
  return !isTerminating(p) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

export function controllerRef(o: KObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRefTo(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

export function isOwnedBy(o: KObject, owner: KObject): boolean {
  return !!o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid);
}
