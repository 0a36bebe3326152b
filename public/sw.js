// Manifest Lab's service worker: lets the course be read offline once it has been opened.
// - Pages and files are fetched from the network first (so a rebuilt site is never hidden behind a stale copy) and
//   kept in a cache; when the network is gone, the cached copy answers.
// - Hashed build assets (/_astro/…) never change, so they are served from the cache when present.
// - A page can ask for the course's pages to be cached ahead ({type: 'precache', urls}); their CSS and JS are cached
//   with them. Labs' large editor chunks are cached the first time a lab is opened.
// Only same-origin GET requests are touched. Registered by BaseLayout in the built site only.
const CACHE = 'manifest-lab-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('manifest-lab-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function store(cache, request, response) {
  if (response.ok && response.type === 'basic' && !response.headers.get('content-range')) {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const immutable = url.pathname.includes('/_astro/');
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (immutable) {
      const hit = await cache.match(request);
      if (hit) return hit;
    }
    try {
      return await store(cache, request, await fetch(request));
    } catch (error) {
      const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (hit) return hit;
      if (request.mode === 'navigate') {
        const fallback = await cache.match(new URL('./', self.registration.scope).href);
        if (fallback) return fallback;
      }
      throw error;
    }
  })());
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'precache' || !Array.isArray(data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const raw of data.urls.slice(0, 100)) {
      let url;
      try { url = new URL(raw, self.registration.scope); } catch { continue; }
      if (url.origin !== self.location.origin || (await cache.match(url.href))) continue;
      try {
        const response = await fetch(url.href);
        if (!response.ok) continue;
        await store(cache, url.href, response.clone());
        const html = await response.text();
        const assets = [...html.matchAll(/(?:href|src)="([^"]*\/_astro\/[^"]+)"/g)].map((m) => new URL(m[1], url.href).href);
        // Follow static imports between build chunks (not dynamic import(), which is how labs load their editor).
        for (let i = 0; i < assets.length && i < 200; i++) {
          const asset = assets[i];
          if (await cache.match(asset)) continue;
          const got = await fetch(asset);
          await store(cache, asset, got.clone());
          if (asset.endsWith('.js') && got.ok) {
            for (const m of (await got.text()).matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) {
              const dep = new URL(m[1], asset).href;
              if (!assets.includes(dep)) assets.push(dep);
            }
          }
        }
      } catch { /* offline or gone: try again on a later visit */ }
    }
  })());
});
