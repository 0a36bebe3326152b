// Every log line and status text the Anime Recommender prints, in one place.
//
// The browser simulator models the `llmops-app` image after this service (port, start-up lines, /health and
// /ready behaviour, the crash when RECOMMENDER_MODE=llm has no key). It can import this module: it is pure
// TypeScript with no Node.js imports, so what the simulated container prints cannot drift from the real one.
// src/sim/images/llmops-app.ts imports it: keep this file free of imports (a test checks).

export const APP_NAME = 'anime-recommender';
export const APP_VERSION = '1.0.0';
export const DEFAULT_PORT = 8501;
export const DEFAULT_HOST = '0.0.0.0';

/** Paths served by the app. */
export const PATHS = {
  page: '/',
  recommend: '/api/recommend',
  info: '/api/info',
  health: '/health',
  ready: '/ready',
} as const;

/** Environment variables the app reads. Only their presence is ever reported, never their values. */
export const ENV = {
  port: 'PORT',
  mode: 'RECOMMENDER_MODE',
  groqKey: 'GROQ_API_KEY',
  groqModel: 'GROQ_MODEL',
  groqBaseUrl: 'GROQ_BASE_URL',
  groqTimeout: 'GROQ_TIMEOUT_MS',
  huggingfaceKey: 'HUGGINGFACE_API_KEY',
  logLevel: 'LOG_LEVEL',
  shutdownTimeout: 'SHUTDOWN_TIMEOUT_MS',
} as const;

export const DEFAULT_GROQ_MODEL = 'llama-3.1-8b-instant';
export const DEFAULT_GROQ_BASE_URL = 'https://api.groq.com/openai/v1';
export const DEFAULT_GROQ_TIMEOUT_MS = 5000;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** The `msg` field of each structured log line. */
export const LOG = {
  starting: 'starting anime-recommender',
  listening: 'listening',
  indexReady: 'recommendation index ready',
  request: 'request',
  groqFallback: 'Groq request failed; answering with the offline ranking',
  shuttingDown: 'stop signal received; shutting down gracefully',
  stopped: 'server closed; exiting',
  forcedExit: 'graceful shutdown took too long; exiting anyway',
  internalError: 'internal error while handling a request',
  /** The one line printed before exiting with status 1 when RECOMMENDER_MODE=llm has no key. */
  missingGroqKey:
    'RECOMMENDER_MODE=llm requires GROQ_API_KEY, but it is not set; add it to the Secret llmops-secrets (or .env) and restart',
  badMode: 'RECOMMENDER_MODE must be one of auto, offline, llm',
  badPort: 'PORT must be an integer between 1 and 65535',
} as const;

/**
 * The start-up lines of a healthy container in offline mode, in order, as `kubectl logs` shows them
 * (each is one JSON object; `time` and `ms` vary). A simulator can render them with formatLogLine().
 */
export function startupLines(opts: {
  port: number;
  mode: 'offline' | 'llm';
  groqKeySet: boolean;
  huggingfaceKeySet: boolean;
  titles: number;
}): Array<{ level: LogLevel; msg: string; fields: Record<string, unknown> }> {
  return [
    {
      level: 'info',
      msg: LOG.starting,
      fields: {
        version: APP_VERSION,
        mode: opts.mode,
        port: opts.port,
        groqApiKey: opts.groqKeySet ? 'set' : 'unset',
        huggingfaceApiKey: opts.huggingfaceKeySet ? 'set' : 'unset',
      },
    },
    { level: 'info', msg: LOG.listening, fields: { address: `http://${DEFAULT_HOST}:${opts.port}` } },
    { level: 'info', msg: LOG.indexReady, fields: { titles: opts.titles } },
  ];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One structured log line: a JSON object with time, level and msg first, then the fields. */
export function formatLogLine(time: string, level: LogLevel, msg: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ time, level, msg, ...fields });
}

/** Bodies of the plain status endpoints. */
export const STATUS = {
  health: { status: 'ok' },
  ready: { status: 'ready' },
  starting: { status: 'starting' },
  stopping: { status: 'stopping' },
} as const;
