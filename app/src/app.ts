// The HTTP service: routing, input checks, readiness, graceful shutdown. No framework: node:http is enough.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { loadAnime, type Anime } from './data.js';
import { groqRecommend, GroqError } from './groq.js';
import type { Logger } from './log.js';
import { APP_NAME, APP_VERSION, ENV, LOG, PATHS, STATUS } from './messages.js';
import { renderPage } from './page.js';
import { Recommender, type Recommendation } from './recommender.js';
import {
  DEFAULT_LIMIT,
  HttpError,
  LLM_FALLBACK_WARNING,
  MAX_BODY_BYTES,
  SECURITY_HEADERS,
  STILL_BUILDING,
  checkParams,
  methodNotAllowed,
  noSuchPath,
} from './rules.js';

export { MAX_QUERY_LENGTH, MAX_LIMIT, DEFAULT_LIMIT, MAX_BODY_BYTES, checkParams } from './rules.js';

/** How many offline candidates are offered to the language model. */
const LLM_CANDIDATES = 15;

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Loads the data set; may be async (tests use it to hold the app in its not-ready state). */
  loadData?: () => Anime[] | Promise<Anime[]>;
  fetchImpl?: typeof fetch;
}

export interface App {
  server: Server;
  /** Starts listening and then builds the index; resolves with the bound port once listening. */
  listen(): Promise<number>;
  /** Resolves when the index is built and /ready answers 200. */
  whenReady(): Promise<void>;
  /** Graceful stop: /ready turns 503, no new connections, in-flight requests finish. */
  shutdown(): Promise<void>;
}

type Handler = (req: IncomingMessage, url: URL) => Promise<Reply> | Reply;
interface Reply {
  status: number;
  body: unknown;
  html?: boolean;
  headers?: Record<string, string>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes`, { connection: 'close' }));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes`, { connection: 'close' }));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => {
      if (!failed) reject(new HttpError(400, 'could not read the request body'));
    });
  });
}

export function createApp(opts: AppOptions): App {
  const { config, logger } = opts;
  let recommender: Recommender | undefined;
  let stopping = false;
  let readyResolve: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (readyResolve = r));

  async function recommend(q: string, limit: number) {
    if (!recommender) throw new HttpError(503, STILL_BUILDING, { 'retry-after': '1' });
    const offline = recommender.recommend(q, config.mode === 'llm' ? Math.max(limit, LLM_CANDIDATES) : limit);
    let results: Recommendation[] = offline.results.slice(0, limit);
    let source: 'offline' | 'llm' = 'offline';
    let warning: string | undefined;
    if (config.mode === 'llm' && config.groqApiKey && offline.results.length > 0) {
      try {
        results = await groqRecommend(
          {
            apiKey: config.groqApiKey,
            baseUrl: config.groqBaseUrl,
            model: config.groqModel,
            timeoutMs: config.groqTimeoutMs,
            fetchImpl: opts.fetchImpl,
          },
          recommender,
          q,
          offline.results,
          limit,
        );
        source = 'llm';
      } catch (err) {
        const reason = err instanceof GroqError ? err.reason : 'unexpected';
        const detail = err instanceof GroqError ? err.message : 'unexpected error';
        logger.warn(LOG.groqFallback, { reason, detail });
        warning = LLM_FALLBACK_WARNING;
      }
    }
    return { reference: offline.reference, results, source, warning };
  }

  const routes: Record<string, Record<string, Handler>> = {
    [PATHS.page]: {
      GET: async (_req, url) => {
        const rawQ = url.searchParams.get('q');
        const rawLimit = url.searchParams.get('limit');
        const state = { query: rawQ ?? '', limit: DEFAULT_LIMIT, mode: config.mode };
        if (rawQ === null) return { status: 200, html: true, body: renderPage(state) };
        try {
          const p = checkParams(rawQ, rawLimit ?? undefined);
          const r = await recommend(p.q, p.limit);
          return {
            status: 200,
            html: true,
            body: renderPage({ ...state, query: p.q, limit: p.limit, results: r.results, reference: r.reference, notice: r.warning }),
          };
        } catch (err) {
          if (!(err instanceof HttpError)) throw err;
          return { status: err.status, html: true, headers: err.headers, body: renderPage({ ...state, error: err.message }) };
        }
      },
    },
    [PATHS.health]: { GET: () => ({ status: 200, body: STATUS.health }) },
    [PATHS.ready]: {
      GET: () =>
        stopping
          ? { status: 503, body: STATUS.stopping }
          : recommender
            ? { status: 200, body: STATUS.ready }
            : { status: 503, body: STATUS.starting },
    },
    [PATHS.info]: {
      GET: () => ({
        status: 200,
        body: {
          name: APP_NAME,
          version: APP_VERSION,
          mode: config.mode,
          model: config.mode === 'llm' ? config.groqModel : null,
          keys: {
            [ENV.groqKey]: config.groqApiKey ? 'set' : 'unset',
            [ENV.huggingfaceKey]: config.huggingfaceKeySet ? 'set' : 'unset',
          },
          titles: recommender?.anime.length ?? 0,
          ready: recommender !== undefined && !stopping,
        },
      }),
    },
    [PATHS.recommend]: {
      GET: async (_req, url) => {
        const p = checkParams(url.searchParams.get('q') ?? undefined, url.searchParams.get('limit') ?? undefined);
        const r = await recommend(p.q, p.limit);
        return { status: 200, body: { query: p.q, limit: p.limit, mode: config.mode, ...r } };
      },
      POST: async (req) => {
        const text = await readBody(req);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'the request body must be a JSON object like {"q": "…", "limit": 5}');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new HttpError(400, 'the request body must be a JSON object like {"q": "…", "limit": 5}');
        const b = parsed as Record<string, unknown>;
        const p = checkParams(b.q, b.limit);
        const r = await recommend(p.q, p.limit);
        return { status: 200, body: { query: p.q, limit: p.limit, mode: config.mode, ...r } };
      },
    },
  };

  function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
    const isHtml = reply.html === true;
    const payload = isHtml ? String(reply.body) : JSON.stringify(reply.body);
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'content-type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(payload),
      ...reply.headers,
    };
    if (stopping) headers.connection = 'close';
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    let reply: Reply;
    let path = '?';
    try {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        throw new HttpError(400, 'malformed request URL');
      }
      path = url.pathname;
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY_BYTES)
        throw new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes`, { connection: 'close' });
      const route = routes[url.pathname];
      if (!route) throw noSuchPath(url.pathname);
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      const handler = route[method];
      if (!handler) {
        const allow = Object.keys(route);
        if (allow.includes('GET')) allow.push('HEAD');
        throw methodNotAllowed(String(req.method), url.pathname, allow);
      }
      reply = await handler(req, url);
    } catch (err) {
      if (err instanceof HttpError) {
        reply = { status: err.status, body: { error: err.message, status: err.status }, headers: err.headers };
      } else {
        logger.error(LOG.internalError, { path, error: err instanceof Error ? err.message : String(err) });
        reply = { status: 500, body: { error: 'internal error', status: 500 } };
      }
    }
    if (!res.headersSent) send(req, res, reply);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info(LOG.request, { method: req.method, path, status: reply.status, ms: Math.round(ms * 100) / 100 });
    // A client may still be sending an oversized body: drain it away rather than leave the socket stuck.
    if (!req.complete) req.resume();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.destroy();
    });
  });
  // Requests Node's parser rejects (malformed, headers too large) still get a JSON error, not a bare close.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify({ error: status === 431 ? 'request headers are too large' : 'malformed HTTP request', status });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return {
    server,
    listen() {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const port = (server.address() as AddressInfo).port;
          logger.info(LOG.listening, { address: `http://${config.host}:${port}` });
          // Build the index after the socket is open, so /health answers and /ready says 503 meanwhile.
          setImmediate(() => {
            Promise.resolve()
              .then(() => (opts.loadData ?? loadAnime)())
              .then((anime) => {
                recommender = new Recommender(anime);
                logger.info(LOG.indexReady, { titles: anime.length });
                readyResolve();
              })
              .catch((err: unknown) => {
                logger.error(LOG.internalError, { error: err instanceof Error ? err.message : String(err) });
                process.exitCode = 1;
                server.close();
              });
          });
          resolve(port);
        });
      });
    },
    whenReady: () => readyPromise,
    shutdown() {
      stopping = true;
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
