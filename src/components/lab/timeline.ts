// Snapshots of the cluster view, one per event or clock tick that changed it, so the timeline can be scrubbed
// back to an earlier state. Bounded: past `capacity` the oldest snapshots are dropped.
export interface Snapshot<T> { t: number; label: string; value: T }

export class Timeline<T> {
  private items: Snapshot<T>[] = [];
  constructor(readonly capacity = 300) {}

  /** Records a snapshot; an identical key at the same time replaces the previous one instead of piling up. */
  push(t: number, label: string, value: T): void {
    const last = this.items[this.items.length - 1];
    if (last && last.t === t && last.label === label) { last.value = value; return; }
    this.items.push({ t, label, value });
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  get length(): number { return this.items.length; }
  at(i: number): Snapshot<T> | undefined { return this.items[Math.max(0, Math.min(this.items.length - 1, i))]; }
  latest(): Snapshot<T> | undefined { return this.items[this.items.length - 1]; }
  all(): readonly Snapshot<T>[] { return this.items; }
  clear(): void { this.items = []; }
}

/** Virtual time as the clock shows it: minutes and seconds since the lab started (h:mm:ss past an hour). */
export function formatElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}
