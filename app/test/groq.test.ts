// The Groq API replaced by a local mock server on 127.0.0.1: success, HTTP error, timeout, made-up titles.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startApp, type Running } from './helpers.js';

const KEY = 'gsk_live_do_not_leak_0123456789';
type Behaviour = 'success' | 'error' | 'timeout' | 'made-up' | 'garbage';
let behaviour: Behaviour = 'success';
let lastRequest: { auth?: string; body: any; path?: string } | undefined;
let mock: Server;
let mockBase = '';

function answer(content: string): string {
  return JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] });
}

beforeAll(async () => {
  mock = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      lastRequest = { auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()), path: req.url };
      if (behaviour === 'timeout') return; // never answers
      res.setHeader('content-type', 'application/json');
      if (behaviour === 'error') {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { message: 'upstream exploded' } }));
      } else if (behaviour === 'garbage') {
        res.end(answer('I would suggest watching some anime!'));
      } else if (behaviour === 'made-up') {
        res.end(answer(JSON.stringify({ recommendations: [{ title: 'Galaxy Noodle Detectives', why: 'invented' }, { title: 'Planet Kitten Raid', why: 'invented' }] })));
      } else {
        res.end(
          answer(
            '```json\n' +
              JSON.stringify({
                recommendations: [
                  { title: 'Space Dandy', why: 'A goofier trip through space with the same jazzy spirit.' },
                  { title: 'Totally Invented Show', why: 'not real' },
                  { title: 'trigun', why: 'A comic gunslinger in a sci-fi western.' },
                ],
              }) +
              '\n```',
          ),
        );
      }
    });
  });
  await new Promise<void>((r) => mock.listen(0, '127.0.0.1', r));
  mockBase = `http://127.0.0.1:${(mock.address() as AddressInfo).port}/openai/v1`;
});
afterAll(async () => {
  mock.closeAllConnections();
  await new Promise((r) => mock.close(r));
});

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  running = undefined;
});

async function llmApp(extra: Record<string, string> = {}): Promise<Running> {
  running = await startApp({ GROQ_API_KEY: KEY, GROQ_BASE_URL: mockBase, GROQ_MODEL: 'test-model', ...extra });
  await running.app.whenReady();
  return running;
}
const ask = (r: Running) => getJson(`${r.base}/api/recommend?q=${encodeURIComponent('like Cowboy Bebop but funnier')}&limit=3`);

function expectNoKey(r: Running, body: unknown) {
  expect(JSON.stringify(body)).not.toContain(KEY);
  expect(r.logs.join('\n')).not.toContain(KEY);
}

describe('Groq re-ranking', () => {
  it('sends the offline candidates to the chat completions API and keeps only known titles', async () => {
    behaviour = 'success';
    const r = await llmApp();
    const res = await ask(r);
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('llm');
    expect(res.body.mode).toBe('llm');
    expect(res.body.results.map((x: { title: string }) => x.title)).toEqual(['Space Dandy', 'Trigun']);
    expect(res.body.results[0].why).toMatch(/goofier/);
    expect(res.body.results[1].year).toBe(1998);
    expect(lastRequest?.path).toBe('/openai/v1/chat/completions');
    expect(lastRequest?.auth).toBe(`Bearer ${KEY}`);
    expect(lastRequest?.body.model).toBe('test-model');
    const userMsg = lastRequest?.body.messages.find((m: { role: string }) => m.role === 'user').content as string;
    expect(userMsg).toContain('like Cowboy Bebop but funnier');
    expect(userMsg).toContain('Space Dandy');
    expectNoKey(r, res.body);
  });

  const failures: Array<[Behaviour, string]> = [
    ['error', 'http'],
    ['timeout', 'timeout'],
    ['made-up', 'no-known-titles'],
    ['garbage', 'bad-response'],
  ];
  for (const [b, reason] of failures) {
    it(`falls back to the offline ranking with a warning on ${b}`, async () => {
      behaviour = b;
      const r = await llmApp({ GROQ_TIMEOUT_MS: '300' });
      const res = await ask(r);
      expect(res.status).toBe(200);
      expect(res.body.source).toBe('offline');
      expect(res.body.warning).toMatch(/offline recommendations/);
      expect(res.body.results).toHaveLength(3);
      expect(res.body.results.map((x: { title: string }) => x.title)).not.toContain('Galaxy Noodle Detectives');
      const warn = r.logs.map((l) => JSON.parse(l)).find((l) => l.level === 'warn');
      expect(warn).toMatchObject({ msg: 'Groq request failed; answering with the offline ranking', reason });
      expectNoKey(r, res.body);
    });
  }

  it('falls back when the API cannot be reached at all', async () => {
    const r = await llmApp({ GROQ_BASE_URL: 'http://127.0.0.1:1/v1' });
    const res = await ask(r);
    expect(res.body.source).toBe('offline');
    expect(r.logs.some((l) => JSON.parse(l).reason === 'network')).toBe(true);
    expectNoKey(r, res.body);
  });

  it('uses a 5 second timeout by default', async () => {
    const { loadConfig } = await import('../src/config.js');
    expect(loadConfig({ GROQ_API_KEY: 'k' }).groqTimeoutMs).toBe(5000);
  });
});
