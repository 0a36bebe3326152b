// The scenario data and the goal predicate layer, without the engine: schema validation, start files built from the
// real manifest, lesson slugs, course:stats, and each predicate against hand-made API objects.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { scenarios, startFiles, applyReplacements, getScenario } from '../../src/scenarios/index';
import { parseScenario } from '../../src/scenarios/schema';
import { courseStats, formatStats, frontmatterLabs, listLessons } from '../../src/scenarios/stats';
import { evaluateGoal, podStatusText, cpuMillis } from '../../src/sim/goals/index';
import type { GoalCheck, GoalWorld, KObject } from '../../src/sim/goals/index';

const MANIFEST = readFileSync('manifests/llmops-k8s.yaml', 'utf8');
const BASE = { 'manifests/llmops-k8s.yaml': MANIFEST };

describe('scenario data', () => {
  it('has the nine troubleshooting labs the course promises, a capstone, and one lab per lesson at least', () => {
    const ids = scenarios.map((s) => s.id);
    for (const id of ['image-not-loaded', 'pull-policy-latest', 'secret-missing', 'crashloop-no-key', 'selector-typo', 'target-port-wrong', 'cpu-too-large', 'readiness-probe-failing', 'bad-tag-rollout']) {
      expect(getScenario(id)?.kind, id).toBe('troubleshooting');
    }
    expect(ids).toContain('deploy-end-to-end');
    const lessons = new Set(scenarios.map((s) => s.lesson));
    expect(lessons.size).toBe(11);
  });

  it('every lesson has a lab that is not optional, so finishing it can mark the lesson done', () => {
    const lessons = new Set(scenarios.map((s) => s.lesson));
    for (const l of lessons) expect(scenarios.some((s) => s.lesson === l && !s.optional), l).toBe(true);
  });

  it('every scenario names a lesson that exists in src/content/lessons (once the lessons are written)', () => {
    const existing = new Set(listLessons('src/content/lessons'));
    const missing = scenarios.filter((s) => !existing.has(s.lesson)).map((s) => s.lesson);
    // Lessons land one by one; the slugs that exist must be spelled the same as ours.
    for (const slug of missing) expect(existing.size < 11 && ![...existing].some((e) => e.slice(0, 3) === slug.slice(0, 3)), `lesson ${slug}`).toBe(true);
  });

  it('start files and solution edits apply to the real manifest and still parse as YAML', () => {
    for (const s of scenarios) {
      const files: Record<string, string> = { ...BASE, ...startFiles(s, BASE) };
      for (const step of s.solution) {
        if ('edit' in step) {
          const before = files[step.edit];
          expect(before, `${s.id}: edit of ${step.edit}`).toBeDefined();
          files[step.edit] = applyReplacements(before!, step.replace, `${s.id} solution`);
        }
      }
      for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.yaml')) continue;
        // After the solution every manifest must be valid YAML (yaml-indentation starts broken on purpose).
        expect(() => text.split(/^---$/m).forEach((d) => parse(d)), `${s.id} ${path}`).not.toThrow();
      }
    }
  });

  it('a broken start file really differs from the manifest', () => {
    for (const s of scenarios.filter((x) => Object.keys(x.files).length)) {
      const files = startFiles(s, BASE);
      for (const text of Object.values(files)) expect(text).not.toBe(MANIFEST);
    }
  });

  it('replacements must match exactly once, with a clear error otherwise', () => {
    expect(() => applyReplacements('a b a', [['a', 'c']], 'x')).toThrow(/more than once/);
    expect(() => applyReplacements('a b', [['z', 'c']], 'x')).toThrow(/not found: "z"/);
    expect(applyReplacements('a b', [['b', 'c']], 'x')).toBe('a c');
  });

  it('the schema rejects bad scenarios with the path of the bad field', () => {
    const good = { ...getScenario('secret-missing')! };
    expect(() => parseScenario({ ...good, goals: [{ id: 'x', title: 'abc', check: { type: 'pods-ready', selector: { app: 'a' }, count: -1 } }] })).toThrow(/secret-missing goals\.0\.check\.count/);
    expect(() => parseScenario({ ...good, symptom: undefined })).toThrow(/symptom/);
    expect(() => parseScenario({ ...good, goals: [good.goals[0], good.goals[0]] })).toThrow(/duplicate goal id/);
    expect(() => parseScenario({ ...good, extra: 1 })).toThrow(/Unrecognized key/);
    expect(() => parseScenario({ ...good, symptom: { ...good.symptom!, shows: '(' } })).toThrow(/regular expression/);
  });
});

describe('course:stats', () => {
  it('prints one line per lesson and, last, the lessons without a lab', () => {
    const lessons = ['01-overview', '02-yaml', '99-extra'];
    const out = formatStats(courseStats(lessons, scenarios), scenarios).split('\n');
    expect(out[0]).toMatch(/^01-overview\s+labs\s+1\s+goals\s+3\s+hints\s+3\s+\(overview-reconcile\)$/);
    expect(out[2]).toMatch(/^99-extra\s+labs\s+0/);
    expect(out.at(-1)).toBe('lessons without a lab: 1 99-extra');
  });

  it('reads the labs list from a lesson frontmatter in both YAML styles', () => {
    expect(frontmatterLabs('---\ntitle: x\nlabs: [a, "b"]\n---\nbody')).toEqual(['a', 'b']);
    expect(frontmatterLabs('---\ntitle: x\nlabs:\n  - a\n  - b\n---\n')).toEqual(['a', 'b']);
    expect(frontmatterLabs('---\ntitle: x\n---\n')).toBeUndefined();
  });

  it('the real course has no lesson without a lab', () => {
    const lessons = listLessons('src/content/lessons');
    const out = formatStats(courseStats(lessons, scenarios), scenarios);
    if (lessons.length === 11) expect(out.split('\n').at(-1)).toBe('lessons without a lab: 0');
    else expect(readdirSync('src/content/lessons').length).toBeLessThan(11);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Predicates against hand-made objects

function pod(name: string, opts: { labels?: Record<string, string>; phase?: string; ready?: boolean; waiting?: string; image?: string; envFrom?: string }): KObject {
  return {
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: opts.labels ?? { app: 'llmops' } },
    spec: { containers: [{ name: 'c', image: opts.image ?? 'llmops-app:latest', ...(opts.envFrom ? { envFrom: [{ secretRef: { name: opts.envFrom } }] } : {}) }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: opts.ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'c', ready: !!opts.ready, state: opts.waiting ? { waiting: { reason: opts.waiting, message: `waiting: ${opts.waiting}` } } : { running: {} } }],
    },
  };
}

function world(objects: KObject[], extra: Partial<GoalWorld> = {}): GoalWorld {
  return {
    clusterRunning: () => true,
    list: (kind) => objects.filter((o) => o.kind === kind),
    get: (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name),
    hasNodeImage: (ref) => ref === 'llmops-app:latest',
    hasLocalImage: (ref) => ref === 'llmops-app:latest',
    readFile: () => undefined,
    request: () => ({ ok: false, explanation: 'connection refused' }),
    ...extra,
  };
}

const goal = (check: GoalCheck) => ({ id: 'g', title: 'goal', check });

describe('goal predicates', () => {
  it('pods-ready counts only Running and Ready pods that match, and explains the first that is not', () => {
    const w = world([pod('a', { ready: true }), pod('b', { ready: false, phase: 'Pending', waiting: 'ImagePullBackOff' }), pod('c', { ready: true, labels: { app: 'other' } })]);
    expect(evaluateGoal(goal({ type: 'pods-ready', selector: { app: 'llmops' }, count: 1 }), w).met).toBe(true);
    const r = evaluateGoal(goal({ type: 'pods-ready', selector: { app: 'llmops' }, count: 2 }), w);
    expect(r.met).toBe(false);
    expect(r.detail).toContain('1 of 2');
    expect(r.detail).toContain('b is ImagePullBackOff');
    expect(evaluateGoal(goal({ type: 'pods-ready', selector: { app: 'llmops' }, count: 1, exact: true }), w).met).toBe(false);
  });

  it('uses the engine explanation when the world has one', () => {
    const w = world([pod('b', { ready: false, waiting: 'CreateContainerConfigError' })], { explain: () => 'secret "llmops-secrets" not found' });
    expect(evaluateGoal(goal({ type: 'pods-ready', selector: { app: 'llmops' }, count: 1 }), w).detail).toContain('secret "llmops-secrets" not found');
  });

  it('nothing is met without a cluster, and it says so', () => {
    const r = evaluateGoal(goal({ type: 'pods-ready', selector: { app: 'llmops' }, count: 1 }), world([], { clusterRunning: () => false }));
    expect(r).toMatchObject({ met: false, detail: 'no cluster yet: run minikube start' });
  });

  it('endpoints-ready reads EndpointSlices, ready addresses only, on the asked port', () => {
    const svc: KObject = { kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'llmops' } } };
    const slice = (ready: boolean, port: number): KObject => ({ kind: 'EndpointSlice', metadata: { name: 's-abcde', labels: { 'kubernetes.io/service-name': 's' } }, ports: [{ port }], endpoints: [{ addresses: ['10.244.0.5'], conditions: { ready } }] });
    expect(evaluateGoal(goal({ type: 'endpoints-ready', service: 's', count: 1, port: 8501 }), world([svc, slice(true, 8501)])).met).toBe(true);
    expect(evaluateGoal(goal({ type: 'endpoints-ready', service: 's', count: 1, port: 8501 }), world([svc, slice(false, 8501)])).met).toBe(false);
    const wrongPort = evaluateGoal(goal({ type: 'endpoints-ready', service: 's', count: 1, port: 8501 }), world([svc, slice(true, 8080)]));
    expect(wrongPort.met).toBe(false);
    expect(wrongPort.detail).toContain('another port');
    const none = evaluateGoal(goal({ type: 'endpoints-ready', service: 's', count: 1 }), world([{ ...svc, spec: { selector: { app: 'llmosp' } } }, pod('a', { ready: true })]));
    expect(none.detail).toContain('selector app=llmosp matches no pod');
  });

  it('secret-keys wants every key and, with seenBy, pods that got them', () => {
    const secret: KObject = { kind: 'Secret', metadata: { name: 'llmops-secrets' }, data: { GROQ_API_KEY: 'eA==' } };
    const c: GoalCheck = { type: 'secret-keys', name: 'llmops-secrets', keys: ['GROQ_API_KEY', 'HUGGINGFACE_API_KEY'], seenBy: { app: 'llmops' } };
    expect(evaluateGoal(goal(c), world([secret])).detail).toContain('lacks HUGGINGFACE_API_KEY');
    const full = { ...secret, data: { GROQ_API_KEY: 'eA==', HUGGINGFACE_API_KEY: 'eA==' } };
    expect(evaluateGoal(goal(c), world([full])).detail).toContain('no running pod');
    expect(evaluateGoal(goal(c), world([full, pod('a', { ready: true, envFrom: 'llmops-secrets' })])).met).toBe(true);
    // The engine's record of the container's env wins over the spec: a pod started before the key existed is blind.
    const blind = world([full, pod('a', { ready: true, envFrom: 'llmops-secrets' })], { podEnv: () => ({ GROQ_API_KEY: 'x' }) });
    expect(evaluateGoal(goal(c), blind).detail).toContain('does not see HUGGINGFACE_API_KEY');
  });

  it('http passes the network model\'s explanation through', () => {
    const c: GoalCheck = { type: 'http', via: 'port-forward', service: 'llmops-service' };
    expect(evaluateGoal(goal(c), world([])).detail).toBe('port-forward: connection refused');
    const ok = world([], { request: () => ({ ok: true, status: 200, body: '<html>', explanation: 'ok' }) });
    expect(evaluateGoal(goal(c), ok).met).toBe(true);
    const notFound = world([], { request: () => ({ ok: true, status: 404, explanation: 'pod:8501' }) });
    expect(evaluateGoal(goal(c), notFound).detail).toContain('got HTTP 404');
  });

  it('field, cpu quantities, external IP and reasons', () => {
    const d: KObject = { kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 2, template: { spec: { containers: [{ resources: { requests: { cpu: '500m' } } }] } } } };
    const w = world([d]);
    expect(evaluateGoal(goal({ type: 'field', kind: 'Deployment', name: 'd', path: 'spec.replicas', equals: 2 }), w).met).toBe(true);
    expect(evaluateGoal(goal({ type: 'field', kind: 'Deployment', name: 'd', path: 'spec.template.spec.containers[0].resources.requests.cpu', atMostCpu: '400m' }), w).met).toBe(false);
    expect(cpuMillis('1.5')).toBe(1500);
    expect(cpuMillis('250m')).toBe(250);
    const svc: KObject = { kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer' }, status: { loadBalancer: {} } };
    expect(evaluateGoal(goal({ type: 'external-ip', service: 's' }), world([svc])).detail).toContain('minikube tunnel');
    expect(podStatusText(pod('x', { waiting: 'CrashLoopBackOff' }))).toBe('CrashLoopBackOff');
    expect(podStatusText({ ...pod('x', { ready: true }), metadata: { name: 'x', deletionTimestamp: 't' } })).toBe('Terminating');
  });

  it('file-valid-yaml reports line and column of the first error', () => {
    const broken = startFiles(getScenario('yaml-indentation')!, BASE)['manifests/llmops-k8s.yaml'];
    const r = evaluateGoal(goal({ type: 'file-valid-yaml', path: 'm.yaml' }), world([], { readFile: () => broken }));
    expect(r.met).toBe(false);
    expect(r.detail).toMatch(/^m\.yaml:\d+:\d+: /);
    expect(evaluateGoal(goal({ type: 'file-valid-yaml', path: 'm.yaml' }), world([], { readFile: () => MANIFEST })).met).toBe(true);
  });

  it('a predicate that throws is reported as not met, never as a crash', () => {
    const w = world([], { list: () => { throw new Error('boom'); } });
    expect(evaluateGoal(goal({ type: 'pods-ready', selector: {}, count: 1 }), w)).toMatchObject({ met: false, detail: 'could not check: boom' });
  });
});
