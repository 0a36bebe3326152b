import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { eventLines, podStatusColumn } from '../testing/index';
import type { Job, Pod } from '../api/types';

const job = (name: string, cmd: string, extra = '') => [
  'apiVersion: batch/v1', 'kind: Job', 'metadata:', `  name: ${name}`, 'spec:', ...(extra ? [extra] : []), '  template:', '    spec:',
  '      restartPolicy: Never', '      containers:', `      - name: ${name}`, '        image: busybox:1.36', `        command: ["sh", "-c", "${cmd}"]`, '',
].join('\n');

const podsOf = (c: ReturnType<typeof createCluster>, name: string) => c.store.list<Pod>('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.['job-name'] === name);

describe('job-controller', () => {
  it('runs a pod to completion: Completed pod, SuccessCriteriaMet + Complete, completionTime, events', () => {
    const c = createCluster({ seed: 4 });
    c.apply(job('hello', 'echo hi'), 'job.yaml');
    const pods = podsOf(c, 'hello');
    expect(pods).toHaveLength(1);
    expect(pods[0]!.metadata.name).toMatch(/^hello-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'hello', controller: true });
    expect(c.store.get<Job>('Job', 'default', 'hello')!.status).toMatchObject({ active: 1 });
    c.advance(10);
    const j = c.store.get<Job>('Job', 'default', 'hello')!;
    expect(j.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0 });
    expect(j.status?.active).toBeUndefined();
    expect(j.status?.completionTime).toBeDefined();
    expect(j.status?.conditions?.map((x) => `${x.type}/${x.reason}`)).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    expect(podStatusColumn(podsOf(c, 'hello')[0]!)).toBe('Completed');
    expect(eventLines(c, 'Job', 'hello')).toEqual([`Normal SuccessfulCreate Created pod: ${pods[0]!.metadata.name}`, 'Normal Completed Job completed']);
  });

  it('recreates failed pods after a doubling back-off and fails past backoffLimit', () => {
    const c = createCluster({ seed: 4 });
    c.apply(job('boom', 'exit 1', '  backoffLimit: 2'), 'job.yaml');
    c.advance(8);
    expect(podsOf(c, 'boom')).toHaveLength(1); // first failure at ~2 s, next pod only 10 s later
    c.advance(10);
    expect(podsOf(c, 'boom')).toHaveLength(2);
    c.advance(60);
    const j = c.store.get<Job>('Job', 'default', 'boom')!;
    expect(podsOf(c, 'boom')).toHaveLength(3); // backoffLimit 2: the third failure ends it
    expect(j.status?.failed).toBe(3);
    expect(j.status?.conditions?.map((x) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(eventLines(c, 'Job', 'boom').at(-1)).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('ttlSecondsAfterFinished deletes the finished Job and its pods', () => {
    const c = createCluster({ seed: 4 });
    c.apply(job('tmp', 'true', '  ttlSecondsAfterFinished: 30'), 'job.yaml');
    c.advance(10);
    expect(c.store.get('Job', 'default', 'tmp')).toBeDefined();
    c.advance(40);
    expect(c.store.get('Job', 'default', 'tmp')).toBeUndefined();
    c.advance(5);
    expect(podsOf(c, 'tmp')).toHaveLength(0);
  });
});
