import { describe, it, expect } from 'vitest';
import { humanDuration } from './duration';
import { tabwrite, table, DESCRIBE_TABS } from './tabwriter';
import { podStatus } from './printers';
import type { Pod } from '../api/types';

describe('HumanDuration (apimachinery duration.go) at every boundary', () => {
  const cases: Array<[number, string]> = [
    [-2, '<invalid>'], [-1.5, '0s'], [-1, '0s'], [-0.5, '0s'], [0, '0s'], [0.9, '0s'], [1, '1s'], [59, '59s'], [60, '60s'], [119, '119s'],
    [120, '2m'], [121, '2m1s'], [599, '9m59s'], [600, '10m'], [601, '10m'], [10799, '179m'],
    [10800, '3h'], [10860, '3h1m'], [28799, '7h59m'], [28800, '8h'], [172799, '47h'],
    [172800, '2d'], [176400, '2d1h'], [691199, '7d23h'], [691200, '8d'], [63071999, '729d'],
    [63072000, '2y'], [63158400, '2y1d'], [252287999, '7y364d'], [252288000, '8y'], [315360000, '10y'],
  ];
  for (const [s, want] of cases) it(`${s}s → ${want}`, () => { expect(humanDuration(s)).toBe(want); });
});

describe('Go tabwriter rules', () => {
  it('pads every column but the last to the widest cell + 3, minimum 6 (kubectl get)', () => {
    expect(table([['NAME', 'READY', 'STATUS'], ['llmops-app-7c9d8f6b5d-x2k9p', '1/1', 'Running']])).toBe(
      'NAME                          READY   STATUS\nllmops-app-7c9d8f6b5d-x2k9p   1/1     Running\n');
    expect(table([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n');
  });
  it('counts characters, not bytes', () => {
    expect(table([['NAME', 'X'], ['ñandú', 'y']])).toBe('NAME    X\nñandú   y\n');
  });
  it('aligns describe columns only over contiguous lines that have the cell', () => {
    const text = 'Name:\tpod\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x\n';
    expect(tabwrite(text, DESCRIBE_TABS)).toBe('Name:             pod\nService Account:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/x\n');
  });
  it('keeps trailing cells and empty values padded', () => {
    expect(tabwrite('Container ID:\t\nImage:\tnginx\n', DESCRIBE_TABS)).toBe('Container ID:  \nImage:         nginx\n');
  });
});

describe('printPod STATUS/READY/RESTARTS', () => {
  const base = (status: Pod['status'], extra: Partial<Pod['metadata']> = {}): Pod => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: '2025-09-15T15:30:00Z', ...extra },
    spec: { containers: [{ name: 'c', image: 'x' }] }, status,
  });
  const now = Date.parse('2025-09-15T15:31:00Z');
  it('shows the waiting reason', () => {
    expect(podStatus(base({ phase: 'Pending', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, image: 'x', imageID: '', state: { waiting: { reason: 'ImagePullBackOff' } } }] }), now))
      .toEqual({ status: 'ImagePullBackOff', ready: '0/1', restarts: '0' });
  });
  it('shows restarts with the age of the last one', () => {
    const p = base({ phase: 'Running', containerStatuses: [{ name: 'c', ready: false, restartCount: 3, image: 'x', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2025-09-15T15:30:40Z' } } }] });
    expect(podStatus(p, now)).toEqual({ status: 'CrashLoopBackOff', ready: '0/1', restarts: '3 (20s ago)' });
  });
  it('counts running and ready containers', () => {
    expect(podStatus(base({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'x', imageID: '', state: { running: { startedAt: '2025-09-15T15:30:01Z' } } }] }), now))
      .toEqual({ status: 'Running', ready: '1/1', restarts: '0' });
  });
  it('shows Terminating while a deletion is pending', () => {
    expect(podStatus(base({ phase: 'Running' }, { deletionTimestamp: '2025-09-15T15:31:30Z' }), now).status).toBe('Terminating');
  });
  it('shows the phase when there are no container statuses (unscheduled)', () => {
    expect(podStatus(base({ phase: 'Pending' }), now)).toEqual({ status: 'Pending', ready: '0/1', restarts: '0' });
  });
});
