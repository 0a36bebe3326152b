// The deploy scripts run against stub docker, minikube, kind, kubectl and curl commands that record their calls;
// the recorded calls, the messages and the exit codes are asserted. shellcheck must report nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
vi.setConfig({ testTimeout: 90_000 }); // shellcheck and many small bash runs; slow on a busy machine
const SCRIPTS = ['lib.sh', 'deploy-minikube.sh', 'deploy-kind.sh', 'teardown.sh', 'verify.sh'];
const VERSION = JSON.parse(readFileSync(join(ROOT, 'app/package.json'), 'utf8')).version as string;

const work = mkdtempSync(join(tmpdir(), 'deploy-kit-scripts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One stub for every tool: it logs "tool args…" and behaves as the STUB_* variables say. */
const STUB = `#!/usr/bin/env bash
tool="$(basename "$0")"
# A pipeline starts both sides at once: read stdin before logging so the log keeps the pipeline's order.
if [ "$tool $*" = "kubectl apply -f -" ]; then cat >> "$STUB_LOG.stdin"; fi
printf '%s\\n' "$tool $*" >> "$STUB_LOG"
case "$tool $*" in
  "minikube status"*) exit "\${STUB_MINIKUBE_STATUS:-0}" ;;
  "minikube start"*) exit "\${STUB_MINIKUBE_START:-0}" ;;
  "kind get clusters"*) [ -n "\${STUB_KIND_CLUSTERS:-}" ] && printf '%s\\n' "$STUB_KIND_CLUSTERS"; exit 0 ;;
  "kubectl create secret generic"*) printf 'apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: llmops-secrets\\n' ;;
  "kubectl get deployment llmops-app -o jsonpath={.spec.replicas}") echo 1 ;;
  "kubectl get deployment llmops-app -o jsonpath={.status.readyReplicas}") printf '%s' "\${STUB_READY:-1}" ;;
  "kubectl get deployment llmops-app") [ "\${STUB_DEPLOYMENT:-absent}" = present ] || { echo 'Error from server (NotFound): deployments.apps "llmops-app" not found' >&2; exit 1; } ;;
  "kubectl get pods"*) printf '%s' "\${STUB_POD_REASONS:-}" ;;
  "kubectl get service llmops-service -o jsonpath={.spec.selector}") printf '{"app":"llmops"}' ;;
  "kubectl get service llmops-service") [ "\${STUB_SERVICE:-present}" = present ] || exit 1 ;;
  "kubectl get endpointslices"*) printf '%b' "\${STUB_ENDPOINTS-10.244.0.5 true\\n10.244.0.6 false\\n}" ;;
  "kubectl rollout status"*) if [ "\${STUB_ROLLOUT:-ok}" = timeout ]; then echo 'error: timed out waiting for the condition' >&2; exit 1; fi; echo 'deployment "llmops-app" successfully rolled out' ;;
  "kubectl port-forward"*) echo "Forwarding from 127.0.0.1:\${3%%:*} -> 8501"; : > "$STUB_LOG.forwarding"; exec sleep 30 ;;
  "kubectl config current-context") echo minikube ;;
  # Connection refused until the port-forward is up, as with the real thing.
  "curl "*) if [ "\${STUB_HEALTH:-ok}" = ok ] && [ -e "$STUB_LOG.forwarding" ]; then echo '{"status":"ok"}'; else exit 7; fi ;;
esac
exit 0
`;

/** A bin folder with the basic utilities the scripts use, and nothing else (so "missing tool" can be tested). */
const sysBin = join(work, 'sysbin');
mkdirSync(sysBin);
for (const tool of ['bash', 'env', 'sed', 'grep', 'cat', 'dirname', 'basename', 'head', 'tr', 'mktemp', 'rm', 'seq', 'sleep', 'tee', 'sort']) {
  const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
  if (found) symlinkSync(found, join(sysBin, tool));
}

function stubBin(tools: string[]): string {
  const dir = mkdtempSync(join(work, 'bin-'));
  const stub = join(dir, '.stub');
  writeFileSync(stub, STUB);
  chmodSync(stub, 0o755);
  for (const t of tools) symlinkSync(stub, join(dir, t));
  return dir;
}

const ALL = ['docker', 'minikube', 'kind', 'kubectl', 'curl'];
let envFile = '';
let log = '';

beforeEach(() => {
  const dir = mkdtempSync(join(work, 'case-'));
  envFile = join(dir, '.env');
  writeFileSync(envFile, 'GROQ_API_KEY=gsk_test_value\nHUGGINGFACE_API_KEY=hf_test_value\n');
  log = join(dir, 'calls.log');
});

function runScript(script: string, args: string[], opts: { tools?: string[]; env?: Record<string, string> } = {}) {
  const bin = stubBin(opts.tools ?? ALL);
  const res = spawnSync(join(ROOT, 'scripts', script), args, {
    cwd: tmpdir(), // the scripts must find the repository on their own
    encoding: 'utf8',
    env: { PATH: `${bin}:${sysBin}`, HOME: work, STUB_LOG: log, ...opts.env },
    timeout: 60_000,
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
  const stdin = existsSync(`${log}.stdin`) ? readFileSync(`${log}.stdin`, 'utf8') : '';
  return { code: res.status, stdout: res.stdout, stderr: res.stderr, calls, stdin };
}

describe('shellcheck', () => {
  const sc = spawnSync('bash', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).stdout.trim();
  it.skipIf(!sc)('reports nothing on any script', () => {
    const out = execFileSync(sc, ['-x', ...SCRIPTS.map((s) => join('scripts', s))], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toBe('');
  });
  if (!sc) it.skip('skipped: shellcheck is not installed (apt-get install shellcheck; .ci/run does it)', () => {});
});

describe('deploy-minikube.sh', () => {
  it('first run: starts minikube, builds and loads the image, makes the Secret, applies, waits', () => {
    const r = runScript('deploy-minikube.sh', ['--env-file', envFile], { env: { STUB_MINIKUBE_STATUS: '7' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      'minikube status',
      'minikube start',
      'docker build -t llmops-app:latest .',
      `docker tag llmops-app:latest llmops-app:${VERSION}`,
      'minikube image load llmops-app:latest',
      `minikube image load llmops-app:${VERSION}`,
      `kubectl create secret generic llmops-secrets --from-env-file=${envFile} --dry-run=client -o yaml`,
      'kubectl apply -f -',
      'kubectl get deployment llmops-app',
      'kubectl apply -f manifests/llmops-k8s.yaml',
      'kubectl rollout status deployment/llmops-app --timeout=180s',
    ]);
    expect(r.stdin).toContain('kind: Secret');
    expect(r.stdout).toContain('kubectl port-forward service/llmops-service 8501:80');
    expect(r.stdout).toContain('minikube tunnel');
    expect(r.stdout + r.stderr).not.toContain('gsk_test_value');
  });

  it('second run: cluster up and app present, so it updates (rollout restart) instead of failing', () => {
    const r = runScript('deploy-minikube.sh', ['--env-file', envFile, '--hardened', '--timeout', '60s'], { env: { STUB_DEPLOYMENT: 'present' } });
    expect(r.code).toBe(0);
    expect(r.calls).not.toContain('minikube start');
    expect(r.calls.slice(-4)).toEqual([
      'kubectl get deployment llmops-app',
      'kubectl apply -f manifests/llmops-k8s-hardened.yaml',
      'kubectl rollout restart deployment/llmops-app',
      'kubectl rollout status deployment/llmops-app --timeout=60s',
    ]);
  });

  it('--dry-run prints every command and runs none', () => {
    const r = runScript('deploy-minikube.sh', ['--dry-run', '--env-file', envFile]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    for (const line of [
      'minikube status >/dev/null || minikube start',
      'docker build -t llmops-app:latest .',
      `docker tag llmops-app:latest llmops-app:${VERSION}`,
      'minikube image load llmops-app:latest',
      `kubectl create secret generic llmops-secrets --from-env-file=${envFile} --dry-run=client -o yaml | kubectl apply -f -`,
      'kubectl apply -f manifests/llmops-k8s.yaml',
      'kubectl rollout status deployment/llmops-app --timeout=180s',
    ])
      expect(r.stdout.split('\n')).toContain(line);
  });

  it('a missing tool stops it before anything runs (exit 2)', () => {
    const r = runScript('deploy-minikube.sh', ['--env-file', envFile], { tools: ['docker', 'kubectl'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: minikube is not installed or not on PATH\. Install it: https:\/\/minikube\.sigs\.k8s\.io/);
    expect(r.calls).toEqual([]);
  });

  it('a missing .env is refused with the command that makes it (exit 3)', () => {
    const r = runScript('deploy-minikube.sh', ['--env-file', join(work, 'nope.env')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('nope.env not found');
    expect(r.stderr).toContain('cp manifests/secret.example.env .env');
    expect(r.calls).toEqual([]);
  });

  it('placeholder keys give a warning, not a failure', () => {
    writeFileSync(envFile, readFileSync(join(ROOT, 'manifests/secret.example.env')));
    const r = runScript('deploy-minikube.sh', ['--env-file', envFile]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('placeholder values');
  });

  it('a rollout that times out exits 4 and says where to look', () => {
    const r = runScript('deploy-minikube.sh', ['--env-file', envFile, '--timeout', '5s'], { env: { STUB_ROLLOUT: 'timeout' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('error: timed out waiting for the condition');
    expect(r.stderr).toContain('the rollout of llmops-app did not finish within 5s');
    expect(r.stderr).toContain('kubectl logs deployment/llmops-app');
  });

  it('a failing minikube start exits 5; an unknown option exits 1', () => {
    const r = runScript('deploy-minikube.sh', ['--env-file', envFile], { env: { STUB_MINIKUBE_STATUS: '7', STUB_MINIKUBE_START: '1' } });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('minikube start failed');
    expect(r.calls).not.toContain('kubectl apply -f manifests/llmops-k8s.yaml');
    const bad = runScript('deploy-minikube.sh', ['--frobnicate']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown option: --frobnicate');
  });
});

describe('deploy-kind.sh', () => {
  it('creates the cluster, loads the image into kind and points at port-forward', () => {
    const r = runScript('deploy-kind.sh', ['--env-file', envFile]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      'kind get clusters',
      'kind create cluster --name llmops',
      'kubectl config use-context kind-llmops',
      'docker build -t llmops-app:latest .',
      `docker tag llmops-app:latest llmops-app:${VERSION}`,
      `kind load docker-image llmops-app:latest llmops-app:${VERSION} --name llmops`,
      `kubectl create secret generic llmops-secrets --from-env-file=${envFile} --dry-run=client -o yaml`,
      'kubectl apply -f -',
      'kubectl get deployment llmops-app',
      'kubectl apply -f manifests/llmops-k8s.yaml',
      'kubectl rollout status deployment/llmops-app --timeout=180s',
    ]);
    expect(r.stdout).toContain('kubectl port-forward service/llmops-service 8501:80');
    expect(r.stdout).toContain('<pending>');
  });

  it('reuses an existing cluster and needs kind on PATH', () => {
    const r = runScript('deploy-kind.sh', ['--env-file', envFile, '--name', 'dev'], { env: { STUB_KIND_CLUSTERS: 'other\ndev' } });
    expect(r.code).toBe(0);
    expect(r.calls).not.toContain('kind create cluster --name dev');
    expect(r.calls).toContain(`kind load docker-image llmops-app:latest llmops-app:${VERSION} --name dev`);
    const missing = runScript('deploy-kind.sh', ['--env-file', envFile], { tools: ['docker', 'kubectl'] });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('kind is not installed');
  });
});

describe('teardown.sh', () => {
  it('deletes the app and the Secret, tolerating absence; optionally the cluster', () => {
    const r = runScript('teardown.sh', ['--delete-kind']);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      'kubectl delete -f manifests/llmops-k8s.yaml --ignore-not-found',
      'kubectl delete secret llmops-secrets --ignore-not-found',
      'kind delete cluster --name llmops',
    ]);
    log += '.second';
    const m = runScript('teardown.sh', ['--stop-minikube', '--dry-run']);
    expect(m.calls).toEqual([]);
    expect(m.stdout).toContain('minikube stop');
  });
});

const verify = (args: string[], env: Record<string, string> = {}) =>
  runScript('verify.sh', args, { env: { STUB_DEPLOYMENT: 'present', ...env } });

describe('verify.sh', () => {
  it('passes on a healthy deployment: pods ready, endpoints, /health through a port-forward', () => {
    const r = verify(['--port', '18777']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok    Deployment llmops-app: 1/1 pods ready');
    expect(r.stdout).toContain('ok    Service llmops-service has ready endpoints: 10.244.0.5');
    expect(r.stdout).not.toContain('10.244.0.6'); // not ready, so not counted
    expect(r.stdout).toMatch(/ok {4}GET \/health .* answered: \{"status":"ok"\}/);
    expect(r.calls).toContain('kubectl port-forward service/llmops-service 18777:80');
    expect(r.calls).toContain('curl -fsS --max-time 2 http://127.0.0.1:18777/health');
  });

  it('explains pods stuck on a missing image', () => {
    const r = verify([], { STUB_READY: '0', STUB_POD_REASONS: 'llmops-app-7c9d8f6b5d-x2k9p ImagePullBackOff\n', STUB_ENDPOINTS: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  Deployment llmops-app: 0/1 pods ready');
    expect(r.stdout).toContain('minikube image load llmops-app:latest');
    expect(r.stdout).toContain('FAIL  Service llmops-service has no ready endpoints.');
    expect(r.calls.some((c) => c.startsWith('kubectl port-forward'))).toBe(false);
  });

  it('explains a missing Secret and a crash loop', () => {
    const secret = verify([], { STUB_READY: '0', STUB_POD_REASONS: 'p1 CreateContainerConfigError\n' });
    expect(secret.stdout).toContain('kubectl create secret generic llmops-secrets --from-env-file=.env');
    const crash = verify([], { STUB_READY: '0', STUB_POD_REASONS: 'p1 CrashLoopBackOff\n' });
    expect(crash.stdout).toContain('kubectl logs deployment/llmops-app --previous');
  });

  it('says so when nothing is deployed, or when /health does not answer', () => {
    const none = runScript('verify.sh', [], { env: { STUB_DEPLOYMENT: 'absent' } });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Deployment llmops-app not found');
    const silent = verify(['--timeout', '1'], { STUB_DEPLOYMENT: 'present', STUB_HEALTH: 'down' });
    expect(silent.code).toBe(1);
    expect(silent.stdout).toContain('did not answer within 1s');
  });
});
