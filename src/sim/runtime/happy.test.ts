import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { SEED_MANIFEST, appPods, createSecret, eventLines, loadLocalImage, podStatusColumn } from '../testing/index';
import type { Endpoints, Service, Deployment } from '../api/types';

describe('happy path: the seed manifest on minikube', () => {
  it('with the image on the node a pod takes about a second to run (sandbox, then create/start), not an instant', () => {
    const c = createCluster({ seed: 1 });
    loadLocalImage(c.images);
    createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'gsk_test' });
    c.apply(SEED_MANIFEST, 'llmops-k8s.yaml');
    const t0 = c.now();
    const running = () => appPods(c).some((p) => p.status?.containerStatuses?.[0]?.ready === true);
    c.advance(0.5);
    expect(podStatusColumn(appPods(c)[0]!)).toBe('ContainerCreating');
    expect(c.advanceUntil(running, 10)).toBe(true);
    const took = c.now() - t0;
    expect(took).toBeGreaterThanOrEqual(800);
    expect(took).toBeLessThanOrEqual(2000);
  });

  it('the fixture equals manifests/llmops-k8s.yaml', () => {
    expect(readFileSync('manifests/llmops-k8s.yaml', 'utf8')).toBe(SEED_MANIFEST);
  });

  it('apply → RS → pod scheduled → image present → running → endpoints → reachable', () => {
    const c = createCluster({ seed: 1 });
    loadLocalImage(c.images);
    createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'gsk_test' });
    const out = c.apply(SEED_MANIFEST, 'llmops-k8s.yaml');
    expect(out.stdout).toEqual(['deployment.apps/llmops-app created', 'service/llmops-service created']);
    const pods = appPods(c);
    expect(pods).toHaveLength(1);
    const pod = pods[0]!;
    expect(pod.metadata.name).toMatch(/^llmops-app-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    c.advance(5);
    const p = c.store.get<import('../api/types').Pod>('Pod', 'default', pod.metadata.name!)!;
    expect(podStatusColumn(p)).toBe('Running');
    expect(p.status?.podIP).toBe('10.244.0.3');
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ ready: true, restartCount: 0, started: true, image: 'llmops-app:latest' });
    expect(p.status?.conditions?.map((x) => `${x.type}=${x.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(eventLines(c, 'Pod', p.metadata.name!)).toEqual([
      `Normal Scheduled Successfully assigned default/${p.metadata.name} to minikube`,
      'Normal Pulled Container image "llmops-app:latest" already present on machine',
      'Normal Created Created container: llmops-container',
      'Normal Started Started container llmops-container',
    ]);
    const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.status).toMatchObject({ replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 });
    expect(d.status?.conditions?.map((x) => `${x.type}=${x.status}/${x.reason}`)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
    const rsName = p.metadata.ownerReferences![0]!.name;
    expect(eventLines(c, 'Deployment', 'llmops-app')).toEqual([`Normal ScalingReplicaSet Scaled up replica set ${rsName} from 0 to 1`]);
    const ep = c.store.get<Endpoints>('Endpoints', 'default', 'llmops-service')!;
    expect(ep.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.244.0.3' })], ports: [{ port: 8501, protocol: 'TCP' }] }]);
    const svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    const nodePort = svc.spec.ports![0]!.nodePort!;
    const r = c.request({ url: `http://192.168.49.2:${nodePort}/health` });
    expect(r.ok).toBe(true);
    expect(r.response?.status).toBe(200);
    expect(r.trace.map((h) => h.kind)).toEqual(['client', 'nodeport', 'service', 'endpoints', 'pod', 'container', 'process']);
    const logs = c.logs('default', p.metadata.name!);
    expect('lines' in logs && logs.lines.map((l) => JSON.parse(l.text).msg)).toEqual(['starting anime-recommender', 'listening', 'recommendation index ready', 'request']);
    expect(c.explain({ kind: 'Pod', name: p.metadata.name! })).toMatch(/^Pod is Running and Ready at 10\.244\.0\.3/);
  });
});
