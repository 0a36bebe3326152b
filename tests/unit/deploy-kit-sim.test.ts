// The deploy kit seen through the simulator:
//  - every manifest passes the simulator's strict decoding and the API server's validation (defaults first);
//  - the README's plain commands (between the deploy-commands markers) run through the simulator CLI
//    (`npm run --silent sim`, a session on stdin) and reach a working app, so the README cannot drift;
//  - the hardened manifest, applied over the seed one, rolls out and answers through a port-forward.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { defaultObject } from '../../src/sim/api/defaults.js';
import type { KObject } from '../../src/sim/api/types.js';
import { decodeCheck } from '../../src/sim/validate/decode.js';
import { validateObject } from '../../src/sim/validate/objects.js';
import { LOG, startupLines } from '../../app/src/messages.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Each simulator session spawns the CLI; on a busy 2-core machine that can take far longer than the default 30 s.
vi.setConfig({ testTimeout: 180_000 });

/** Runs a terminal session through the simulator CLI exactly as its contract says: `npm run --silent sim < session`. */
function sim(session: string): string {
  const res = spawnSync('npm', ['run', '--silent', 'sim'], { cwd: ROOT, input: session, encoding: 'utf8', timeout: 170_000 });
  expect(res.status, res.stderr).toBe(0);
  return res.stdout;
}

/** The commands block of README.md between the deploy-commands markers, without the code fence. */
export function readmeCommands(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- deploy-commands:start -->\s*```sh\n([\s\S]*?)```\s*<!-- deploy-commands:end -->/.exec(readme);
  if (!m) throw new Error('README.md has no deploy-commands block');
  return m[1]!;
}

describe('manifests in the simulator validator', () => {
  for (const file of readdirSync(join(ROOT, 'manifests')).filter((f) => /\.ya?ml$/.test(f))) {
    it(`${file}: strict decoding and API validation pass`, () => {
      const docs = parseAllDocuments(readFileSync(join(ROOT, 'manifests', file), 'utf8'));
      for (const d of Array.isArray(docs) ? docs : [docs]) {
        const obj = d.toJS() as KObject;
        const decoded = decodeCheck(obj.kind, obj);
        expect(decoded.typeError, `${file} ${obj.kind}`).toBeUndefined();
        expect(decoded.unknown, `${file} ${obj.kind}`).toEqual([]);
        expect(validateObject(defaultObject(structuredClone(obj)) as unknown as Record<string, unknown>), `${file} ${obj.kind}`).toEqual([]);
      }
    });
  }

  it('the validator is not a rubber stamp: a selector that misses the template labels fails', () => {
    const dep = parseAllDocuments(readFileSync(join(ROOT, 'manifests', 'llmops-k8s.yaml'), 'utf8'));
    const obj = (Array.isArray(dep) ? dep[0]! : dep).toJS() as any;
    obj.spec.selector.matchLabels.app = 'llmops-api';
    expect(validateObject(defaultObject(obj)).length).toBeGreaterThan(0);
  });
});

describe('README "Deploy it for real": the plain commands work in the simulator', () => {
  it('runs the block and reaches a working app', () => {
    const block = readmeCommands();
    const out = sim(block);
    // every command of the block was run, in order
    const firstLines = block.split('\n').filter((l) => l.trim() && !/^(GROQ_API_KEY|HUGGINGFACE_API_KEY)=|^EOF$/.test(l));
    let from = 0;
    for (const cmd of firstLines) {
      const at = out.indexOf(`$ ${cmd}`, from);
      expect(at, `command not run: ${cmd}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(out).toContain('secret/llmops-secrets created');
    expect(out).toContain('deployment.apps/llmops-app created');
    expect(out).toContain('service/llmops-service created');
    expect(out).toContain('deployment "llmops-app" successfully rolled out');
    expect(out).toMatch(/llmops-app-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
    expect(out).toContain('{"status":"ok"}');
    const recommend = out.split('\n').find((l) => l.startsWith('{"query"'));
    expect(recommend, 'the recommend call printed JSON').toBeDefined();
    expect(JSON.parse(recommend!).results.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/^error:/m);
    expect(out).not.toMatch(/curl: \(\d+\)/);
  });

  it('the scripts run the same core commands as the README', () => {
    const dry = spawnSync(join(ROOT, 'scripts', 'deploy-minikube.sh'), ['--dry-run'], { cwd: ROOT, encoding: 'utf8' });
    expect(dry.status).toBe(0);
    const block = readmeCommands();
    for (const cmd of ['minikube image load llmops-app:latest', 'kubectl apply -f manifests/llmops-k8s.yaml']) {
      expect(block).toContain(cmd);
      expect(dry.stdout).toContain(cmd);
    }
    expect(dry.stdout).toContain('kubectl create secret generic llmops-secrets --from-env-file=.env');
  });
});

describe('the hardened manifest in the simulator', () => {
  it('applies over the seed manifest, rolls out with its probes, and answers through a port-forward', () => {
    const out = sim(
      [
        'minikube start',
        // (The scripts use one `docker build -t …:latest -t …:1.0.0`; the simulator keeps only the last -t today.)
        'docker build -t llmops-app:latest .',
        'docker tag llmops-app:latest llmops-app:1.0.0',
        'minikube image load llmops-app:latest',
        'minikube image load llmops-app:1.0.0',
        'kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY= --from-literal=HUGGINGFACE_API_KEY=',
        'kubectl apply -f manifests/llmops-k8s.yaml',
        'kubectl rollout status deployment/llmops-app --timeout=120s',
        'kubectl apply -f manifests/llmops-k8s-hardened.yaml',
        'kubectl rollout status deployment/llmops-app --timeout=120s',
        'kubectl get pods -l app=llmops',
        'kubectl port-forward service/llmops-service 8502:80 &',
        'sleep 2',
        'curl http://localhost:8502/ready',
      ].join('\n') + '\n',
    );
    expect(out).toContain('deployment.apps/llmops-app configured');
    expect(out).toContain('service/llmops-service configured');
    expect(out.split('deployment "llmops-app" successfully rolled out').length - 1).toBe(2);
    expect(out).toContain('{"status":"ready"}');
    expect(out).not.toMatch(/^error:/m);
  });
});

describe('the simulated llmops-app container behaves like the real app', () => {
  const base = ['minikube start', 'docker build -t llmops-app:latest .', 'minikube image load llmops-app:latest'];
  const logLines = (out: string) =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{"time"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('prints the real start-up lines in order, and is Ready (readiness on /ready) only once the index is built', () => {
    // With the hardened manifest's readiness probe on /ready, a finished rollout means the index-ready line is out.
    // (The seed manifest has no readiness probe, so there a pod is Ready as soon as the container starts.)
    const out = sim(
      [...base, 'docker tag llmops-app:latest llmops-app:1.0.0', 'minikube image load llmops-app:1.0.0',
        'kubectl create secret generic llmops-secrets --from-literal=HUGGINGFACE_API_KEY=x', 'kubectl apply -f manifests/llmops-k8s-hardened.yaml',
        'kubectl rollout status deployment/llmops-app --timeout=120s', 'kubectl logs deployment/llmops-app'].join('\n') + '\n',
    );
    const expected = startupLines({ port: 8501, mode: 'offline', groqKeySet: false, huggingfaceKeySet: true, titles: 215 });
    const got = logLines(out).slice(0, 3);
    expect(got.map((l) => l.msg)).toEqual(expected.map((l) => l.msg));
    got.forEach((l, i) => expect(l).toMatchObject({ level: expected[i]!.level, ...expected[i]!.fields }));
  });

  it('RECOMMENDER_MODE=llm without a key: the one real log line, then CrashLoopBackOff', () => {
    const out = sim(
      [...base, 'kubectl create secret generic llmops-secrets --from-literal=RECOMMENDER_MODE=llm', 'kubectl apply -f manifests/llmops-k8s.yaml',
        'sleep 30', 'kubectl get pods', 'kubectl logs deployment/llmops-app'].join('\n') + '\n',
    );
    expect(out).toMatch(/CrashLoopBackOff/);
    const lines = logLines(out);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', msg: LOG.missingGroqKey });
  });
});

describe('scripts/deploy-minikube.sh --dry-run prints a session that works', () => {
  const envFile = ['cat > .env <<EOF', 'GROQ_API_KEY=', 'HUGGINGFACE_API_KEY=', 'EOF'].join('\n');
  for (const variant of [[], ['--hardened']]) {
    it(`run through the simulator, ${variant.length ? 'the hardened variant' : 'the seed manifest'} rolls out and answers /health`, () => {
      const dry = spawnSync(join(ROOT, 'scripts', 'deploy-minikube.sh'), ['--dry-run', ...variant], { cwd: ROOT, encoding: 'utf8' });
      expect(dry.status).toBe(0);
      const out = sim(
        [envFile, dry.stdout, 'kubectl port-forward service/llmops-service 8501:80 &', 'sleep 2', 'curl http://localhost:8501/health'].join('\n') + '\n',
      );
      expect(out).toContain('secret/llmops-secrets created');
      expect(out).toContain('deployment "llmops-app" successfully rolled out');
      expect(out).toContain('{"status":"ok"}');
      expect(out).not.toMatch(/^error/m);
      expect(out).not.toMatch(/command not found/);
    });
  }
});
