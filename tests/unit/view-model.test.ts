import { describe, it, expect } from 'vitest';
import { buildViewModel, podInfo, cpuMilli, memBytes, matches, type KObject } from '../../src/components/lab/view-model';

const labels = { app: 'llmops' };
function deployment(replicas = 1, ready = replicas): KObject {
  return { kind: 'Deployment', metadata: { name: 'llmops-app', namespace: 'default', uid: 'd1', labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', envFrom: [{ secretRef: { name: 'llmops-secrets' } }] }] } } },
    status: { readyReplicas: ready, updatedReplicas: replicas } };
}
function rs(replicas = 1): KObject {
  return { kind: 'ReplicaSet', metadata: { name: 'llmops-app-7d9f8c6b5', namespace: 'default', uid: 'r1', labels,
    ownerReferences: [{ kind: 'Deployment', name: 'llmops-app', uid: 'd1', controller: true }] },
    spec: { replicas }, status: { replicas, readyReplicas: replicas } };
}
function pod(i: number, opts: { ready?: boolean; waiting?: string; podLabels?: Record<string, string> } = {}): KObject {
  const ready = opts.ready ?? true;
  return { kind: 'Pod', metadata: { name: `llmops-app-7d9f8c6b5-abc${i}x`, namespace: 'default', uid: `p${i}`, labels: opts.podLabels ?? labels,
    ownerReferences: [{ kind: 'ReplicaSet', name: 'llmops-app-7d9f8c6b5', uid: 'r1', controller: true }] },
    spec: { nodeName: 'minikube', containers: [{ name: 'c', envFrom: [{ secretRef: { name: 'llmops-secrets' } }], resources: { requests: { cpu: '250m', memory: '128Mi' } } }] },
    status: { phase: opts.waiting ? 'Pending' : 'Running', podIP: `10.244.0.${i + 3}`,
      containerStatuses: [{ name: 'c', ready: ready && !opts.waiting, restartCount: i, state: opts.waiting ? { waiting: { reason: opts.waiting } } : { running: {} } }] } };
}
function service(selector: Record<string, string> = labels): KObject {
  return { kind: 'Service', metadata: { name: 'llmops-service', namespace: 'default', uid: 's1' },
    spec: { type: 'LoadBalancer', clusterIP: '10.96.12.34', selector, ports: [{ port: 80, targetPort: 8501, nodePort: 31234 }] }, status: { loadBalancer: {} } };
}
function endpoints(podsIn: KObject[]): KObject {
  return { kind: 'Endpoints', metadata: { name: 'llmops-service', namespace: 'default' },
    subsets: podsIn.length ? [{ addresses: podsIn.map((p) => ({ ip: (p.status as { podIP: string }).podIP, targetRef: { kind: 'Pod', name: p.metadata.name } })) }] : [] };
}
const secret: KObject = { kind: 'Secret', metadata: { name: 'llmops-secrets', namespace: 'default' }, data: { GROQ_API_KEY: 'eA==' } };
const node: KObject = { kind: 'Node', metadata: { name: 'minikube' }, status: { allocatable: { cpu: '2', memory: '3912Mi' }, conditions: [{ type: 'Ready', status: 'True' }] } };

describe('view model', () => {
  it('draws Deployment → ReplicaSet → Pods, Service → Endpoints → Pods and Secret → Pods for the seed manifest', () => {
    const pods = [pod(0), pod(1), pod(2)];
    const vm = buildViewModel({ objects: [deployment(3), rs(3), ...pods, service(), endpoints(pods), secret, node] });
    const kinds = vm.boxes.map((b) => b.kind).sort();
    expect(kinds).toEqual(['Deployment', 'Endpoints', 'Pod', 'Pod', 'Pod', 'ReplicaSet', 'Secret', 'Service']);
    const e = (kind: string) => vm.edges.filter((x) => x.kind === kind).map((x) => `${x.from} -> ${x.to}`).sort();
    expect(e('owner')).toEqual([
      'Deployment/default/llmops-app -> ReplicaSet/default/llmops-app-7d9f8c6b5',
      ...pods.map((p) => `ReplicaSet/default/llmops-app-7d9f8c6b5 -> Pod/default/${p.metadata.name}`),
    ].sort());
    expect(e('endpoint')).toHaveLength(4); // service→endpoints + 3 addresses
    expect(e('secret')).toHaveLength(3);
    expect(vm.edges.every((x) => !x.broken)).toBe(true);
    expect(vm.problems).toEqual([]);
    const p0 = vm.boxes.find((b) => b.name === pods[0]!.metadata.name)!;
    expect(p0.lines).toEqual(['Running', 'restarts 0', 'IP 10.244.0.3']);
    expect(vm.node).toMatchObject({ name: 'minikube', ready: true, cpuAllocatableMilli: 2000, cpuRequestedMilli: 750, pods: 3 });
    expect(vm.node!.memRequestedBytes).toBe(3 * 128 * 2 ** 20);
  });

  it('shows a Service whose selector matches no pod as a broken link with an explanation', () => {
    const pods = [pod(0), pod(1), pod(2)];
    const vm = buildViewModel({ objects: [deployment(3), rs(3), ...pods, service({ app: 'llmops-api' }), endpoints([]), secret] });
    const broken = vm.edges.filter((x) => x.broken);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ from: 'Endpoints/default/llmops-service', to: 'Deployment/default/llmops-app', kind: 'selector' });
    expect(broken[0]!.explanation).toBe('selector app=llmops-api matches 0 of 3 pods, so the Service has no endpoints');
    expect(vm.problems).toContain(broken[0]!.explanation);
    expect(vm.boxes.find((b) => b.kind === 'Service')!.state).toBe('error');
  });

  it("prefers the engine's explanation when it gives one", () => {
    const vm = buildViewModel({ objects: [pod(0), service({ app: 'nope' })], explain: (r) => (r.kind === 'Service' ? `engine says: ${r.name}` : undefined) });
    expect(vm.edges.find((x) => x.broken)!.explanation).toBe('engine says: llmops-service');
    // No workload to point at: a ghost box stands for the pods that do not exist.
    expect(vm.boxes.some((b) => b.kind === 'Missing' && b.name === 'pods with app=nope')).toBe(true);
  });

  it('draws a missing Secret as a ghost box with broken links to the pods that need it', () => {
    const pods = [pod(0, { waiting: 'CreateContainerConfigError' })];
    const vm = buildViewModel({ objects: [deployment(1, 0), rs(1), ...pods] });
    const ghost = vm.boxes.find((b) => b.kind === 'Missing')!;
    expect(ghost.name).toBe('Secret llmops-secrets');
    const edge = vm.edges.find((x) => x.broken)!;
    expect(edge.from).toBe(ghost.id);
    expect(edge.explanation).toMatch(/llmops-secrets does not exist/);
    expect(vm.boxes.find((b) => b.kind === 'Pod')!.state).toBe('error');
  });

  it('marks not-ready endpoints as degraded, not broken', () => {
    const p = pod(0, { ready: false });
    const ep: KObject = { kind: 'Endpoints', metadata: { name: 'llmops-service', namespace: 'default' },
      subsets: [{ notReadyAddresses: [{ ip: '10.244.0.3', targetRef: { kind: 'Pod', name: p.metadata.name } }] }] };
    const vm = buildViewModel({ objects: [p, service(), ep] });
    const e = vm.edges.find((x) => x.to === `Pod/default/${p.metadata.name}`)!;
    expect(e).toMatchObject({ degraded: true, broken: false, label: 'not ready' });
    expect(vm.boxes.find((b) => b.kind === 'Pod')!.lines[0]).toBe('Running (not ready)');
  });

  it('groups pods past the threshold into one box, keeping the edges', () => {
    const pods = Array.from({ length: 1000 }, (_, i) => pod(i, i % 10 === 0 ? { waiting: 'ImagePullBackOff' } : {}));
    const vm = buildViewModel({ objects: [deployment(1000, 900), rs(1000), ...pods, service(), endpoints(pods), secret] });
    const group = vm.boxes.filter((b) => b.kind === 'PodGroup');
    expect(group).toHaveLength(1);
    expect(group[0]).toMatchObject({ count: 1000, state: 'error', name: '1000 pods' });
    expect(group[0]!.lines).toEqual(['900 Running', '100 ImagePullBackOff']);
    expect(vm.boxes.filter((b) => b.kind === 'Pod')).toHaveLength(0);
    expect(vm.edges.filter((e) => e.to === group[0]!.id).map((e) => e.kind).sort()).toEqual(['endpoint', 'owner', 'secret']);
  });

  it('highlights the pods a hovered selector matches', () => {
    const vm = buildViewModel({ objects: [pod(0), pod(1, { podLabels: { app: 'other' } })], highlight: { app: 'llmops' } });
    const lit = vm.boxes.filter((b) => b.highlighted).map((b) => b.name);
    expect(lit).toEqual([pod(0).metadata.name]);
  });

  it('lights the request path hop by hop and marks where it stopped', () => {
    const vm = buildViewModel({ objects: [service(), pod(0)], request: { hops: [
      { label: 'client', ok: true }, { label: 'Service llmops-service:80', ok: true, ref: { kind: 'Service', name: 'llmops-service' } },
      { label: 'targetPort 8501', ok: false, reason: 'no endpoints' }, { label: 'container :8501', ok: true },
    ] } });
    expect(vm.request!.hops.map((h) => h.state)).toEqual(['ok', 'ok', 'fail', 'skip']);
    expect(vm.boxes.find((b) => b.kind === 'Service')!.lit).toBe('ok');
  });

  it('keeps hostile label values as plain strings and ignores other namespaces', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const vm = buildViewModel({ objects: [service({ app: evil }), { ...pod(0), metadata: { ...pod(0).metadata, namespace: 'kube-system' } }] });
    expect(vm.boxes.find((b) => b.kind === 'Service')!.lines).toContain(`selector app=${evil}`);
    expect(vm.boxes.some((b) => b.kind === 'Pod')).toBe(false);
  });

  it('computes pod status like kubectl and parses quantities', () => {
    expect(podInfo(pod(0, { waiting: 'CrashLoopBackOff' }))).toMatchObject({ status: 'CrashLoopBackOff', state: 'error' });
    expect(podInfo({ ...pod(0), metadata: { ...pod(0).metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } }).status).toBe('Terminating');
    expect(cpuMilli('500m')).toBe(500); expect(cpuMilli('2')).toBe(2000); expect(cpuMilli('x')).toBe(0);
    expect(memBytes('1Gi')).toBe(2 ** 30); expect(memBytes('128M')).toBe(128e6);
    expect(matches({}, { a: 'b' })).toBe(false);
  });
});

describe('view model cost', () => {
  it('asks the engine about a missing Secret once per build, not once per pod', () => {
    const pods = Array.from({ length: 50 }, (_, i) => pod(i, { waiting: 'CreateContainerConfigError' }));
    const asked: string[] = [];
    buildViewModel({ objects: [deployment(50, 0), rs(50), ...pods], explain: (r) => { asked.push(`${r.kind}/${r.name}`); return undefined; } });
    expect(asked.filter((a) => a === 'Secret/llmops-secrets')).toHaveLength(1);
  });
});

describe('view model scope', () => {
  it("leaves out the API server's own kubernetes Service but keeps a learner's selector-less Service", () => {
    const apiSvc: KObject = { kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ port: 443, targetPort: 8443 }] } };
    const mine: KObject = { kind: 'Service', metadata: { name: 'external-db', namespace: 'default' }, spec: { type: 'ClusterIP', ports: [{ port: 5432 }] } };
    const vm = buildViewModel({ objects: [apiSvc, mine] });
    expect(vm.boxes.map((b) => b.name)).toEqual(['external-db']);
    expect(vm.boxes[0]!.lines).toContain('no selector');
  });
  it('draws up to 20 pods of one owner individually', () => {
    const pods = Array.from({ length: 20 }, (_, i) => pod(i));
    const vm = buildViewModel({ objects: [deployment(20), rs(20), ...pods] });
    expect(vm.boxes.filter((b) => b.kind === 'Pod')).toHaveLength(20);
    expect(vm.boxes.some((b) => b.kind === 'PodGroup')).toBe(false);
  });
});
