import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { eventLines } from '../testing/index';
import { parseRfc3339, DEFAULT_START_MS } from '../clock/index';
import type { Deployment, KEvent, Pod, ReplicaSet } from '../api/types';
import { BOOT } from './seed';

const age = (ts: string | undefined, now: number) => Math.round((now - (parseRfc3339(ts ?? '') ?? now)) / 1000);

describe('a fresh minikube: what the boot left behind', () => {
  it('the cluster starts at the start time, with system objects created before it', () => {
    const c = createCluster({ seed: 1 });
    expect(c.now()).toBe(DEFAULT_START_MS);
    const now = c.now();
    expect(age(c.store.get('Service', 'default', 'kubernetes')!.metadata.creationTimestamp, now)).toBe(BOOT.apiServer);
    expect(age(c.store.get('Node', '', 'minikube')!.metadata.creationTimestamp, now)).toBe(BOOT.nodeRegistered);
    expect(age(c.store.get('Pod', 'kube-system', 'etcd-minikube')!.metadata.creationTimestamp, now)).toBe(BOOT.staticPods);
    expect(age(c.store.get('Pod', 'kube-system', 'storage-provisioner')!.metadata.creationTimestamp, now)).toBe(BOOT.storageProvisioner);
    // every system object is older than the start, none in the future
    for (const kind of ['Namespace', 'Service', 'Pod', 'Node', 'Deployment', 'ReplicaSet']) {
      for (const o of c.store.list(kind)) expect(age(o.metadata.creationTimestamp, now)).toBeGreaterThan(0);
    }
  });

  it('coredns is a Deployment → ReplicaSet coredns-66bc5c9577 → pod, and the controllers leave it alone', () => {
    const c = createCluster({ seed: 3 });
    const d = c.store.get<Deployment>('Deployment', 'kube-system', 'coredns')!;
    const rss = c.store.list<ReplicaSet>('ReplicaSet', { namespace: 'kube-system' });
    expect(rss.map((r) => r.metadata.name)).toEqual(['coredns-66bc5c9577']);
    const pods = c.store.list<Pod>('Pod', { namespace: 'kube-system' }).filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(pods).toHaveLength(1);
    expect(pods[0]!.metadata.name).toMatch(/^coredns-66bc5c9577-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'coredns-66bc5c9577', uid: rss[0]!.metadata.uid });
    expect(rss[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'coredns', uid: d.metadata.uid });
    c.advance(120);
    const d2 = c.store.get<Deployment>('Deployment', 'kube-system', 'coredns')!;
    expect(d2.status).toMatchObject({ replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 });
    expect(d2.status?.conditions?.map((x) => `${x.type}=${x.status}/${x.reason}`)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
    expect(c.store.list('ReplicaSet', { namespace: 'kube-system' })).toHaveLength(1);
    expect(c.store.list<Pod>('Pod', { namespace: 'kube-system' })).toHaveLength(7);
    // kubeadm made it with 2 replicas, minikube scaled it to 1 (node/start.go)
    expect(eventLines(c, 'Deployment', 'coredns', 'kube-system')).toEqual([
      'Normal ScalingReplicaSet Scaled up replica set coredns-66bc5c9577 from 0 to 2',
      'Normal ScalingReplicaSet Scaled down replica set coredns-66bc5c9577 from 2 to 1',
    ]);
    const rsEvents = eventLines(c, 'ReplicaSet', 'coredns-66bc5c9577', 'kube-system');
    expect(rsEvents.filter((l) => l.includes('SuccessfulCreate'))).toHaveLength(2);
    expect(rsEvents.at(-1)).toMatch(/^Normal SuccessfulDelete Deleted pod: coredns-66bc5c9577-[a-z0-9]{5}$/);
    expect(rsEvents.at(-1)).not.toContain(pods[0]!.metadata.name);
  });

  it('node events as the kubelet, node-controller and kube-proxy record them at start', () => {
    const c = createCluster({ seed: 1 });
    const lines = eventLines(c, 'Node', 'minikube');
    expect(lines).toEqual(expect.arrayContaining([
      'Normal Starting Starting kubelet.',
      'Normal NodeAllocatableEnforced Updated Node Allocatable limit across pods',
      'Normal NodeHasSufficientMemory Node minikube status is now: NodeHasSufficientMemory (x8)',
      'Normal NodeHasNoDiskPressure Node minikube status is now: NodeHasNoDiskPressure (x8)',
      'Normal NodeHasSufficientPID Node minikube status is now: NodeHasSufficientPID (x7)',
      'Normal NodeReady Node minikube status is now: NodeReady',
      'Normal RegisteredNode Node minikube event: Registered Node minikube in Controller',
    ]));
    const evs = c.store.list<KEvent>('Event', { namespace: 'default' }).filter((e) => e.involvedObject.kind === 'Node');
    const bySource = (r: string) => evs.filter((e) => e.reason === r).map((e) => e.source?.component || e.reportingComponent);
    expect(bySource('RegisteredNode')).toEqual(['node-controller']);
    expect(bySource('NodeReady')).toEqual(['kubelet']);
    // kube-proxy's birthCry is an events.k8s.io event: eventTime, no lastTimestamp, empty message
    const proxy = evs.find((e) => e.reportingComponent === 'kube-proxy')!;
    expect(proxy).toMatchObject({ reason: 'Starting', message: '' });
    expect(proxy.lastTimestamp).toBeUndefined();
    expect(proxy.eventTime).toMatch(/^2025-09-15T15:29:\d\d\.\d{6}Z$/);
    // all of them happened before the start
    for (const e of evs) expect(parseRfc3339(e.lastTimestamp ?? e.eventTime ?? '')!).toBeLessThan(c.now());
  });

  it('is deterministic: the same seed gives the same system pods and events', () => {
    const names = (seed: number) => {
      const c = createCluster({ seed });
      return [...c.store.list('Pod', { namespace: 'kube-system' }), ...c.store.list('Event', { namespace: 'kube-system' })].map((o) => `${o.metadata.name} ${o.metadata.uid}`);
    };
    expect(names(5)).toEqual(names(5));
    expect(names(5)).not.toEqual(names(6));
  });
  it('kube-dns endpoints exist since boot; a deleted coredns pod stops after its lameduck and is replaced', () => {
    const c = createCluster({ seed: 2 });
    const now = c.now();
    const ep = c.store.get('Endpoints', 'kube-system', 'kube-dns')!;
    expect(age(ep.metadata.creationTimestamp, now)).toBe(BOOT.addons);
    const old = c.store.list<Pod>('Pod', { namespace: 'kube-system' }).find((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')!;
    c.store.delete('Pod', 'kube-system', old.metadata.name!);
    c.settle();
    const dns = () => c.store.list<Pod>('Pod', { namespace: 'kube-system' }).filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(dns()).toHaveLength(2); // the old one terminating, its replacement created at once
    c.advance(4);
    expect(dns().map((p) => p.metadata.name)).toContain(old.metadata.name);
    c.advance(2);
    const left = dns();
    expect(left).toHaveLength(1);
    expect(left[0]!.metadata.name).not.toBe(old.metadata.name);
    expect(left[0]!.status?.containerStatuses?.[0]?.ready).toBe(true);
    const subsets = (c.store.get('Endpoints', 'kube-system', 'kube-dns') as unknown as { subsets?: { addresses?: { ip: string }[] }[] }).subsets;
    expect(subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual([left[0]!.status?.podIP]);
  });
});
