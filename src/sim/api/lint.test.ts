import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lintManifest } from './lint';
import { defaultObject } from './defaults';
import { validateObject } from '../validate/objects';
import { decodeCheck } from '../validate/decode';

const SEED = readFileSync(new URL('../../../manifests/llmops-k8s.yaml', import.meta.url), 'utf8');

describe('lintManifest', () => {
  it('finds nothing wrong with the seed manifest', () => {
    expect(lintManifest(SEED)).toEqual([]);
  });
  it('lists every problem with its position', () => {
    const bad = SEED.replace('  replicas: 1', '  replica: 1').replace('type: LoadBalancer', 'type: Loadbalancer').replace('        app: llmops\n    spec:', '        app: Bad Value\n    spec:');
    const d = lintManifest(bad).map((x) => `${x.line}:${x.col} ${x.message}`);
    expect(d).toEqual([
      '8:3 unknown field "spec.replica"',
      '14:7 Deployment "llmops-app" is invalid: spec.template.metadata.labels: Invalid value: {"app":"Bad Value"}: `selector` does not match template `labels`',
      expect.stringMatching(/^15:9 Deployment "llmops-app" is invalid: spec.template.metadata.labels: Invalid value: "Bad Value": a valid label/),
      '32:3 Service "llmops-service" is invalid: spec.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });
  it('marks YAML errors where go-yaml (kubectl) finds them, and repeated keys as warnings', () => {
    const d = lintManifest(SEED.replace('  replicas: 1\n', '  replicas: 1\n replicas: 2\n'));
    expect(d).toEqual([{ doc: 0, line: 9, col: 2, message: 'did not find expected key', severity: 'error' }]);
    const dup = lintManifest(SEED.replace('  replicas: 1\n', '  replicas: 1\n  replicas: 2\n'));
    expect(dup).toEqual([{ doc: 0, line: 9, col: 3, message: 'mapping key "replicas" already defined at line 8', severity: 'warning' }]);
  });
  it('explains a wrong apiVersion', () => {
    expect(lintManifest('apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n')[0]).toMatchObject({
      line: 1, col: 1, message: 'no matches for kind "Deployment" in version "v1" (Deployment is served as apps/v1)',
    });
  });
});

describe('random objects never make the API layer throw (property)', () => {
  const kinds = ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'Secret', 'ConfigMap', 'Namespace', 'Job', 'Endpoints', 'EndpointSlice', 'Event', 'Node'];
  it('decode, default and validate accept any JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), (kind, spec, metadata, extra) => {
        const o = { apiVersion: 'v1', kind, metadata, spec, data: extra, subsets: extra } as never;
        decodeCheck(kind, o);
        const d = defaultObject(o);
        validateObject(d as never);
        validateObject(d as never, d as never);
      }),
      { numRuns: 3000 },
    );
  });
});
