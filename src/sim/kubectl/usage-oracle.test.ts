// Client-side usage errors compared with the real kubectl (/usr/bin/kubectl, a 1.32 client) when it is installed.
// Every command here fails before kubectl talks to a server, so the real client answers without a cluster.
// The installed client is a "-dispatcher" build (Google Cloud SDK) that prints cobra's flag/required-flag errors
// itself ("Error: unknown flag", klog "command failed" lines); those cases are not compared here, the golden
// 17-kubectl-errors keeps kubectl's own `error: …` form for them.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createShell } from '../shell/index';
import { runTranscript } from '../shell/transcript';

const KUBECTL = '/usr/bin/kubectl';
const have = existsSync(KUBECTL);

const CASES = [
  'kubectl scale --replicas=2',
  'kubectl expose',
  'kubectl edit',
  'kubectl exec',
  'kubectl exec x',
  'kubectl label',
  'kubectl label pods',
  'kubectl annotate',
  'kubectl annotate pods',
  'kubectl create',
  'kubectl create foo',
  'kubectl wait --for=foo pod/x',
  'kubectl rollout bogus',
  'kubectl explain',
  'kubectl rollout status',
  'kubectl rollout undo',
  'kubectl port-forward',
  'kubectl port-forward pod/x',
  'kubectl logs x y z',
  'kubectl run x --image=nginx --restart=Bad',
  'kubectl rollout',
  'kubectl set',
  'kubectl config',
  'kubectl top',
  'kubectl --help',
  'kubectl get --help',
  'kubectl rollout undo -h',
  'kubectl create secret generic --help',
  'kubectl options',
  'kubectl patch --help',
  'kubectl replace',
  'kubectl replace --help',
  'kubectl events --help',
  'kubectl top pod --help',
];

function sim(cmd: string): string {
  const shell = createShell({ seed: 1, files: {}, interactive: false });
  const t = runTranscript(shell, `minikube start > /dev/null\n${cmd}\n`);
  return t.slice(t.indexOf(`$ ${cmd}\n`) + cmd.length + 3);
}

function real(cmd: string): string {
  const r = spawnSync('bash', ['-c', cmd], { env: { ...process.env, KUBECONFIG: '/nonexistent' }, encoding: 'utf8' });
  return (r.stdout ?? '') + (r.stderr ?? '');
}

describe.skipIf(!have)('usage errors match the real kubectl client', () => {
  for (const c of CASES) it(c, () => { expect(sim(c)).toBe(real(c)); });
});

describe.skipIf(have)('usage errors vs the real kubectl client', () => {
  it.skip(`skipped: ${KUBECTL} is not installed`, () => {});
});
