// Site benchmark (`npm run bench:site`): serves the built site (dist/, or the directory given as the first argument
// or in SITE_DIST) with gzip like tests/e2e/server.ts does, loads the home page and every lesson in headless
// Chromium with a cold cache, and prints for each page the compressed bytes of HTML, CSS and JS transferred and the
// first contentful paint. Figures for the report; nothing here is asserted. Results also go to
// tests/bench/results/site.json.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const DIST = resolve(process.argv[2] ?? process.env.SITE_DIST ?? 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 3);

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`No built site at ${DIST}: run \`npm run build\` first (or pass the directory).`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.yaml': 'text/yaml; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.yaml']);
const KIND = { '.html': 'html', '.css': 'css', '.js': 'js', '.mjs': 'js' };

/** Every response the server sends, for the page being measured: [kind, bytes on the wire]. */
let sent = [];

async function findFile(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  const base = join(DIST, clean);
  if (!base.startsWith(DIST)) return null;
  for (const candidate of [base, join(base, 'index.html'), base + '.html']) {
    try { if ((await stat(candidate)).isFile()) return candidate; } catch { /* next */ }
  }
  return null;
}

const server = createServer(async (req, res) => {
  let file = await findFile(req.url ?? '/');
  let status = 200;
  if (!file) { file = join(DIST, '404.html'); status = 404; }
  let body;
  try { body = await readFile(file); } catch { res.writeHead(404).end(); return; }
  const ext = extname(file);
  const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  sent.push([KIND[ext] ?? 'other', body.length, req.url]);
  res.writeHead(status, headers).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const profile = await mkdtemp(join(tmpdir(), 'manifest-lab-bench-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The pages: the home page and every lesson the home page's outline links to.
const first = await browser.newPage();
await first.goto(`${base}/`);
const lessonPaths = await first.$$eval('.home-outline a[data-progress-slug], a[data-progress-slug]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
await first.close();
const paths = ['/', ...lessonPaths];

const rows = [];
for (const path of paths) {
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    // Cold cache each run; the service worker is blocked so its background precaching is not counted as page weight.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    sent = [];
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const fcp = await page.evaluate(() => new Promise((done) => {
      const entry = performance.getEntriesByName('first-contentful-paint')[0];
      if (entry) return done(entry.startTime);
      new PerformanceObserver((list) => done(list.getEntries()[0]?.startTime ?? null)).observe({ type: 'paint', buffered: true });
      setTimeout(() => done(null), 3000);
    }));
    const bytes = { html: 0, css: 0, js: 0, other: 0 };
    for (const [kind, n] of sent) bytes[kind] += n;
    samples.push({ ...bytes, fcp, requests: sent.length });
    await context.close();
  }
  const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
  const last = samples.at(-1);
  rows.push({ path, html: last.html, css: last.css, js: last.js, other: last.other, requests: last.requests, fcpMs: median(samples.map((s) => s.fcp)) });
}

await browser.close();
server.close();
await rm(profile, { recursive: true, force: true });

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`Site benchmark: ${DIST}, gzip, cold cache, 1280×800, median FCP of ${RUNS} runs\n`);
console.log(`${'page'.padEnd(34)} ${'HTML KB'.padStart(7)} ${'CSS KB'.padStart(7)} ${'JS KB'.padStart(7)} ${'other'.padStart(7)} ${'req'.padStart(4)} ${'FCP ms'.padStart(7)}`);
for (const r of rows) {
  console.log(`${r.path.padEnd(34)} ${kb(r.html)} ${kb(r.css)} ${kb(r.js)} ${kb(r.other)} ${String(r.requests).padStart(4)} ${(r.fcpMs === null ? '–' : r.fcpMs.toFixed(0)).padStart(7)}`);
}
const maxJs = Math.max(...rows.filter((r) => r.path !== '/').map((r) => r.js));
console.log(`\nLargest lesson JS before any lab is opened: ${(maxJs / 1024).toFixed(1)} KB compressed (budget 60 KB).`);

await mkdir('tests/bench/results', { recursive: true });
await writeFile('tests/bench/results/site.json', JSON.stringify({ dist: DIST, runs: RUNS, at: new Date().toISOString(), rows }, null, 2));
