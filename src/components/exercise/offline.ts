// Offline support: the source of a small service worker and its registration. Once the site has been loaded, every
// page and every asset it used are served from the cache when the network is gone; pages are fetched fresh when
// the network is there (so a redeployed site is picked up), static assets (hashed names under /_astro/) from cache.
//
// Serving it needs a root-scoped file: an endpoint `src/pages/sw.js.ts` that returns `serviceWorkerSource(...)`
// (see src/scenarios/NEEDS.md), and a call to `registerOffline()` from the site's layout.

export interface OfflineOptions {
  /** Changes when the site is rebuilt; old caches are dropped on activation. */
  version: string;
  /** Site-relative URLs of every page to store up front (lessons, labs, progress, course pack…). */
  pages: string[];
  /** Astro's base path, e.g. "/". */
  base: string;
}

/** The service worker's JavaScript. Pure string building, so it can be tested and emitted by an endpoint. */
export function serviceWorkerSource(opts: OfflineOptions): string {
  const cache = `manifest-lab-${opts.version.replace(/[^A-Za-z0-9._-]/g, '')}`;
  return `// Manifest Lab offline cache (generated)
const CACHE = ${JSON.stringify(cache)};
const BASE = ${JSON.stringify(opts.base)};
const PAGES = ${JSON.stringify(opts.pages)};
const ASSET = /\\/_astro\\/|\\/pagefind\\/|\\.(?:js|css|svg|ttf|woff2|wasm|json)$/;
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const page of PAGES) {
      try {
        const res = await fetch(page, { cache: 'no-cache' });
        if (!res.ok) continue;
        await cache.put(page, res.clone());
        // The assets a page links to directly (its CSS and entry scripts).
        const html = await res.text();
        for (const m of html.matchAll(/(?:src|href)="(\\/[^"]*\\/_astro\\/[^"]+|\\/_astro\\/[^"]+)"/g)) {
          try { if (!(await cache.match(m[1]))) await cache.add(m[1]); } catch (e) { /* keep going */ }
        }
      } catch (e) { /* offline during install: the page is cached when it is first visited */ }
    }
    await self.skipWaiting();
  })());
});
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('manifest-lab-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (ASSET.test(url.pathname)) {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(req);
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone());
      return res;
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone());
      return res;
    } catch (e) {
      const hit = (await cache.match(req, { ignoreSearch: true })) || (await cache.match(url.pathname.endsWith('/') ? url.pathname : url.pathname + '/'));
      if (hit) return hit;
      const notFound = await cache.match(BASE + '404.html');
      return notFound || new Response('Offline, and this page was not saved yet.', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  })());
});
`;
}

/** Registers the service worker at `<base>sw.js` when the browser supports it; never throws. */
export function registerOffline(base: string): void {
  const nav = (globalThis as { navigator?: { serviceWorker?: { register(url: string, o: { scope: string }): Promise<unknown> } } }).navigator;
  if (!nav?.serviceWorker) return;
  nav.serviceWorker.register(`${base.replace(/\/?$/, '/')}sw.js`, { scope: base.replace(/\/?$/, '/') }).catch(() => undefined);
}
