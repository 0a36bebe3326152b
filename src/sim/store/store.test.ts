import { describe, expect, it } from 'vitest';
import { Store, SAFE_ALPHABET, type WatchEvent } from './store';
import type { KObject } from '../api/types';

function mkStore() {
  let t = Date.UTC(2026, 0, 1);
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  };
  const store = new Store({ now: () => t, random });
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { store, tick: (s: number) => (t += s * 1000) };
}
const cm = (name: string, data: Record<string, string> = {}, labels?: Record<string, string>): KObject => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(labels ? { labels } : {}) }, data,
});

describe('Store', () => {
  it('assigns identity on create and keeps a global resourceVersion', () => {
    const { store } = mkStore();
    const a = store.create(cm('a'));
    const b = store.create(cm('b'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.namespace).toBe('default');
    expect(a.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(a.metadata.generation).toBeUndefined();
  });

  it('rejects duplicates and missing namespaces with the API messages', () => {
    const { store } = mkStore();
    store.create(cm('a'));
    expect(() => store.create(cm('a'))).toThrow('configmaps "a" already exists');
    expect(() => store.create({ ...cm('x'), metadata: { name: 'x', namespace: 'foo' } })).toThrow('namespaces "foo" not found');
  });

  it('generates names from the safe alphabet', () => {
    const { store } = mkStore();
    const o = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-' } });
    expect(o.metadata.name).toMatch(new RegExp(`^web-[${SAFE_ALPHABET}]{5}$`));
  });

  it('bumps generation only on spec change and keeps status on update', () => {
    const { store } = mkStore();
    const d = store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1 }, status: { replicas: 0 } });
    expect(d.metadata.generation).toBe(1);
    const s = store.updateStatus({ ...d, status: { replicas: 1 } });
    expect(s.metadata.generation).toBe(1);
    const u = store.update({ ...s, spec: { replicas: 3 }, status: { replicas: 99 } });
    expect(u.metadata.generation).toBe(2);
    expect(u.status).toEqual({ replicas: 1 });
    const same = store.update({ ...u, metadata: { ...u.metadata, resourceVersion: undefined } });
    expect(same.metadata.resourceVersion).toBe(u.metadata.resourceVersion);
  });

  it('detects stale writes', () => {
    const { store } = mkStore();
    const a = store.create(cm('a'));
    store.update({ ...a, data: { k: 'v' } });
    expect(() => store.update({ ...a, data: { k: 'w' } })).toThrow(/the object has been modified/);
  });

  it('lists with label and field selectors, sorted', () => {
    const { store } = mkStore();
    store.create(cm('b', {}, { app: 'x' }));
    store.create(cm('a', {}, { app: 'y' }));
    store.create(cm('c', {}, { app: 'x', tier: 'web' }));
    expect(store.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(store.list('ConfigMap', { labelSelector: 'app=x' }).map((o) => o.metadata.name)).toEqual(['b', 'c']);
    expect(store.list('ConfigMap', { labelSelector: 'app=x,!tier' }).map((o) => o.metadata.name)).toEqual(['b']);
    expect(store.list('ConfigMap', { fieldSelector: 'metadata.name!=a' }).map((o) => o.metadata.name)).toEqual(['b', 'c']);
    expect(() => store.list('ConfigMap', { fieldSelector: 'spec.foo=1' })).toThrow('field label not supported: spec.foo');
  });

  it('notifies watchers synchronously', () => {
    const { store } = mkStore();
    const seen: string[] = [];
    const stop = store.watch((e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}`), 'ConfigMap');
    const a = store.create(cm('a'));
    store.update({ ...a, data: { x: '1' } });
    store.delete('ConfigMap', 'default', 'a');
    stop();
    store.create(cm('b'));
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('gives scheduled pods a grace period and orphans on request', () => {
    const { store } = mkStore();
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'minikube', containers: [] } });
    const r = store.delete('Pod', 'default', 'p');
    expect(r.outcome).toBe('terminating');
    expect(r.object.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(store.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 }).outcome).toBe('deleted');
    const owner = store.create(cm('owner'));
    store.create({ ...cm('dep'), metadata: { name: 'dep', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid! }] } });
    store.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Orphan' });
    expect(store.get('ConfigMap', 'default', 'dep')!.metadata.ownerReferences).toBeUndefined();
  });

  it('patches with strategic merge by list keys', () => {
    const { store } = mkStore();
    store.create({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }] } } },
    });
    const p = store.patch('Deployment', 'default', 'd', { spec: { template: { spec: { containers: [{ name: 'b', image: 'y:2' }] } } } });
    const cs = (p.spec as { template: { spec: { containers: { name: string; image: string }[] } } }).template.spec.containers;
    expect(cs).toEqual([{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:2' }]);
    const m = store.patch('Deployment', 'default', 'd', { spec: { replicas: 3 } }, 'merge');
    expect((m.spec as { replicas: number }).replicas).toBe(3);
  });
});

describe('Store: namespaces', () => {
  it('deletes a namespace with its content; running pods keep it Terminating until they are gone', () => {
    const { store } = mkStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' }, spec: { finalizers: ['kubernetes'] } });
    store.create({ ...cm('a'), metadata: { name: 'a', namespace: 'team' } });
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'team' }, spec: { nodeName: 'minikube', containers: [] } });
    const r = store.delete('Namespace', '', 'team');
    expect(r.outcome).toBe('terminating');
    expect((store.get('Namespace', '', 'team')!.status as { phase: string }).phase).toBe('Terminating');
    expect(store.get('ConfigMap', 'team', 'a')).toBeUndefined();
    expect(store.get('Pod', 'team', 'p')!.metadata.deletionTimestamp).toBeDefined();
    expect(() => store.create({ ...cm('b'), metadata: { name: 'b', namespace: 'team' } })).toThrow(
      'configmaps "b" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
    store.remove('Pod', 'team', 'p');
    expect(store.get('Namespace', '', 'team')).toBeUndefined();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'empty' } });
    expect(store.delete('Namespace', '', 'empty').outcome).toBe('deleted');
  });
});

describe('Store: list stays consistent under random writes (property)', () => {
  it('matches a brute-force model after any sequence of create/update/delete', async () => {
    const fc = (await import('fast-check')).default;
    const op = fc.oneof(
      fc.record({ t: fc.constant('create' as const), name: fc.constantFrom('a', 'b', 'c', 'd', 'e'), app: fc.constantFrom('x', 'y') }),
      fc.record({ t: fc.constant('update' as const), name: fc.constantFrom('a', 'b', 'c', 'd', 'e'), app: fc.constantFrom('x', 'y') }),
      fc.record({ t: fc.constant('delete' as const), name: fc.constantFrom('a', 'b', 'c', 'd', 'e'), app: fc.constant('') }),
      fc.record({ t: fc.constant('list' as const), name: fc.constant(''), app: fc.constantFrom('x', 'y') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { store } = mkStore();
        const model = new Map<string, string>();
        for (const o of ops) {
          if (o.t === 'create' && !model.has(o.name)) {
            store.create(cm(o.name, {}, { app: o.app }));
            model.set(o.name, o.app);
          } else if (o.t === 'update' && model.has(o.name)) {
            const cur = store.get('ConfigMap', 'default', o.name)!;
            store.update({ ...cur, metadata: { ...cur.metadata, labels: { app: o.app } } });
            model.set(o.name, o.app);
          } else if (o.t === 'delete' && model.has(o.name)) {
            store.delete('ConfigMap', 'default', o.name);
            model.delete(o.name);
          } else if (o.t === 'list') {
            const got = store.list('ConfigMap', { labelSelector: `app=${o.app}` }).map((x) => x.metadata.name);
            const want = [...model].filter(([, a]) => a === o.app).map(([n]) => n).sort();
            expect(got).toEqual(want);
            expect(store.list('ConfigMap').map((x) => x.metadata.labels?.app)).toEqual([...model.keys()].sort().map((n) => model.get(n)));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Store: cheap status writes and counts', () => {
  it('setStatus shares metadata/spec, skips no-op writes and notifies once', () => {
    const { store } = mkStore();
    const d = store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1 } });
    const events: string[] = [];
    store.watch((e) => events.push(e.type));
    const s1 = store.setStatus('Deployment', 'default', 'd', { replicas: 1 });
    expect(s1.spec).toBe(d.spec);
    expect(Number(s1.metadata.resourceVersion)).toBeGreaterThan(Number(d.metadata.resourceVersion));
    const s2 = store.setStatus('Deployment', 'default', 'd', { replicas: 1 });
    expect(s2).toBe(s1);
    expect(events).toEqual(['MODIFIED']);
    expect(() => store.updateStatus({ ...d, status: { replicas: 2 } })).toThrow(/the object has been modified/);
    expect(store.count('Deployment')).toBe(1);
    expect(store.count('Deployment', 'kube-system')).toBe(0);
    expect(store.list('Deployment')[0]!.status).toEqual({ replicas: 1 });
  });
});

describe('pods/binding', () => {
  it('sets nodeName and PodScheduled in one write without bumping generation', async () => {
    const { Store } = await import('./store');
    let t = 0;
    const s = new Store({ now: () => t, random: () => 0.5 });
    s.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    s.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } } as never);
    let events = 0;
    s.watch(() => { events++; });
    t = 1000;
    const b = s.bind('default', 'p', 'minikube', '1970-01-01T00:00:01Z') as unknown as { metadata: { generation: number }; spec: { nodeName: string }; status: { conditions: { type: string; status: string }[] } };
    expect(b.metadata.generation).toBe(1);
    expect(b.spec.nodeName).toBe('minikube');
    expect(b.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '1970-01-01T00:00:01Z' }]);
    expect(events).toBe(1);
  });
});
