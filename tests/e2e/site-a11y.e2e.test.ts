// axe-core on the home page, the 404 page and every lesson, in the light and the dark theme: no serious or critical
// violation. The theme is set the way a learner would get it: from the system preference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, baseURL, launch, type Browser } from './browser';

const themes = ['light', 'dark'] as const;
const browsers: Partial<Record<(typeof themes)[number], Browser>> = {};
let paths: string[] = [];

beforeAll(async () => {
  for (const theme of themes) browsers[theme] = await launch({ colorScheme: theme });
  const page = await browsers.light!.context.newPage();
  await page.goto(`${baseURL()}/`);
  const lessons = await page.$$eval('.home-outline a[data-progress-slug]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  paths = ['/', '/no-such-page/', ...lessons];
  await page.close();
});
afterAll(async () => { for (const b of Object.values(browsers)) await b?.close(); });

describe.each(themes)('accessibility in the %s theme', (theme) => {
  it('has no serious or critical axe violation on any page', async () => {
    const page = await browsers[theme]!.context.newPage();
    const report: string[] = [];
    expect(paths.length).toBeGreaterThan(2);
    for (const path of paths) {
      await page.goto(`${baseURL()}${path}`);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      for (const v of await axeViolations(page)) report.push(`${path}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.join(' | ')}`);
    }
    expect(report).toEqual([]);
    await page.close();
  }, 300_000);

  it('has no violation with the search results and the narrow outline open', async () => {
    const page = await browsers[theme]!.context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${baseURL()}${paths[2]}`);
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('combobox', { name: 'Search the course' }).fill('Service');
    await page.locator('#search-results [role=option]').first().waitFor();
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.join(' | ')}`)).toEqual([]);
    await page.close();
  });
});
