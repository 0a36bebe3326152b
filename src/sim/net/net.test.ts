import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../index';
import { SEED_MANIFEST, appPods, createSecret, loadLocalImage } from '../testing/index';
import { parseUrl } from './index';

describe('parseUrl', () => {
  it.each([
    ['http://llmops-service', { scheme: 'http', host: 'llmops-service', port: 80, path: '/' }],
    ['localhost:8501/health', { scheme: 'http', host: 'localhost', port: 8501, path: '/health' }],
    ['http://10.96.0.1:443/api?x=1', { scheme: 'http', host: '10.96.0.1', port: 443, path: '/api?x=1' }],
    ['https://example.com', { scheme: 'https', host: 'example.com', port: 443, path: '/' }],
    ['http://Host.Default', { scheme: 'http', host: 'host.default', port: 80, path: '/' }],
  ])('%s', (u, want) => expect(parseUrl(u)).toEqual(want));
  it('curl rejects ports above 65535', () => {
    const c = createCluster({ seed: 1 });
    expect(c.request({ url: 'http://localhost:70000/' }).curlError).toBe('curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535');
  });
  it('rejects garbage', () => {
    expect(parseUrl('http://')).toBeUndefined();
    expect(parseUrl('::::')).toBeUndefined();
  });
});

describe('requests never throw and always explain themselves', () => {
  const c = createCluster({ seed: 2 });
  loadLocalImage(c.images);
  createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'k' });
  c.apply(SEED_MANIFEST, 'f.yaml');
  c.advance(5);
  const pod = appPods(c)[0]!.metadata.name!;
  const hosts = ['localhost', '127.0.0.1', '192.168.49.2', 'llmops-service', 'llmops-service.default.svc.cluster.local', '10.244.0.3', '10.96.0.1', '10.96.0.10', 'kube-dns.kube-system', 'x', '<img src=x onerror=alert(1)>'];
  it('for random hosts, ports, paths and clients', () => {
    fc.assert(fc.property(
      fc.constantFrom(...hosts), fc.integer({ min: 0, max: 70000 }), fc.string({ maxLength: 20 }), fc.boolean(),
      (host, port, path, fromPod) => {
        const r = c.request({ url: `http://${host}:${port}/${path}`, ...(fromPod ? { from: { kind: 'pod' as const, namespace: 'default', name: pod } } : {}), timeoutMs: 1000 });
        expect(r.trace.length).toBeGreaterThan(0);
        if (r.ok) expect(r.response).toBeDefined();
        else {
          expect(r.curlError).toMatch(/^curl: \(\d+\) /);
          expect(r.trace.some((h) => !h.ok) || r.curlExit === 3).toBe(true);
        }
      },
    ), { numRuns: 300 });
  });
});
