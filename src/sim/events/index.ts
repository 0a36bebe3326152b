/**
 * Event recording as client-go's EventRecorder + EventCorrelator do it: identical events
 * (same source, involved object incl. fieldPath, type, reason, message) are aggregated into one
 * Event object whose `count` and `lastTimestamp` go up. Events are ordinary objects in the store
 * (kind Event), named `<involvedObject.name>.<hex nanoseconds>` as the real recorder names them.
 */
import type { KEvent, KObject, ObjectReference } from '../api/types';
import type { Store } from '../store/store';
import { rfc3339, parseRfc3339, type Millis } from '../clock/index';

export type EventType = 'Normal' | 'Warning';

export interface EventSource { component: string; host?: string }

export const SOURCES = {
  kubelet: { component: 'kubelet', host: 'minikube' },
  scheduler: { component: 'default-scheduler' },
  deployment: { component: 'deployment-controller' },
  replicaset: { component: 'replicaset-controller' },
  endpoints: { component: 'endpoint-controller' },
  endpointslice: { component: 'endpointslice-controller' },
  gc: { component: 'garbage-collector-controller' },
  /** node-lifecycle-controller's recorder (pkg/controller/nodelifecycle: RegisteredNode) */
  nodeController: { component: 'node-controller' },
  daemonset: { component: 'daemonset-controller' },
  job: { component: 'job-controller' },
} as const satisfies Record<string, EventSource>;

export function refTo(o: KObject, fieldPath?: string): ObjectReference {
  const r: ObjectReference = {
    kind: o.kind,
    namespace: o.metadata.namespace,
    name: o.metadata.name,
    uid: o.metadata.uid,
    apiVersion: o.apiVersion,
    resourceVersion: o.metadata.resourceVersion,
  };
  if (fieldPath) r.fieldPath = fieldPath;
  if (r.namespace === undefined) delete r.namespace;
  return r;
}

/** `spec.containers{llmops-container}` — the fieldPath the kubelet gives container events. */
export function containerFieldPath(container: string): string {
  return `spec.containers{${container}}`;
}

export class EventRecorder {
  /** aggregation key → event name (the store object is the source of truth) */
  private index = new Map<string, { ns: string; name: string }>();
  private lastNs = 0n;
  /** BigInt(now) * 1e6 for the last `now` seen (many events share an instant) */
  private baseMs = NaN;
  private baseNs = 0n;

  constructor(private readonly store: Store, private readonly now: () => Millis) {}

  /**
   * Records (or aggregates) an event. Like a real recorder, a rejected write (e.g. the namespace is being
   * terminated) is dropped, never thrown at the controller. Returns undefined then.
   */
  record(source: EventSource, obj: KObject, type: EventType, reason: string, message: string, fieldPath?: string): KEvent | undefined {
    try {
      return this.write(source, obj, type, reason, message, fieldPath);
    } catch {
      return undefined;
    }
  }

  private write(source: EventSource, obj: KObject, type: EventType, reason: string, message: string, fieldPath?: string): KEvent {
    const ref = refTo(obj, fieldPath);
    const ns = obj.metadata.namespace ?? 'default';
    const key = [source.component, ref.kind, ns, ref.name, ref.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const ts = rfc3339(this.now());
    const hit = this.index.get(key);
    if (hit) {
      const cur = this.store.get<KEvent>('Event', hit.ns, hit.name);
      if (cur) {
        return this.store.update<KEvent>({ ...cur, count: (cur.count ?? 1) + 1, lastTimestamp: ts, metadata: { ...cur.metadata, resourceVersion: undefined } });
      }
    }
    const nowMs = this.now();
    if (nowMs !== this.baseMs) { this.baseMs = nowMs; this.baseNs = BigInt(nowMs) * 1_000_000n; }
    let nanos = this.baseNs;
    if (nanos <= this.lastNs) nanos = this.lastNs + 1n;
    this.lastNs = nanos;
    const name = `${ref.name}.${nanos.toString(16)}`;
    const ev: KEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: ref,
      reason,
      message,
      source: { ...source },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const created = this.store.create(ev, { adopt: true }); // ev and its parts are built above, for this call only
    this.index.set(key, { ns, name });
    return created;
  }

  /** Events about one object (by uid when known, else kind/name), sorted as describe sorts them (by lastTimestamp). */
  for(obj: { kind: string; namespace?: string; name: string; uid?: string }): KEvent[] {
    const all = this.store.list<KEvent>('Event', { namespace: obj.namespace ?? 'default' });
    const mine = all.filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.name && (!obj.uid || !e.involvedObject.uid || e.involvedObject.uid === obj.uid));
    return sortByLastTimestamp(mine);
  }
}

export function sortByLastTimestamp(evs: KEvent[]): KEvent[] {
  const t = (e: KEvent) => (e.lastTimestamp ? parseRfc3339(e.lastTimestamp) ?? 0 : 0);
  return [...evs].sort((a, b) => t(a) - t(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

/** Describe's Age cell: `35s (x4 over 2m4s)` for repeated events, `5m38s` otherwise. */
export function eventAge(e: KEvent, nowMs: Millis, human: (ms: number) => string): string {
  const first = e.firstTimestamp ? parseRfc3339(e.firstTimestamp) ?? nowMs : nowMs;
  const last = e.lastTimestamp ? parseRfc3339(e.lastTimestamp) ?? nowMs : nowMs;
  if ((e.count ?? 1) > 1) return `${human(nowMs - last)} (x${e.count} over ${human(nowMs - first)})`;
  return human(nowMs - first);
}
