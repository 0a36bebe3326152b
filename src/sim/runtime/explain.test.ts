import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { SEED_MANIFEST, appPods, createSecret, loadLocalImage } from '../testing/index';

function podExplain(opts: { image?: boolean; secret?: boolean; edit?: (s: string) => string; secs?: number }): string {
  const c = createCluster({ seed: 5 });
  if (opts.image !== false) loadLocalImage(c.images);
  if (opts.secret !== false) createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'k' });
  c.apply((opts.edit ?? ((s) => s))(SEED_MANIFEST), 'f.yaml');
  c.advance(opts.secs ?? 20);
  return c.explain({ kind: 'Pod', name: appPods(c)[0]!.metadata.name! });
}

describe('explain(pod) says why, in one sentence', () => {
  it.each([
    ['missing secret', { secret: false }, /^Pod is CreateContainerConfigError: secret "llmops-secrets" not found; the kubelet retries every 10-15 s and starts the container once it exists\.$/],
    ['image not on the node', { image: false }, /^Pod is (ImagePullBackOff|ErrImagePull): the node does not have "llmops-app:latest" and the registry refuses to serve it \(load it with `minikube image load llmops-app:latest`, or fix the name\); the kubelet retries with a back-off that doubles up to 5 minutes\.$/],
    ['Never policy', { image: false, edit: (s: string) => s.replace('IfNotPresent', 'Never') }, /^Pod is ErrImageNeverPull: imagePullPolicy is Never and the node has no image "llmops-app:latest"/],
    ['readiness failing', { edit: (s: string) => s.replace('        ports:', '        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: 8501\n        ports:') }, /^Pod is Running but not Ready: the readiness probe fails \(HTTP probe failed with statuscode: 404\), so Services send it no traffic\.$/],
    ['OOM', { edit: (s: string) => s.replace('        ports:', '        resources:\n          limits:\n            memory: 16Mi\n        ports:'), secs: 2 }, /OOMKilled/],
    ['healthy', {}, /^Pod is Running and Ready at 10\.244\.0\.3; it belongs to ReplicaSet llmops-app-[4-9bcdf]+\.$/],
  ])('%s', (_name, opts, re) => {
    expect(podExplain(opts)).toMatch(re);
  });

  it('names a missing object', () => {
    const c = createCluster({ seed: 1 });
    expect(c.explain({ kind: 'Pod', name: 'nope' })).toBe('Pod nope does not exist in namespace default.');
  });
});
