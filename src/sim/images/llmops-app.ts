/**
 * Behaviour model of `llmops-app`, the Anime Recommender in app/ (Node HTTP server).
 *
 * The app engineer matches these facts (and the simulator follows the app when it lands):
 * - listens on 8501, or on $PORT when set;
 * - `GET /` → the HTML page; `/health` → 200 while the process runs; `/ready` → 503 until the
 *   search index is built (~1.2 s after start), then 200; `/api/recommend?q=` → JSON;
 *   `/api/info` → JSON with the mode and the hostname (the pod name);
 * - JSON one-line logs on stdout (LLMOPS_LOG below);
 * - `RECOMMENDER_MODE=llm` without `GROQ_API_KEY`: logs one error line naming the variable, exits 1;
 * - resident memory of a Node process (~58 MiB), so a 16Mi limit is OOMKilled;
 * - SIGTERM: logs a line, closes the server, exits 0.
 */
import { rfc3339 } from '../clock/index';
import type { ImageModel, ProcessHost } from './process';
import { MiB, baseExec, notFoundExec, response } from './process';

export const LLMOPS_DEFAULT_PORT = 8501;
/** Time from process start until the HTTP server accepts connections (ms). */
export const LLMOPS_LISTEN_MS = 350;
/** Time from process start until the index is built and /ready answers 200 (ms). */
export const LLMOPS_READY_MS = 1200;
/** Resident memory once started (bytes). */
export const LLMOPS_RSS_BYTES = 58 * MiB;

/** The app's log lines (one JSON object per line). `t` is RFC 3339 virtual time. */
export const LLMOPS_LOG = {
  starting: (t: string, port: number, mode: string) => JSON.stringify({ time: t, level: 'info', msg: 'starting anime recommender', port, mode }),
  listening: (t: string, port: number) => JSON.stringify({ time: t, level: 'info', msg: `listening on http://0.0.0.0:${port}` }),
  indexReady: (t: string, items: number, ms: number) => JSON.stringify({ time: t, level: 'info', msg: 'search index ready', items, ms }),
  missingKey: (t: string) => JSON.stringify({ time: t, level: 'error', msg: 'RECOMMENDER_MODE=llm but GROQ_API_KEY is not set; exiting' }),
  request: (t: string, method: string, path: string, status: number, ms: number) => JSON.stringify({ time: t, level: 'info', msg: 'request', method, path, status, ms }),
  sigterm: (t: string) => JSON.stringify({ time: t, level: 'info', msg: 'SIGTERM received, closing server' }),
  stopped: (t: string) => JSON.stringify({ time: t, level: 'info', msg: 'server closed, bye' }),
};

/** A small slice of the app's data set (titles and genres are facts; the blurbs are ours). */
export const LLMOPS_SAMPLE = [
  { title: 'Cowboy Bebop', genres: ['Action', 'Sci-Fi'], why: 'bounty hunters drifting through a jazz-scored solar system' },
  { title: 'Mobile Suit Gundam', genres: ['Mecha', 'Drama'], why: 'the war story that made giant robots serious' },
  { title: 'Neon Genesis Evangelion', genres: ['Mecha', 'Psychological'], why: 'teen pilots, giant machines and very heavy minds' },
  { title: 'Spirited Away', genres: ['Fantasy', 'Adventure'], why: 'a girl works off a debt in a bathhouse for spirits' },
  { title: 'Fullmetal Alchemist: Brotherhood', genres: ['Action', 'Fantasy'], why: 'two brothers pay the price of a forbidden transmutation' },
];

const INDEX_ITEMS = 500;

function page(): string {
  return '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Anime Recommender</title></head>\n'
    + '<body><h1>Anime Recommender</h1><form action="/api/recommend"><input name="q" placeholder="e.g. mecha"><button>Recommend</button></form></body></html>\n';
}

export const LLMOPS_APP: ImageModel = {
  name: 'llmops-app',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['node', 'dist/server.js'],
  exposed: [8501],
  start(host: ProcessHost) {
    const t0 = host.now();
    const env = host.env;
    const port = env.PORT && /^\d+$/.test(env.PORT) ? Number(env.PORT) : LLMOPS_DEFAULT_PORT;
    const mode = env.RECOMMENDER_MODE === 'llm' ? 'llm' : 'offline';
    let ready = false;
    let stopping = false;
    host.setMemory(36 * MiB);
    host.after(120, () => {
      host.log(LLMOPS_LOG.starting(rfc3339(host.now()), port, mode));
      if (mode === 'llm' && !env.GROQ_API_KEY) {
        host.log(LLMOPS_LOG.missingKey(rfc3339(host.now())), 'stderr');
        host.after(30, () => host.exit(1));
        return;
      }
      host.after(LLMOPS_LISTEN_MS - 120, () => {
        host.listen(port);
        host.log(LLMOPS_LOG.listening(rfc3339(host.now()), port));
      });
      host.after(LLMOPS_READY_MS - 120, () => {
        host.setMemory(LLMOPS_RSS_BYTES);
        ready = true;
        host.log(LLMOPS_LOG.indexReady(rfc3339(host.now()), INDEX_ITEMS, LLMOPS_READY_MS - LLMOPS_LISTEN_MS));
      });
    });
    const json = (status: number, v: unknown) => response(status, JSON.stringify(v) + '\n', 'application/json; charset=utf-8');
    return {
      http(_p, req) {
        const [path = '/', query = ''] = req.path.split('?');
        const params = new Map(query.split('&').filter(Boolean).map((kv) => {
          const [k = '', v = ''] = kv.split('=');
          return [decodeURIComponent(k), decodeURIComponent(v.replace(/\+/g, ' '))] as const;
        }));
        let res;
        if (stopping) res = json(503, { status: 'stopping' });
        else if (path === '/health' || path === '/healthz') res = json(200, { status: 'ok' });
        else if (path === '/ready' || path === '/readyz') res = ready ? json(200, { status: 'ready' }) : json(503, { status: 'starting', reason: 'index not built yet' });
        else if (path === '/api/info') res = json(200, { name: 'anime-recommender', mode, hostname: host.podName, uptimeSeconds: Math.floor((host.now() - t0) / 1000), items: INDEX_ITEMS });
        else if (path === '/api/recommend') {
          const q = (params.get('q') ?? '').toLowerCase();
          if (!ready) res = json(503, { error: 'index not ready' });
          else if (!q) res = json(400, { error: 'missing query parameter q' });
          else {
            const hits = LLMOPS_SAMPLE.filter((a) => a.title.toLowerCase().includes(q) || a.genres.some((g) => g.toLowerCase().includes(q)) || a.why.includes(q));
            res = json(200, { query: q, mode, results: (hits.length ? hits : LLMOPS_SAMPLE.slice(0, 3)).map((a) => ({ title: a.title, genres: a.genres, why: a.why })) });
          }
        } else if (path === '/' && req.method !== 'POST') res = response(200, page(), 'text/html; charset=utf-8');
        else res = json(404, { error: 'not found', path });
        host.log(LLMOPS_LOG.request(rfc3339(host.now()), req.method, path, res.status, 1));
        return res;
      },
      exec(argv) {
        if (argv[0] === 'node' && argv[1] === '--version') return { stdout: 'v22.19.0\n', stderr: '', exitCode: 0 };
        return baseExec(host, argv) ?? notFoundExec(argv);
      },
      terminate() {
        if (stopping) return;
        stopping = true;
        host.log(LLMOPS_LOG.sigterm(rfc3339(host.now())));
        host.after(150, () => { host.log(LLMOPS_LOG.stopped(rfc3339(host.now()))); host.exit(0); });
      },
    };
  },
};
