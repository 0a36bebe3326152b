import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { podTemplateHash, resolveFenceposts, safeEncode, fnv1a32 } from './util';
import { fit, podRequests } from './scheduler';
import { findPort } from './endpoints';
import { podDeletionRank, rankForDeletion } from './replicaset';
import { templatesEqual, rollbackTemplate } from './deployment';
import type { Deployment, Pod, PodTemplateSpec, ReplicaSet } from '../api/types';

const MiB = 1024 * 1024;

describe('pod-template-hash', () => {
  it.each([
    ['0', '4'], ['1', '5'], ['2', '6'], ['3', '7'], ['4', '8'], ['5', '9'], ['6', 'b'], ['7', 'c'], ['8', 'd'], ['9', 'f'],
    ['1234567890', '56789bcdf4'],
  ])('safeEncode(%s) = %s', (dec, enc) => expect(safeEncode(dec)).toBe(enc));

  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a32(%j) matches the reference vectors', (s, h) => expect(fnv1a32(s)).toBe(h));

  const tpl = (image: string, extraLabels: Record<string, string> = {}): PodTemplateSpec => ({
    metadata: { labels: { app: 'llmops', ...extraLabels } },
    spec: { containers: [{ name: 'c', image }] },
  });

  it('is deterministic, uses only 4-9/b/c/d/f, ignores the hash label, changes with the template and the collision count', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 30 }), (image) => {
      const h = podTemplateHash(tpl(image));
      expect(h).toMatch(/^[4-9bcdf]{1,10}$/);
      expect(podTemplateHash(tpl(image))).toBe(h);
      expect(podTemplateHash(tpl(image, { 'pod-template-hash': 'x' }))).toBe(h);
      expect(podTemplateHash(tpl(image), 1)).not.toBe(h);
    }));
    expect(podTemplateHash(tpl('a:1'))).not.toBe(podTemplateHash(tpl('a:2')));
  });

  it('templatesEqual ignores only pod-template-hash', () => {
    expect(templatesEqual(tpl('a'), tpl('a', { 'pod-template-hash': '123' }))).toBe(true);
    expect(templatesEqual(tpl('a'), tpl('b'))).toBe(false);
    expect(templatesEqual(tpl('a'), tpl('a', { tier: 'x' }))).toBe(false);
  });
});

describe('rolling update fenceposts (maxSurge rounds up, maxUnavailable rounds down)', () => {
  it.each([
    [1, '25%', '25%', 1, 0],
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [10, '25%', '25%', 3, 2],
    [10, 0, 0, 0, 1],
    [10, '0%', '0%', 0, 1],
    [5, 2, '50%', 2, 2],
    [0, '25%', '25%', 0, 1],
  ] as const)('replicas %d, surge %s, unavailable %s → %d / %d', (replicas, surge, unavailable, s, u) => {
    expect(resolveFenceposts(surge, unavailable, replicas)).toEqual({ surge: s, unavailable: u });
  });
});

describe('scheduler fit', () => {
  const empty = { cpu: 750, memory: 170 * MiB, pods: 7 };
  it.each([
    [{ cpu: 0, memory: 0 }, empty, ''],
    [{ cpu: 1250, memory: 0 }, empty, ''],
    [{ cpu: 1251, memory: 0 }, empty, '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
    [{ cpu: 4000, memory: 0 }, empty, '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.'],
    [{ cpu: 1500, memory: 3800 * MiB }, empty, '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
    [{ cpu: 0, memory: 8 * 1024 * MiB }, empty, '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.'],
    [{ cpu: 0, memory: 0 }, { ...empty, pods: 110 }, '0/1 nodes are available: 1 Too many pods. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
  ])('%j on %j', (req, used, message) => {
    const r = fit(req, used, undefined, {});
    expect(r.fits).toBe(message === '');
    expect(r.message).toBe(message);
  });

  it('nodeSelector mismatch is not helped by preemption', () => {
    expect(fit({ cpu: 0, memory: 0 }, empty, { disk: 'ssd' }, { 'kubernetes.io/hostname': 'minikube' }).message)
      .toBe("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
  });

  it('requests default to limits and add up over containers', () => {
    const p = { spec: { containers: [
      { name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' } } },
      { name: 'b', resources: { limits: { cpu: '0.5', memory: '1Gi' } } },
    ] } } as unknown as Pod;
    expect(podRequests(p)).toEqual({ cpu: 750, memory: (64 + 1024) * MiB });
  });
});

describe('FindPort for targetPorts', () => {
  const pod = { spec: { containers: [{ name: 'c', ports: [{ containerPort: 8501, name: 'http', protocol: 'TCP' }, { containerPort: 9000, name: 'udp', protocol: 'UDP' }] }] } } as unknown as Pod;
  it.each([
    [{ port: 80, targetPort: 8501 }, 8501],
    [{ port: 80, targetPort: 8080 }, 8080],
    [{ port: 80 }, 80],
    [{ port: 80, targetPort: 'http' }, 8501],
    [{ port: 80, targetPort: 'web' }, undefined],
    [{ port: 80, targetPort: 'udp' }, undefined],
    [{ port: 80, targetPort: 'udp', protocol: 'UDP' }, 9000],
  ] as const)('%j → %s', (sp, want) => expect(findPort(pod, sp as never)).toBe(want));
});

describe('replicaset scale-down order', () => {
  const mk = (name: string, o: { node?: boolean; phase?: string; ready?: boolean; readySince?: string; restarts?: number; created?: string }): Pod => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, creationTimestamp: o.created ?? '2025-09-15T15:00:00Z' },
    spec: { containers: [{ name: 'c' }], ...(o.node ? { nodeName: 'minikube' } : {}) },
    status: {
      phase: (o.phase ?? 'Running') as 'Running',
      conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: o.readySince ?? '2025-09-15T15:00:00Z' }],
      containerStatuses: [{ name: 'c', ready: !!o.ready, restartCount: o.restarts ?? 0, image: '', imageID: '' }],
    },
  });
  it('unscheduled < pending < not ready < ready for less time < more restarts < newer', () => {
    const pods = [
      mk('ready-old', { node: true, ready: true, readySince: '2025-09-15T15:00:00Z' }),
      mk('ready-new', { node: true, ready: true, readySince: '2025-09-15T15:10:00Z' }),
      mk('notready', { node: true, ready: false }),
      mk('pending', { node: true, phase: 'Pending' }),
      mk('unscheduled', { phase: 'Pending' }),
      mk('notready-restarts', { node: true, ready: false, restarts: 3 }),
      mk('notready-newer', { node: true, ready: false, created: '2025-09-15T15:05:00Z' }),
    ];
    const want = ['unscheduled', 'pending', 'notready-restarts', 'notready-newer', 'notready', 'ready-new', 'ready-old'];
    expect([...pods].sort(podDeletionRank).map((p) => p.metadata.name)).toEqual(want);
    expect(rankForDeletion([...pods].reverse()).map((p) => p.metadata.name)).toEqual(want);
  });
});

describe('rollout undo template', () => {
  const rs = (rev: string, image: string): ReplicaSet => ({
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `app-${rev}`, annotations: { 'deployment.kubernetes.io/revision': rev } },
    spec: { selector: {}, template: { metadata: { labels: { app: 'a', 'pod-template-hash': rev } }, spec: { containers: [{ name: 'c', image }] } } },
  });
  const d = { metadata: { name: 'app' }, spec: { selector: {}, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'v2' }] } } } } as unknown as Deployment;
  it('picks the previous revision, or the one asked for, and strips the hash label', () => {
    const r = rollbackTemplate(d, [rs('1', 'v1'), rs('2', 'v2')]);
    expect(r).toEqual({ template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'v1' }] } }, revision: 1 });
    expect(rollbackTemplate(d, [rs('2', 'v2')])).toEqual({ error: 'error: no rollout history found for deployment "app"' });
    expect(rollbackTemplate(d, [rs('1', 'v1'), rs('2', 'v2')], 7)).toEqual({ error: 'error: unable to find specified revision 7 in history' });
  });
});
