import { describe, expect, it } from 'vitest';
import { createCluster, type SimCluster } from '../index';
import { SEED_MANIFEST, appPods, createSecret, eventLines, loadLocalImage, podStatusColumn } from '../testing/index';
import type { Deployment, Endpoints, EndpointSlice, Pod, ReplicaSet, Service } from '../api/types';

/** The seed manifest with edits applied to its text. */
function manifest(edit: (s: string) => string = (s) => s): string {
  return edit(SEED_MANIFEST);
}

function setup(opts: { image?: boolean; secret?: boolean | Record<string, string>; seed?: number } = {}): SimCluster {
  const c = createCluster({ seed: opts.seed ?? 7 });
  if (opts.image !== false) loadLocalImage(c.images);
  if (opts.secret !== false) createSecret(c, 'llmops-secrets', typeof opts.secret === 'object' ? opts.secret : { GROQ_API_KEY: 'gsk_x' });
  return c;
}

function only(c: SimCluster): Pod {
  const pods = appPods(c).filter((p) => !p.metadata.deletionTimestamp);
  expect(pods).toHaveLength(1);
  return pods[0]!;
}

function reasons(c: SimCluster, p: Pod): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of c.eventsFor('Pod', 'default', p.metadata.name!)) {
    const k = `${e.reason}: ${e.message}`;
    out[k] = (out[k] ?? 0) + (e.count ?? 1);
  }
  return out;
}

describe('images and pull policies', () => {
  it('image not loaded, IfNotPresent: ErrImagePull then ImagePullBackOff with doubling back-off', () => {
    const c = setup({ image: false });
    c.apply(manifest(), 'llmops-k8s.yaml');
    c.advance(3);
    let p = only(c);
    expect(podStatusColumn(p)).toBe('ErrImagePull');
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.podIP).toBe('10.244.0.3');
    c.advance(12);
    p = only(c);
    expect(['ImagePullBackOff', 'ErrImagePull']).toContain(podStatusColumn(p));
    c.advance(145); // ~160 s in
    p = only(c);
    const r = reasons(c, p);
    const denied = 'Failed: Failed to pull image "llmops-app:latest": Error response from daemon: pull access denied for llmops-app, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied';
    expect(r['Pulling: Pulling image "llmops-app:latest"']).toBeGreaterThanOrEqual(3);
    expect(r['Pulling: Pulling image "llmops-app:latest"']).toBeLessThanOrEqual(5);
    expect(r[denied]).toBe(r['Pulling: Pulling image "llmops-app:latest"']);
    expect(r['Failed: Error: ErrImagePull']).toBe(r[denied]);
    expect(r['BackOff: Back-off pulling image "llmops-app:latest"']).toBeGreaterThanOrEqual(4);
    expect(r['Failed: Error: ImagePullBackOff']).toBe(r['BackOff: Back-off pulling image "llmops-app:latest"']);
    const ev = c.eventsFor('Pod', 'default', p.metadata.name!).find((e) => e.reason === 'BackOff')!;
    expect(ev.type).toBe('Normal');
    expect(ev.involvedObject.fieldPath).toBe('spec.containers{llmops-container}');
    expect(c.logs('default', p.metadata.name!)).toEqual({ error: `Error from server (BadRequest): container "llmops-container" in pod "${p.metadata.name}" is waiting to start: ${podStatusColumn(p) === 'ErrImagePull' ? "image can't be pulled" : 'trying and failing to pull image'}` });
    // Loading the image fixes it on a later retry, without a restart.
    loadLocalImage(c.images);
    c.advance(310);
    p = only(c);
    expect(podStatusColumn(p)).toBe('Running');
    expect(p.status?.containerStatuses?.[0]?.restartCount).toBe(0);
  });

  it('imagePullPolicy Never with the image absent: ErrImageNeverPull', () => {
    const c = setup({ image: false });
    c.apply(manifest((s) => s.replace('IfNotPresent', 'Never')), 'f.yaml');
    c.advance(20);
    const p = only(c);
    expect(podStatusColumn(p)).toBe('ErrImageNeverPull');
    expect(p.status?.containerStatuses?.[0]?.state?.waiting?.message).toBe('Container image "llmops-app:latest" is not present with pull policy of Never');
    expect(Object.keys(reasons(c, p))).toContain('Failed: Error: ErrImageNeverPull');
  });

  it(':latest without imagePullPolicy defaults to Always, so a loaded local image still fails to pull', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('        imagePullPolicy: IfNotPresent\n', '')), 'f.yaml');
    const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.spec.template.spec.containers[0]!.imagePullPolicy).toBe('Always');
    c.advance(5);
    expect(podStatusColumn(only(c))).toBe('ErrImagePull');
    expect(c.explain({ kind: 'Pod', name: only(c).metadata.name! })).toContain('imagePullPolicy Always');
  });

  it('a public image is pulled with the Successfully pulled event', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('llmops-app:latest', 'nginx:1.27').replace('8501', '80')), 'f.yaml');
    c.advance(10);
    const p = only(c);
    expect(podStatusColumn(p)).toBe('Running');
    const msgs = eventLines(c, 'Pod', p.metadata.name!);
    expect(msgs[1]).toBe('Normal Pulling Pulling image "nginx:1.27"');
    expect(msgs[2]).toMatch(/^Normal Pulled Successfully pulled image "nginx:1\.27" in (6\.\d{1,3}s) \(\1 including waiting\)\. Image size: \d+ bytes\.$/);
    expect(p.status?.containerStatuses?.[0]?.imageID).toMatch(/^docker-pullable:\/\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('pulls are serialized: the second pod waits, then only checks the manifest', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('replicas: 1', 'replicas: 2').replace('llmops-app:latest', 'nginx:1.27').replace('8501', '80')), 'f.yaml');
    c.advance(10);
    const pulled = appPods(c).map((p) => eventLines(c, 'Pod', p.metadata.name!).find((l) => l.includes('Successfully pulled'))!).sort();
    // the queued pull only checks the manifest (~0.5 s) after waiting for the first (~6.2–6.7 s)
    expect(pulled[0]).toMatch(/in [45]\d\dms \([67]\.\d{1,3}s including waiting\)/);
    expect(pulled[1]).toMatch(/in (6\.\d{1,3}s) \(\1 including waiting\)/);
    expect(appPods(c).map(podStatusColumn)).toEqual(['Running', 'Running']);
  });

  it('an invalid image name gives InvalidImageName', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('llmops-app:latest', 'Llmops-App:latest')), 'f.yaml');
    c.advance(2);
    expect(podStatusColumn(only(c))).toBe('InvalidImageName');
  });
});

describe('secrets into env', () => {
  it('missing Secret: CreateContainerConfigError, then recovers on a later sync once it exists', () => {
    const c = setup({ secret: false });
    c.apply(manifest(), 'f.yaml');
    c.advance(30);
    let p = only(c);
    expect(podStatusColumn(p)).toBe('CreateContainerConfigError');
    expect(p.status?.containerStatuses?.[0]?.state?.waiting?.message).toBe('secret "llmops-secrets" not found');
    const r = reasons(c, p);
    expect(r['Failed: Error: secret "llmops-secrets" not found']).toBeGreaterThanOrEqual(2);
    expect(r['Pulled: Container image "llmops-app:latest" already present on machine']).toBe(r['Failed: Error: secret "llmops-secrets" not found']);
    createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'k' });
    expect(podStatusColumn(only(c))).toBe('CreateContainerConfigError'); // not before the next re-sync
    c.advance(16);
    p = only(c);
    expect(podStatusColumn(p)).toBe('Running');
    expect(p.status?.containerStatuses?.[0]?.restartCount).toBe(0);
  });

  it('optional Secret that is missing: the container starts', () => {
    const c = setup({ secret: false });
    c.apply(manifest((s) => s.replace('              name: llmops-secrets', '              name: llmops-secrets\n              optional: true')), 'f.yaml');
    c.advance(5);
    expect(podStatusColumn(only(c))).toBe('Running');
  });

  it('missing key through secretKeyRef', () => {
    const c = setup({ secret: { OTHER: 'x' } });
    c.apply(manifest((s) => s.replace(/        envFrom:\n          - secretRef:\n              name: llmops-secrets\n/, '        env:\n          - name: GROQ_API_KEY\n            valueFrom:\n              secretKeyRef:\n                name: llmops-secrets\n                key: GROQ_API_KEY\n')), 'f.yaml');
    c.advance(5);
    const p = only(c);
    expect(p.status?.containerStatuses?.[0]?.state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: "couldn't find key GROQ_API_KEY in Secret default/llmops-secrets" });
  });

  it('env reaches the process', () => {
    const c = setup({ secret: { GROQ_API_KEY: 'gsk_abc', HUGGINGFACE_API_KEY: 'hf' } });
    c.apply(manifest(), 'f.yaml');
    c.advance(5);
    const r = c.exec('default', only(c).metadata.name!, ['printenv', 'GROQ_API_KEY']);
    expect(r).toEqual({ stdout: 'gsk_abc\n', stderr: '', exitCode: 0 });
  });
});

describe('services and endpoints', () => {
  it('selector mismatch: no endpoints, refused, explained', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace(/selector:\n    app: llmops/, 'selector:\n    app: llmops-api')), 'f.yaml');
    c.advance(5);
    const ep = c.store.get<Endpoints>('Endpoints', 'default', 'llmops-service')!;
    expect(ep.subsets).toBeUndefined();
    const svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    const r = c.request({ url: `http://192.168.49.2:${svc.spec.ports![0]!.nodePort}/` });
    expect(r.curlExit).toBe(7);
    expect(r.trace.find((h) => !h.ok)?.kind).toBe('endpoints');
    expect(c.explain({ kind: 'Service', name: 'llmops-service' })).toBe('Service has no endpoints: selector app=llmops-api matches 0 of 1 pod (they are labelled app=llmops); its EXTERNAL-IP stays <pending> until `minikube tunnel` runs.');
  });

  it('wrong targetPort: endpoints listed, connection refused at the pod', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('targetPort: 8501', 'targetPort: 8080')), 'f.yaml');
    c.advance(5);
    const ep = c.store.get<Endpoints>('Endpoints', 'default', 'llmops-service')!;
    expect(ep.subsets?.[0]?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    const r = c.request({ url: `http://192.168.49.2:${svc.spec.ports![0]!.nodePort}/` });
    expect(r.curlError).toBe(`curl: (7) Failed to connect to 192.168.49.2 port ${svc.spec.ports![0]!.nodePort} after 0 ms: Couldn't connect to server`);
    expect(r.trace.find((h) => !h.ok)).toMatchObject({ kind: 'container', text: '10.244.0.3:8080: nothing listens on port 8080 (declared container ports: llmops-container:8501)' });
    expect(c.explain({ kind: 'Service', name: 'llmops-service' })).toContain('nothing listens there');
  });

  it('targetPort omitted means targetPort = port (80): refused', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('      targetPort: 8501\n', '')), 'f.yaml');
    c.advance(5);
    const svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    expect(svc.spec.ports![0]!.targetPort).toBe(80);
    expect(c.request({ from: { kind: 'pod', namespace: 'default', name: only(c).metadata.name! }, url: 'http://llmops-service/' }).curlExit).toBe(7);
  });

  it('named targetPort: resolved per pod when the container port has that name; no endpoints when absent', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('- containerPort: 8501', '- containerPort: 8501\n            name: http').replace('targetPort: 8501', 'targetPort: http')), 'f.yaml');
    c.advance(5);
    const slice = c.store.list<EndpointSlice>('EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=llmops-service' });
    expect(slice).toHaveLength(1);
    expect(slice[0]!.metadata.name).toMatch(/^llmops-service-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice[0]!.ports).toEqual([{ name: '', port: 8501, protocol: 'TCP' }]);
    expect(slice[0]!.endpoints?.[0]?.conditions?.ready).toBe(true);
    const r = c.request({ from: { kind: 'pod', namespace: 'default', name: only(c).metadata.name! }, url: 'http://llmops-service.default.svc.cluster.local/health' });
    expect(r.response?.status).toBe(200);
    const c2 = setup();
    c2.apply(manifest((s) => s.replace('targetPort: 8501', 'targetPort: web')), 'f.yaml');
    c2.advance(5);
    expect(c2.store.get<Endpoints>('Endpoints', 'default', 'llmops-service')!.subsets).toBeUndefined();
    expect(c2.explain({ kind: 'Service', name: 'llmops-service' })).toContain('targetPort "web" names no container port');
  });

  it('tunnel: EXTERNAL-IP = ClusterIP while open; ClusterIP unreachable from the workstation otherwise', () => {
    const c = setup();
    c.apply(manifest(), 'f.yaml');
    c.advance(5);
    let svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    const ip = svc.spec.clusterIP!;
    expect(svc.status?.loadBalancer?.ingress).toBeUndefined();
    expect(c.request({ url: `http://${ip}/`, timeoutMs: 5000 }).curlError).toBe('curl: (28) Connection timed out after 5001 milliseconds');
    c.setTunnel(true);
    svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    expect(svc.status?.loadBalancer?.ingress).toEqual([{ ip, ipMode: 'VIP' }]);
    expect(c.request({ url: `http://${ip}/` }).response?.status).toBe(200);
    c.setTunnel(false);
    expect(c.store.get<Service>('Service', 'default', 'llmops-service')!.status?.loadBalancer?.ingress).toBeUndefined();
  });

  it('DNS: short and long names resolve from pods only', () => {
    const c = setup();
    c.apply(manifest(), 'f.yaml');
    c.advance(5);
    const from = { kind: 'pod' as const, namespace: 'default', name: only(c).metadata.name! };
    for (const h of ['llmops-service', 'llmops-service.default', 'llmops-service.default.svc', 'llmops-service.default.svc.cluster.local']) {
      expect(c.request({ from, url: `http://${h}/health` }).response?.status).toBe(200);
    }
    expect(c.request({ from, url: 'http://llmops-servic/' }).curlError).toBe('curl: (6) Could not resolve host: llmops-servic');
    expect(c.request({ url: 'http://llmops-service/' }).curlExit).toBe(6);
    expect(c.request({ from, url: 'http://llmops-service:8501/', timeoutMs: 3000 }).curlExit).toBe(28);
  });
});

describe('replicas and rollouts', () => {
  it('3 replicas: three running pods, round-robin over their endpoints', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('replicas: 1', 'replicas: 3')), 'f.yaml');
    c.advance(5);
    const pods = appPods(c);
    expect(pods.map(podStatusColumn)).toEqual(['Running', 'Running', 'Running']);
    expect(pods.map((p) => p.status?.podIP).sort()).toEqual(['10.244.0.3', '10.244.0.4', '10.244.0.5']);
    const svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) seen.add(c.request({ url: `http://192.168.49.2:${svc.spec.ports![0]!.nodePort}/api/info` }).pod!.name);
    expect(seen.size).toBe(3);
  });

  it('rolling update with 3 replicas: exact ScalingReplicaSet sequence, ≤ 4 pods, ≥ 3 available', () => {
    const c = setup();
    loadLocalImage(c.images, 'llmops-app:v2');
    c.apply(manifest((s) => s.replace('replicas: 1', 'replicas: 3')), 'f.yaml');
    c.advance(10);
    const oldRS = c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' })[0]!.metadata.name!;
    c.apply(manifest((s) => s.replace('replicas: 1', 'replicas: 3').replace('llmops-app:latest', 'llmops-app:v2')), 'f.yaml');
    let maxPods = 0, minAvail = 3;
    for (let t = 0; t < 60; t += 0.05) {
      c.advance(0.05);
      const active = appPods(c).filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, active.length);
      const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
      minAvail = Math.min(minAvail, d.status?.availableReplicas ?? 0);
    }
    expect(maxPods).toBe(4);
    expect(minAvail).toBe(3);
    const newRS = c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' }).find((r) => r.metadata.name !== oldRS)!.metadata.name!;
    expect(eventLines(c, 'Deployment', 'llmops-app')).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${oldRS} from 0 to 3`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS} from 0 to 1`,
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS} from 3 to 2`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS} from 1 to 2`,
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS} from 2 to 1`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS} from 2 to 3`,
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS} from 1 to 0`,
    ]);
    const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const rs = c.store.get<ReplicaSet>('ReplicaSet', 'default', newRS)!;
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '2', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(c.store.get<ReplicaSet>('ReplicaSet', 'default', oldRS)!.spec.replicas).toBe(0);
    // Undo: back to the old template; the old RS is reused and becomes revision 3.
    const back = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    const owned = c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' });
    const { rollbackTemplate } = awaitImport();
    const rb = rollbackTemplate(back, owned);
    expect('template' in rb).toBe(true);
    if ('template' in rb) c.store.update({ ...back, spec: { ...back.spec, template: rb.template }, metadata: { ...back.metadata, resourceVersion: undefined } });
    c.advance(30);
    expect(c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' })).toHaveLength(2);
    expect(c.store.get<ReplicaSet>('ReplicaSet', 'default', oldRS)!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(c.store.get<ReplicaSet>('ReplicaSet', 'default', oldRS)!.spec.replicas).toBe(3);
  });

  it('rollout to a missing image: old pods keep serving; ProgressDeadlineExceeded after 600 s', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('replicas: 1', 'replicas: 3')), 'f.yaml');
    c.advance(10);
    c.apply(manifest((s) => s.replace('replicas: 1', 'replicas: 3').replace('llmops-app:latest', 'llmops-app:v9')), 'f.yaml');
    c.advance(60);
    const svc = c.store.get<Service>('Service', 'default', 'llmops-service')!;
    expect(c.request({ url: `http://192.168.49.2:${svc.spec.ports![0]!.nodePort}/health` }).response?.status).toBe(200);
    let d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.status?.availableReplicas).toBe(3);
    expect(d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    c.advance(530); // 590 s after the change
    d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    c.advance(15);
    d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    const prog = d.status?.conditions?.find((x) => x.type === 'Progressing');
    expect(prog).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(prog?.message).toMatch(/^ReplicaSet "llmops-app-[4-9bcdf]+" has timed out progressing\.$/);
    expect(d.status?.conditions?.find((x) => x.type === 'Available')?.status).toBe('True');
    expect(appPods(c).filter((p) => podStatusColumn(p) === 'Running')).toHaveLength(3);
  });

  it('a fresh Deployment whose image cannot be pulled times out progressing after 600 s', () => {
    const c = setup({ image: false });
    c.apply(manifest(), 'f.yaml');
    c.advance(5);
    let d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.status?.conditions?.map((x) => `${x.type}=${x.status}/${x.reason}`)).toEqual(['Available=False/MinimumReplicasUnavailable', 'Progressing=True/ReplicaSetUpdated']);
    c.advance(590);
    d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    c.advance(10);
    d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(c.explain({ kind: 'Deployment', name: 'llmops-app' })).toMatch(/^Deployment's rollout is stuck: no progress for 600s \(ProgressDeadlineExceeded\); 0\/1 available — pod llmops-app-\S+ is ImagePullBackOff/);
  });

  it('scale up and down with kubectl scale semantics', () => {
    const c = setup();
    c.apply(manifest(), 'f.yaml');
    c.advance(5);
    const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    c.store.update({ ...d, spec: { ...d.spec, replicas: 3 }, metadata: { ...d.metadata, resourceVersion: undefined } });
    c.settle();
    c.advance(5);
    const d2 = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    c.store.update({ ...d2, spec: { ...d2.spec, replicas: 2 }, metadata: { ...d2.metadata, resourceVersion: undefined } });
    c.settle();
    const rs = c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' })[0]!.metadata.name!;
    expect(eventLines(c, 'Deployment', 'llmops-app')).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${rs} from 0 to 1`,
      `Normal ScalingReplicaSet Scaled up replica set ${rs} from 1 to 3`,
      `Normal ScalingReplicaSet Scaled down replica set ${rs} from 3 to 2`,
    ]);
    const del = eventLines(c, 'ReplicaSet', rs).filter((l) => l.includes('SuccessfulDelete'));
    expect(del).toHaveLength(1);
  });
});

describe('scheduling', () => {
  it.each([
    ['4', '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.'],
    ['1500m', '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
  ])('cpu request %s: Pending with FailedScheduling', (cpu, msg) => {
    const c = setup();
    c.apply(manifest((s) => s.replace('        ports:', `        resources:\n          requests:\n            cpu: "${cpu}"\n        ports:`)), 'f.yaml');
    c.advance(5);
    const p = only(c);
    expect(podStatusColumn(p)).toBe('Pending');
    expect(p.status?.podIP).toBeUndefined();
    expect(p.status?.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg })]);
    expect(eventLines(c, 'Pod', p.metadata.name!)).toEqual([`Warning FailedScheduling ${msg}`]);
    expect(c.explain({ kind: 'Pod', name: p.metadata.name! })).toBe(`Pod is Pending: 0/1 nodes can take it — it requests ${cpu === '4' ? '4' : '1500m'} CPU but the node has 1250m left of 2 after system and other pods.`);
  });

  it('a pending pod is scheduled once resources are freed', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('replicas: 1', 'replicas: 2').replace('        ports:', '        resources:\n          requests:\n            cpu: "700m"\n        ports:')), 'f.yaml');
    c.advance(5);
    expect(appPods(c).map(podStatusColumn).sort()).toEqual(['Pending', 'Running']);
    const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    c.store.update({ ...d, spec: { ...d.spec, replicas: 1 }, metadata: { ...d.metadata, resourceVersion: undefined } });
    c.advance(40);
    expect(appPods(c).map(podStatusColumn)).toEqual(['Running']);
  });
});

describe('containers that fail', () => {
  it('crash loop: immediate first restart, then one at the first 10–15 s retry after each doubled back-off', () => {
    const c = setup({ secret: { RECOMMENDER_MODE: 'llm' } });
    c.apply(manifest(), 'f.yaml');
    const name = only(c).metadata.name!;
    const restarts: number[] = [];
    let last = 0;
    const t0 = c.now();
    for (let i = 0; i < 1200; i++) {
      c.advance(0.1);
      const rc = only(c).status?.containerStatuses?.[0]?.restartCount ?? 0;
      if (rc > last) { restarts.push(Math.round((c.now() - t0) / 100) / 10); last = rc; }
      if (restarts.length === 4) break;
    }
    expect(restarts.length).toBe(4);
    expect(restarts[0]!).toBeLessThan(2.5); // the first exit has no back-off entry yet: restart at once
    // back-off 10, 20, 40 s from the previous exit; nothing wakes the pod worker when it ends, so the restart comes
    // with the first 10–15 s retry after it (pod_workers.go backOffPeriod with jitter 0.5)
    [10, 20, 40].forEach((b, i) => {
      const gap = restarts[i + 1]! - restarts[i]!;
      expect(gap).toBeGreaterThanOrEqual(b);
      expect(gap).toBeLessThan(b + 16);
    });
    // every retry during a back-off records BackOff: more BackOff events than restarts
    const backoffs = c.eventsFor('Pod', 'default', name).find((e) => e.reason === 'BackOff')!;
    expect(backoffs.count!).toBeGreaterThan(4);
    const p = c.store.get<Pod>('Pod', 'default', name)!;
    expect(p.status?.phase).toBe('Running');
    c.advance(1);
    const q = c.store.get<Pod>('Pod', 'default', name)!;
    expect(podStatusColumn(q)).toBe('CrashLoopBackOff');
    expect(q.status?.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(q.status?.containerStatuses?.[0]?.state?.waiting?.message).toBe(`back-off 80s restarting failed container=llmops-container pod=${name}_default(${q.metadata.uid})`); // 4th exit: 10 → 20 → 40 → 80
    const prev = c.logs('default', name, { previous: true });
    expect('lines' in prev && JSON.parse(prev.lines[0]!.text).msg).toMatch(/^RECOMMENDER_MODE=llm requires GROQ_API_KEY/);
    expect(Object.keys(reasons(c, q))).toContain(`BackOff: Back-off restarting failed container llmops-container in pod ${name}_default(${q.metadata.uid})`);
    expect(c.explain({ kind: 'Pod', name })).toMatch(/^Pod is CrashLoopBackOff: container llmops-container exited with code 1 after logging "RECOMMENDER_MODE=llm requires GROQ_API_KEY/);
  });

  it('memory limit 16Mi: OOMKilled with exit code 137', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('        ports:', '        resources:\n          limits:\n            memory: "16Mi"\n        ports:')), 'f.yaml');
    c.advance(1);
    const p = only(c);
    const st = p.status!.containerStatuses![0]!;
    const term = st.state?.terminated ?? st.lastState?.terminated;
    expect(term).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    c.advance(30);
    expect(podStatusColumn(only(c))).toMatch(/^(CrashLoopBackOff|OOMKilled)$/);
  });

  it('failing readiness probe: Running 0/1, out of the endpoints, Unhealthy events', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('        ports:', '        readinessProbe:\n          httpGet:\n            path: /nope\n            port: 8501\n        ports:')), 'f.yaml');
    c.advance(35);
    const p = only(c);
    expect(podStatusColumn(p)).toBe('Running');
    expect(p.status?.containerStatuses?.[0]?.ready).toBe(false);
    expect(p.status?.containerStatuses?.[0]?.restartCount).toBe(0);
    const ep = c.store.get<Endpoints>('Endpoints', 'default', 'llmops-service')!;
    expect(ep.subsets?.[0]?.addresses).toBeUndefined();
    expect(ep.subsets?.[0]?.notReadyAddresses?.[0]?.ip).toBe('10.244.0.3');
    expect(reasons(c, p)['Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404']).toBeGreaterThanOrEqual(3);
  });

  it('working readiness probe on /ready: ready after the index is built', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('        ports:', '        readinessProbe:\n          httpGet:\n            path: /ready\n            port: 8501\n          periodSeconds: 2\n        ports:')), 'f.yaml');
    c.advance(1);
    expect(only(c).status?.containerStatuses?.[0]?.ready).toBe(false);
    c.advance(5);
    expect(only(c).status?.containerStatuses?.[0]?.ready).toBe(true);
  });

  it('failing liveness probe: killed and restarted', () => {
    const c = setup();
    c.apply(manifest((s) => s.replace('        ports:', '        livenessProbe:\n          tcpSocket:\n            port: 9999\n        ports:')), 'f.yaml');
    c.advance(25);
    const p = only(c);
    const r = reasons(c, p);
    // probes at start, +10 s, +20 s → killed; the restarted container is probed at once (not listening yet)
    expect(r['Unhealthy: Liveness probe failed: dial tcp 10.244.0.3:9999: connect: connection refused']).toBe(4);
    expect(r['Killing: Container llmops-container failed liveness probe, will be restarted']).toBe(1);
    expect(p.status?.containerStatuses?.[0]?.restartCount).toBe(1);
  });
});

describe('pod deletion', () => {
  it('deleting a pod: the old one is Terminating, a replacement is created', () => {
    const c = setup();
    c.apply(manifest(), 'f.yaml');
    c.advance(5);
    const old = only(c).metadata.name!;
    c.store.delete('Pod', 'default', old);
    c.settle();
    const pods = appPods(c);
    expect(pods).toHaveLength(2);
    expect(podStatusColumn(pods.find((p) => p.metadata.name === old)!)).toBe('Terminating');
    expect(eventLines(c, 'Pod', old)).toContain('Normal Killing Stopping container llmops-container');
    // while its container runs out the grace period it stays Ready (READY 1/1 Terminating), but Services drop it:
    // not in Endpoints, and in the slice as ready=false, serving=true, terminating=true
    const term = appPods(c).find((p) => p.metadata.name === old)!;
    expect(term.status?.containerStatuses?.[0]?.ready).toBe(true);
    const ip = term.status?.podIP;
    const ep = c.store.get<Endpoints>('Endpoints', 'default', 'llmops-service')!;
    expect(JSON.stringify(ep.subsets ?? [])).not.toContain(`"${ip}"`);
    const slice = c.store.list<EndpointSlice>('EndpointSlice', { namespace: 'default' }).find((x) => x.metadata.labels?.['kubernetes.io/service-name'] === 'llmops-service')!;
    expect(slice.endpoints?.find((e) => e.addresses[0] === ip)?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    c.advance(1);
    expect(appPods(c).map((p) => p.metadata.name)).not.toContain(old);
    expect(appPods(c).map(podStatusColumn)).toEqual(['Running']);
    // deleting the Deployment garbage-collects the ReplicaSet and its pods
    c.store.delete('Deployment', 'default', 'llmops-app');
    c.advance(2);
    expect(c.store.list('ReplicaSet', { namespace: 'default' })).toHaveLength(0);
    expect(appPods(c)).toHaveLength(0);
  });
});

import * as deploymentModule from '../controllers/deployment';
function awaitImport() {
  return deploymentModule;
}

describe('pull policy Always on restarts', () => {
  it('each restart re-pulls: the first pull downloads, later ones only check the manifest, each its own Pulled event', () => {
    const c = createCluster({ seed: 2 });
    c.apply(['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bb', 'spec:', '  containers:', '  - name: bb', '    image: busybox', '    args: [sh, -c, "exit 3"]', ''].join('\n'), 'bb.yaml');
    c.advance(90);
    const pulled = c.eventsFor('Pod', 'default', 'bb').filter((e) => e.reason === 'Pulled');
    expect(pulled.length).toBeGreaterThanOrEqual(4);
    expect(pulled.every((e) => (e.count ?? 1) === 1)).toBe(true);
    const ms = pulled.map((e) => /in (\d+ms|[\d.]+s) /.exec(e.message ?? '')![1]!).map((d) => (d.endsWith('ms') ? Number(d.slice(0, -2)) : Number(d.slice(0, -1)) * 1000));
    expect(ms[0]).toBeGreaterThan(1500);
    for (const m of ms.slice(1)) expect(m).toBeLessThan(1000);
    const restarts = c.store.get<Pod>('Pod', 'default', 'bb')!.status?.containerStatuses?.[0]?.restartCount;
    expect(restarts).toBe(pulled.length - 1);
  });
});
