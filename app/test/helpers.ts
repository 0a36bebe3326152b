// Shared helpers for the app tests: start the service on 127.0.0.1 with a captured log.
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';

export interface Running {
  app: App;
  base: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}, extra: Partial<AppOptions> = {}): Promise<Running> {
  const config = { ...loadConfig({ PORT: '1', ...env }), port: 0, host: '127.0.0.1' };
  const logs: string[] = [];
  const logger = createLogger('debug', (l) => logs.push(l));
  const app = createApp({ config, logger, ...extra });
  await app.listen();
  const port = (app.server.address() as AddressInfo).port;
  return { app, base: `http://127.0.0.1:${port}`, logs, stop: () => app.shutdown() };
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}
