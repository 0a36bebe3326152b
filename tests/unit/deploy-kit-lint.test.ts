// The best-practices linter (src/lint): the seed manifest gives exactly the findings its lesson discusses, the
// hardened one gives none, each rule fires on a manifest that breaks it, and nothing in the input makes it throw.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { lint, RULES, type Finding } from '../../src/lint/index.js';
import { main as lintCli } from '../../scripts/lint-manifests.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
vi.setConfig({ testTimeout: 60_000 }); // the property test makes 2000 runs
const read = (p: string) => readFileSync(ROOT + p, 'utf8');
const ids = (f: Finding[]) => f.map((x) => x.ruleId);

/** What the best-practices lesson walks through for manifests/llmops-k8s.yaml, with where each finding points. */
export const SEED_FINDINGS = [
  { ruleId: 'missing-recommended-labels', line: 6, column: 5, path: 'metadata.labels' },
  { ruleId: 'service-account-token', line: 17, column: 7, path: 'spec.template.spec' },
  { ruleId: 'capabilities-not-dropped', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'no-liveness-probe', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'no-readiness-probe', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'no-resource-limits', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'no-resource-requests', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'no-seccomp-profile', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'privilege-escalation', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'run-as-root', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'writable-root-fs', line: 18, column: 9, path: 'spec.template.spec.containers[0]' },
  { ruleId: 'latest-tag', line: 19, column: 9, path: 'spec.template.spec.containers[0].image' },
  { ruleId: 'missing-recommended-labels', line: 30, column: 3, path: 'metadata.name' },
];

describe('the project manifests', () => {
  it('seed manifest: exactly the findings the best-practices lesson discusses', () => {
    const found = lint(read('manifests/llmops-k8s.yaml'), 'llmops-k8s.yaml');
    expect(found.map(({ ruleId, line, column, path }) => ({ ruleId, line, column, path }))).toEqual(SEED_FINDINGS);
    for (const f of found) {
      expect(f.doc).toBe(RULES[f.ruleId]!.doc);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.fileName).toBe('llmops-k8s.yaml');
    }
  });

  it('hardened manifest: no finding at all', () => {
    expect(lint(read('manifests/llmops-k8s-hardened.yaml'), 'llmops-k8s-hardened.yaml')).toEqual([]);
  });
});

const deployment = (container: string, podExtra = '', labels = 'app: web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  selector:
    matchLabels:
      ${labels}
  template:
    metadata:
      labels:
        ${labels}
    spec:
      automountServiceAccountToken: false
${podExtra}      containers:
      - name: web
${container}`;

const GOOD_CONTAINER = `        image: nginx:1.27.3
        ports:
          - containerPort: 8080
            name: http
        resources:
          requests: {cpu: 10m, memory: 16Mi}
          limits: {cpu: 100m, memory: 64Mi}
        readinessProbe: {httpGet: {path: /, port: http}}
        livenessProbe: {httpGet: {path: /, port: http}}
        securityContext:
          runAsNonRoot: true
          runAsUser: 101
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
          seccompProfile: {type: RuntimeDefault}
`;

const service = (selector: string, targetPort: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  selector:
    ${selector}
  ports:
    - port: 80
      targetPort: ${targetPort}
`;

describe('each rule fires where it should', () => {
  it('a clean deployment and service give nothing', () => {
    expect(lint(deployment(GOOD_CONTAINER) + service('app: web', 'http'))).toEqual([]);
    expect(lint(deployment(GOOD_CONTAINER) + service('app: web', '8080'))).toEqual([]);
  });

  it('latest-tag: no tag and :latest, but not a digest or a registry port', () => {
    for (const img of ['nginx', 'nginx:latest', 'localhost:5000/web', 'localhost:5000/web:latest'])
      expect(ids(lint(deployment(GOOD_CONTAINER.replace('nginx:1.27.3', img))))).toEqual(['latest-tag']);
    for (const img of ['localhost:5000/web:1.0', 'nginx@sha256:' + 'a'.repeat(64)])
      expect(lint(deployment(GOOD_CONTAINER.replace('nginx:1.27.3', img)))).toEqual([]);
  });

  it('points at the exact field with line:column', () => {
    const text = deployment(GOOD_CONTAINER.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'));
    const [f] = lint(text, 'x.yaml');
    expect(f).toMatchObject({ ruleId: 'privilege-escalation', path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation' });
    const line = text.split('\n')[f!.line - 1]!;
    expect(line.slice(f!.column - 1)).toBe('allowPrivilegeEscalation: true');
  });

  it('run-as-root: runAsUser 0 wins over runAsNonRoot; a pod-level non-root user counts', () => {
    const root = GOOD_CONTAINER.replace('runAsUser: 101', 'runAsUser: 0');
    expect(ids(lint(deployment(root)))).toEqual(['run-as-root']);
    const noUser = GOOD_CONTAINER.replace('          runAsNonRoot: true\n          runAsUser: 101\n', '');
    expect(ids(lint(deployment(noUser)))).toEqual(['run-as-root']);
    expect(lint(deployment(noUser, '      securityContext:\n        runAsUser: 10001\n'))).toEqual([]);
  });

  it('privileged containers, kept capabilities, missing seccomp, writable root fs', () => {
    const bad = GOOD_CONTAINER.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false\n          privileged: true')
      .replace('capabilities: {drop: [ALL]}', 'capabilities: {drop: [NET_RAW]}')
      .replace('seccompProfile: {type: RuntimeDefault}', 'seccompProfile: {type: Unconfined}');
    expect(ids(lint(deployment(bad))).sort()).toEqual(['capabilities-not-dropped', 'no-seccomp-profile', 'privileged-container', 'writable-root-fs']);
  });

  it('missing probes and resources are reported per container', () => {
    const bare = `        image: nginx:1.27.3
        securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
        resources:
          requests: {cpu: 10m}
`;
    const found = lint(deployment(bare));
    expect(ids(found).sort()).toEqual(['no-liveness-probe', 'no-readiness-probe', 'no-resource-limits', 'no-resource-requests']);
    expect(found.find((f) => f.ruleId === 'no-resource-requests')!.message).toMatch(/no memory request/);
  });

  it('secret-in-env: key-like names or key-like values in plain env', () => {
    const env = (name: string, value: string) => GOOD_CONTAINER + `        env:\n          - name: ${name}\n            value: "${value}"\n`;
    expect(ids(lint(deployment(env('GROQ_API_KEY', 'abc'))))).toEqual(['secret-in-env']);
    expect(ids(lint(deployment(env('SOMETHING', 'gsk_abcdefghijklmnop'))))).toEqual(['secret-in-env']);
    expect(lint(deployment(env('LOG_LEVEL', 'debug')))).toEqual([]);
    const fromSecret = GOOD_CONTAINER + '        env:\n          - name: GROQ_API_KEY\n            valueFrom: {secretKeyRef: {name: s, key: k}}\n';
    expect(lint(deployment(fromSecret))).toEqual([]);
  });

  it('dangling-service: a selector that matches no pod template (the classic app=llmops-api typo)', () => {
    const found = lint(deployment(GOOD_CONTAINER) + service('app: web-api', 'http'));
    expect(ids(found)).toEqual(['dangling-service']);
    expect(found[0]!.message).toContain('app=web-api');
    expect(found[0]!.document).toBe(1);
  });

  it('target-port-mismatch: numbers and names', () => {
    expect(ids(lint(deployment(GOOD_CONTAINER) + service('app: web', '8501')))).toEqual(['target-port-mismatch']);
    const f = lint(deployment(GOOD_CONTAINER) + service('app: web', 'htp'));
    expect(ids(f)).toEqual(['target-port-mismatch']);
    expect(f[0]!.message).toContain('http/8080');
    expect(f[0]!.path).toBe('spec.ports[0].targetPort');
  });

  it('a Service alone in its file is not judged against pods it cannot see', () => {
    expect(lint(service('app: web', 'http').replace('---\n', ''))).toEqual([]);
  });

  it('labels: a missing app.kubernetes.io/name label is a hint', () => {
    const f = lint(deployment(GOOD_CONTAINER).replace('    app.kubernetes.io/name: web\n', '    team: a\n'));
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['missing-recommended-labels', 'info']]);
  });
});

describe('bad input', () => {
  it('a syntax error is a finding with line:column, not an exception', () => {
    const f = lint('apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n', 'broken.yaml');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', fileName: 'broken.yaml' });
    expect(f[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('an alias without its anchor, or an alias bomb, is a finding (found by the property test below)', () => {
    expect(lint('*!')).toMatchObject([{ ruleId: 'yaml-syntax', line: 1, column: 1 }]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`)].join('\n');
    expect(lint(bomb).map((f) => f.ruleId)).toEqual(['yaml-syntax']);
  });

  it('empty files, scalars, lists and unknown kinds give nothing', () => {
    for (const t of ['', '---\n', '42', '- a\n- b', 'kind: Whatever\nspec: 1', 'kind: Deployment\nspec: null', 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers: 7'])
      expect(() => lint(t)).not.toThrow();
  });

  it('hostile strings stay data', () => {
    const text = deployment(GOOD_CONTAINER.replace('nginx:1.27.3', '"<img src=x onerror=alert(1)>"'));
    const f = lint(text);
    expect(f[0]!.message).toContain('<img src=x onerror=alert(1)>');
  });

  it('never throws, whatever the text (property)', () => {
    const piece = fc.constantFrom(
      'kind: Deployment\n', 'kind: Service\n', 'spec:\n', '  template:\n', '    spec:\n', '      containers:\n', '      - image: x\n',
      '  selector: {a: b}\n', '  ports: [{port: 80, targetPort: x}]\n', '---\n', ': :\n', '[', '&a *a\n', '"\n', '\t', 'securityContext: 5\n',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 20 }), (parts) => {
        const out = lint(parts.join(''));
        for (const f of out) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scripts/lint-manifests.ts', () => {
  it('prints file:line:column findings and exits 1 for the seed, 0 for the hardened manifest', () => {
    const lines: string[] = [];
    expect(lintCli([ROOT + 'manifests/llmops-k8s.yaml'], (l) => lines.push(l))).toBe(1);
    expect(lines).toHaveLength(SEED_FINDINGS.length);
    expect(lines).toContain(`${ROOT}manifests/llmops-k8s.yaml:19:9 warning latest-tag container "llmops-container" uses image "llmops-app:latest"; pin a version`);
    const ok: string[] = [];
    expect(lintCli([ROOT + 'manifests/llmops-k8s-hardened.yaml'], (l) => ok.push(l))).toBe(0);
    expect(ok).toEqual([`${ROOT}manifests/llmops-k8s-hardened.yaml: no findings`]);
    const missing: string[] = [];
    expect(lintCli([ROOT + 'manifests/nope.yaml'], (l) => missing.push(l))).toBe(2);
    expect(missing[0]).toContain('cannot read');
  });
});
