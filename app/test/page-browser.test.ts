// The web page in a real browser (Debian's Chromium through playwright-core; skipped when it is absent):
// no serious or critical axe-core violation, and a hostile query is shown as text, never as markup.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Running } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const have = existsSync(CHROMIUM);

async function seriousViolations(page: Page) {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    // Runs in the page (the app's tsconfig has no DOM types, hence globalThis).
    const g = globalThis as unknown as { document: unknown; axe: { run: (d: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } };
    return (await g.axe.run(g.document)).violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(!have)('the web page in Chromium', () => {
  let running: Running;
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    running = await startApp();
    await running.app.whenReady();
    profile = mkdtempSync(join(tmpdir(), 'app-page-'));
    // The page's CSP allows no script at all; the test bypasses it only to inject axe-core.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      bypassCSP: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    await running?.stop();
  });

  it('the empty form and a result page have no serious accessibility violation', async () => {
    const page = await context.newPage();
    await page.goto(`${running.base}/`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('What are you in the mood for?').fill('something like Cowboy Bebop but funnier');
    await page.getByRole('button', { name: 'Recommend' }).click();
    await page.waitForSelector('ol li h3');
    expect(await page.locator('ol li').count()).toBe(5);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('a hostile query is rendered as text', async () => {
    const page = await context.newPage();
    await page.goto(`${running.base}/?q=${encodeURIComponent('<img src=x onerror=alert(1)> horror')}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('h2').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.inputValue('#q')).toBe('<img src=x onerror=alert(1)> horror');
  }, 60_000);
});

if (!have) describe('the web page in Chromium', () => it.skip(`skipped: no browser at ${CHROMIUM}`, () => {}));
