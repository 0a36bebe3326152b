import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnime, type Anime } from '../src/data.js';
import { getJson, startApp, type Running } from './helpers.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function ready(env: Record<string, string> = {}): Promise<Running> {
  running = await startApp(env);
  await running.app.whenReady();
  return running;
}

describe('status endpoints', () => {
  it('/health answers at once while /ready says 503 until the index is built', async () => {
    let release: (a: Anime[]) => void = () => {};
    running = await startApp({}, { loadData: () => new Promise<Anime[]>((r) => (release = r)) });
    expect((await getJson(`${running.base}/health`)).status).toBe(200);
    const notYet = await getJson(`${running.base}/ready`);
    expect(notYet.status).toBe(503);
    expect(notYet.body).toEqual({ status: 'starting' });
    const early = await getJson(`${running.base}/api/recommend?q=comedy`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    release(loadAnime());
    await running.app.whenReady();
    expect((await getJson(`${running.base}/ready`)).status).toBe(200);
    expect(running.logs.map((l) => JSON.parse(l).msg)).toContain('recommendation index ready');
  });

  it('/api/info reports mode and whether keys are set, never their values', async () => {
    const r = await ready({ HUGGINGFACE_API_KEY: 'hf_secret_value_123', RECOMMENDER_MODE: 'offline', GROQ_API_KEY: 'gsk_secret_value_456' });
    const info = await getJson(`${r.base}/api/info`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      name: 'anime-recommender',
      mode: 'offline',
      keys: { GROQ_API_KEY: 'set', HUGGINGFACE_API_KEY: 'set' },
      titles: loadAnime().length,
      ready: true,
    });
    const raw = JSON.stringify(info.body) + r.logs.join('\n');
    expect(raw).not.toContain('hf_secret_value_123');
    expect(raw).not.toContain('gsk_secret_value_456');
  });
});

describe('/api/recommend', () => {
  it('answers JSON with title, year, genres and a why line', async () => {
    const r = await ready();
    const res = await getJson(`${r.base}/api/recommend?q=${encodeURIComponent('something like Cowboy Bebop but funnier')}&limit=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.source).toBe('offline');
    expect(res.body.reference).toBe('Cowboy Bebop');
    expect(res.body.results).toHaveLength(3);
    for (const x of res.body.results) {
      expect(typeof x.title).toBe('string');
      expect(typeof x.year).toBe('number');
      expect(Array.isArray(x.genres)).toBe(true);
      expect(x.why.length).toBeGreaterThan(5);
    }
  });

  it('accepts a JSON body by POST', async () => {
    const r = await ready();
    const res = await getJson(`${r.base}/api/recommend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'vampires', limit: 2 }),
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(2);
  });

  const bad: Array<[string, number, RegExp]> = [
    ['', 400, /q is required/],
    ['?q=', 400, /q must not be empty/],
    ['?q=%20%20', 400, /q must not be empty/],
    [`?q=${'a'.repeat(201)}`, 400, /at most 200/],
    ['?q=comedy&limit=0', 400, /limit must be a whole number from 1 to 20/],
    ['?q=comedy&limit=21', 400, /limit/],
    ['?q=comedy&limit=abc', 400, /limit/],
    ['?q=comedy&limit=-3', 400, /limit/],
    ['?q=comedy&limit=2.5', 400, /limit/],
  ];
  for (const [qs, status, msg] of bad) {
    it(`rejects ${qs || 'no query'} with ${status} and a JSON error`, async () => {
      const r = await ready();
      const res = await getJson(`${r.base}/api/recommend${qs}`);
      expect(res.status).toBe(status);
      expect(res.body.error).toMatch(msg);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    });
  }

  it('rejects bad JSON bodies, wrong methods and unknown paths with JSON errors', async () => {
    const r = await ready();
    const badJson = await getJson(`${r.base}/api/recommend`, { method: 'POST', body: '{nope' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toMatch(/JSON object/);
    const arr = await getJson(`${r.base}/api/recommend`, { method: 'POST', body: '[1]' });
    expect(arr.status).toBe(400);
    const wrong = await getJson(`${r.base}/api/recommend`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST, HEAD');
    const missing = await getJson(`${r.base}/nope/../../etc/passwd`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/no such path/);
    const put = await getJson(`${r.base}/health`, { method: 'PUT' });
    expect(put.status).toBe(405);
  });

  it('rejects a body over 1 MB with 413, declared or streamed', async () => {
    const r = await ready();
    const big = JSON.stringify({ q: 'x'.repeat(1024 * 1024 + 10) });
    const declared = await getJson(`${r.base}/api/recommend`, { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatch(/larger than 1048576 bytes/);
    // Chunked upload with no content-length: the limit applies while reading.
    const url = new URL(`${r.base}/api/recommend`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = 'y'.repeat(64 * 1024);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe('requests the HTTP parser rejects', () => {
  const raw = (base: string, data: string) =>
    new Promise<string>((resolve, reject) => {
      const url = new URL(base);
      const sock = connect(Number(url.port), url.hostname, () => sock.end(data));
      let out = '';
      sock.on('data', (d) => (out += d.toString()));
      sock.on('close', () => resolve(out));
      sock.on('error', reject);
    });

  it('answers a malformed request line with a JSON 400', async () => {
    const r = await ready();
    const out = await raw(r.base, 'THIS IS NOT HTTP\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(JSON.parse(out.split('\r\n\r\n')[1]!)).toEqual({ error: 'malformed HTTP request', status: 400 });
  });

  it('answers oversized headers with a JSON 431', async () => {
    const r = await ready();
    const out = await raw(r.base, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(out).toMatch(/^HTTP\/1\.1 431/);
    expect(out).toContain('"request headers are too large"');
  });
});

describe('web page', () => {
  it('renders an accessible form and HTML-escaped results', async () => {
    const r = await ready();
    const home = await fetch(`${r.base}/`);
    const html = await home.text();
    expect(home.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<label for="q">/);
    expect(html).toContain('placeholder="something like Cowboy Bebop but funnier"');
    const hostile = '<img src=x onerror=alert(1)> horror';
    const page = await (await fetch(`${r.base}/?q=${encodeURIComponent(hostile)}`)).text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toMatch(/<ol><li><h3>/);
    const bad = await fetch(`${r.base}/?q=&limit=3`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('role="alert"');
  });

  it('answers HEAD without a body and logs one JSON line per request', async () => {
    const r = await ready();
    const res = await fetch(`${r.base}/health`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const last = JSON.parse(r.logs.at(-1)!);
    expect(last).toMatchObject({ level: 'info', msg: 'request', method: 'HEAD', path: '/health', status: 200 });
  });
});

describe('graceful shutdown', () => {
  it('finishes the request in flight, then refuses new connections', async () => {
    // A slow language model keeps one request in flight while the server is told to stop.
    const slowFetch = (async () => {
      await new Promise((r) => setTimeout(r, 300));
      const content = JSON.stringify({ recommendations: [{ title: 'Trigun', why: 'Desert gunslinger comedy.' }] });
      return new Response(JSON.stringify({ choices: [{ message: { content } }] }), { status: 200 });
    }) as typeof fetch;
    running = await startApp({ GROQ_API_KEY: 'gsk_test' }, { fetchImpl: slowFetch });
    const r = running;
    await r.app.whenReady();
    const arrived = new Promise((resolve) => r.app.server.once('request', resolve));
    const inflight = getJson(`${r.base}/api/recommend?q=comedy`);
    await arrived;
    const closed = r.app.shutdown();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('llm');
    expect(res.headers.get('connection')).toBe('close');
    await closed;
    await expect(fetch(`${r.base}/health`)).rejects.toThrow();
    running = undefined;
  });
});
