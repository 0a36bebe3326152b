// The simulated llmops-app container against the real app (app/src/app.ts on a loopback port): same status, body,
// headers in the same order (Date excepted), same log lines (time and ms excepted) for the same requests.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { startApp, type Running } from '../../../app/test/helpers';
import { LLMOPS_APP, LLMOPS_TITLES, LLMOPS_READY_MS, loadLlmopsData, llmopsRecommender, isoMillis } from './llmops-app';
import type { HttpResponse, ProcessHost, Process } from './process';
import { parseAnime } from '../../../app/src/anime';
import { LOG } from '../../../app/src/messages';

interface Raw { status: number; statusText: string; headers: Array<[string, string]>; body: string }

function real(base: string, method: string, path: string, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { method, headers: body !== undefined ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const h: Array<[string, string]> = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) h.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode!, statusText: res.statusMessage!, headers: h, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Sim { proc: Process; logs: Array<{ line: string; stream: string }>; exit: number | undefined; advance(ms: number): void; listening: Set<number> }

/** Runs the model on a hand-driven host (virtual ms). */
function simStart(env: Record<string, string>): Sim {
  let now = 1_757_950_200_000;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const s: Sim = {
    proc: undefined as unknown as Process, logs: [], exit: undefined, listening: new Set(),
    advance(ms) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > until || s.exit !== undefined) break;
        timers.shift();
        now = t.at;
        t.fn();
      }
      now = until;
    },
  };
  const host: ProcessHost = {
    now: () => now,
    log: (line, stream = 'stdout') => s.logs.push({ line, stream }),
    exit: (code) => { s.exit = code; },
    after: (ms, fn) => { timers.push({ at: now + ms, fn }); },
    setMemory: () => {},
    listen: (p) => { s.listening.add(p); },
    request: () => ({ ok: false, curlExit: 6, error: '' }),
    env, argv: ['node', 'dist/server.js'], podName: 'llmops-app-x', namespace: 'default', podIP: '10.244.0.3',
  };
  s.proc = LLMOPS_APP.start(host);
  return s;
}

function simGet(s: Sim, method: string, path: string, body?: string): HttpResponse {
  return s.proc.http!(8501, { method, path, headers: {}, remoteAddr: '10.244.0.1', ...(body !== undefined ? { body } : {}) });
}

const REQUESTS: Array<[string, string, string?]> = [
  ['GET', '/health'], ['GET', '/ready'], ['GET', '/api/info'],
  ['GET', '/api/recommend?q=something+like+cowboy+bebop+but+funnier&limit=3'],
  ['GET', '/api/recommend?q=mecha&limit=2'], ['GET', '/api/recommend?q=a%20sad%20movie'], ['GET', '/api/recommend?q=cozy+slice+of+life'],
  ['GET', '/api/recommend?q=zzzzqqq'], ['GET', '/api/recommend'], ['GET', '/api/recommend?q='], ['GET', '/api/recommend?q=x&limit=50'],
  ['GET', '/api/recommend?q=x&limit=abc'], ['GET', `/api/recommend?q=${'a'.repeat(201)}`],
  ['POST', '/api/recommend', '{"q":"space opera","limit":2}'], ['POST', '/api/recommend', 'not json'], ['POST', '/api/recommend', '[1]'],
  ['GET', '/nope'], ['POST', '/health'], ['DELETE', '/api/recommend'], ['HEAD', '/health'],
  ['GET', '/'], ['GET', '/?q=pirates&limit=3'], ['GET', '/?q='],
];

describe('llmops-app model = the real app', () => {
  let app: Running;
  beforeAll(async () => {
    await loadLlmopsData();
    app = await startApp({});
    await app.app.whenReady();
  });
  afterAll(async () => { await app.stop(); });

  it('the data set has LLMOPS_TITLES titles and the lazily loaded index is the app\'s', () => {
    const data = parseAnime(readFileSync(new URL('../../../app/data/anime.json', import.meta.url), 'utf8'));
    expect(data.length).toBe(LLMOPS_TITLES);
    expect(llmopsRecommender()!.anime.length).toBe(LLMOPS_TITLES);
  });

  for (const [method, path, body] of REQUESTS) {
    it(`${method} ${path.slice(0, 60)}${body ? ' ' + body : ''}`, async () => {
      const r = await real(app.base, method, path, body);
      const s = simStart({});
      s.advance(LLMOPS_READY_MS);
      const m = simGet(s, method, path, body);
      expect(m.status).toBe(r.status);
      expect(m.statusText).toBe(r.statusText);
      expect(m.body).toBe(r.body);
      expect(Object.entries(m.headers).filter(([k]) => k !== 'Date')).toEqual(r.headers.filter(([k]) => k !== 'Date'));
      expect(Object.keys(m.headers)).toContain('Date');
      // the request log line: same fields but time and ms
      const strip = (l: string) => { const o = JSON.parse(l); delete o.time; delete o.ms; return o; };
      const realLog = app.logs.filter((l) => JSON.parse(l).msg === LOG.request).pop()!;
      expect(strip(s.logs[s.logs.length - 1]!.line)).toEqual(strip(realLog));
    });
  }
});

describe('llmops-app model: start-up, config errors, readiness, shutdown', () => {
  it('healthy start: three info lines on stdout, ISO times with milliseconds; /ready 503 starting before the index', async () => {
    await loadLlmopsData();
    const s = simStart({ GROQ_API_KEY: '', HUGGINGFACE_API_KEY: 'hf_x' });
    s.advance(150);
    expect(s.listening.has(8501)).toBe(true);
    const early = simGet(s, 'GET', '/ready');
    expect([early.status, early.body]).toEqual([503, '{"status":"starting"}']);
    expect(JSON.parse(simGet(s, 'GET', '/api/recommend?q=mecha').body)).toEqual({ error: 'the recommendation index is still being built; retry shortly', status: 503 });
    s.advance(1000);
    expect(simGet(s, 'GET', '/ready').status).toBe(200);
    const lines = s.logs.filter((l) => JSON.parse(l.line).msg !== LOG.request);
    expect(lines.every((l) => l.stream === 'stdout')).toBe(true);
    expect(JSON.parse(lines[0]!.line)).toEqual({ time: '2025-09-15T15:30:00.120Z', level: 'info', msg: 'starting anime-recommender', version: '1.0.0', mode: 'offline', port: 8501, groqApiKey: 'unset', huggingfaceApiKey: 'set' });
    expect(lines.map((l) => JSON.parse(l.line).msg)).toEqual([LOG.starting, LOG.listening, LOG.indexReady]);
    expect(JSON.parse(simGet(s, 'GET', '/api/info').body).keys).toEqual({ GROQ_API_KEY: 'unset', HUGGINGFACE_API_KEY: 'set' });
  });

  it.each([
    [{ RECOMMENDER_MODE: 'llm' }, LOG.missingGroqKey],
    [{ RECOMMENDER_MODE: 'llm', GROQ_API_KEY: '   ' }, LOG.missingGroqKey],
    [{ RECOMMENDER_MODE: 'fast' }, LOG.badMode],
    [{ PORT: '8501.0' }, LOG.badPort],
    [{ GROQ_TIMEOUT_MS: '-1' }, 'GROQ_TIMEOUT_MS must be a positive integer'],
  ])('%o: exactly the one error line the real app prints, on stdout, then exit 1', (env, msg) => {
    const s = simStart(env as Record<string, string>);
    s.advance(5000);
    expect(s.exit).toBe(1);
    expect(s.logs).toHaveLength(1);
    expect(s.logs[0]!.stream).toBe('stdout');
    // app/src/server.ts: createLogger('info').error(err.message) — {"time":…,"level":"error","msg":…}
    expect(s.logs[0]!.line).toBe(`{"time":"2025-09-15T15:30:00.120Z","level":"error","msg":${JSON.stringify(msg)}}`);
  });

  it('llm mode with a (non-live) key: fallback warning logged, offline answer with the warning field', async () => {
    await loadLlmopsData();
    const s = simStart({ GROQ_API_KEY: 'gsk_demo', RECOMMENDER_MODE: 'llm' });
    s.advance(LLMOPS_READY_MS);
    const body = JSON.parse(simGet(s, 'GET', '/api/recommend?q=mecha&limit=2').body);
    expect(body.mode).toBe('llm');
    expect(body.source).toBe('offline');
    expect(body.warning).toBe('The language model was unavailable; these are the offline recommendations.');
    expect(body.results).toHaveLength(2);
    const warn = s.logs.map((l) => JSON.parse(l.line)).find((o) => o.level === 'warn');
    expect(warn).toMatchObject({ msg: LOG.groqFallback, reason: 'http', detail: 'the Groq API answered HTTP 401' });
    expect(JSON.parse(simGet(s, 'GET', '/api/info').body)).toMatchObject({ mode: 'llm', model: 'llama-3.1-8b-instant' });
  });

  it('LOG_LEVEL=warn hides the info lines (start-up and requests) as app/src/log.ts does', () => {
    const s = simStart({ LOG_LEVEL: 'warn' });
    s.advance(LLMOPS_READY_MS);
    simGet(s, 'GET', '/health');
    expect(s.logs).toEqual([]);
  });

  it('SIGTERM: the real shutdown lines (signal and timeoutMs), /ready 503 stopping with connection: close, exit 0', () => {
    const s = simStart({ SHUTDOWN_TIMEOUT_MS: '5000' });
    s.advance(LLMOPS_READY_MS);
    s.proc.terminate();
    const r = simGet(s, 'GET', '/ready');
    expect([r.status, r.body, r.headers.connection, r.headers.Connection]).toEqual([503, '{"status":"stopping"}', 'close', undefined]);
    s.advance(1000);
    expect(s.exit).toBe(0);
    const msgs = s.logs.map((l) => JSON.parse(l.line)).filter((o) => o.msg !== LOG.request);
    expect(msgs.slice(-2)).toEqual([
      { time: expect.any(String), level: 'info', msg: LOG.shuttingDown, signal: 'SIGTERM', timeoutMs: 5000 },
      { time: expect.any(String), level: 'info', msg: LOG.stopped },
    ]);
  });

  it('exec in the container: WORKDIR /app, user 10001 without a name, dist/ = the compiled app/src', async () => {
    const { readdirSync } = await import('node:fs');
    const s = simStart({});
    s.advance(LLMOPS_READY_MS);
    const ex = (...a: string[]) => s.proc.exec!(a);
    expect(ex('pwd').stdout).toBe('/app\n');
    expect(ex('id').stdout).toBe('uid=10001 gid=10001 groups=10001\n');
    expect(ex('whoami')).toEqual({ stdout: '', stderr: 'whoami: cannot find name for user ID 10001\n', exitCode: 1 });
    expect(ex('ls').stdout).toBe('data\ndist\nnode_modules\npackage.json\n');
    const compiled = readdirSync(new URL('../../../app/src', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '.js')).sort();
    expect(ex('ls', 'dist').stdout).toBe(compiled.join('\n') + '\n');
    expect(ex('node', '--version').stdout).toBe('v20.20.2\n');
    expect(ex('curl', 'localhost:8501').exitCode).toBe(126); // node:*-slim has no curl
  });

  it('isoMillis is Date#toISOString', () => {
    for (const ms of [0, 1_757_950_200_000, 1_757_950_200_999, 1_757_950_201_007]) expect(isoMillis(ms)).toBe(new Date(ms).toISOString());
  });
});
