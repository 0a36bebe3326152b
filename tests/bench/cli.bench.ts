// `npm run bench:cli`: the terminal's speed, reported as figures (goals: a 100-command session through the CLI as a
// whole process under 1.5 s on this machine; under 5 ms per command in-process). Nothing here asserts a timing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuUsage } from 'node:process';
import { createShell } from '../../src/sim/shell/index';
import { readSeedFromDisk } from '../../src/sim/cli';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A realistic 100-command session: deploy, inspect, scale, update, troubleshoot. */
export function session(): string[] {
  const setup = [
    'minikube start', 'kubectl cluster-info', 'docker build -t llmops-app:latest .', 'minikube image load llmops-app:latest',
    'kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_bench',
    'kubectl apply -f manifests/llmops-k8s.yaml', 'kubectl rollout status deployment/llmops-app', 'sleep 5',
  ];
  const loop = [
    'kubectl get pods', 'kubectl get deploy,svc -o wide', 'kubectl describe pod -l app=llmops', 'kubectl logs deploy/llmops-app --tail=5',
    'kubectl get svc llmops-service -o yaml', 'kubectl get pods -o jsonpath={.items[*].metadata.name}', 'kubectl scale deployment llmops-app --replicas=3',
    'kubectl get endpoints llmops-service', 'kubectl scale deployment llmops-app --replicas=1', 'sleep 2', 'kubectl get events | tail -n 3',
    'curl -s $(minikube service llmops-service --url)/health', 'kubectl describe deploy llmops-app | head -n 5', 'echo $?', 'ls manifests',
  ];
  const cmds = [...setup];
  for (let i = 0; cmds.length < 100; i++) cmds.push(loop[i % loop.length]!);
  return cmds;
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
}

const cmds = session();
const script = cmds.join('\n') + '\n';

// whole process through `npm run sim`'s launcher (bundle built on the first run, so warm it up once)
spawnSync(process.execPath, [join(root, 'src/sim/cli-run.mjs')], { input: 'echo warm\n', encoding: 'utf8' });
const wall: number[] = [];
const childCpu: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'src/sim/cli-run.mjs')], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SIM_CPU_REPORT: '1' } });
  wall.push(performance.now() - t0);
  if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
  const m = /sim-cpu-ms ([\d.]+)/.exec(r.stderr);
  if (m) childCpu.push(Number(m[1]));
}
const load = (await import('node:os')).loadavg()[0]!;

// in-process: per command, on a warmed-up interpreter (one full session first)
const files = readSeedFromDisk();
const warm = createShell({ seed: 1, files, interactive: false });
for (const c of cmds) warm.run(c);
const sh = createShell({ seed: 2, files, interactive: false });
const per: number[] = [];
const perCpu: number[] = [];
const byCmd = new Map<string, number[]>();
const cpu0 = cpuUsage();
for (const c of cmds) {
  const c0 = cpuUsage();
  const t0 = performance.now();
  sh.run(c);
  const dt = performance.now() - t0;
  const cu = cpuUsage(c0);
  perCpu.push((cu.user + cu.system) / 1000);
  per.push(dt);
  const key = c.split(' ').slice(0, 2).join(' ');
  byCmd.set(key, [...(byCmd.get(key) ?? []), dt]);
}
const cpu = cpuUsage(cpu0);

const result = {
  commands: cmds.length,
  wholeProcessMs: stats(wall),
  wholeProcessCpuMs: stats(childCpu),
  loadAverage1m: load,
  inProcessPerCommandMs: stats(per),
  inProcessPerCommandCpuMs: stats(perCpu),
  inProcessCpuMs: (cpu.user + cpu.system) / 1000,
  slowest: [...byCmd.entries()].map(([k, v]) => ({ command: k, ...stats(v) })).sort((a, b) => b.max - a.max).slice(0, 5),
};
const fmt = (n: number) => n.toFixed(1);
console.log(`CLI session of ${cmds.length} commands, whole process (5 runs): median ${fmt(result.wholeProcessMs.p50)} ms, min ${fmt(Math.min(...wall))} ms, max ${fmt(result.wholeProcessMs.max)} ms (goal < 1500 ms)`);
console.log(`  CPU time of that process (user+system): median ${fmt(result.wholeProcessCpuMs.p50)} ms; machine load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
console.log(`In-process per command: mean ${fmt(result.inProcessPerCommandMs.mean)} ms, p50 ${fmt(result.inProcessPerCommandMs.p50)} ms, p95 ${fmt(result.inProcessPerCommandMs.p95)} ms, max ${fmt(result.inProcessPerCommandMs.max)} ms (goal < 5 ms)`);
console.log(`  CPU time per command: mean ${fmt(result.inProcessPerCommandCpuMs.mean)} ms, p50 ${fmt(result.inProcessPerCommandCpuMs.p50)} ms, p95 ${fmt(result.inProcessPerCommandCpuMs.p95)} ms, max ${fmt(result.inProcessPerCommandCpuMs.max)} ms`);
for (const s of result.slowest) console.log(`  slowest: ${s.command.padEnd(28)} max ${fmt(s.max)} ms, mean ${fmt(s.mean)} ms over ${s.n}`);
mkdirSync(join(root, 'tests/bench/results'), { recursive: true });
writeFileSync(join(root, 'tests/bench/results/cli.json'), JSON.stringify(result, null, 2) + '\n');
