// The site frame in headless Chromium against the built site: navigation (outline, previous/next, table of
// contents), search, copy buttons, progress, theme, narrow screens, JavaScript off, 404 and the JS budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { get } from 'node:http';
import { baseURL, launch, watchErrors, type Browser } from './browser';
import { commandText } from '../../src/components/lesson/command-text';

/** Bytes on the wire for a gzip-accepting client (the body is not decompressed). */
function compressedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => { n += chunk.length; });
      res.on('end', () => resolve(n));
    }).on('error', reject);
  });
}

const PROGRESS_KEY = 'manifest-lab:progress';

let browser: Browser;
let lessons: { slug: string; href: string; title: string }[] = [];

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  return { page, errors: watchErrors(page) };
}

beforeAll(async () => {
  browser = await launch();
  const { page } = await newPage();
  await page.goto(`${baseURL()}/`);
  lessons = await page.$$eval('.home-outline a[data-progress-slug]', (links) => links.map((a) => ({
    slug: (a as HTMLElement).dataset.progressSlug ?? '',
    href: a.getAttribute('href') ?? '',
    title: (a.querySelector('.outline-title')?.firstChild?.textContent ?? '').trim(),
  })));
  await page.close();
});
afterAll(async () => { await browser?.close(); });

describe('pages', () => {
  it('the home page lists the course in order and links to the first lesson', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${baseURL()}/`);
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons[0]?.slug).toBe('01-overview');
    const orders = lessons.map((l) => l.slug);
    expect([...orders].sort()).toEqual(orders); // slugs are numbered in course order
    const start = page.getByRole('link', { name: /Start the course/ });
    expect(await start.getAttribute('href')).toBe('/lessons/01-overview/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every lesson page loads with no console error, with its title, outline and text', async () => {
    const { page, errors } = await newPage();
    for (const lesson of lessons) {
      const response = await page.goto(`${baseURL()}${lesson.href}`);
      expect(response?.status(), lesson.slug).toBe(200);
      await page.waitForLoadState('load');
      expect(await page.locator('h1').first().innerText(), lesson.slug).toBe(lesson.title);
      expect(await page.locator('#course-nav a[aria-current="page"]').getAttribute('data-progress-slug')).toBe(lesson.slug);
      expect((await page.locator('[data-pagefind-body]').innerText()).length, lesson.slug).toBeGreaterThan(200);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unknown address shows the 404 page with a way back', async () => {
    const { page } = await newPage();
    const response = await page.goto(`${baseURL()}/no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/not part of the course/);
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.waitForURL(`${baseURL()}/`);
    await page.close();
  });
});

describe('navigation', () => {
  it('the outline opens another lesson and marks it current', async () => {
    const { page, errors } = await newPage();
    const target = lessons[2]!;
    await page.goto(`${baseURL()}${lessons[0]!.href}`);
    await page.locator(`#course-nav a[data-progress-slug="${target.slug}"]`).click();
    await page.waitForURL(`${baseURL()}${target.href}`);
    expect(await page.locator('#course-nav a[aria-current="page"]').getAttribute('data-progress-slug')).toBe(target.slug);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previous/next walk the course in order and stop at both ends', async () => {
    const { page } = await newPage();
    await page.goto(`${baseURL()}${lessons[0]!.href}`);
    expect(await page.locator('.prevnext a[rel="prev"]').count()).toBe(0);
    await page.locator('.prevnext a[rel="next"]').click();
    await page.waitForURL(`${baseURL()}${lessons[1]!.href}`);
    await page.locator('.prevnext a[rel="prev"]').click();
    await page.waitForURL(`${baseURL()}${lessons[0]!.href}`);
    await page.goto(`${baseURL()}${lessons.at(-1)!.href}`);
    expect(await page.locator('.prevnext a[rel="next"]').count()).toBe(0);
    await page.close();
  });

  it('the table of contents lists the headings and jumps to them', async () => {
    const { page } = await newPage();
    // The lesson with the most headings.
    let best = { href: '', count: 0 };
    for (const lesson of lessons) {
      await page.goto(`${baseURL()}${lesson.href}`);
      const count = await page.locator('.toc-wide a').count();
      if (count > best.count) best = { href: lesson.href, count };
    }
    expect(best.count).toBeGreaterThanOrEqual(2);
    await page.goto(`${baseURL()}${best.href}`);
    const headings = await page.$$eval('.prose h2[id], .prose h3[id]', (hs) => hs.map((h) => h.id));
    const tocTargets = await page.$$eval('.toc-wide a', (as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    // Every entry points at a heading of the lesson, in page order (headings drawn by components may be extra).
    const positions = tocTargets.map((id) => headings.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const last = page.locator('.toc-wide a').last();
    await last.click();
    await page.waitForFunction((id) => location.hash === `#${encodeURIComponent(id)}` || location.hash === `#${id}`, tocTargets.at(-1)!);
    // Scrolling may be smooth: wait until the heading has arrived in the viewport.
    await page.waitForFunction((id) => {
      const top = document.getElementById(id)!.getBoundingClientRect().top;
      return top >= -1 && top < innerHeight;
    }, tocTargets.at(-1)!);
    await page.close();
  });
});

describe('search', () => {
  it('finds the troubleshooting lesson for "CrashLoopBackOff" and opens it with the keyboard', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${baseURL()}/`);
    const box = page.getByRole('combobox', { name: 'Search the course' });
    await box.focus();
    await box.pressSequentially('CrashLoopBackOff', { delay: 10 });
    const option = page.locator('#search-results [role=option]').first();
    await option.waitFor();
    const urls = await page.$$eval('#search-results [role=option]', (os) => os.map((o) => (o as HTMLElement).dataset.url ?? ''));
    expect(urls.some((u) => u.includes('/lessons/09-troubleshooting/'))).toBe(true);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
    // Choose the troubleshooting result with the arrow keys, then Enter.
    const index = urls.findIndex((u) => u.includes('/lessons/09-troubleshooting/'));
    for (let i = 0; i < index; i++) await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`search-option-${index}`);
    await box.press('Enter');
    await page.waitForURL(/\/lessons\/09-troubleshooting\//);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when nothing matches, and Escape closes the results', async () => {
    const { page } = await newPage();
    await page.goto(`${baseURL()}/`);
    const box = page.getByRole('combobox', { name: 'Search the course' });
    await box.fill('zzqxjv');
    await page.locator('[data-search-status]', { hasText: 'No lessons match' }).waitFor();
    await box.press('Escape');
    expect(await page.locator('[data-search-panel]').isHidden()).toBe(true);
    await page.close();
  });

  it('explains itself when the index is missing (as in `astro dev`)', async () => {
    const own = await launch();
    try {
      const page = await own.context.newPage();
      const errors = watchErrors(page);
      // No service worker here, so the route below sees the index request.
      await page.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined }); });
      await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(`${baseURL()}/`);
      await page.getByRole('combobox', { name: 'Search the course' }).fill('Service');
      await page.locator('[data-search-status]', { hasText: 'Search works in the built site' }).waitFor();
      // The failed module fetch is the browser's own 404 log line; nothing is thrown.
      expect(errors.filter((e) => !/404|Failed to load resource|Failed to fetch dynamically imported module/.test(e))).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('does not load the search index until the search box is used', async () => {
    const { page } = await newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${baseURL()}${lessons[0]!.href}`);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    const loading = page.waitForRequest((r) => r.url().includes('/pagefind/pagefind.js'));
    await page.getByRole('combobox', { name: 'Search the course' }).focus();
    await loading;
    await page.close();
  });
});

describe('copy buttons', () => {
  it('copy the command of a command block (prompts and output left out) and announce it', async () => {
    const { page, errors } = await newPage();
    let found = false;
    for (const lesson of lessons) {
      await page.goto(`${baseURL()}${lesson.href}`);
      if ((await page.locator('.cmd-block').count()) === 0) continue;
      found = true;
      const block = page.locator('.cmd-block').first();
      const { text, language, explicit } = await block.locator('pre').evaluate((pre: HTMLPreElement) => ({
        text: pre.textContent ?? '', language: pre.dataset.language ?? 'sh', explicit: pre.dataset.command,
      }));
      const button = block.getByRole('button', { name: 'Copy command' });
      await button.click();
      await page.locator('#copy-status', { hasText: 'Copied' }).waitFor();
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      expect(clipboard).toBe(explicit?.trim() || commandText(text, language));
      expect(clipboard.length).toBeGreaterThan(0);
      expect(clipboard).not.toMatch(/^\$ /m);
      break;
    }
    expect(found, 'some lesson has a shell command block').toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells other scripts about each command block (the lab UI hook)', async () => {
    const { page } = await newPage();
    for (const lesson of lessons) {
      await page.goto(`${baseURL()}${lesson.href}`);
      const blocks = await page.locator('.cmd-block').count();
      if (blocks === 0) continue;
      // A late subscriber sees every existing block through the DOM; each wrapper has its toolbar.
      const seen = await page.$$eval('.cmd-block', (ws) => ws.filter((w) => w.querySelector(':scope > pre') && w.querySelector(':scope > .cmd-toolbar')).length);
      expect(seen).toBe(blocks);
      break;
    }
    await page.close();
  });
});

describe('progress', () => {
  it('marks opened lessons visited and done lessons done, and keeps both across a reload', async () => {
    const { page, errors } = await newPage();
    const [first, second] = [lessons[0]!, lessons[1]!];
    await page.goto(`${baseURL()}${first.href}`);
    await page.goto(`${baseURL()}${second.href}`);
    await page.getByRole('button', { name: 'Mark lesson done' }).click();
    await page.getByRole('button', { name: 'Mark as not done' }).waitFor();
    await page.reload();
    const status = (slug: string) => page.locator(`#course-nav a[data-progress-slug="${slug}"]`).getAttribute('data-status');
    expect(await status(first.slug)).toBe('visited');
    expect(await status(second.slug)).toBe('done');
    // The status is text for screen readers, not only a colour.
    expect(await page.locator(`#course-nav a[data-progress-slug="${second.slug}"]`).innerText()).toMatch(/Done/);
    expect(await page.locator('[data-progress-count]').first().innerText()).toBe(`1 of ${lessons.length} done`);
    expect(await page.getByRole('button', { name: 'Mark as not done' }).count()).toBe(1);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k) ?? '', PROGRESS_KEY));
    expect(stored).toMatchObject({ v: 1, lessons: { [first.slug]: { visited: true }, [second.slug]: { visited: true, done: true } } });
    // The home page offers to continue with the first lesson not done.
    await page.goto(`${baseURL()}/`);
    const cont = page.locator('[data-continue]');
    await expect(cont.isVisible()).resolves.toBe(true);
    expect(await cont.getAttribute('href')).toBe(first.href);
    expect(errors).toEqual([]);
    await page.evaluate((k) => localStorage.removeItem(k), PROGRESS_KEY);
    await page.close();
  });

  it('tolerates corrupt and foreign stored progress', async () => {
    for (const bad of ['{not json', '[1,2,3]', '{"v":9,"lessons":"x"}', '{"v":1,"lessons":{"01-overview":"<img src=x onerror=alert(1)>"}}']) {
      const { page, errors } = await newPage();
      const infos: string[] = [];
      page.on('console', (m) => { if (m.type() === 'info') infos.push(m.text()); });
      await page.goto(`${baseURL()}/`);
      await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PROGRESS_KEY, bad]);
      await page.goto(`${baseURL()}${lessons[0]!.href}`);
      expect(await page.locator('#course-nav a[aria-current="page"]').getAttribute('data-status')).toBe('visited');
      expect(infos.some((m) => m.includes('manifest-lab')), bad).toBe(true);
      expect(errors, bad).toEqual([]);
      // The next change replaces the bad value with valid progress.
      const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k) ?? '', PROGRESS_KEY));
      expect(stored.v).toBe(1);
      await page.evaluate((k) => localStorage.removeItem(k), PROGRESS_KEY);
      await page.close();
    }
  });

  it('works when storage is disabled', async () => {
    const { page, errors } = await newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    await page.goto(`${baseURL()}${lessons[0]!.href}`);
    await page.getByRole('button', { name: 'Mark lesson done' }).click();
    expect(await page.locator('#course-nav a[aria-current="page"]').getAttribute('data-status')).toBe('done');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('theme', () => {
  it('follows the system, toggles, and keeps the choice across a reload', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${baseURL()}${lessons[0]!.href}`);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await theme()).toBe('light');
    const lightBg = await bg();
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await theme()).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await bg()).not.toBe(lightBg);
    // Code blocks switch with the theme (Shiki dual themes through CSS variables).
    const code = page.locator('.astro-code span[style*="--shiki-dark"]').first();
    if (await code.count()) {
      const color = await code.evaluate((el) => getComputedStyle(el).color);
      const dark = await code.evaluate((el) => getComputedStyle(el).getPropertyValue('--shiki-dark').trim());
      expect(color).toBe(await page.evaluate((c) => { const s = document.createElement('span'); s.style.color = c; document.body.append(s); const v = getComputedStyle(s).color; s.remove(); return v; }, dark));
    }
    await page.reload();
    expect(await theme()).toBe('dark');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await theme()).toBe('light');
    await page.evaluate(() => localStorage.removeItem('manifest-lab:theme'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts dark when the system prefers dark', async () => {
    const dark = await launch({ colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await page.goto(`${baseURL()}/`);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    } finally {
      await dark.close();
    }
  });
});

describe('narrow screens (375 px)', () => {
  it('home and a lesson fit without horizontal scrolling; the outline opens and closes from the keyboard', async () => {
    const narrow = await launch({ viewport: { width: 375, height: 812 } });
    try {
      const page = await narrow.context.newPage();
      const errors = watchErrors(page);
      const widths = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      await page.goto(`${baseURL()}/`);
      let w = await widths();
      expect(w.scroll).toBeLessThanOrEqual(w.view);
      for (const lesson of lessons) {
        await page.goto(`${baseURL()}${lesson.href}`);
        w = await widths();
        expect(w.scroll, lesson.slug).toBeLessThanOrEqual(w.view);
      }
      await page.goto(`${baseURL()}${lessons[2]!.href}`);
      const nav = page.locator('#course-nav');
      expect(await nav.isVisible()).toBe(false);
      const menu = page.getByRole('button', { name: 'Lessons' });
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page');
      await page.keyboard.press('Escape');
      expect(await nav.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-menu-toggle'))).toBe(true);
      // The table of contents is a collapsed disclosure above the text.
      if (await page.locator('.toc-narrow').count()) {
        expect(await page.locator('.toc-wide').isVisible()).toBe(false);
        await page.locator('.toc-narrow summary').click();
        expect(await page.locator('.toc-narrow a').first().isVisible()).toBe(true);
      }
      expect(errors).toEqual([]);
    } finally {
      await narrow.close();
    }
  });
});

describe('without JavaScript', () => {
  it('a lesson is fully readable, with its outline, and no control that would not work', async () => {
    const nojs = await launch({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    try {
      const page = await nojs.context.newPage();
      for (const lesson of [lessons[0]!, lessons.at(-1)!]) {
        await page.goto(`${baseURL()}${lesson.href}`);
        expect(await page.locator('h1').isVisible()).toBe(true);
        const body = page.locator('[data-pagefind-body]');
        expect(await body.isVisible()).toBe(true);
        // All of the lesson's paragraphs are displayed (nothing hidden until a script runs).
        const hidden = await body.evaluate((el) => [...el.querySelectorAll('p, li, pre, h2, h3')].filter((n) => (n as HTMLElement).offsetParent === null && !n.closest('details')).length);
        expect(hidden, lesson.slug).toBe(0);
        expect(await page.locator('#course-nav').isVisible()).toBe(true);
        expect(await page.locator('.search').isVisible()).toBe(false);
        expect(await page.locator('[data-done-button]').isVisible()).toBe(false);
      }
    } finally {
      await nojs.close();
    }
  });
});

describe('offline', () => {
  it('after one visit, every lesson of the outline can be read with the network gone', async () => {
    const own = await launch();
    try {
      const page = await own.context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${baseURL()}/`);
      const last = lessons.at(-1)!;
      // The service worker caches the outline's pages in the background; wait until the last one is in.
      const cached = () => page.evaluate(async (href) => (await caches.match(new URL(href, location.href).href)) !== undefined, last.href);
      for (let i = 0; i < 120 && !(await cached()); i++) await page.waitForTimeout(250);
      expect(await cached()).toBe(true);
      await own.context.setOffline(true);
      await page.goto(`${baseURL()}${last.href}`);
      expect(await page.locator('h1').innerText()).toBe(last.title);
      // Its stylesheet came along: the page is styled, not bare HTML.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('sticky');
      await own.context.setOffline(false);
      expect(errors).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('budget', () => {
  it('a lesson page ships at most 60 KB of compressed JavaScript before any lab is opened', async () => {
    const { page } = await newPage();
    for (const lesson of [lessons[0]!, lessons[2]!]) {
      const scripts: string[] = [];
      const onResponse = (r: { url(): string; request(): { resourceType(): string } }) => { if (r.request().resourceType() === 'script') scripts.push(r.url()); };
      page.on('response', onResponse);
      await page.goto(`${baseURL()}${lesson.href}`);
      await page.waitForLoadState('networkidle');
      page.off('response', onResponse);
      let bytes = 0;
      for (const url of new Set(scripts)) bytes += await compressedSize(url);
      expect(bytes, lesson.slug).toBeLessThanOrEqual(60 * 1024);
    }
    await page.close();
  });
});
