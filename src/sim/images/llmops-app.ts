/**
 * Behaviour model of `llmops-app`, the Anime Recommender in app/ (Node HTTP server).
 * Log texts, paths, port and status bodies come from app/src/messages.ts, so the simulated
 * container prints exactly what the real one prints:
 * - config is read first: RECOMMENDER_MODE not in auto|offline|llm, a bad PORT, or
 *   RECOMMENDER_MODE=llm without GROQ_API_KEY → one error line, exit 1 (→ CrashLoopBackOff);
 * - listens on 8501 (or $PORT); `/health` 200 while running; `/ready` 503 until the index is built
 *   (~1.2 s after start), then 200; `/api/recommend?q=`, `/api/info`; JSON one-line logs;
 * - resident memory of a Node process (~58 MiB), so a 16Mi limit is OOMKilled;
 * - SIGTERM: logs, closes the server, exits 0.
 */
import { rfc3339 } from '../clock/index';
import type { ImageModel, ProcessHost } from './process';
import { MiB, baseExec, notFoundExec, response } from './process';
import { APP_NAME, APP_VERSION, DEFAULT_HOST, DEFAULT_PORT, ENV, LOG, PATHS, STATUS, formatLogLine } from '../../../app/src/messages';

export const LLMOPS_DEFAULT_PORT = DEFAULT_PORT;
/** Time from process start until the HTTP server accepts connections (ms). */
export const LLMOPS_LISTEN_MS = 350;
/** Time from process start until the index is built and /ready answers 200 (ms). */
export const LLMOPS_READY_MS = 1200;
/** Resident memory once started (bytes): a Node 22 process with the index loaded. */
export const LLMOPS_RSS_BYTES = 58 * MiB;
/** Number of titles in the app's bundled data set (app/data). */
export const LLMOPS_TITLES = 215;

/** A few facts from the data set for recommendation answers (blurbs are ours). */
export const LLMOPS_SAMPLE = [
  { title: 'Cowboy Bebop', genres: ['Action', 'Sci-Fi'] },
  { title: 'Mobile Suit Gundam', genres: ['Mecha', 'Drama'] },
  { title: 'Neon Genesis Evangelion', genres: ['Mecha', 'Psychological'] },
  { title: 'Spirited Away', genres: ['Fantasy', 'Adventure'] },
  { title: 'Fullmetal Alchemist: Brotherhood', genres: ['Action', 'Fantasy'] },
];

function page(): string {
  return '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Anime Recommender</title></head>\n'
    + '<body><h1>Anime Recommender</h1><form action="/api/recommend"><input name="q" placeholder="e.g. mecha"><button>Recommend</button></form></body></html>\n';
}

export const LLMOPS_APP: ImageModel = {
  name: 'llmops-app',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['node', 'dist/server.js'],
  exposed: [DEFAULT_PORT],
  start(host: ProcessHost) {
    const t0 = host.now();
    const env = host.env;
    const ts = () => rfc3339(host.now());
    const log = (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
      host.log(formatLogLine(ts(), level, msg, fields), level === 'error' ? 'stderr' : 'stdout');
    let ready = false;
    let stopping = false;
    host.setMemory(36 * MiB);
    // --- config (app/src/config.ts)
    const rawPort = env[ENV.port];
    const port = rawPort === undefined || rawPort === '' ? DEFAULT_PORT : Number(rawPort);
    const rawMode = (env[ENV.mode] || 'auto').toLowerCase();
    const key = env[ENV.groqKey];
    let configError: string | undefined;
    if (!Number.isInteger(port) || port < 1 || port > 65535) configError = LOG.badPort;
    else if (rawMode !== 'auto' && rawMode !== 'offline' && rawMode !== 'llm') configError = LOG.badMode;
    else if (rawMode === 'llm' && !key) configError = LOG.missingGroqKey;
    const mode = rawMode === 'offline' ? 'offline' : key ? 'llm' : 'offline';
    host.after(120, () => {
      if (configError) {
        log('error', configError);
        host.after(20, () => host.exit(1));
        return;
      }
      log('info', LOG.starting, { version: APP_VERSION, mode, port, groqApiKey: key ? 'set' : 'unset', huggingfaceApiKey: env[ENV.huggingfaceKey] ? 'set' : 'unset' });
      host.after(LLMOPS_LISTEN_MS - 120, () => {
        host.listen(port);
        log('info', LOG.listening, { address: `http://${DEFAULT_HOST}:${port}` });
      });
      host.after(LLMOPS_READY_MS - 120, () => {
        host.setMemory(LLMOPS_RSS_BYTES);
        ready = true;
        log('info', LOG.indexReady, { titles: LLMOPS_TITLES });
      });
    });
    const json = (status: number, v: unknown) => response(status, JSON.stringify(v), 'application/json; charset=utf-8');
    return {
      http(_p, req) {
        const [path = '/', query = ''] = req.path.split('?');
        const params = new Map(query.split('&').filter(Boolean).map((kv) => {
          const [k = '', v = ''] = kv.split('=');
          let dk = k, dv = v;
          try { dk = decodeURIComponent(k); dv = decodeURIComponent(v.replace(/\+/g, ' ')); } catch { /* keep raw */ }
          return [dk, dv] as const;
        }));
        let res;
        if (path === PATHS.health) res = json(200, STATUS.health);
        else if (path === PATHS.ready) res = stopping ? json(503, STATUS.stopping) : ready ? json(200, STATUS.ready) : json(503, STATUS.starting);
        else if (path === PATHS.info) res = json(200, { name: APP_NAME, version: APP_VERSION, mode, hostname: host.podName, uptimeSeconds: Math.floor((host.now() - t0) / 1000), titles: LLMOPS_TITLES });
        else if (path === PATHS.recommend) {
          const q = (params.get('q') ?? '').toLowerCase();
          if (!ready) res = json(503, STATUS.starting);
          else if (!q) res = json(400, { error: 'missing query parameter q' });
          else {
            const hits = LLMOPS_SAMPLE.filter((a) => a.title.toLowerCase().includes(q) || a.genres.some((g) => g.toLowerCase().includes(q)));
            res = json(200, { query: q, mode, results: (hits.length ? hits : LLMOPS_SAMPLE.slice(0, 3)) });
          }
        } else if (path === PATHS.page && req.method !== 'POST') res = response(200, page(), 'text/html; charset=utf-8');
        else res = json(404, { error: 'not found', path });
        log('info', LOG.request, { method: req.method, path, status: res.status, ms: 0.4 });
        return res;
      },
      exec(argv) {
        if (argv[0] === 'node' && argv[1] === '--version') return { stdout: 'v22.19.0\n', stderr: '', exitCode: 0 };
        return baseExec(host, argv) ?? notFoundExec(argv);
      },
      terminate() {
        if (stopping) return;
        stopping = true;
        log('info', LOG.shuttingDown, { signal: 'SIGTERM' });
        host.after(150, () => { log('info', LOG.stopped); host.exit(0); });
      },
    };
  },
};
