// Readiness never waits for the lazily loaded index (a real-time import): a test or lab that does not preload it
// still sees /ready 200 on the virtual clock; only /api/recommend answers as the real app does before its index.
import { it, expect } from 'vitest';
import { LLMOPS_APP, LLMOPS_READY_MS, llmopsRecommender } from './llmops-app';
import type { ProcessHost } from './process';

it('without the data loaded: /ready 200 and /api/info ready at the virtual instant, /api/recommend 503 retry-after', () => {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const host: ProcessHost = {
    now: () => now, log: () => {}, exit: () => {}, after: (ms, fn) => { timers.push({ at: now + ms, fn }); },
    setMemory: () => {}, listen: () => {}, request: () => ({ ok: false, curlExit: 6, error: '' }),
    env: {}, argv: [], podName: 'p', namespace: 'default', podIP: '10.244.0.3',
  };
  const proc = LLMOPS_APP.start(host);
  while (timers.length) { timers.sort((a, b) => a.at - b.at); const t = timers.shift()!; now = t.at; t.fn(); }
  expect(now).toBe(LLMOPS_READY_MS);
  expect(llmopsRecommender()).toBeUndefined(); // the dynamic import cannot have resolved synchronously
  const get = (path: string) => proc.http!(8501, { method: 'GET', path, headers: {}, remoteAddr: '' });
  expect(get('/ready').body).toBe('{"status":"ready"}');
  expect(JSON.parse(get('/api/info').body)).toMatchObject({ titles: 215, ready: true });
  const r = get('/api/recommend?q=mecha');
  expect([r.status, r.headers['retry-after'], r.body]).toEqual([503, '1', '{"error":"the recommendation index is still being built; retry shortly","status":503}']);
});
