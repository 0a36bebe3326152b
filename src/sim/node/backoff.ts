/**
 * The kubelet's exponential back-off (client-go util/flowcontrol.Backoff), used for both
 * container restarts (CrashLoopBackOff) and image pulls (ImagePullBackOff):
 * initial 10 s, doubling, capped at 300 s; an entry idle for more than 2 × max (10 min) is
 * forgotten, which is why a container that ran 10 minutes starts over at 10 s
 * [S pkg/kubelet/kubelet.go backOffPeriod/MaxContainerBackOff; client-go flowcontrol/backoff.go hasExpired].
 */
import type { Millis } from '../clock/index';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry { backoff: Millis; lastUpdate: Millis }

export class Backoff {
  private entries = new Map<string, Entry>();
  constructor(private readonly initial = BACKOFF_INITIAL_MS, private readonly max = BACKOFF_MAX_MS) {}

  private expired(e: Entry, eventTime: Millis): boolean {
    return eventTime - e.lastUpdate > 2 * this.max;
  }

  /** Next(id, eventTime): seeds or doubles the back-off for `id`. */
  next(id: string, eventTime: Millis): Millis {
    const e = this.entries.get(id);
    if (!e || this.expired(e, eventTime)) {
      this.entries.set(id, { backoff: this.initial, lastUpdate: eventTime });
      return this.initial;
    }
    e.backoff = Math.min(e.backoff * 2, this.max);
    e.lastUpdate = eventTime;
    return e.backoff;
  }

  /** Current back-off period for `id` (0 when none). */
  get(id: string): Millis {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** IsInBackOffSince(id, eventTime): still waiting at `now` after an event at `eventTime`? */
  isInBackOffSince(id: string, eventTime: Millis, now: Millis): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    if (this.expired(e, now)) return false;
    return now - eventTime < e.backoff;
  }

  /** When the back-off that started at `eventTime` ends. */
  endsAt(id: string, eventTime: Millis): Millis {
    return eventTime + this.get(id);
  }

  /** When the entry was last updated (0 when none). */
  lastUpdate(id: string): Millis {
    return this.entries.get(id)?.lastUpdate ?? 0;
  }

  reset(id: string): void {
    this.entries.delete(id);
  }

  /** Drops every entry whose key starts with `prefix` (a deleted pod's). */
  resetPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
