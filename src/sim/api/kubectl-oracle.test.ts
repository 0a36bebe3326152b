/**
 * Oracle: the shapes real kubectl (client side, no cluster needed) generates must be accepted by the
 * simulated API exactly as a real API server accepts them (creationTimestamp: null, strategy: {}, status: {} …).
 * Skipped with a message when kubectl is not installed.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runFile } from './server';
import { testStore } from './testutil';
import type { Deployment, Secret } from './types';

function kubectl(args: string[]): string | undefined {
  try {
    return execFileSync('kubectl', args, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}
const available = kubectl(['version', '--client']) !== undefined;
if (!available) console.warn('kubectl not found: skipping the kubectl oracle tests');

describe.skipIf(!available)('kubectl client-side output is accepted', () => {
  const cases: [string, string[], string][] = [
    ['deployment', ['create', 'deployment', 'llmops-app', '--image=llmops-app:latest', '--replicas=3', '--port=8501'], 'deployment.apps/llmops-app created'],
    ['lb service', ['create', 'service', 'loadbalancer', 'llmops-service', '--tcp=80:8501'], 'service/llmops-service created'],
    ['nodeport service', ['create', 'service', 'nodeport', 'np', '--tcp=80:8080'], 'service/np created'],
    ['secret', ['create', 'secret', 'generic', 'llmops-secrets', '--from-literal=GROQ_API_KEY=gsk_x', '--from-literal=HF=y'], 'secret/llmops-secrets created'],
    ['configmap', ['create', 'configmap', 'cfg', '--from-literal=MODE=offline'], 'configmap/cfg created'],
    // (kubectl run needs a server even with --dry-run=client, so pods are covered by the fuzz and server tests instead)
    ['job', ['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'], 'job.batch/once created'],
    ['namespace', ['create', 'namespace', 'team-a'], 'namespace/team-a created'],
  ];
  it.each(cases)('%s', (_n, args, line) => {
    const dd = args.indexOf('--');
    const full = dd < 0 ? [...args, '--dry-run=client', '-o', 'yaml'] : [...args.slice(0, dd), '--dry-run=client', '-o', 'yaml', ...args.slice(dd)];
    const yaml = kubectl(full);
    expect(yaml, `kubectl ${args.join(' ')}`).toBeTruthy();
    const { store } = testStore();
    const r = runFile(store, 'apply', yaml!, { fileName: 'oracle.yaml' });
    expect(r.stderr).toEqual([]);
    expect(r.stdout).toEqual([line]);
  });

  it('matches kubectl on the shape of what it generated, after server defaulting', () => {
    const { store } = testStore();
    runFile(store, 'apply', kubectl(['create', 'deployment', 'web', '--image=nginx:1.27', '--dry-run=client', '-o', 'yaml'])!, { fileName: 'd.yaml' });
    const d = store.get<Deployment>('Deployment', 'default', 'web')!;
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' });
    runFile(store, 'apply', kubectl(['create', 'secret', 'generic', 's', '--from-literal=K=héllo', '--dry-run=client', '-o', 'yaml'])!, { fileName: 's.yaml' });
    expect(store.get<Secret>('Secret', 'default', 's')!.data).toEqual({ K: Buffer.from('héllo').toString('base64') });
  });
});
