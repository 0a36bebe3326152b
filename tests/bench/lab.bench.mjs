// Lab benchmark in headless Chromium (Debian's /usr/bin/chromium) against a built site. Prints figures; asserts
// nothing about time. Usage: npm run bench:lab [-- --dist /tmp/lab-dist] [--runs 3]
//   open:      click "Open lab" on a lesson → editor and terminal interactive (lab element ready)
//   keystroke: one character typed in the editor → the simulator's validation (main thread, performance.measure)
//              and → updated markers in the DOM (end to end; monaco-yaml's own 500 ms debounce reported apart)
//   view:      cluster view with 100 and 1,000 pods: time to rebuild + draw, and frame times while time runs
//   weight:    what a page without a lab downloads
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from '../e2e/server.ts';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const DIST = opt('dist', 'dist');
const RUNS = Number(opt('runs', '3'));

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1].toFixed(1) };
};

const { server, url } = await serveDist(DIST);
const profile = await mkdtemp(join(tmpdir(), 'lab-bench-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'], viewport: { width: 1280, height: 900 },
});
const results = {};

async function findLessonWithLab(page) {
  await page.goto(`${url}/`);
  const links = await page.$$eval('a[href*="/lessons/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  for (const href of links) {
    await page.goto(new URL(href, url).href);
    if (await page.$('manifest-lab [data-lab-open], exercise-lab [data-exercise-open]')) return page.url();
  }
  return null;
}

try {
  // --- open a lab from a lesson -------------------------------------------------------------------------------
  const page = await ctx.newPage();
  const lesson = await findLessonWithLab(page);
  const openTimes = [];
  const warmTimes = [];
  if (lesson) {
    for (let i = 0; i < RUNS; i++) {
      await page.goto(lesson, { waitUntil: 'load' });
      // Every lab on the page, in order: the first open downloads and compiles the lab chunk (cold); later ones
      // reuse it (warm, what a learner gets once the chunk was prefetched on scroll).
      const count = await page.locator('manifest-lab [data-lab-open], exercise-lab [data-exercise-open]').count();
      for (let k = 0; k < count; k++) {
        const btn = page.locator('manifest-lab [data-lab-open], exercise-lab [data-exercise-open]').nth(k);
        await btn.scrollIntoViewIfNeeded();
        const before = await page.locator('.lab[data-ready]').count();
        const t0 = Date.now();
        await btn.click();
        await page.waitForFunction((n) => document.querySelectorAll('.lab[data-ready] .xterm-helper-textarea').length > n &&
          document.querySelectorAll('.lab[data-ready] .monaco-editor .view-lines').length > n, before, { timeout: 60_000 });
        (k === 0 ? openTimes : warmTimes).push(Date.now() - t0);
      }
    }
    results.openLab = { lesson: new URL(lesson).pathname, coldMs: openTimes, cold: stats(openTimes), warmMs: warmTimes, warm: warmTimes.length ? stats(warmTimes) : null };
  }

  // --- playground: keystrokes ---------------------------------------------------------------------------------
  await page.goto(`${url}/playground/`);
  await page.evaluate(() => localStorage.clear());
  const tPg = Date.now();
  await page.goto(`${url}/playground/`);
  await page.waitForSelector('manifest-lab[data-state="ready"] .lab[data-ready]', { timeout: 60_000 });
  results.playgroundReadyMs = Date.now() - tPg;
  results.playgroundBreakdownMs = await page.evaluate(() => {
    const get = (n) => performance.getEntriesByName(n).at(-1)?.startTime;
    const start = get('lab:open-start');
    const out = {};
    for (const n of ['lab:chunk-loaded', 'lab:backend-created', 'lab:editor-created', 'lab:terminal-created', 'lab:mounted']) { const t = get(n); if (t !== undefined && start !== undefined) out[n] = Math.round(t - start); }
    return out;
  });
  const focusEditor = () => page.evaluate(() => document.querySelector('manifest-lab').controller.editor.focus());
  await focusEditor();
  await page.keyboard.press('Control+End');
  const e2e = [];
  for (let i = 0; i < 15; i++) {
    // One character typed → the simulator's markers are set (validation runs 30 ms after the last keystroke).
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.type(i % 3 === 2 ? ':' : 'x');
    const end = await page.evaluate((since) => new Promise((ok) => {
      const check = () => {
        const done = performance.getEntriesByName('lab:validate').filter((e) => e.startTime >= since);
        if (done.length) { const e = done[done.length - 1]; ok(e.startTime + e.duration); } else requestAnimationFrame(check);
      };
      check();
    }), t0);
    e2e.push(end - t0);
  }
  const validate = await page.evaluate(() => performance.getEntriesByName('lab:validate').map((e) => e.duration));
  results.keystroke = {
    simulatorValidationMs: stats(validate),
    keystrokeToSimMarkersMs: stats(e2e),
    note: 'end to end = key press to the simulator markers being set, including the 30 ms debounce; monaco-yaml schema markers follow its own fixed 500 ms debounce',
  };

  // --- cluster view at 100 and 1,000 pods -----------------------------------------------------------------------
  const term = async (cmd) => {
    await page.click('.lab-terminal .xterm');
    await page.keyboard.type(cmd);
    await page.keyboard.press('Enter');
  };
  await term('minikube start');
  await page.waitForFunction(() => /Done!/.test(document.querySelector('manifest-lab').controller.terminal.screenText()), null, { timeout: 60_000 });
  await page.evaluate(() => { const c = document.querySelector('manifest-lab').controller; c.editor.setActive('manifests/llmops-k8s.yaml'); });
  await focusEditor();
  await page.keyboard.press('Control+S');
  for (const n of [100, 1000]) {
    await page.evaluate(() => performance.clearMeasures('lab:view'));
    await term(`kubectl scale deployment llmops-app --replicas=${n}`);
    await page.waitForFunction((want) => Number(document.querySelector('.lab')?.dataset.pods) >= Math.min(want, 1000), n, { timeout: 60_000 }).catch(() => undefined);
    const frames = await page.evaluate(() => new Promise((ok) => {
      const out = []; let last = performance.now(); const end = last + 3000;
      const f = (t) => { out.push(t - last); last = t; if (t < end) requestAnimationFrame(f); else ok(out); };
      requestAnimationFrame(f);
    }));
    const view = await page.evaluate(() => performance.getEntriesByName('lab:view').map((e) => e.duration));
    const drawn = await page.evaluate(() => ({ pods: Number(document.querySelector('.lab')?.dataset.pods), boxes: document.querySelectorAll('.lab-graph .box').length }));
    results[`view${n}`] = { drawn, frameMs: stats(frames), viewUpdateMs: view.length ? stats(view) : null };
  }
  await page.close();

  // --- weight of a page without a lab -------------------------------------------------------------------------
  const p2 = await ctx.newPage();
  const bytes = [];
  p2.on('response', async (r) => { try { bytes.push({ url: r.url(), size: (await r.body()).length }); } catch { /* redirects */ } });
  await p2.goto(`${url}/`, { waitUntil: 'networkidle' });
  results.homePage = { requests: bytes.length, kib: +(bytes.reduce((a, b) => a + b.size, 0) / 1024).toFixed(1),
    labCode: bytes.filter((b) => /lab-app|lab-boot|Lab\.astro|monaco|xterm|worker/i.test(b.url)).map((b) => b.url) };
  await p2.close();
} finally {
  await ctx.close();
  await rm(profile, { recursive: true, force: true });
  server.close();
}
console.log(JSON.stringify(results, null, 2));
