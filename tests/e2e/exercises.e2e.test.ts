// Exercises in headless Chromium against the built site: a troubleshooting lab fixed by typing commands (goals turn
// met, the lesson is marked done in the sidebar, and it survives a reload), show solution and reset, a state link,
// progress export and import in a fresh profile (and a bad file changes nothing), the presenter view, and the
// course pack's print stylesheet.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, baseURL, watchErrors, axeViolations, type Browser } from './browser';

const SECRET_CMD = 'kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_demo --from-literal=HUGGINGFACE_API_KEY=hf_demo';
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function openLab(page: Page, id: string, query = ''): Promise<void> {
  await page.goto(`${baseURL()}/labs/${id}/${query}`);
  await page.waitForSelector(`exercise-lab[data-state="ready"] .lab[data-ready] [data-exercise="${id}"]`, { timeout: 60_000 });
}

/** The text the terminal shows (xterm's buffer, through the lab controller). */
function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('exercise-lab') as unknown as { controller: { terminal: { screenText(): string } } }).controller.terminal.screenText());
}

async function waitForTerminal(page: Page, pattern: RegExp, timeout = 20_000): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeout) {
    text = await terminalText(page);
    if (pattern.test(text.replace(/\n/g, ""))) return text; // xterm wraps long lines
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal never showed ${pattern}; it shows:\n${text}`);
}

async function typeCommand(page: Page, command: string): Promise<void> {
  await page.click('.lab-terminal .xterm');
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

async function fast(page: Page): Promise<void> {
  await page.selectOption('select[aria-label="Speed of virtual time"]', '30');
}

function goalStates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-exercise] .goal')].map((g) => [g.dataset.goal!, g.dataset.met!])));
}

describe('a troubleshooting lab, fixed by typing commands', () => {
  it('starts broken, turns every goal met, marks the lesson done in the sidebar, and keeps it after a reload', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openLab(page, 'secret-missing');
    // Broken at the start: every goal not yet, each with an explanation.
    expect(Object.values(await goalStates(page))).toEqual(['false', 'false', 'false']);
    const detail = await page.textContent('[data-goal="pod-ready"] .goal__detail');
    expect(detail).toMatch(/CreateContainerConfigError/);
    expect(await page.getAttribute('[data-progress-slug="09-troubleshooting"]', 'data-status')).not.toBe('done');

    // Diagnose, then fix, from the keyboard.
    await typeCommand(page, 'kubectl get pods');
    await waitForTerminal(page, /CreateContainerConfigError/);
    await typeCommand(page, SECRET_CMD);
    await waitForTerminal(page, /secret\/llmops-secrets created/);
    await fast(page);
    await page.waitForSelector('[data-exercise="secret-missing"][data-complete="true"]', { timeout: 45_000 });
    expect(Object.values(await goalStates(page))).toEqual(['true', 'true', 'true']);
    expect(await page.isVisible('[data-debrief]')).toBe(true);
    await page.waitForSelector('[data-progress-slug="09-troubleshooting"][data-status="done"]', { timeout: 10_000 });
    expect((await terminalText(page)).replace(/\n/g, '')).toContain('llmops-secrets');

    await page.reload();
    await page.waitForSelector('[data-progress-slug="09-troubleshooting"][data-status="done"]', { timeout: 10_000 });
    await page.goto(`${baseURL()}/progress/`);
    await page.waitForSelector('[data-goal="secret-missing/pod-ready"].met');
    expect(await page.textContent('[data-lesson-status="09-troubleshooting"]')).toBe('Done');
    expect(await page.textContent('[data-lab-count="secret-missing"]')).toBe('3 of 3 goals');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('labs inside a lesson', () => {
  it('a lesson page fetches no lab code until a lab is opened, then opens it in its start state', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${baseURL()}/lessons/09-troubleshooting/`);
    await page.waitForLoadState('load');
    // The exercise chunk may be prefetched as a lab nears the viewport; the lab itself (Monaco, xterm, simulator) only on open.
    expect(urls.filter((u) => /lab-app|sim-backend|monaco|xterm/i.test(u))).toEqual([]);
    const lab = 'exercise-lab[data-scenario="secret-missing"]';
    await page.click(`${lab} [data-exercise-open]`);
    await page.waitForSelector(`${lab}[data-state="ready"] [data-exercise="secret-missing"] .goal[data-met="false"]`, { timeout: 60_000 });
    expect(urls.some((u) => /exercise-mount/.test(u))).toBe(true);
    expect(await page.textContent(`${lab} [data-goal="pod-ready"] .goal__detail`)).toMatch(/CreateContainerConfigError|secret "llmops-secrets" not found/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('hints, show solution, reset and state links', () => {
  it('reveals hints one at a time, types the solution into the terminal, and reset restores the broken start', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openLab(page, 'selector-typo');
    expect(await page.$$eval('.exercise__hints li', (l) => l.length)).toBe(0);
    await page.click('[data-hint]');
    await page.click('[data-hint]');
    expect(await page.$$eval('.exercise__hints li', (l) => l.length)).toBe(2);
    expect(await page.textContent('[data-hint]')).toBe('Hint 3 of 3');

    await fast(page);
    await page.click('[data-solve]');
    await page.waitForSelector('[data-exercise="selector-typo"][data-complete="true"]', { timeout: 45_000 });
    const text = (await terminalText(page)).replace(/\n/g, '');
    expect(text).toContain('kubectl get pods --show-labels');
    expect(text).toContain('service/llmops-service configured');

    await page.click('[data-reset]');
    await page.waitForFunction(() => document.querySelector('[data-exercise="selector-typo"]')?.getAttribute('data-complete') === 'false', undefined, { timeout: 45_000 });
    expect((await goalStates(page))['endpoint']).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('?at=N opens the lab with the first N solution steps done', async () => {
    const page = await browser.context.newPage();
    await openLab(page, 'secret-missing', '?at=2');
    await fast(page);
    await page.waitForSelector('[data-exercise="secret-missing"] [data-goal="secret"][data-met="true"]', { timeout: 30_000 });
    await page.close();
  });
});

describe('progress export and import', () => {
  it('exports progress to a file that a fresh profile imports; a bad file changes nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseURL()}/progress/`);
    const stored = { v: 1, lessons: { '02-yaml': { visited: true, done: true, at: '2026-02-03T04:05:06.000Z' }, '03-deployment': { visited: true, at: '2026-02-04T00:00:00.000Z' } }, goals: { 'yaml-indentation': { parses: true } } };
    await page.evaluate((v) => localStorage.setItem('manifest-lab:progress', v), JSON.stringify(stored));
    await page.reload();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export]')]);
    const dir = await mkdtemp(join(tmpdir(), 'scen-progress-'));
    const file = join(dir, 'progress.json');
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; progress: { lessons: Record<string, unknown> } };
    expect(exported.format).toBe('manifest-lab-progress');
    expect(Object.keys(exported.progress.lessons)).toContain('02-yaml');
    await page.close();

    const fresh = await launch();
    try {
      const p2 = await fresh.context.newPage();
      const errors = watchErrors(p2);
      await p2.goto(`${baseURL()}/progress/`);
      expect(await p2.textContent('[data-lesson-status="02-yaml"]')).toBe('Not started');

      const bad = join(dir, 'bad.json');
      await writeFile(bad, JSON.stringify({ format: 'manifest-lab-progress', version: 1, exportedAt: '2026-01-01T00:00:00Z', progress: { v: 1, lessons: { '<img src=x onerror=alert(1)>': { done: true } }, goals: {} } }));
      await p2.setInputFiles('[data-import]', bad);
      await p2.waitForSelector('[data-io-msg][data-kind="error"]');
      expect(await p2.textContent('[data-io-msg]')).toMatch(/not valid: progress\.lessons.*Nothing was changed/);
      expect(await p2.$('img')).toBeNull();
      expect(await p2.evaluate(() => localStorage.getItem('manifest-lab:progress'))).toBeNull();
      // A damaged export (cut short) is refused too, and still nothing is stored.
      const cut = join(dir, 'cut.json');
      await writeFile(cut, (await readFile(file, 'utf8')).slice(0, 80));
      await p2.setInputFiles('[data-import]', cut);
      await p2.waitForFunction(() => /cut\.json: This file is not JSON/.test(document.querySelector('[data-io-msg]')?.textContent ?? ''));
      expect(await p2.evaluate(() => localStorage.getItem('manifest-lab:progress'))).toBeNull();

      await p2.setInputFiles('[data-import]', file);
      await p2.waitForSelector('[data-io-msg][data-kind="ok"]');
      expect(await p2.textContent('[data-lesson-status="02-yaml"]')).toBe('Done');
      expect(await p2.getAttribute('[data-goal="yaml-indentation/parses"]', 'class')).toContain('met');
      // The import keeps the exported timestamps (it is one write of the whole value, not a replay of clicks).
      expect(JSON.parse(await p2.evaluate(() => localStorage.getItem('manifest-lab:progress') ?? 'null'))).toEqual(stored);
      await p2.reload();
      expect(await p2.textContent('[data-lesson-status="02-yaml"]')).toBe('Done');
      expect(await p2.textContent('[data-lesson-status="03-deployment"]')).toBe('Visited');
      expect(errors).toEqual([]);
      expect(await axeViolations(p2)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('workshop mode', () => {
  it('the presenter view moves between exercises from the keyboard, times each one, and shows a QR code with the link', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/presenter/?lab=secret-missing`);
    expect(await page.isVisible('[data-slide="secret-missing"] h1')).toBe(true);
    const fontSize = await page.$eval('[data-slide="secret-missing"] h1', (h) => parseFloat(getComputedStyle(h).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);
    const pos = await page.textContent('[data-pos]');

    await page.keyboard.press('q');
    await page.waitForSelector('[data-qr] svg');
    expect(await page.textContent('[data-url]')).toBe(`${baseURL()}/labs/secret-missing/`);

    await page.keyboard.press('t');
    await page.waitForTimeout(1600);
    expect(await page.textContent('[data-timer]')).not.toBe('0:00');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('[data-pos]')).not.toBe(pos);
    expect(await page.isVisible('[data-slide="secret-missing"]')).toBe(false);
    expect(await page.textContent('[data-timer]')).toBe('0:00');
    expect(await page.textContent('[data-url]')).not.toContain('secret-missing');
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('[data-timer]')).not.toBe('0:00');
    expect(page.url()).toContain('lab=secret-missing');
    expect(errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the course pack lists every lab with its goals, and its print stylesheet drops the site frame', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseURL()}/course-pack/`);
    expect(await page.$$eval('[data-lab]', (l) => l.length)).toBeGreaterThanOrEqual(19);
    expect(await page.isVisible('.site-header')).toBe(true);
    expect(await page.isVisible('.print-only')).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.site-header')).toBe(false);
    expect(await page.isVisible('.print-only')).toBe(true);
    expect(await page.$eval('#cheatsheet', (e) => getComputedStyle(e).breakBefore)).toBe('page');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
