/**
 * Property tests: random sequences of apply / scale / delete / secret changes / advance keep the
 * runtime's invariants.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster, type SimCluster } from '../index';
import { SEED_MANIFEST, appPods, createSecret, loadLocalImage } from '../testing/index';
import type { Deployment, Endpoints, EndpointSlice, KObject, Pod, ReplicaSet, Service } from '../api/types';
import { isPodReady, controllerRef } from '../controllers/util';

type Op =
  | { op: 'apply'; replicas: number; image: 'local' | 'public' | 'missing'; cpu: '' | '100m' | '3'; selector: 'llmops' | 'other'; optionalSecret: boolean }
  | { op: 'scale'; replicas: number }
  | { op: 'deletePod'; index: number }
  | { op: 'deleteDeployment' }
  | { op: 'secret'; present: boolean }
  | { op: 'advance'; seconds: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('apply' as const),
    replicas: fc.integer({ min: 0, max: 5 }),
    image: fc.constantFrom('local' as const, 'public' as const, 'missing' as const),
    cpu: fc.constantFrom('' as const, '100m' as const, '3' as const),
    selector: fc.constantFrom('llmops' as const, 'other' as const),
    optionalSecret: fc.boolean(),
  }),
  fc.record({ op: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ op: fc.constant('deletePod' as const), index: fc.nat(10) }),
  fc.constant({ op: 'deleteDeployment' as const }),
  fc.record({ op: fc.constant('secret' as const), present: fc.boolean() }),
  fc.record({ op: fc.constant('advance' as const), seconds: fc.constantFrom(0.1, 0.5, 1, 3, 10, 45, 120) }),
);

let lastApply: Extract<Op, { op: 'apply' }> | undefined;

function manifestFor(a: Extract<Op, { op: 'apply' }>): string {
  let s = SEED_MANIFEST.replace('replicas: 1', `replicas: ${a.replicas}`);
  if (a.image === 'public') s = s.replace('llmops-app:latest', 'nginx:1.27').replace('containerPort: 8501', 'containerPort: 80').replace('targetPort: 8501', 'targetPort: 80');
  if (a.image === 'missing') s = s.replace('llmops-app:latest', 'llmops-app:v404');
  if (a.cpu) s = s.replace('        ports:', `        resources:\n          requests:\n            cpu: "${a.cpu}"\n        ports:`);
  if (a.selector === 'other') s = s.replace(/selector:\n    app: llmops/, 'selector:\n    app: other');
  if (a.optionalSecret) s = s.replace('              name: llmops-secrets', '              name: llmops-secrets\n              optional: true');
  return s;
}

function run(c: SimCluster, op: Op): void {
  switch (op.op) {
    case 'apply':
      lastApply = op;
      c.apply(manifestFor(op), 'f.yaml');
      break;
    case 'scale': {
      const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app');
      if (d) c.store.update({ ...d, spec: { ...d.spec, replicas: op.replicas }, metadata: { ...d.metadata, resourceVersion: undefined } });
      if (d && lastApply) lastApply = { ...lastApply, replicas: op.replicas };
      break;
    }
    case 'deletePod': {
      const pods = appPods(c).filter((p) => !p.metadata.deletionTimestamp);
      const p = pods[op.index % Math.max(1, pods.length)];
      if (p) c.store.delete('Pod', 'default', p.metadata.name!);
      break;
    }
    case 'deleteDeployment':
      if (c.store.get('Deployment', 'default', 'llmops-app')) c.store.delete('Deployment', 'default', 'llmops-app');
      lastApply = undefined;
      break;
    case 'secret':
      if (op.present && !c.store.get('Secret', 'default', 'llmops-secrets')) createSecret(c, 'llmops-secrets', { GROQ_API_KEY: 'k' });
      if (!op.present && c.store.get('Secret', 'default', 'llmops-secrets')) c.store.delete('Secret', 'default', 'llmops-secrets');
      break;
    case 'advance':
      c.advance(op.seconds);
      break;
  }
  c.settle();
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function checkAlways(c: SimCluster): void {
  const pods = appPods(c);
  const byIP = new Map(pods.filter((p) => p.status?.podIP).map((p) => [p.status!.podIP!, p]));
  // names are valid DNS labels of at most 63 characters
  for (const o of [...pods, ...c.store.list<KObject>('ReplicaSet', { namespace: 'default' })]) {
    expect(o.metadata.name!.length).toBeLessThanOrEqual(63);
    expect(o.metadata.name).toMatch(NAME);
  }
  // IPs are unique among pods that hold one
  expect(byIP.size).toBe(pods.filter((p) => p.status?.podIP).length);
  // endpoints only list pods that match the selector and have that IP
  for (const svc of c.store.list<Service>('Service', { namespace: 'default' })) {
    if (!svc.spec.selector) continue;
    const ep = c.store.get<Endpoints>('Endpoints', 'default', svc.metadata.name!);
    for (const sub of ep?.subsets ?? []) {
      for (const a of [...(sub.addresses ?? []), ...(sub.notReadyAddresses ?? [])]) {
        const p = byIP.get(a.ip);
        expect(p, `endpoint ${a.ip} has a pod`).toBeDefined();
        expect(a.targetRef?.name).toBe(p!.metadata.name);
        for (const [k, v] of Object.entries(svc.spec.selector)) expect(p!.metadata.labels?.[k]).toBe(v);
      }
      for (const a of sub.addresses ?? []) expect(isPodReady(byIP.get(a.ip)!)).toBe(true);
    }
    const slices = c.store.list<EndpointSlice>('EndpointSlice', { namespace: 'default', labelSelector: `kubernetes.io/service-name=${svc.metadata.name}` });
    expect(slices.length).toBeLessThanOrEqual(1);
    for (const e of slices[0]?.endpoints ?? []) expect(byIP.get(e.addresses[0]!)).toBeDefined();
  }
}

function checkSettled(c: SimCluster): void {
  checkAlways(c);
  const uids = new Set(c.store.all().map((o) => o.metadata.uid));
  // no orphans: every owner reference points to an object that exists
  for (const o of [...appPods(c), ...c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' })]) {
    for (const r of o.metadata.ownerReferences ?? []) expect(uids.has(r.uid), `${o.kind} ${o.metadata.name} owner ${r.name}`).toBe(true);
  }
  // no pod is stuck terminating after the grace period
  expect(appPods(c).filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
  const d = c.store.get<Deployment>('Deployment', 'default', 'llmops-app');
  if (!d || !lastApply) {
    expect(appPods(c)).toEqual([]);
    return;
  }
  const want = d.spec.replicas ?? 1;
  const owned = appPods(c).filter((p) => {
    const rs = c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' }).find((r) => r.metadata.uid === controllerRef(p)?.uid);
    return rs && controllerRef(rs)?.uid === d.metadata.uid;
  });
  const secretOk = lastApply.optionalSecret || !!c.store.get('Secret', 'default', 'llmops-secrets');
  const cpuOk = lastApply.cpu !== '3' && (lastApply.cpu !== '100m' || want * 100 <= 1250);
  const canRun = lastApply.image !== 'missing' && secretOk && cpuOk;
  if (canRun) {
    expect(owned.filter(isPodReady)).toHaveLength(want);
    expect(owned).toHaveLength(want);
  } else {
    expect(owned.filter((p) => !p.metadata.deletionTimestamp).length).toBeLessThanOrEqual(want + 2);
  }
}

describe('runtime invariants under random operations', () => {
  it('hold after every step and after settling', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        lastApply = undefined;
        const c = createCluster({ seed });
        loadLocalImage(c.images);
        for (const op of ops) {
          run(c, op);
          checkAlways(c);
        }
        // long enough for pulls, the 5-minute scheduler retry, grace periods and back-offs to play out
        c.advance(700);
        checkSettled(c);
      }),
      { numRuns: Number(process.env.SIM_PROPERTY_RUNS ?? 60) },
    );
  });
});
