/**
 * The controllers' work queue: FIFO of `controller|namespace/name` keys with de-duplication,
 * like client-go's workqueue (a key waiting in the queue is not added twice).
 */
export class WorkQueue {
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
