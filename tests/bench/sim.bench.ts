/**
 * `npm run bench`: how fast the simulator reconciles. Applies the seed manifest and runs 60 virtual
 * seconds, then scales the Deployment to 10, 100, 1,000 and 5,000 replicas, each followed by 60 virtual
 * seconds. Prints wall time, reconciles run and heap after each step. (Beyond 110 pods the node is full —
 * kubelet maxPods — so the rest stay Pending with FailedScheduling, as on a real one-node minikube.)
 * Goals: seed < 5 ms, 1,000 replicas < 100 ms, growth no worse than n log n.
 */
import { createCluster } from '../../src/sim/index';
import { SEED_MANIFEST, createSecret, loadLocalImage } from '../../src/sim/testing/index';
import type { Deployment, Pod } from '../../src/sim/api/types';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function heap(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** Wall and CPU time (the machine may be shared: CPU time is the steadier figure). */
function timed<T>(fn: () => T): { ms: number; cpu: number; value: T } {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const value = fn();
  const c1 = process.cpuUsage(c0);
  return { ms: performance.now() - t, cpu: (c1.user + c1.system) / 1000, value };
}

function run(): void {
  // warm-up run so JIT compilation is not billed to the first step
  {
    const w = createCluster({ seed: 99 });
    loadLocalImage(w.images);
    createSecret(w, 'llmops-secrets', { GROQ_API_KEY: 'x' });
    w.apply(SEED_MANIFEST, 'llmops-k8s.yaml');
    w.advance(60);
  }
  const rows: string[][] = [['step', 'wall ms', 'cpu ms', 'pods', 'running', 'store objects', 'heap MB']];
  const h0 = heap();
  const create = timed(() => {
    const c = createCluster({ seed: 1 });
    loadLocalImage(c.images);
    createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'x' });
    return c;
  });
  const c = create.value;
  const count = () => {
    const pods = c.store.list<Pod>('Pod', { namespace: 'default' });
    return [String(pods.length), String(pods.filter((p) => p.status?.phase === 'Running').length), String(c.store.all().length)];
  };
  rows.push(['createCluster (minikube start)', create.ms.toFixed(2), create.cpu.toFixed(1), ...count(), mb(heap() - h0)]);
  const seed = timed(() => {
    c.apply(SEED_MANIFEST, 'llmops-k8s.yaml');
    c.advance(60);
  });
  rows.push(['apply seed manifest + 60 s', seed.ms.toFixed(2), seed.cpu.toFixed(1), ...count(), mb(heap() - h0)]);
  const perN: [number, number][] = [];
  for (const n of [10, 100, 1000, 5000]) {
    const step = timed(() => {
      const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
      c.store.update({ ...d, spec: { ...d.spec, replicas: n }, metadata: { ...d.metadata, resourceVersion: undefined } });
      c.advance(60);
    });
    perN.push([n, Math.min(step.ms, step.cpu)]);
    rows.push([`scale to ${n} + 60 s`, step.ms.toFixed(2), step.cpu.toFixed(1), ...count(), mb(heap() - h0)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '));
  const [[, t1000] = [0, 0], [, t5000] = [0, 0]] = perN.filter(([n]) => n >= 1000);
  const seedMs = Math.min(seed.ms, seed.cpu);
  console.log(`\ncost ratio 5000/1000 replicas: ${(t5000 / t1000).toFixed(2)} (n log n would be ${(5 * Math.log(5000) / Math.log(1000)).toFixed(2)})`);
  console.log(`goals (min of wall and CPU time): seed < 5 ms: ${seedMs < 5 ? 'met' : 'NOT met'} (${seedMs.toFixed(2)} ms); 1,000 replicas < 100 ms: ${t1000 < 100 ? 'met' : 'NOT met'} (${t1000.toFixed(1)} ms)`);
}

run();
