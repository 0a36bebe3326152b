/**
 * Behaviour model of `llmops-app`, the Anime Recommender in app/ (Node HTTP server). It runs the app's own pure
 * modules rather than a copy, so the simulated container answers and logs as the real one does:
 * - app/src/config.ts `loadConfig` reads the environment: a bad PORT, RECOMMENDER_MODE not in auto|offline|llm,
 *   RECOMMENDER_MODE=llm without GROQ_API_KEY, a bad GROQ_TIMEOUT_MS/SHUTDOWN_TIMEOUT_MS → one JSON error line on
 *   STDOUT (app/src/log.ts writes every level to stdout), exit 1 (→ CrashLoopBackOff);
 * - app/src/rules.ts: input checks (`checkParams`), 404/405/503 texts, the security headers; app/src/page.ts: the
 *   web page; app/src/recommender.ts over app/data/anime.json: the offline ranking (loaded lazily, llmops-data.ts);
 * - listens on 8501 (or $PORT); `/health` 200 while running; `/ready` 503 `starting` until the index is built
 *   (~0.2 s after start), then 200, 503 `stopping` after SIGTERM; `/api/info` reports whether each key is set;
 * - headers in the order Node's http server writes them (the app's own, then Date, Connection, Keep-Alive);
 * - one JSON log line per request, filtered by LOG_LEVEL like app/src/log.ts;
 * - with GROQ_API_KEY set (mode llm) the call to Groq is answered `401` (no key in a course is a live Groq key):
 *   the app logs its fallback warning and answers with the offline ranking plus the `warning` field;
 * - resident memory of a Node process (~58 MiB), so a 16Mi limit is OOMKilled;
 * - SIGTERM: logs, closes the server, exits 0.
 * Checked against the real app over HTTP in llmops-app.test.ts.
 */
import { rfc3339 } from '../clock/index';
import { httpDate } from '../shell/time';
import type { HttpRequest, HttpResponse, ImageModel, ProcessHost } from './process';
import { MiB, STATUS_TEXT, baseExec, notFoundExec, utf8Length } from './process';
import { APP_NAME, APP_VERSION, DEFAULT_HOST, DEFAULT_PORT, ENV, LOG, PATHS, STATUS, formatLogLine, type LogLevel } from '../../../app/src/messages';
import { ConfigError, loadConfig, type Config } from '../../../app/src/config';
import {
  DEFAULT_LIMIT, HttpError, LLM_FALLBACK_WARNING, MAX_BODY_BYTES, SECURITY_HEADERS, STILL_BUILDING, checkParams, methodNotAllowed, noSuchPath,
} from '../../../app/src/rules';
import { renderPage } from '../../../app/src/page';
import type { Recommendation, Recommender } from '../../../app/src/recommender';

export const LLMOPS_DEFAULT_PORT = DEFAULT_PORT;
// Timings: the first log line ~120 ms after the process starts (Node's boot in a container); the real app then
// logs `listening` 13 ms and `recommendation index ready` 58 ms after `starting` (measured: node dist/server.js,
// Node 20.20, the 215-title data set).
/** Time from process start until the HTTP server accepts connections (ms). */
export const LLMOPS_LISTEN_MS = 135;
/** Time from process start until the index is built and /ready answers 200 (ms). */
export const LLMOPS_READY_MS = 180;
/** Resident memory once started (bytes): a Node 20 process with the index loaded. */
export const LLMOPS_RSS_BYTES = 58 * MiB;
/** Number of titles in the app's bundled data set (app/data/anime.json; a test keeps it equal). */
export const LLMOPS_TITLES = 215;
/** `node --version` in the image (the Dockerfile's pinned base, node:20.20.2-bookworm-slim). */
export const LLMOPS_NODE_VERSION = 'v20.20.2';
/** How many offline candidates the real app offers the language model (app/src/app.ts LLM_CANDIDATES). */
const LLM_CANDIDATES = 15;

// ----- the offline index: app code + data, loaded once on first need (a separate chunk in the browser) -----

let recommender: Recommender | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads MiniSearch and the data set and builds the index (once per page or process). Started when an llmops-app
 * container starts; the CLI and tests await it before running so answers never depend on load timing. Until it
 * resolves, /api/recommend answers as the real app does before its index exists (503, retry-after: 1); /ready and
 * /api/info follow the virtual clock alone, so probes and rollouts never depend on it.
 */
export function loadLlmopsData(): Promise<void> {
  loading ??= import('./llmops-data').then((m) => { recommender = m.buildRecommender(); });
  return loading;
}

/** The index when loaded (for tests and the lab). */
export function llmopsRecommender(): Recommender | undefined { return recommender; }

// ----- logging as app/src/log.ts: one JSON object per line on stdout, ISO time with milliseconds -----

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** `new Date(ms).toISOString()` without Date: 2025-09-15T15:30:00.120Z. */
export function isoMillis(ms: number): string {
  return rfc3339(ms).replace(/Z$/, `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}Z`);
}

// ----- HTTP -----

interface Reply { status: number; body: unknown; html?: boolean; headers?: Record<string, string> }

/** The query string as URLSearchParams reads it: `+` is a space, %XX decoded, the first value of a name wins. */
function searchParams(query: string): Map<string, string> {
  const dec = (s: string) => {
    const t = s.replace(/\+/g, ' ');
    try { return decodeURIComponent(t); } catch { return t.replace(/%([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))); }
  };
  const out = new Map<string, string>();
  for (const kv of query.split('&')) {
    if (kv === '') continue;
    const eq = kv.indexOf('=');
    const k = dec(eq < 0 ? kv : kv.slice(0, eq));
    if (!out.has(k)) out.set(k, eq < 0 ? '' : dec(kv.slice(eq + 1)));
  }
  return out;
}

export const LLMOPS_APP: ImageModel = {
  name: 'llmops-app',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['node', 'dist/server.js'],
  exposed: [DEFAULT_PORT],
  // the Dockerfile's ENV plus what the node:20.20.2-bookworm-slim base sets
  env: { NODE_VERSION: '20.20.2', YARN_VERSION: '1.22.22', NODE_ENV: 'production', PORT: String(DEFAULT_PORT) },
  start(host: ProcessHost) {
    void loadLlmopsData().catch(() => { /* the 503 answers say the index is missing */ });
    let config: Config | undefined;
    let configError: string | undefined;
    try {
      config = loadConfig(host.env);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      configError = err.message;
    }
    const minLevel = LEVELS[config?.logLevel ?? 'info'];
    const log = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[level] >= minLevel) host.log(formatLogLine(isoMillis(host.now()), level, msg, fields), 'stdout');
    };
    let ready = false;
    let stopping = false;
    host.setMemory(36 * MiB);
    host.after(120, () => {
      if (!config) {
        // app/src/server.ts: createLogger('info').error(err.message); process.exit(1)
        log('error', configError ?? 'configuration error');
        host.after(20, () => host.exit(1));
        return;
      }
      const c = config;
      log('info', LOG.starting, { version: APP_VERSION, mode: c.mode, port: c.port, groqApiKey: c.groqApiKey ? 'set' : 'unset', huggingfaceApiKey: c.huggingfaceKeySet ? 'set' : 'unset' });
      host.after(LLMOPS_LISTEN_MS - 120, () => {
        host.listen(c.port);
        log('info', LOG.listening, { address: `http://${DEFAULT_HOST}:${c.port}` });
      });
      host.after(LLMOPS_READY_MS - 120, () => {
        host.setMemory(LLMOPS_RSS_BYTES);
        ready = true;
        log('info', LOG.indexReady, { titles: LLMOPS_TITLES });
      });
    });

    function recommend(cfg: Config, q: string, limit: number): { reference?: string; results: Recommendation[]; source: 'offline' | 'llm'; warning?: string } {
      const r = ready ? recommender : undefined;
      if (!r) throw new HttpError(503, STILL_BUILDING, { 'retry-after': '1' });
      const offline = r.recommend(q, cfg.mode === 'llm' ? Math.max(limit, LLM_CANDIDATES) : limit);
      const results = offline.results.slice(0, limit);
      let warning: string | undefined;
      if (cfg.mode === 'llm' && cfg.groqApiKey && offline.results.length > 0) {
        // app/src/groq.ts: a non-2xx answer is GroqError(`the Groq API answered HTTP ${status}`, 'http')
        log('warn', LOG.groqFallback, { reason: 'http', detail: 'the Groq API answered HTTP 401' });
        warning = LLM_FALLBACK_WARNING;
      }
      return { reference: offline.reference, results, source: 'offline', warning };
    }

    type Handler = (req: HttpRequest, params: Map<string, string>) => Reply;
    const routes: Record<string, Record<string, Handler>> = {
      [PATHS.page]: {
        GET: (_req, params) => {
          const cfg = config!;
          const rawQ = params.get('q');
          const state = { query: rawQ ?? '', limit: DEFAULT_LIMIT, mode: cfg.mode };
          if (rawQ === undefined) return { status: 200, html: true, body: renderPage(state) };
          try {
            const p = checkParams(rawQ, params.get('limit'));
            const r = recommend(cfg, p.q, p.limit);
            return { status: 200, html: true, body: renderPage({ ...state, query: p.q, limit: p.limit, results: r.results, ...(r.reference !== undefined ? { reference: r.reference } : {}), ...(r.warning !== undefined ? { notice: r.warning } : {}) }) };
          } catch (err) {
            if (!(err instanceof HttpError)) throw err;
            return { status: err.status, html: true, headers: err.headers, body: renderPage({ ...state, error: err.message }) };
          }
        },
      },
      [PATHS.health]: { GET: () => ({ status: 200, body: STATUS.health }) },
      // readiness follows the virtual clock only (never the real load time of the lazy chunk), so probes, rollouts
      // and goals behave the same whether or not the data has arrived; /api/recommend needs the data itself
      [PATHS.ready]: { GET: () => (stopping ? { status: 503, body: STATUS.stopping } : ready ? { status: 200, body: STATUS.ready } : { status: 503, body: STATUS.starting }) },
      [PATHS.info]: {
        GET: () => {
          const cfg = config!;
          return {
            status: 200,
            body: {
              name: APP_NAME, version: APP_VERSION, mode: cfg.mode, model: cfg.mode === 'llm' ? cfg.groqModel : null,
              keys: { [ENV.groqKey]: cfg.groqApiKey ? 'set' : 'unset', [ENV.huggingfaceKey]: cfg.huggingfaceKeySet ? 'set' : 'unset' },
              titles: ready ? LLMOPS_TITLES : 0,
              ready: ready && !stopping,
            },
          };
        },
      },
      [PATHS.recommend]: {
        GET: (_req, params) => {
          const cfg = config!;
          const p = checkParams(params.get('q'), params.get('limit'));
          return { status: 200, body: { query: p.q, limit: p.limit, mode: cfg.mode, ...recommend(cfg, p.q, p.limit) } };
        },
        POST: (req) => {
          const cfg = config!;
          let parsed: unknown;
          try { parsed = JSON.parse(req.body ?? ''); } catch { throw new HttpError(400, 'the request body must be a JSON object like {"q": "…", "limit": 5}'); }
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'the request body must be a JSON object like {"q": "…", "limit": 5}');
          const b = parsed as Record<string, unknown>;
          const p = checkParams(b.q, b.limit);
          return { status: 200, body: { query: p.q, limit: p.limit, mode: cfg.mode, ...recommend(cfg, p.q, p.limit) } };
        },
      },
    };

    /** app/src/app.ts send(): the app's headers, then what Node's http server adds (Date, Connection, Keep-Alive). */
    function send(req: HttpRequest, reply: Reply): HttpResponse {
      const payload = reply.html ? String(reply.body) : JSON.stringify(reply.body);
      const headers: Record<string, string> = {
        ...SECURITY_HEADERS,
        'content-type': reply.html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'content-length': String(utf8Length(payload)),
        ...reply.headers,
      };
      if (stopping) headers.connection = 'close';
      headers.Date = httpDate(host.now());
      if (headers.connection === undefined) { headers.Connection = 'keep-alive'; headers['Keep-Alive'] = 'timeout=5'; }
      return { status: reply.status, statusText: STATUS_TEXT[reply.status] ?? '', headers, body: req.method === 'HEAD' ? '' : payload };
    }

    return {
      http(_port, req) {
        const q = req.path.indexOf('?');
        const path = q < 0 ? req.path : req.path.slice(0, q);
        const params = searchParams(q < 0 ? '' : req.path.slice(q + 1));
        let reply: Reply;
        try {
          if (utf8Length(req.body ?? '') > MAX_BODY_BYTES) throw new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes`, { connection: 'close' });
          const route = routes[path];
          if (!route) throw noSuchPath(path);
          const handler = route[req.method === 'HEAD' ? 'GET' : req.method];
          if (!handler) {
            const allow = Object.keys(route);
            if (allow.includes('GET')) allow.push('HEAD');
            throw methodNotAllowed(req.method, path, allow);
          }
          reply = handler(req, params);
        } catch (err) {
          if (!(err instanceof HttpError)) throw err;
          reply = { status: err.status, body: { error: err.message, status: err.status }, headers: err.headers };
        }
        const res = send(req, reply);
        log('info', LOG.request, { method: req.method, path, status: reply.status, ms: path === PATHS.recommend || (path === PATHS.page && params.has('q')) ? 1.84 : 0.41 });
        return res;
      },
      exec(argv) {
        if (argv[0] === 'node' && (argv[1] === '--version' || argv[1] === '-v')) return { stdout: LLMOPS_NODE_VERSION + '\n', stderr: '', exitCode: 0 };
        // the runtime stage of the Dockerfile: WORKDIR /app holding package.json, node_modules, dist, data;
        // USER 10001:10001, a user with no /etc/passwd entry (Debian bookworm-slim coreutils messages)
        const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
        const [cmd, ...rest] = argv;
        if (cmd === 'pwd') return ok('/app\n');
        if (cmd === 'id') return ok('uid=10001 gid=10001 groups=10001\n');
        if (cmd === 'whoami') return { stdout: '', stderr: 'whoami: cannot find name for user ID 10001\n', exitCode: 1 };
        if (cmd === 'ls') {
          const dir = (rest.find((a) => !a.startsWith('-')) ?? '.').replace(/\/+$/, '');
          const listing: Record<string, string[]> = {
            '.': ['data', 'dist', 'node_modules', 'package.json'], '/app': ['data', 'dist', 'node_modules', 'package.json'],
            'data': ['anime.json'], '/app/data': ['anime.json'],
            'dist': ['anime.js', 'app.js', 'config.js', 'data.js', 'groq.js', 'log.js', 'messages.js', 'page.js', 'recommender.js', 'rules.js', 'server.js'],
          };
          listing['/app/dist'] = listing['dist']!;
          const names = listing[dir];
          if (!names) return { stdout: '', stderr: `ls: cannot access '${dir}': No such file or directory\n`, exitCode: 2 };
          return ok(names.join('\n') + '\n');
        }
        return baseExec(host, argv) ?? notFoundExec(argv);
      },
      terminate(signal = 'SIGTERM') {
        if (stopping) return;
        stopping = true;
        // app/src/server.ts: the same graceful stop on SIGTERM and SIGINT, naming the signal
        log('info', LOG.shuttingDown, { signal, timeoutMs: config?.shutdownTimeoutMs ?? 10_000 });
        host.after(2, () => { log('info', LOG.stopped); host.exit(0); });
      },
    };
  },
};
