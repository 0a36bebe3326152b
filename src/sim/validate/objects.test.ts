import { describe, expect, it } from 'vitest';
import { validateObject } from './objects';
import { defaultObject } from '../api/defaults';
import type { Plain } from '../store/json';

const deploy = (patch: (d: Plain) => void = () => {}): Plain => {
  const d: Plain = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'llmops-app', namespace: 'default', labels: { app: 'llmops' } },
    spec: {
      replicas: 1, selector: { matchLabels: { app: 'llmops' } },
      template: { metadata: { labels: { app: 'llmops' } }, spec: { containers: [{ name: 'llmops-container', image: 'llmops-app:latest', ports: [{ containerPort: 8501 }] }] } },
    },
  };
  patch(d);
  return defaultObject(d as never) as unknown as Plain;
};
const svc = (spec: Plain, name = 'llmops-service'): Plain =>
  defaultObject({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec } as never) as unknown as Plain;
const c0 = (d: Plain) => ((d.spec as Plain).template as { spec: { containers: Plain[] } }).spec.containers[0]!;
const msgs = (o: Plain, old?: Plain) => validateObject(o, old).map((e) => `${e.field}: ${e.message}`);

const SUB = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QNAME = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LVALUE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('validateObject: the API server messages', () => {
  const cases: [string, Plain, string[], Plain?][] = [
    ['valid seed deployment', deploy(), []],
    ['selector mismatch', deploy((d) => (((d.spec as Plain).template as Plain).metadata = { labels: { app: 'llmops-web' } })),
      ['spec.template.metadata.labels: Invalid value: {"app":"llmops-web"}: `selector` does not match template `labels`']],
    ['missing selector', deploy((d) => delete (d.spec as Plain).selector),
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"llmops"}: `selector` does not match template `labels`']],
    ['empty selector', deploy((d) => ((d.spec as Plain).selector = {})), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    // LabelSelector's fields are omitempty: an empty matchLabels map is not printed
    ['empty matchLabels', deploy((d) => ((d.spec as Plain).selector = { matchLabels: {} })), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['negative replicas', deploy((d) => ((d.spec as Plain).replicas = -1)), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['uppercase name', deploy((d) => ((d.metadata as Plain).name = 'LLMops')), [`metadata.name: Invalid value: "LLMops": ${SUB}`]],
    ['missing name', deploy((d) => delete (d.metadata as Plain).name), ['metadata.name: Required value: name or generateName is required']],
    ['bad label key and value', deploy((d) => ((d.metadata as Plain).labels = { 'bad key': 'x', ok: 'bad value!' })),
      [`metadata.labels: Invalid value: "bad key": ${QNAME}`, `metadata.labels: Invalid value: "bad value!": ${LVALUE}`]],
    ['pull policy typo', deploy((d) => (c0(d).imagePullPolicy = 'ifNotPresent')),
      ['spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "ifNotPresent": supported values: "Always", "IfNotPresent", "Never"']],
    ['container name', deploy((d) => (c0(d).name = 'LLMops_container')), [`spec.template.spec.containers[0].name: Invalid value: "LLMops_container": ${LABEL}`]],
    ['missing image', deploy((d) => delete c0(d).image), ['spec.template.spec.containers[0].image: Required value']],
    ['port out of range', deploy((d) => (c0(d).ports = [{ containerPort: 70000 }])),
      ['spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['port name too long and upper', deploy((d) => (c0(d).ports = [{ containerPort: 80, name: 'HTTP-web-frontend' }])), [
      'spec.template.spec.containers[0].ports[0].name: Invalid value: "HTTP-web-frontend": must be no more than 15 characters',
      'spec.template.spec.containers[0].ports[0].name: Invalid value: "HTTP-web-frontend": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]],
    ['duplicate port names', deploy((d) => (c0(d).ports = [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }])),
      ['spec.template.spec.containers[0].ports[1].name: Duplicate value: "http"']],
    ['requests above limits', deploy((d) => (c0(d).resources = { requests: { cpu: '1500m', memory: '1Gi' }, limits: { cpu: 1, memory: '512Mi' } })), [
      'spec.template.spec.containers[0].resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1',
      'spec.template.spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    ]],
    ['unknown resource name', deploy((d) => (c0(d).resources = { limits: { gpu: 1 } })),
      ['spec.template.spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified']],
    ['probe without handler', deploy((d) => (c0(d).livenessProbe = { periodSeconds: 5 })),
      ['spec.template.spec.containers[0].livenessProbe: Required value: must specify a handler type']],
    ['liveness successThreshold', deploy((d) => (c0(d).livenessProbe = { httpGet: { path: '/health', port: 8501 }, successThreshold: 2 })),
      ['spec.template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['envFrom without name', deploy((d) => (c0(d).envFrom = [{ secretRef: {} }])), ['spec.template.spec.containers[0].envFrom[0].secretRef.name: Required value']],
    ['envFrom with both', deploy((d) => (c0(d).envFrom = [{ secretRef: { name: 'a' }, configMapRef: { name: 'b' } }])),
      ['spec.template.spec.containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time']],
    ['env value and valueFrom', deploy((d) => (c0(d).env = [{ name: 'A', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }])),
      ['spec.template.spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']],
    ['restartPolicy Never in a Deployment', deploy((d) => ((((d.spec as Plain).template as Plain).spec as Plain).restartPolicy = 'Never')),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['restartPolicy typo', deploy((d) => ((((d.spec as Plain).template as Plain).spec as Plain).restartPolicy = 'always')),
      ['spec.template.spec.restartPolicy: Unsupported value: "always": supported values: "Always", "Never", "OnFailure"']],
    ['strategy typo', deploy((d) => ((d.spec as Plain).strategy = { type: 'Rolling' })),
      ['spec.strategy.type: Unsupported value: "Rolling": supported values: "Recreate", "RollingUpdate"']],
    ['recreate with rollingUpdate', deploy((d) => ((d.spec as Plain).strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } })),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]],
    ['both zero', deploy((d) => ((d.spec as Plain).strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } })),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']],
    ['bad percent', deploy((d) => ((d.spec as Plain).strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25 %' } })),
      ["spec.strategy.rollingUpdate.maxSurge: Invalid value: \"25 %\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]],
    ['volume mount without volume', deploy((d) => (c0(d).volumeMounts = [{ name: 'data', mountPath: '/data' }])),
      ['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['service ok', svc({ type: 'LoadBalancer', selector: { app: 'llmops' }, ports: [{ port: 80, targetPort: 8501 }] }), []],
    ['service type typo', svc({ type: 'Loadbalancer', ports: [{ port: 80 }] }),
      ['spec.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['service name with dot', svc({ ports: [{ port: 80 }] }, 'llmops.service'), [`metadata.name: Invalid value: "llmops.service": ${DNS1035}`]],
    ['service without ports', svc({ selector: { app: 'x' } }), ['spec.ports: Required value']],
    ['two unnamed ports', svc({ ports: [{ port: 80 }, { port: 443 }] }), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['duplicate service port names', svc({ ports: [{ name: 'web', port: 80 }, { name: 'web', port: 443 }] }), ['spec.ports[1].name: Duplicate value: "web"']],
    ['nodePort on ClusterIP', svc({ ports: [{ port: 80, nodePort: 30080 }] }), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    // a nodePort out of range is the allocator's error (after validation), see server.test.ts
    ['nodePort out of range', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }), []],
    ['duplicate service ports', svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      ['spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}']],
    ['ownerReferences without uid', { ...svc({ ports: [{ port: 80 }] }), metadata: { name: 'web', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs' }] } },
      ['metadata.ownerReferences.uid: Invalid value: "": must not be empty']],
    ['ownerReferences all empty, two controllers', { ...svc({ ports: [{ port: 80 }] }), metadata: { name: 'web', ownerReferences: [{ apiVersion: 'x/y/z', kind: '', name: '', uid: 'u', controller: true }, { apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u2', controller: true }] } },
      ['metadata.ownerReferences.apiVersion: Invalid value: "x/y/z": version must not be empty', 'metadata.ownerReferences.kind: Invalid value: "": must not be empty', 'metadata.ownerReferences.name: Invalid value: "": must not be empty',
        'metadata.ownerReferences: Invalid value: [{"apiVersion":"x/y/z","kind":"","name":"","uid":"u","controller":true},{"apiVersion":"v1","kind":"Pod","name":"p","uid":"u2","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for / and Pod/p']],
    ['targetPort 0 is defaulted, 70000 is not', svc({ ports: [{ port: 80, targetPort: 70000 }] }), ['spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['bad protocol', svc({ ports: [{ port: 80, protocol: 'tcp' }] }), ['spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"']],
    ['clusterIP outside the range', svc({ clusterIP: '10.0.0.5', ports: [{ port: 80 }] }),
      ['spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12']],
    ['secret key', defaultObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'bad key': 'eA==' } } as never) as unknown as Plain,
      ["data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
    ['namespace name', defaultObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.ns' } } as never) as unknown as Plain,
      ['metadata.name: Invalid value: "my.ns": must not contain dots']],
  ];
  it.each(cases)('%s', (_name, o, expected, old) => {
    expect(msgs(o, old)).toEqual(expected);
  });

  it('rejects changes to immutable fields', () => {
    const old = deploy();
    const next = deploy((d) => {
      ((d.spec as Plain).selector as Plain).matchLabels = { app: 'llmops2' };
      (((d.spec as Plain).template as Plain).metadata as Plain).labels = { app: 'llmops2' };
    });
    expect(msgs(next, old)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"llmops2"}}: field is immutable']);
    const s1 = svc({ clusterIP: '10.96.0.50', ports: [{ port: 80 }] });
    const s2 = svc({ clusterIP: '10.96.0.51', ports: [{ port: 80 }] });
    // validateUpgradeDowngradeClusterIPs: only clusterIPs is reported since dual-stack (v1.20)
    expect(msgs(s2, s1)).toEqual(['spec.clusterIPs[0]: Invalid value: ["10.96.0.51"]: may not change once set']);
    const sec = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', immutable: true, data: { a: 'eA==' } };
    expect(msgs({ ...sec, data: { a: 'eQ==' } }, sec)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });
});

describe('values print as Go marshals them', () => {
  it('sorts map keys (labels) and keeps struct field order (selectors)', () => {
    const d = deploy((x) => {
      (x.spec as Plain).selector = { matchLabels: { tier: 'web', app: 'llmops' } };
      ((x.spec as Plain).template as Plain).metadata = { labels: { tier: 'api', app: 'llmops' } };
    });
    expect(msgs(d)).toEqual(['spec.template.metadata.labels: Invalid value: {"app":"llmops","tier":"api"}: `selector` does not match template `labels`']);
    const old = deploy(() => {});
    const next = deploy((x) => {
      (x.spec as Plain).selector = { matchLabels: { z: '1', app: 'llmops' } };
      ((x.spec as Plain).template as Plain).metadata = { labels: { z: '1', app: 'llmops' } };
    });
    expect(msgs(next, old)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"llmops","z":"1"}}: field is immutable']);
  });
});

describe('quantity decoding errors (Quantity.UnmarshalJSON)', () => {
  it('tells a bad suffix from a malformed number', async () => {
    const { quantityDecodeError, QUANTITY_SUFFIX_ERROR, QUANTITY_ERROR } = await import('../api/quantity');
    expect(quantityDecodeError('500mi')).toBe(QUANTITY_SUFFIX_ERROR);
    expect(quantityDecodeError('2K')).toBe(QUANTITY_SUFFIX_ERROR);
    expect(quantityDecodeError('1Gb')).toBe(QUANTITY_ERROR);
    expect(quantityDecodeError('1.5.3')).toBe(QUANTITY_ERROR);
    expect(quantityDecodeError(true)).toBe(QUANTITY_ERROR);
    for (const ok of ['500m', '1Gi', ' 1Mi ', '0.5', '1e3', '2', '-1', '.5', 0.25]) expect(quantityDecodeError(ok)).toBeUndefined();
  });
});

describe('Service errors in ValidateService order', () => {
  it('ports before the type, duplicates after', () => {
    const s = svc({ type: 'Loadbalancer', ports: [{ port: 70000 }] }, 'Bad_Name');
    expect(msgs(s).map((m) => m.split(':')[0])).toEqual(['metadata.name', 'spec.ports[0].port', 'spec.ports[0].targetPort', 'spec.type']);
  });
});
