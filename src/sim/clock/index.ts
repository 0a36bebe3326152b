/**
 * Virtual time and seeded randomness for the simulator.
 *
 * Nothing in src/sim reads the wall clock or Math.random: every component receives a
 * {@link VirtualClock} and a {@link Prng}. The same seed and the same commands therefore
 * give the same names, IPs and timings on every run.
 */

/** Milliseconds since the Unix epoch, in virtual time. */
export type Millis = number;

/** 2025-09-15T15:30:00Z — a fixed default start so transcripts are reproducible. */
export const DEFAULT_START_MS: Millis = 1757950200000;

export class VirtualClock {
  private ms: Millis;
  constructor(startMs: Millis = DEFAULT_START_MS) {
    this.ms = startMs;
  }
  now(): Millis {
    return this.ms;
  }
  /** Moves time forward (never backwards). */
  setTo(ms: Millis): void {
    if (ms > this.ms) this.ms = ms;
  }
}

/**
 * A min-heap of timers ordered by (time, insertion sequence), so timers due at the same
 * instant fire in the order they were scheduled.
 */
export interface Timer {
  readonly id: number;
  readonly at: Millis;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

export class TimerQueue {
  private heap: Timer[] = [];
  private seq = 0;
  private live = 0;

  schedule(at: Millis, fn: () => void): Timer {
    const t: Timer = { id: ++this.seq, at, seq: this.seq, fn, cancelled: false };
    this.heap.push(t);
    this.live++;
    this.up(this.heap.length - 1);
    return t;
  }

  cancel(t: Timer | undefined): void {
    if (t && !t.cancelled) {
      t.cancelled = true;
      this.live--;
    }
  }

  get size(): number {
    return this.live;
  }

  /** Time of the earliest live timer, or undefined. */
  peekTime(): Millis | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Removes and returns the earliest live timer if it is due at or before `now`. */
  popDue(now: Millis): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > now) return undefined;
    this.pop();
    this.live--;
    return top;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/** The alphabet Kubernetes uses for generated name suffixes and safe-encoded hashes (no vowels, no 0/1/3). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A small seeded PRNG (mulberry32). Deterministic for a given seed. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  /** n characters drawn from `alphabet` (default: the Kubernetes safe alphabet). */
  string(n: number, alphabet: string = SAFE_ALPHABET): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
  hex(n: number): string {
    return this.string(n, '0123456789abcdef');
  }
  /** A random (version 4 shaped) UUID. */
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(4)]!;
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
  /** A child generator with its own stream, so adding draws in one component doesn't shift another's. */
  fork(label: string): Prng {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) {
      h ^= label.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return new Prng((this.state ^ h) >>> 0);
  }
}

/** Generated name suffix as the API server's generateName does: 5 characters of the safe alphabet. */
export function nameSuffix(rng: Prng): string {
  return rng.string(5);
}

const DAY_MS = 86_400_000;

/** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm); avoids the Date object. */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

let lastMs = NaN;
let lastText = '';
/** RFC 3339 in UTC with second precision, the way the API serialises metav1.Time: `2025-09-15T15:52:27Z`. */
export function rfc3339(ms: Millis): string {
  // a pure function called many times per virtual instant with the same value: remember the last one
  if (ms === lastMs) return lastText;
  lastText = rfc3339Of(ms);
  lastMs = ms;
  return lastText;
}
function rfc3339Of(ms: Millis): string {
  const days = Math.floor(ms / DAY_MS);
  const rem = ms - days * DAY_MS;
  const [y, mo, d] = civilFromDays(days);
  const s = Math.floor(rem / 1000);
  return `${y}-${pad(mo)}-${pad(d)}T${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}Z`;
}

/** Parses the RFC 3339 forms the simulator writes (and fractional/offset variants) back to ms. */
export function parseRfc3339(s: string): Millis | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return undefined;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  // days from civil
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = mo > 2 ? mo - 3 : mo + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  let ms = days * DAY_MS + (+m[4]! * 3600 + +m[5]! * 60 + +m[6]!) * 1000;
  if (m[7]) ms += Math.round(Number('0' + m[7]) * 1000);
  const off = m[8]!;
  if (off !== 'Z') {
    const sign = off[0] === '-' ? -1 : 1;
    ms -= sign * (+off.slice(1, 3) * 3600 + +off.slice(4, 6) * 60) * 1000;
  }
  return ms;
}
