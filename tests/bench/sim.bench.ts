/**
 * `npm run bench`: how fast the simulator reconciles. Applies the seed manifest and runs 60 virtual
 * seconds, then scales the Deployment to 10, 100, 1,000 and 5,000 replicas, each followed by 60 virtual
 * seconds. Prints, per step, the best wall and CPU time over REPEATS runs (the machine may be shared),
 * pods, running pods, store objects and heap growth. Beyond 110 pods the node is full (kubelet maxPods),
 * so the rest stay Pending with FailedScheduling, as on a real one-node minikube.
 * Goals: seed < 5 ms, 1,000 replicas < 100 ms, growth no worse than n log n.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCluster } from '../../src/sim/index';
import { SEED_MANIFEST, createSecret, loadLocalImage } from '../../src/sim/testing/index';
import type { Deployment, Pod } from '../../src/sim/api/types';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
// A full GC before each heap reading, without needing `node --expose-gc` in the npm script.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (() => void) | undefined;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const heap = () => { gc?.(); return process.memoryUsage().heapUsed; };

interface Row { step: string; wall: number; cpu: number; writes: number; pods: number; running: number; objects: number; heapMB: string }

function timed(fn: () => void): { wall: number; cpu: number } {
  const t = performance.now();
  const c0 = process.cpuUsage();
  fn();
  const c1 = process.cpuUsage(c0);
  return { wall: performance.now() - t, cpu: (c1.user + c1.system) / 1000 };
}

function scale(c: ReturnType<typeof createCluster>, n: number): void {
  const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
  c.store.update({ ...d, spec: { ...d.spec, replicas: n }, metadata: { ...d.metadata, resourceVersion: undefined } });
}

function sequence(seed: number): Row[] {
  const rows: Row[] = [];
  const h0 = heap();
  let c!: ReturnType<typeof createCluster>;
  /** store writes (ADDED/MODIFIED/DELETED seen by watchers) during the current step: a load-independent measure of work */
  let writes = 0;
  let watching = false;
  const push = (step: string, t: { wall: number; cpu: number }) => {
    const pods = c.store.list<Pod>('Pod', { namespace: 'default' });
    rows.push({ step, ...t, writes: watching ? writes : NaN, pods: pods.length, running: pods.filter((p) => p.status?.phase === 'Running').length, objects: c.store.all().length, heapMB: mb(heap() - h0) });
    if (!watching) { c.store.watch(() => { writes++; }); watching = true; }
    writes = 0;
  };
  push('createCluster (minikube start)', timed(() => {
    c = createCluster({ seed });
    loadLocalImage(c.images);
    createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'x' });
  }));
  push('apply seed manifest + 60 s', timed(() => { c.apply(SEED_MANIFEST, 'llmops-k8s.yaml'); c.advance(60); }));
  for (const n of [10, 100, 1000, 5000]) push(`scale to ${n} + 60 s`, timed(() => { scale(c, n); c.advance(60); }));
  return rows;
}

// warm-up so JIT compilation is not billed to the measured steps
{
  const w = createCluster({ seed: 99 });
  loadLocalImage(w.images);
  createSecret(w, 'llmops-secrets', { GROQ_API_KEY: 'x' });
  w.apply(SEED_MANIFEST, 'llmops-k8s.yaml');
  w.advance(60);
  scale(w, 150);
  w.advance(60);
}

const runs = Array.from({ length: REPEATS }, (_, i) => sequence(i + 1));
const best = runs[0]!.map((r, i) => ({ ...runs[runs.length - 1]![i]!, wall: Math.min(...runs.map((x) => x[i]!.wall)), cpu: Math.min(...runs.map((x) => x[i]!.cpu)) }));
const table = [['step', 'wall ms', 'cpu ms', 'store writes', 'pods', 'running', 'store objects', 'heap MB'], ...best.map((r) => [r.step, r.wall.toFixed(2), r.cpu.toFixed(1), Number.isNaN(r.writes) ? '-' : String(r.writes), String(r.pods), String(r.running), String(r.objects), r.heapMB])];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
console.log(`best of ${REPEATS} runs`);
for (const r of table) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '));
const at = (n: number) => best.find((r) => r.step === `scale to ${n} + 60 s`)!;
const t1000 = Math.min(at(1000).wall, at(1000).cpu);
const t5000 = Math.min(at(5000).wall, at(5000).cpu);
const seedMs = Math.min(best[1]!.wall, best[1]!.cpu);
const w = (n: number) => at(n).writes;
console.log(`\nstore writes 5000/1000 replicas: ${(w(5000) / w(1000)).toFixed(2)} (work grows linearly; 4,000 new pods vs 900)`);
console.log(`cost ratio 5000/1000 replicas: ${(t5000 / t1000).toFixed(2)} (n log n would be ${((5000 * Math.log(5000)) / (1000 * Math.log(1000))).toFixed(2)})`);
console.log(`goals: seed < 5 ms: ${seedMs < 5 ? 'met' : 'NOT met'} (${seedMs.toFixed(2)} ms); 1,000 replicas < 100 ms: ${t1000 < 100 ? 'met' : 'NOT met'} (${t1000.toFixed(1)} ms)`);
