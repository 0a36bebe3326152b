import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { SEED_MANIFEST, appPods, createSecret, eventLines, loadLocalImage, podStatusColumn } from '../testing/index';
import type { Deployment, Pod, ReplicaSet } from '../api/types';
import { defaultObject } from '../api/defaults';

function cluster() {
  const c = createCluster({ seed: 3 });
  loadLocalImage(c.images);
  createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'k' });
  return c;
}

function runPod(c: ReturnType<typeof cluster>, name: string, image: string, args: string[], restartPolicy: 'Never' | 'Always' = 'Never'): void {
  c.store.create(defaultObject<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { run: name } }, spec: { containers: [{ name, image, args }], restartPolicy } }));
  c.settle();
}

describe('kubectl run pods', () => {
  it('curlimages/curl with --restart=Never: pulls, curls the Service, logs the body, Succeeded', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST, 'f.yaml');
    c.advance(5);
    runPod(c, 'tmp', 'curlimages/curl', ['curl', '-s', 'http://llmops-service/health']);
    c.advance(5);
    const p = c.store.get<Pod>('Pod', 'default', 'tmp')!;
    expect(p.status?.phase).toBe('Succeeded');
    expect(podStatusColumn(p)).toBe('Completed');
    const logs = c.logs('default', 'tmp');
    expect(logs).toEqual({ lines: [expect.objectContaining({ text: '{"status":"ok"}' })] });
    expect(eventLines(c, 'Pod', 'tmp')[1]).toBe('Normal Pulling Pulling image "curlimages/curl"');
  });

  it('curl to a name that does not resolve: exit 6, Failed', () => {
    const c = cluster();
    runPod(c, 'tmp', 'curlimages/curl', ['curl', '-s', 'http://llmops-servic/']);
    c.advance(5);
    const p = c.store.get<Pod>('Pod', 'default', 'tmp')!;
    expect(p.status?.phase).toBe('Failed');
    expect(p.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 6, reason: 'Error' });
    expect(c.logs('default', 'tmp')).toEqual({ lines: [expect.objectContaining({ text: 'curl: (6) Could not resolve host: llmops-servic', stream: 'stderr' })] });
  });

  it('busybox sleep stays Running and exec works; a finished busybox with restartPolicy Always crash-loops with Completed', () => {
    const c = cluster();
    runPod(c, 'sleeper', 'busybox:1.36', [], 'Always');
    c.store.delete('Pod', 'default', 'sleeper', { gracePeriodSeconds: 0 });
    c.store.create(defaultObject<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sleeper', namespace: 'default' }, spec: { containers: [{ name: 'sleeper', image: 'busybox:1.36', command: ['sleep', '3600'] }] } }));
    runPod(c, 'done', 'busybox:1.36', [], 'Always');
    c.advance(40);
    expect(podStatusColumn(c.store.get<Pod>('Pod', 'default', 'sleeper')!)).toBe('Running');
    expect(c.exec('default', 'sleeper', ['cat', '/etc/resolv.conf'])).toEqual({ stdout: 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n', stderr: '', exitCode: 0 });
    const done = c.store.get<Pod>('Pod', 'default', 'done')!;
    expect(['CrashLoopBackOff', 'Completed']).toContain(podStatusColumn(done));
    expect(done.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(2);
    // a busybox shell ignores SIGTERM: it is killed at the end of the grace period
    c.store.delete('Pod', 'default', 'sleeper');
    c.advance(29);
    expect(podStatusColumn(c.store.get<Pod>('Pod', 'default', 'sleeper')!)).toBe('Terminating');
    c.advance(2);
    expect(c.store.get('Pod', 'default', 'sleeper')).toBeUndefined();
  });
});

describe('deployment strategies and rollout commands', () => {
  it('Recreate: old pods go before new ones start', () => {
    const c = cluster();
    loadLocalImage(c.images, 'llmops-app:v2');
    const m = SEED_MANIFEST.replace('replicas: 1', 'replicas: 2').replace('  selector:\n    matchLabels:', '  strategy:\n    type: Recreate\n  selector:\n    matchLabels:');
    c.apply(m, 'f.yaml');
    c.advance(5);
    c.apply(m.replace('llmops-app:latest', 'llmops-app:v2'), 'f.yaml');
    let overlap = false;
    for (let i = 0; i < 100; i++) {
      c.advance(0.1);
      const images = new Set(appPods(c).map((p) => p.spec.containers[0]!.image));
      if (images.size > 1) overlap = true;
    }
    expect(overlap).toBe(false);
    const lines = eventLines(c, 'Deployment', 'llmops-app');
    expect(lines.slice(1).map((l) => l.replace(/llmops-app-[4-9bcdf]+/, 'X'))).toEqual(['Normal ScalingReplicaSet Scaled down replica set X from 2 to 0', 'Normal ScalingReplicaSet Scaled up replica set X from 0 to 2']);
    expect(appPods(c).map(podStatusColumn)).toEqual(['Running', 'Running']);
  });

  it('rollout restart creates a new revision; paused deployments do not roll out; history limit prunes', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST.replace('  selector:\n    matchLabels:', '  revisionHistoryLimit: 1\n  selector:\n    matchLabels:'), 'f.yaml');
    c.advance(5);
    const restart = (at: string) => {
      const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
      const t = d.spec.template;
      c.store.update({ ...d, metadata: { ...d.metadata, resourceVersion: undefined }, spec: { ...d.spec, template: { ...t, metadata: { ...t.metadata, annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } });
      c.settle();
    };
    restart('2025-09-15T15:31:00Z');
    c.advance(10);
    restart('2025-09-15T15:32:00Z');
    c.advance(10);
    const rss = c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' });
    expect(rss.map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['2', '3']);
    const pod = appPods(c)[0]!;
    expect(pod.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe('2025-09-15T15:32:00Z');
    // pause, change the image: nothing happens until resume
    let d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    c.store.update({ ...d, metadata: { ...d.metadata, resourceVersion: undefined }, spec: { ...d.spec, paused: true } });
    d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    c.store.update({ ...d, metadata: { ...d.metadata, resourceVersion: undefined }, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ ...d.spec.template.spec.containers[0]!, image: 'nginx:1.27' }] } } } });
    c.advance(20);
    expect(appPods(c).map((p) => p.spec.containers[0]!.image)).toEqual(['llmops-app:latest']);
    expect(c.explain({ kind: 'Deployment', name: 'llmops-app' })).toMatch(/^Deployment is paused/);
    expect(c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!.status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    c.store.update({ ...d, metadata: { ...d.metadata, resourceVersion: undefined }, spec: { ...d.spec, paused: false } });
    c.advance(20);
    expect(appPods(c).map((p) => p.spec.containers[0]!.image)).toEqual(['nginx:1.27']);
    expect(c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!.status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });

  it('minReadySeconds delays availability', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST.replace('  selector:\n    matchLabels:', '  minReadySeconds: 20\n  selector:\n    matchLabels:'), 'f.yaml');
    c.advance(5);
    expect(c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!.status?.availableReplicas).toBeUndefined();
    c.advance(20);
    expect(c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!.status?.availableReplicas).toBe(1);
  });

  it('same seed, same commands → same names, IPs and events', () => {
    const run = () => {
      const c = cluster();
      c.apply(SEED_MANIFEST.replace('replicas: 1', 'replicas: 2'), 'f.yaml');
      c.advance(30);
      return JSON.stringify([appPods(c).map((p) => [p.metadata.name, p.metadata.uid, p.status?.podIP]), c.store.list('Event', { namespace: 'default' }).map((e) => e.metadata.name)]);
    };
    expect(run()).toBe(run());
  });
});

describe('runaway replica counts', () => {
  it('creates pods in bursts of 500 per virtual second', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST.replace('replicas: 1', 'replicas: 20000'), 'f.yaml');
    expect(appPods(c).length).toBe(500);
    c.advance(1);
    expect(appPods(c).length).toBe(1000);
  }, 60_000);
});

describe('probes, configmaps, namespaces, tunnel routes', () => {
  it('startup probe holds liveness back; exec probe runs in the container', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST.replace('        ports:', '        startupProbe:\n          httpGet:\n            path: /ready\n            port: 8501\n          periodSeconds: 1\n          failureThreshold: 30\n        livenessProbe:\n          exec:\n            command: ["cat", "/nope"]\n          periodSeconds: 5\n        ports:'), 'f.yaml');
    c.advance(1);
    let s = appPods(c)[0]!.status!.containerStatuses![0]!;
    expect(s.started).toBe(false);
    c.advance(2);
    s = appPods(c)[0]!.status!.containerStatuses![0]!;
    expect(s.started).toBe(true);
    c.advance(20);
    const ev = eventLines(c, 'Pod', appPods(c)[0]!.metadata.name!);
    // the exec probe's output is the message; liveness only starts once the startup probe passed
    expect(ev.find((l) => l.startsWith("Warning Unhealthy Liveness probe failed: cat: can't open '/nope': No such file or directory"))).toBeDefined();
    expect(ev.findIndex((l) => l.startsWith('Warning Unhealthy Startup'))).toBeLessThan(ev.findIndex((l) => l.startsWith('Warning Unhealthy Liveness')));
    expect(ev).toContain('Normal Killing Container llmops-container failed liveness probe, will be restarted');
  });

  it('env from a ConfigMap (envFrom and configMapKeyRef) and a missing ConfigMap', () => {
    const c = cluster();
    c.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { RECOMMENDER_MODE: 'offline', LOG_LEVEL: 'info' } });
    c.apply(SEED_MANIFEST.replace('        envFrom:\n', '        envFrom:\n          - configMapRef:\n              name: cfg\n').replace('        ports:', '        env:\n          - name: MODE\n            valueFrom:\n              configMapKeyRef:\n                name: cfg\n                key: RECOMMENDER_MODE\n        ports:'), 'f.yaml');
    c.advance(5);
    const name = appPods(c)[0]!.metadata.name!;
    expect(c.exec('default', name, ['printenv', 'MODE'])).toEqual({ stdout: 'offline\n', stderr: '', exitCode: 0 });
    expect(c.exec('default', name, ['printenv', 'LOG_LEVEL'])).toEqual({ stdout: 'info\n', stderr: '', exitCode: 0 });
    const c2 = cluster();
    c2.apply(SEED_MANIFEST.replace('        envFrom:\n', '        envFrom:\n          - configMapRef:\n              name: nope\n'), 'f.yaml');
    c2.advance(5);
    expect(appPods(c2)[0]!.status!.containerStatuses![0]!.state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "nope" not found' });
  });

  it('deleting a namespace deletes what is in it', () => {
    const c = cluster();
    c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    loadLocalImage(c.images);
    createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'k' }, 'demo');
    c.apply(SEED_MANIFEST, 'f.yaml', { namespace: 'demo' });
    c.advance(5);
    expect(appPods(c, 'demo')).toHaveLength(1);
    c.store.delete('Namespace', '', 'demo');
    c.advance(5);
    expect(c.store.list('Deployment', { namespace: 'demo' })).toHaveLength(0);
    expect(appPods(c, 'demo')).toHaveLength(0);
  });

  it('with the tunnel open any ClusterIP is routable from the workstation', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST.replace('type: LoadBalancer', 'type: ClusterIP'), 'f.yaml');
    c.advance(5);
    const ip = c.store.get<import('../api/types').Service>('Service', 'default', 'llmops-service')!.spec.clusterIP!;
    expect(c.request({ url: `http://${ip}/health`, timeoutMs: 1000 }).curlExit).toBe(28);
    c.setTunnel(true);
    expect(c.request({ url: `http://${ip}/health` }).response?.status).toBe(200);
  });
});

describe('logs of restarted containers', () => {
  it('--previous is the last exited run; the current log is the running one', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST.replace('        ports:', '        livenessProbe:\n          httpGet:\n            path: /health\n            port: 9999\n        ports:'), 'f.yaml');
    c.advance(22); // started at ~1 s, probed at 1, 11, 21 s: killed at ~21 s by the liveness probe, restarted at once
    const name = appPods(c)[0]!.metadata.name!;
    const cur = c.logs('default', name);
    const prev = c.logs('default', name, { previous: true });
    if (!('lines' in cur) || !('lines' in prev)) throw new Error('expected logs');
    expect(prev.lines.map((l) => JSON.parse(l.text).msg)).toEqual(['starting anime-recommender', 'listening', 'recommendation index ready', 'stop signal received; shutting down gracefully', 'server closed; exiting']);
    expect(cur.lines.every((l) => l.ts > prev.lines[prev.lines.length - 1]!.ts)).toBe(true);
  });
});

describe('event TTL', () => {
  it('events older than an hour are gone, as with the API server default --event-ttl', () => {
    const c = cluster();
    c.apply(SEED_MANIFEST, 'f.yaml');
    c.advance(5);
    const name = appPods(c)[0]!.metadata.name!;
    expect(eventLines(c, 'Pod', name)).toHaveLength(4);
    c.advance(50 * 60);
    expect(eventLines(c, 'Pod', name)).toHaveLength(4);
    c.advance(15 * 60);
    expect(eventLines(c, 'Pod', name)).toEqual([]);
  });
});
