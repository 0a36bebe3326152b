/**
 * The controllers' work queue: FIFO of `controller|namespace/name` keys with de-duplication,
 * like client-go's workqueue (a key waiting in the queue is not added twice).
 */
export class Fifo {
  private items: string[] = [];
  private head = 0;
  private queued = new Set<string>();

  add(item: string): void {
    if (this.queued.has(item)) return;
    this.queued.add(item);
    this.items.push(item);
  }

  pop(): string | undefined {
    if (this.head >= this.items.length) {
      if (this.items.length) { this.items = []; this.head = 0; }
      return undefined;
    }
    const it = this.items[this.head++]!;
    this.queued.delete(it);
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return it;
  }

  get length(): number {
    return this.items.length - this.head;
  }
}

/**
 * Two FIFOs: per-object work (scheduler, kubelet, GC) first, then aggregating controllers
 * (replicaset, deployment, endpoints) that look at many objects at once. Within one virtual instant
 * the aggregators then run once per batch of pod changes instead of once per pod — the effect
 * client-go's rate-limited queues have in a real controller manager.
 */
export class WorkQueue {
  private hi = new Fifo();
  private lo = new Fifo();
  constructor(private readonly isLow: (item: string) => boolean) {}
  add(item: string): void {
    (this.isLow(item) ? this.lo : this.hi).add(item);
  }
  pop(): string | undefined {
    return this.hi.pop() ?? this.lo.pop();
  }
  get length(): number {
    return this.hi.length + this.lo.length;
  }
}
