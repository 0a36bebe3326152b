/**
 * Registers the service worker (public/sw.js) in the built site, then asks it to cache the pages of the course
 * outline so every lesson can be read offline after one visit. Does nothing in `astro dev`, where files change all
 * the time, or where service workers are unavailable (plain http on a LAN, some private modes).
 */
export function registerOffline(): void {
  const workers = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (!import.meta.env.PROD || !workers || !window.isSecureContext) return;
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  const urls = [`${base}/`, `${base}/favicon.svg`, ...[...document.querySelectorAll<HTMLAnchorElement>('a[data-progress-slug]')].map((a) => a.href)];
  const start = () => {
    Promise.resolve()
      .then(() => workers.register(`${base}/sw.js`, { scope: `${base}/` }))
      .then(() => workers.ready)
      .then((registration) => registration.active?.postMessage({ type: 'precache', urls: [...new Set(urls)] }))
      .catch((error: unknown) => console.info('[manifest-lab] offline copy not available:', String(error)));
  };
  // After the page has loaded, so it never competes with the page's own requests.
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
