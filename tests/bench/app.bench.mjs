// Benchmark of the Anime Recommender (npm run bench:app). Figures for the report, never asserted:
//  - time from process start to /ready 200 (the index build the readiness probe waits for);
//  - /api/recommend latency p50/p90/p99 and requests per second under autocannon, 10 s against 127.0.0.1,
//    offline mode, cycling through typical queries;
//  - the process's resident memory (RSS) at idle after start-up and at its peak under load.
// Results are printed and written to tests/bench/results/app.json (git-ignored).
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const QUERIES = [
  'something like Cowboy Bebop but funnier',
  'scary school',
  'giant robots in space',
  'romantic comedy at school',
  'like Death Note',
  'cozy slice of life',
  'funny sports anime',
  'a sad movie',
  'samurai',
  'time travel',
];

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  execFileSync(process.execPath, [join(ROOT, 'app', 'build-if-needed.mjs')], { stdio: 'inherit' });
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  // BENCH_NODE_ARGS tries runtime flags, e.g. BENCH_NODE_ARGS=--max-semi-space-size=4
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'app', 'dist', 'server.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  let readyMs;
  for (let i = 0; i < 400; i++) {
    const ok = await fetch(`${base}/ready`).then((r) => r.status === 200, () => false);
    if (ok) {
      readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
      break;
    }
    await sleep(5);
  }
  if (readyMs === undefined) throw new Error('the app did not become ready');
  await sleep(500);
  const idleRss = rssMiB(child.pid);

  let peakRss = idleRss;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, rssMiB(child.pid));
    } catch {
      /* process gone */
    }
  }, 100);

  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: QUERIES.map((q) => ({ method: 'GET', path: `/api/recommend?q=${encodeURIComponent(q)}&limit=5` })),
  });
  clearInterval(sampler);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));

  const figures = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    // The machine is shared: a high load average inflates every latency figure below.
    loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    nodeArgs,
    readyAfterStartMs: Math.round(readyMs),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    requestsPerSecond: { average: result.requests.average, min: result.requests.min },
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    memoryMiB: { idleRss, peakRss },
    goals: { p99UnderMs: 10, memoryUnderMiB: 100 },
  };
  // The ranking alone, in this process, without HTTP: separates the app's own cost from scheduling noise.
  const { loadAnime } = await import(join(ROOT, 'app', 'dist', 'data.js'));
  const { Recommender } = await import(join(ROOT, 'app', 'dist', 'recommender.js'));
  const rec = new Recommender(loadAnime());
  for (let i = 0; i < 200; i++) rec.recommend(QUERIES[i % QUERIES.length], 5);
  const samples = [];
  for (let i = 0; i < 5000; i++) {
    const t = process.hrtime.bigint();
    rec.recommend(QUERIES[i % QUERIES.length], 5);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const pct = (p) => Math.round(samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] * 1000) / 1000;
  figures.rankingOnlyMs = { p50: pct(50), p99: pct(99), samples: samples.length };

  mkdirSync(join(ROOT, 'tests', 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'tests', 'bench', 'results', 'app.json'), JSON.stringify(figures, null, 2) + '\n');
  console.log(JSON.stringify(figures, null, 2));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
