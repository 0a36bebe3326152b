// Reads the environment once at start-up. Secrets stay inside the Config object: only whether they are set
// is ever logged or returned by /api/info.
import {
  DEFAULT_GROQ_BASE_URL,
  DEFAULT_GROQ_MODEL,
  DEFAULT_GROQ_TIMEOUT_MS,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  ENV,
  LOG,
  type LogLevel,
} from './messages.js';

export type Mode = 'offline' | 'llm';

export interface Config {
  port: number;
  host: string;
  /** The mode the app runs in: llm only when a Groq key is present (or required). */
  mode: Mode;
  requestedMode: 'auto' | 'offline' | 'llm';
  groqApiKey: string | undefined;
  groqModel: string;
  groqBaseUrl: string;
  groqTimeoutMs: number;
  huggingfaceKeySet: boolean;
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

function intInRange(raw: string | undefined, fallback: number, min: number, max: number, message: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(message);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(message);
  return n;
}

/** `env` is process.env in the app; the browser simulator passes a container's environment. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const port = intInRange(env[ENV.port], DEFAULT_PORT, 1, 65535, LOG.badPort);
  const rawMode = (nonEmpty(env[ENV.mode]) ?? 'auto').toLowerCase();
  if (rawMode !== 'auto' && rawMode !== 'offline' && rawMode !== 'llm') throw new ConfigError(LOG.badMode);
  const groqApiKey = nonEmpty(env[ENV.groqKey]);
  if (rawMode === 'llm' && !groqApiKey) throw new ConfigError(LOG.missingGroqKey);
  const mode: Mode = rawMode === 'offline' ? 'offline' : groqApiKey ? 'llm' : 'offline';
  const level = (nonEmpty(env[ENV.logLevel]) ?? 'info').toLowerCase();
  const logLevel: LogLevel = level === 'debug' || level === 'warn' || level === 'error' ? level : 'info';
  return {
    port,
    host: '0.0.0.0',
    mode,
    requestedMode: rawMode,
    groqApiKey,
    groqModel: nonEmpty(env[ENV.groqModel]) ?? DEFAULT_GROQ_MODEL,
    groqBaseUrl: (nonEmpty(env[ENV.groqBaseUrl]) ?? DEFAULT_GROQ_BASE_URL).replace(/\/+$/, ''),
    groqTimeoutMs: intInRange(env[ENV.groqTimeout], DEFAULT_GROQ_TIMEOUT_MS, 1, 600_000, `${ENV.groqTimeout} must be a positive integer`),
    huggingfaceKeySet: nonEmpty(env[ENV.huggingfaceKey]) !== undefined,
    logLevel,
    shutdownTimeoutMs: intInRange(
      env[ENV.shutdownTimeout],
      DEFAULT_SHUTDOWN_TIMEOUT_MS,
      1,
      3_600_000,
      `${ENV.shutdownTimeout} must be a positive integer`,
    ),
  };
}
