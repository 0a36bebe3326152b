import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, parseImageRef } from './ref';
import { ImageStore } from './store';
import { Registry } from './registry';

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 'nginx:latest', true],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx:1.27', false],
    ['curlimages/curl:8.10.1', 'docker.io/curlimages/curl:8.10.1', 'curlimages/curl:8.10.1', false],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1', 'localhost:5000/app:v1', false],
    ['llmops-app:latest', 'docker.io/library/llmops-app:latest', 'llmops-app:latest', false],
  ])('%s → %s', (raw, canonical, short, omitted) => {
    const p = parseImageRef(raw);
    expect(p.ok).toBe(true);
    if (p.ok) {
      expect(p.ref.canonical).toBe(canonical);
      expect(p.ref.short).toBe(short);
      expect(p.ref.tagOmitted).toBe(omitted);
    }
  });
  it.each([
    ['Llmops-app:latest', 'invalid reference format: repository name (library/Llmops-app) must be lowercase'],
    ['llmops-app:', 'invalid reference format'],
    ['', 'invalid reference format'],
    ['a b', 'invalid reference format'],
  ])('rejects %j', (raw, error) => {
    const p = parseImageRef(raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toBe(error);
  });
  it('defaults the pull policy like the API server', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('llmops-app:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
  });
});

describe('ImageStore and Registry', () => {
  it('finds images under any reference form and untags', () => {
    const s = new ImageStore();
    s.add('llmops-app:latest', { id: 'sha256:' + 'a'.repeat(64), sizeBytes: 1, created: 0, model: 'llmops-app' });
    expect(s.has('docker.io/library/llmops-app:latest')).toBe(true);
    expect(s.has('llmops-app')).toBe(true);
    expect(s.has('llmops-app:v2')).toBe(false);
    expect(s.remove('llmops-app')).toBe(true);
    expect(s.list()).toEqual([]);
  });
  it('answers pulls like Docker Hub', () => {
    const r = new Registry();
    expect(r.pull('nginx:1.27').ok).toBe(true);
    const denied = r.pull('llmops-app:latest');
    expect(denied).toEqual({ ok: false, error: "Error response from daemon: pull access denied for llmops-app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" });
    const tag = r.pull('nginx:9.9');
    expect(tag.ok).toBe(false);
    if (!tag.ok) expect(tag.error).toContain('manifest for nginx:9.9 not found');
  });
});
