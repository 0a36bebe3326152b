import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFile, patchObject, LAST_APPLIED } from './server';
import { ApiError, formatKubectlError } from './errors';
import { testStore } from './testutil';
import type { Deployment, Service, Secret } from './types';
import { seedMinikube } from './seed';

const SEED = readFileSync(new URL('../../../manifests/llmops-k8s.yaml', import.meta.url), 'utf8');
const F = 'llmops-k8s.yaml';

describe('apply -f the seed manifest', () => {
  it('creates both objects with defaults, then reports unchanged, then configured', () => {
    const { store } = testStore();
    const r1 = runFile(store, 'apply', SEED, { fileName: F });
    expect(r1.stderr).toEqual([]);
    expect(r1.stdout).toEqual(['deployment.apps/llmops-app created', 'service/llmops-service created']);
    const d = store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec.restartPolicy).toBe('Always');
    expect(d.spec.template.spec.containers[0]!.ports![0]!.protocol).toBe('TCP');
    expect(d.spec.template.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent');
    const la = d.metadata.annotations![LAST_APPLIED]!;
    expect(la.endsWith('}\n')).toBe(true);
    expect(JSON.parse(la).metadata).toEqual({ annotations: {}, labels: { app: 'llmops' }, name: 'llmops-app', namespace: 'default' });
    const s = store.get<Service>('Service', 'default', 'llmops-service')!;
    expect(s.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(s.spec.ports![0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(s.spec.ports![0]!.nodePort).toBeLessThanOrEqual(32767);
    expect(s.spec).toMatchObject({ sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });

    const r2 = runFile(store, 'apply', SEED, { fileName: F });
    expect(r2.stdout).toEqual(['deployment.apps/llmops-app unchanged', 'service/llmops-service unchanged']);
    expect(store.get('Deployment', 'default', 'llmops-app')!.metadata.resourceVersion).toBe(d.metadata.resourceVersion);

    const r3 = runFile(store, 'apply', SEED.replace('replicas: 1', 'replicas: 3'), { fileName: F });
    expect(r3.stdout).toEqual(['deployment.apps/llmops-app configured', 'service/llmops-service unchanged']);
    const d3 = store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d3.spec.replicas).toBe(3);
    expect(d3.metadata.generation).toBe(2);
    // the service kept its allocations
    expect(store.get<Service>('Service', 'default', 'llmops-service')!.spec.clusterIP).toBe(s.spec.clusterIP);
  });

  it('removes a field that was in last-applied and is gone from the manifest', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED.replace('replicas: 1', 'replicas: 4'), { fileName: F });
    const r = runFile(store, 'apply', SEED.replace('  replicas: 1\n', ''), { fileName: F });
    expect(r.stdout[0]).toBe('deployment.apps/llmops-app configured');
    expect(store.get<Deployment>('Deployment', 'default', 'llmops-app')!.spec.replicas).toBe(1); // re-defaulted
    // a field set by someone else (kubectl scale) and never in last-applied survives apply
    store.patch('Deployment', 'default', 'llmops-app', { metadata: { labels: { extra: 'x' } } });
    const r2 = runFile(store, 'apply', SEED.replace('  replicas: 1\n', ''), { fileName: F });
    expect(r2.stdout[0]).toBe('deployment.apps/llmops-app unchanged');
    expect(store.get('Deployment', 'default', 'llmops-app')!.metadata.labels).toEqual({ app: 'llmops', extra: 'x' });
  });

  it('rejects a selector that does not match the template, with a position', () => {
    const { store } = testStore();
    const bad = SEED.replace('      labels:\n        app: llmops\n    spec:', '      labels:\n        app: llmops-web\n    spec:');
    const r = runFile(store, 'apply', bad, { fileName: F });
    expect(r.stderr).toEqual([
      'The Deployment "llmops-app" is invalid: spec.template.metadata.labels: Invalid value: {"app":"llmops-web"}: `selector` does not match template `labels`',
    ]);
    expect(r.stdout).toEqual(['service/llmops-service created']);
    expect(r.errors[0]).toMatchObject({ doc: 0, line: 14, col: 7 });
    expect(store.get('Deployment', 'default', 'llmops-app')).toBeUndefined();
  });

  it('reports unknown fields (strict decoding) on create and on the patch path', () => {
    const { store } = testStore();
    const bad = SEED.replace('  replicas: 1', '  replica: 1').replace('imagePullPolicy', 'imagePullPolicyy');
    const r = runFile(store, 'apply', bad, { fileName: F });
    expect(r.stderr[0]).toBe(
      'Error from server (BadRequest): error when creating "llmops-k8s.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagePullPolicyy"',
    );
    expect(r.errors[0]!.causes.map((c) => [c.field, c.line, c.col])).toEqual([
      ['spec.replica', 8, 3],
      ['spec.template.spec.containers[0].imagePullPolicyy', 20, 9],
    ]);
    runFile(store, 'apply', SEED, { fileName: F });
    const r2 = runFile(store, 'apply', bad, { fileName: F });
    // the PATCH path: handlers/patch.go answers 422 with an empty kind and name and one `patch` cause holding the
    // patch as Go's %+v prints the map, so kubectl says "The request is invalid"
    expect(r2.stderr[0]).toMatch(/^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{\\"apiVersion\\":\\"apps\/v1\\",.*\\n\]\] spec:map\[replica:1 replicas:<nil> template:map\[spec:map\[containers:\[map\[imagePullPolicy:<nil> imagePullPolicyy:IfNotPresent name:llmops-container\]\]\]\]\]\]": strict decoding error: unknown field "spec\.replica", unknown field "spec\.template\.spec\.containers\[0\]\.imagePullPolicyy"$/);
    expect(r2.errors[0]!.causes.map((c) => c.field)).toEqual(['spec.replica', 'spec.template.spec.containers[0].imagePullPolicyy']);
    // a wrong type on the PATCH path is the unstructured converter's error, not the JSON decoder's
    const t2 = runFile(store, 'apply', SEED.replace('replicas: 1', 'replicas: "2"'), { fileName: F });
    expect(t2.stderr[0]).toMatch(/^The request is invalid: patch: Invalid value: "map\[.* spec:map\[replicas:2\]\]": unrecognized type: int32$/);
    const warn = runFile(store, 'apply', bad, { fileName: F, validate: 'warn' });
    expect(warn.stderr).toEqual(['Warning: unknown field "spec.replica"', 'Warning: unknown field "spec.template.spec.containers[0].imagePullPolicyy"']);
  });

  it('reports enum typos and wrong types as the API server does', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', SEED.replace('type: LoadBalancer', 'type: Loadbalancer'), { fileName: F });
    expect(r.stderr).toEqual([
      'The Service "llmops-service" is invalid: spec.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
    expect(r.errors[0]).toMatchObject({ line: 32, col: 3 });
    const t = runFile(testStore().store, 'apply', SEED.replace('containerPort: 8501', 'containerPort: "8501"'), { fileName: F });
    expect(t.stderr[0]).toBe(
      'Error from server (BadRequest): error when creating "llmops-k8s.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    );
    expect(t.errors[0]).toMatchObject({ line: 22, col: 13 });
  });

  it('keeps the selector immutable', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const r = runFile(store, 'apply', SEED.replaceAll('app: llmops', 'app: llmops2'), { fileName: F });
    expect(r.stderr[0]).toBe('The Deployment "llmops-app" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"llmops2"}}: field is immutable');
    expect(r.stdout).toEqual(['service/llmops-service configured']);
  });

  it('prints AlreadyExists, NotFound and namespace errors worded as kubectl', () => {
    const { store } = testStore();
    runFile(store, 'create', SEED, { fileName: F });
    const again = runFile(store, 'create', SEED, { fileName: F });
    expect(again.stderr).toEqual([
      'Error from server (AlreadyExists): error when creating "llmops-k8s.yaml": deployments.apps "llmops-app" already exists',
      'Error from server (AlreadyExists): error when creating "llmops-k8s.yaml": services "llmops-service" already exists',
    ]);
    const del = runFile(store, 'delete', SEED, { fileName: F });
    expect(del.stdout).toEqual(['deployment.apps "llmops-app" deleted from default namespace', 'service "llmops-service" deleted from default namespace']);
    const del2 = runFile(store, 'delete', SEED, { fileName: F });
    expect(del2.stderr[0]).toBe('Error from server (NotFound): error when deleting "llmops-k8s.yaml": deployments.apps "llmops-app" not found');
    const rep = runFile(store, 'replace', SEED, { fileName: F });
    expect(rep.stderr[0]).toBe('Error from server (NotFound): error when replacing "llmops-k8s.yaml": deployments.apps "llmops-app" not found');
    const ns = runFile(store, 'apply', SEED, { fileName: F, namespace: 'foo' });
    expect(ns.stderr[0]).toBe('Error from server (NotFound): error when creating "llmops-k8s.yaml": namespaces "foo" not found');
  });

  it('reports YAML syntax errors with document-relative lines and stops at the broken document', () => {
    const { store } = testStore();
    const broken = SEED.replace('  type: LoadBalancer', '  type: LoadBalancer: x');
    const r = runFile(store, 'apply', broken, { fileName: F });
    expect(r.stdout).toEqual(['deployment.apps/llmops-app created']);
    expect(r.stderr[0]).toBe('error: error parsing llmops-k8s.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context');
    expect(r.errors[0]).toMatchObject({ doc: 1, line: 32 });
  });

  it('reports unknown kinds and missing apiVersion/kind', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: x\n', { fileName: 'x.yaml' });
    expect(r.stderr[0]).toBe('error: resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first');
    expect(r.errors[0]).toMatchObject({ line: 2, col: 1 });
    const m = runFile(store, 'apply', 'metadata:\n  name: x\n', { fileName: 'x.yaml' });
    expect(m.stderr[0]).toBe('error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false');
    expect(runFile(store, 'apply', '# nothing\n', { fileName: 'x.yaml' }).stderr).toEqual(['error: no objects passed to apply']);
  });

  it('merges stringData into base64 data for Secrets', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: llmops-secrets\nstringData:\n  GROQ_API_KEY: gsk_é1\n', { fileName: 's.yaml' });
    expect(r.stdout).toEqual(['secret/llmops-secrets created']);
    const s = store.get<Secret>('Secret', 'default', 'llmops-secrets')!;
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ GROQ_API_KEY: Buffer.from('gsk_é1').toString('base64') });
    expect(s.stringData).toBeUndefined();
  });

  it('seeds a fresh minikube', () => {
    const { store } = testStore();
    seedMinikube(store);
    expect(store.get<Service>('Service', 'default', 'kubernetes')!.spec.clusterIP).toBe('10.96.0.1');
    expect(store.get<Service>('Service', 'kube-system', 'kube-dns')!.spec.clusterIP).toBe('10.96.0.10');
    expect(store.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const pods = store.list('Pod', { namespace: 'kube-system' });
    expect(pods).toHaveLength(7);
    let cpu = 0;
    for (const p of pods) for (const c of (p.spec as { containers: { resources?: { requests?: { cpu?: string } } }[] }).containers) cpu += parseInt(c.resources?.requests?.cpu ?? '0', 10);
    expect(cpu).toBe(750);
    expect(store.list('Pod', { namespace: 'kube-system', fieldSelector: 'status.phase=Running' })).toHaveLength(7);
  });
});

describe('patchObject and imperative objects', () => {
  it('validates patches like updates', async () => {
    const { patchObject } = await import('./server');
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const d = patchObject<Deployment>(store, 'Deployment', 'default', 'llmops-app', { spec: { replicas: 3 } }, 'merge');
    expect(d.spec.replicas).toBe(3);
    expect(() => patchObject(store, 'Deployment', 'default', 'llmops-app', { spec: { replicas: -1 } }, 'merge')).toThrow(
      'Deployment.apps "llmops-app" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    const img = patchObject<Deployment>(store, 'Deployment', 'default', 'llmops-app', { spec: { template: { spec: { containers: [{ name: 'llmops-container', image: 'llmops-app:v2' }] } } } });
    expect(img.spec.template.spec.containers[0]!.image).toBe('llmops-app:v2');
    expect(img.spec.template.spec.containers[0]!.ports).toHaveLength(1);
    const j = patchObject<Deployment>(store, 'Deployment', 'default', 'llmops-app', [{ op: 'replace', path: '/spec/replicas', value: 2 }], 'json');
    expect(j.spec.replicas).toBe(2);
  });

  it('warns when applying over an object made by kubectl create', () => {
    const { store } = testStore();
    runFile(store, 'create', SEED, { fileName: F });
    const r = runFile(store, 'apply', SEED, { fileName: F });
    expect(r.stdout).toEqual(['deployment.apps/llmops-app configured', 'service/llmops-service configured']);
    expect(r.stderr[0]).toBe(
      'Warning: resource deployments/llmops-app is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
    );
    expect(runFile(store, 'apply', SEED, { fileName: F }).stdout).toEqual(['deployment.apps/llmops-app unchanged', 'service/llmops-service unchanged']);
  });
});

describe('apply on the patch path', () => {
  it('reports a stale resourceVersion as a Conflict of the patch', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const stale = SEED.replace('  name: llmops-app\n', '  name: llmops-app\n  resourceVersion: "1"\n').replace('replicas: 1', 'replicas: 2');
    const r = runFile(store, 'apply', stale, { fileName: F });
    expect(r.stderr[0]).toMatch(/^Error from server \(Conflict\): error when applying patch:\n/);
    expect(r.stderr[0]).toMatch(/error when patching "llmops-k8s.yaml": Operation cannot be fulfilled on deployments.apps "llmops-app": the object has been modified; please apply your changes to the latest version and try again$/);
  });
});

describe('Jobs', () => {
  it('get a generated selector and template labels from their uid', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n', { fileName: 'j.yaml' });
    expect(r.stdout).toEqual(['job.batch/once created']);
    const j = store.get('Job', 'default', 'once')!;
    const uid = j.metadata.uid!;
    expect(j.spec).toMatchObject({
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { metadata: { labels: { 'batch.kubernetes.io/job-name': 'once', 'job-name': 'once', 'controller-uid': uid } } },
      backoffLimit: 6, completions: 1, parallelism: 1,
    });
    const bad = runFile(store, 'apply', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: twice\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: busybox\n', { fileName: 'j.yaml' });
    expect(bad.stderr).toEqual(['The Job "twice" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
  });
});

describe('kind: List', () => {
  it('applies each item, with positions inside the list', () => {
    const { store } = testStore();
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: a
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: b
  dataa: {}
`;
    const r = runFile(store, 'apply', list, { fileName: 'l.yaml' });
    expect(r.stdout).toEqual(['configmap/a created']);
    expect(r.stderr[0]).toBe('Error from server (BadRequest): error when creating "l.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dataa"');
    expect(r.errors[0]).toMatchObject({ line: 12, col: 3 });
  });
});

describe('apply without a name', () => {
  it('fails the way kubectl apply does (it cannot look the object up)', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', SEED.replace('  name: llmops-app\n', ''), { fileName: F });
    expect(r.stderr[0]).toBe('error: error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "", Namespace: "default"\nfrom server for: "llmops-k8s.yaml": resource name may not be empty');
    expect(r.errors[0]).toMatchObject({ line: 3, col: 1 });
    const c = runFile(testStore().store, 'create', SEED.replace('  name: llmops-app\n', ''), { fileName: F });
    expect(c.stderr[0]).toBe('The Deployment "" is invalid: metadata.name: Required value: name or generateName is required');
  });
});

describe('duplicate keys', () => {
  it('keep the last value, as go-yaml v2 in kubectl\'s YAML-to-JSON step does (no error; a warning for editors)', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', SEED.replace('  replicas: 1\n', '  replicas: 1\n  replicas: 2\n'), { fileName: F });
    expect(r.stderr).toEqual([]);
    expect(store.get<Deployment>('Deployment', 'default', 'llmops-app')!.spec.replicas).toBe(2);
    expect(r.parsed.docs[0]!.warnings).toEqual([{ doc: 0, line: 9, col: 3, code: 'DUPLICATE_KEY', message: 'mapping key "replicas" already defined at line 8' }]);
  });
});

describe('error shapes as kubectl prints them (cmdutil.checkErr / MultipleErrors)', () => {
  const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;
  const badDeploy = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n      app: a\n  template:\n    metadata:\n      labels:\n        app: b\n    spec:\n      containers:\n      - name: C\n        image: nginx\n`;
  it('one Invalid error alone is "The Kind "name" is invalid", the good documents still apply', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', [cm('good1'), badDeploy('bad'), cm('good2')].join('---\n'), { fileName: 'x.yaml' });
    expect(r.stdout).toEqual(['configmap/good1 created', 'configmap/good2 created']);
    expect(r.stderr).toEqual([
      'The Deployment "bad" is invalid: \n* spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`\n* spec.template.spec.containers[0].name: Invalid value: "C": ' + "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
  it('several errors print each as "Error from server (Reason): error when creating …", causes joined in brackets', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', [badDeploy('bad1'), cm('ok'), badDeploy('bad2')].join('---\n'), { fileName: 'x.yaml' });
    expect(r.stdout).toEqual(['configmap/ok created']);
    expect(r.stderr).toHaveLength(2);
    expect(r.stderr[0]).toMatch(/^Error from server \(Invalid\): error when creating "x\.yaml": Deployment\.apps "bad1" is invalid: \[spec\.template\.metadata\.labels: Invalid value: \{"app":"b"\}: `selector` does not match template `labels`, spec\.template\.spec\.containers\[0\]\.name: Invalid value: "C": .*\]$/);
    expect(r.stderr[1]).toMatch(/^Error from server \(Invalid\): error when creating "x\.yaml": Deployment\.apps "bad2" is invalid: \[/);
  });
  it('read errors come first and print bare when there are several; an aggregate among others is bracketed', () => {
    const { store } = testStore();
    const unknown = (n: string) => `apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: ${n}\n`;
    const two = runFile(store, 'apply', [unknown('a'), unknown('b')].join('---\n'), { fileName: 'x.yaml' });
    expect(two.stderr).toEqual([
      'resource mapping not found for name: "a" namespace: "" from "x.yaml": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first',
      'resource mapping not found for name: "b" namespace: "" from "x.yaml": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first',
    ]);
    const one = runFile(store, 'apply', unknown('a'), { fileName: 'x.yaml' });
    expect(one.stderr).toEqual(['error: resource mapping not found for name: "a" namespace: "" from "x.yaml": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first']);
    const mixed = runFile(store, 'apply', [badDeploy('bad'), unknown('a'), unknown('b')].join('---\n'), { fileName: 'x.yaml' });
    expect(mixed.stderr[0]).toBe('[resource mapping not found for name: "a" namespace: "" from "x.yaml": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first, resource mapping not found for name: "b" namespace: "" from "x.yaml": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first]');
    expect(mixed.stderr[1]).toMatch(/^Error from server \(Invalid\): error when creating "x\.yaml": Deployment\.apps "bad" is invalid: /);
  });
  it('a document without kind ends the file (kubectl\'s schema check stops the stream); one problem has no brackets', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', [cm('first'), 'apiVersion: v1\nmetadata:\n  name: x\n', cm('never')].join('---\n'), { fileName: 'x.yaml' });
    expect(r.stdout).toEqual(['configmap/first created']);
    expect(r.stderr).toEqual(['error: error validating "x.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false']);
    expect(store.get('ConfigMap', 'default', 'never')).toBeUndefined();
    const s = runFile(store, 'apply', '- a\n- b\n', { fileName: 'x.yaml' });
    expect(s.stderr).toEqual(['error: error validating "x.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false']);
  });
  it('a missing namespace is reported before any field error (NamespaceLifecycle admission)', () => {
    const { store } = testStore();
    const r = runFile(store, 'create', badDeploy('bad').replace('  name: bad\n', '  name: bad\n  namespace: nope\n'), { fileName: 'x.yaml' });
    expect(r.stderr).toEqual(['Error from server (NotFound): error when creating "x.yaml": namespaces "nope" not found']);
  });
  it('--dry-run=client sends nothing: created / configured, no server checks', () => {
    const { store } = testStore();
    expect(runFile(store, 'apply', badDeploy('bad'), { fileName: 'x.yaml', dryRun: 'client' }).stdout).toEqual(['deployment.apps/bad created (dry run)']);
    runFile(store, 'apply', SEED, { fileName: F });
    expect(runFile(store, 'apply', SEED, { fileName: F, dryRun: 'client' }).stdout).toEqual(['deployment.apps/llmops-app configured (dry run)', 'service/llmops-service configured (dry run)']);
    expect(runFile(store, 'apply', SEED, { fileName: F, dryRun: 'server' }).stdout).toEqual(['deployment.apps/llmops-app unchanged (server dry run)', 'service/llmops-service unchanged (server dry run)']);
  });
  it('switching a LoadBalancer to ClusterIP drops the allocated nodePort (dropTypeDependentFields)', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const r = runFile(store, 'apply', SEED.replace('type: LoadBalancer', 'type: ClusterIP'), { fileName: F });
    expect(r.stderr).toEqual([]);
    expect(r.stdout[1]).toBe('service/llmops-service configured');
    const s = store.get<Service>('Service', 'default', 'llmops-service')!;
    expect(s.spec.ports![0]!.nodePort).toBeUndefined();
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
  });
  it('a nodePort outside 30000-32767 is the allocator\'s error, after validation passed', () => {
    const { store } = testStore();
    const r = runFile(store, 'apply', SEED.replace('targetPort: 8501', 'targetPort: 8501\n      nodePort: 80'), { fileName: F });
    expect(r.stderr).toEqual(['The Service "llmops-service" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767']);
  });
  it('core kinds print as "/v1, Resource=services" in the patch error (GroupVersionResource.String)', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const bad = SEED.replace('app: llmops\n  template', 'app: other\n  template').replace('type: LoadBalancer', 'type: Loadbalancer');
    const r = runFile(store, 'apply', bad, { fileName: F });
    expect(r.stderr).toHaveLength(2);
    expect(r.stderr[1]).toMatch(/^Error from server \(Invalid\): error when applying patch:\n\{.*\}\nto:\nResource: "\/v1, Resource=services", GroupVersionKind: "\/v1, Kind=Service"\nName: "llmops-service", Namespace: "default"\nfor: "llmops-k8s\.yaml": error when patching "llmops-k8s\.yaml": Service "llmops-service" is invalid: spec\.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"$/);
  });
});

describe('Service allocations across apply (patchAllocatedValues)', () => {
  it('keeps the nodePort of a renumbered port (matched by name) and an emptied clusterIP', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const before = store.get<Service>('Service', 'default', 'llmops-service')!;
    const r = runFile(store, 'apply', SEED.replace('port: 80', 'port: 8080').replace('type: LoadBalancer', 'type: LoadBalancer\n  clusterIP: ""'), { fileName: F });
    expect(r.stderr).toEqual([]);
    const after = store.get<Service>('Service', 'default', 'llmops-service')!;
    expect(after.spec.ports![0]!.port).toBe(8080);
    expect(after.spec.ports![0]!.nodePort).toBe(before.spec.ports![0]!.nodePort);
    expect(after.spec.clusterIP).toBe(before.spec.clusterIP);
  });
  it('a changed clusterIP is reported on clusterIPs only', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const r = runFile(store, 'apply', SEED.replace('type: LoadBalancer', 'type: LoadBalancer\n  clusterIP: 10.96.0.50'), { fileName: F });
    expect(r.stderr).toEqual(['The Service "llmops-service" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.50"]: may not change once set']);
  });
});

describe('patchObject field validation', () => {
  it('drops unknown fields with a warning by default (the server default is Warn), rejects them when Strict', () => {
    const { store } = testStore();
    runFile(store, 'apply', SEED, { fileName: F });
    const warnings: string[] = [];
    patchObject(store, 'Deployment', 'default', 'llmops-app', { spec: { replica: 3, replicas: 2 } }, 'strategic', { warnings });
    expect(warnings).toEqual(['Warning: unknown field "spec.replica"']);
    const d = store.get<Deployment>('Deployment', 'default', 'llmops-app')!;
    expect(d.spec.replicas).toBe(2);
    expect((d.spec as unknown as Record<string, unknown>).replica).toBeUndefined();
    expect(() => patchObject(store, 'Deployment', 'default', 'llmops-app', { spec: { replica: 3 } }, 'strategic', { fieldValidation: 'Strict' })).toThrow(/^ "" is invalid: patch: Invalid value: "map\[spec:map\[replica:3\]\]": strict decoding error: unknown field "spec\.replica"$/);
    try {
      patchObject(store, 'Deployment', 'default', 'llmops-app', { spec: { replicas: 'x' } });
    } catch (e) {
      expect(formatKubectlError(e as ApiError)).toBe('The request is invalid: patch: Invalid value: "map[spec:map[replicas:x]]": unrecognized type: int32');
    }
  });
});

describe('last-applied-configuration', () => {
  it('is encoding/json output: sorted keys, HTML-escaped, a trailing newline; re-applying is unchanged', () => {
    const { store } = testStore();
    const m = SEED.replace('  labels:\n    app: llmops\nspec', '  labels:\n    app: llmops\n  annotations:\n    link: "http://x/?a=1&b=<2>"\nspec');
    expect(runFile(store, 'apply', m, { fileName: F }).stdout[0]).toBe('deployment.apps/llmops-app created');
    const la = store.get('Deployment', 'default', 'llmops-app')!.metadata.annotations![LAST_APPLIED]!;
    expect(la).toContain('"link":"http://x/?a=1\\u0026b=\\u003c2\\u003e"');
    expect(la.endsWith('}\n')).toBe(true);
    expect(runFile(store, 'apply', m, { fileName: F }).stdout[0]).toBe('deployment.apps/llmops-app unchanged');
  });
});

describe('output order', () => {
  it('puts each object\'s warning before its line, errors last', () => {
    const { store } = testStore();
    runFile(store, 'create', SEED, { fileName: F });
    const r = runFile(store, 'apply', SEED.replace('  replicas: 1', '  replicas: 1\n  replica: 2'), { fileName: F, validate: 'warn' });
    expect(r.output.map((o) => `${o.stream}: ${o.text.slice(0, 60)}`)).toEqual([
      'stderr: Warning: resource deployments/llmops-app is missing the kube',
      'stderr: Warning: unknown field "spec.replica"',
      'stdout: deployment.apps/llmops-app configured',
      'stderr: Warning: resource services/llmops-service is missing the kub',
      'stdout: service/llmops-service configured',
    ]);
  });
});

describe('create with generateName', () => {
  it('prints the generated name', () => {
    const { store } = testStore();
    const r = runFile(store, 'create', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\n', { fileName: 'x.yaml' });
    expect(r.stdout[0]).toMatch(/^configmap\/cfg-[bcdfghjklmnpqrstvwxz2456789]{5} created$/);
    const a = runFile(store, 'apply', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\n', { fileName: 'x.yaml' });
    expect(a.stderr).toEqual(['error: from cfg-: cannot use generate name with apply']);
  });
});
