/** Test helpers: a store on a fixed virtual clock and a small seeded PRNG (mulberry32). */
import { Store } from '../store/store';

export function testStore(seed = 42, startMs = 1757950200000): { store: Store; advance: (s: number) => void } {
  let t = startMs;
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const store = new Store({ now: () => t, random });
  for (const name of ['default', 'kube-system']) store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return { store, advance: (s) => (t += s * 1000) };
}
