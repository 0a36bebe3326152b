// A seeded PRNG for the workstation side (process ids, image ids, random local ports). The cluster has its own.
// mulberry32: tiny, fast, and good enough for names; never used for anything secret.
export class Rng {
  private state: number;
  constructor(seed: number) { this.state = (seed >>> 0) ^ 0x9e3779b9; }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  hex(n: number): string { let s = ''; for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)]; return s; }
  pick<T>(xs: readonly T[]): T { return xs[this.int(0, xs.length - 1)]!; }
}
