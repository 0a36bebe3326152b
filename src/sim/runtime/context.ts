/**
 * What every runtime component (controllers, kubelet, network) is given: the store, the virtual
 * clock and timers, a seeded PRNG, the event recorder and a way to queue reconcile work.
 */
import type { Store } from '../store/store';
import type { Prng, Timer, Millis } from '../clock/index';
import type { EventRecorder } from '../events/index';

export interface RuntimeContext {
  store: Store;
  now(): Millis;
  /** Runs `fn` at virtual time `at` (during advance()). */
  schedule(at: Millis, fn: () => void): Timer;
  cancel(t: Timer | undefined): void;
  rng: Prng;
  events: EventRecorder;
  /** Queue `reconcile(key)` of a controller ("deployment", "replicaset", "endpoints", "scheduler", "kubelet", …). */
  enqueue(controller: string, key: string): void;
  /** Objects of `kind` owned by `ownerUid` (an index, not a scan), in creation order. */
  dependents<T extends import('../api/types').KObject>(ownerUid: string, kind: string): T[];
  /** Number of Pod objects in the store (all namespaces). */
  podCount(): number;
  /** Objects of `kind` in `namespace` that have no controller. */
  orphans<T extends import('../api/types').KObject>(kind: string, namespace: string): T[];
}
