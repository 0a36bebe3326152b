import { describe, expect, it } from 'vitest';
import { defaultObject, qosClass } from './defaults';
import { formatQuantity, parseQuantity, QUANTITY_ERROR, cpuMillis, bytesOf } from './quantity';
import type { Plain } from '../store/json';

const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((c, k) => (c as Plain | undefined)?.[k], o);

describe('defaulting (v1.34)', () => {
  const d = defaultObject({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [
      { name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { port: 80 } } },
      { name: 'd', image: 'nginx:1.27' },
      { name: 'e', image: 'nginx@sha256:' + 'a'.repeat(64) },
      { name: 'f', image: 'registry:5000/app:latest' },
    ] } } },
  } as never);
  const cases: [string, unknown][] = [
    ['spec.replicas', 1],
    ['spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }],
    ['spec.revisionHistoryLimit', 10],
    ['spec.progressDeadlineSeconds', 600],
    ['spec.minReadySeconds', undefined],
    ['spec.template.spec.restartPolicy', 'Always'],
    ['spec.template.spec.terminationGracePeriodSeconds', 30],
    ['spec.template.spec.dnsPolicy', 'ClusterFirst'],
    ['spec.template.spec.schedulerName', 'default-scheduler'],
    ['spec.template.spec.securityContext', {}],
  ];
  it.each(cases)('Deployment %s', (path, value) => expect(get(d, path)).toEqual(value));

  it('defaults containers: pull policy by tag, termination message, ports, probes', () => {
    const cs = get(d, 'spec.template.spec.containers') as Plain[];
    expect(cs.map((c) => c.imagePullPolicy)).toEqual(['Always', 'IfNotPresent', 'IfNotPresent', 'Always']);
    expect(cs[0]).toMatchObject({ terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {}, ports: [{ containerPort: 80, protocol: 'TCP' }] });
    expect(cs[0]!.readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  });

  it('keeps what the user set', () => {
    const r = defaultObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 0, strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'c', image: 'a', imagePullPolicy: 'Never' }] } } } } as never);
    expect(get(r, 'spec.replicas')).toBe(0);
    expect(get(r, 'spec.strategy')).toEqual({ type: 'Recreate' });
    expect((get(r, 'spec.template.spec.containers') as Plain[])[0]!.imagePullPolicy).toBe('Never');
  });

  it('defaults Services', () => {
    const lb = defaultObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 81, targetPort: 'http' }] } } as never);
    expect((lb as unknown as { spec: unknown }).spec).toEqual({
      type: 'LoadBalancer', sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true,
      ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 81, protocol: 'TCP', targetPort: 'http' }],
    });
    const cip = defaultObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } } as never);
    expect(get(cip, 'spec.type')).toBe('ClusterIP');
    expect(get(cip, 'spec.externalTrafficPolicy')).toBeUndefined();
    expect(get(cip, 'spec.allocateLoadBalancerNodePorts')).toBeUndefined();
  });

  it('defaults Pods (admission too) and computes QoS', () => {
    const p = defaultObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'a:1', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] } } as never);
    expect(get(p, 'spec.containers')).toMatchObject([{ resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } } }]);
    expect(get(p, 'spec.serviceAccountName')).toBe('default');
    expect(get(p, 'spec.enableServiceLinks')).toBe(true);
    expect(get(p, 'status')).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
    expect(qosClass({ containers: [{ resources: { requests: { cpu: '100m' } } }] })).toBe('Burstable');
    expect(qosClass({ containers: [{}] })).toBe('BestEffort');
  });

  it('defaults Secrets and Namespaces', () => {
    const s = defaultObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { A: 'YQ==' }, stringData: { B: 'hello' } } as never);
    expect(s).toMatchObject({ type: 'Opaque', data: { A: 'YQ==', B: 'aGVsbG8=' } });
    const n = defaultObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } } as never);
    expect(n).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'team' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  });
});

describe('quantities', () => {
  const cases: [string | number, number, string][] = [
    ['250m', 0.25, '250m'], ['1.5', 1.5, '1500m'], [1, 1, '1'], [0.5, 0.5, '500m'], ['512Mi', 512 * 2 ** 20, '512Mi'],
    ['1024Mi', 2 ** 30, '1Gi'], ['1G', 1e9, '1G'], ['1e3', 1000, '1e3'], ['100Ki', 102400, '100Ki'], ['0', 0, '0'], ['2', 2, '2'],
  ];
  it.each(cases)('%s', (input, value, text) => {
    const q = parseQuantity(input);
    expect(q.value).toBeCloseTo(value, 9);
    expect(formatQuantity(q)).toBe(text);
  });
  it.each(['1.5.5', 'abc', '1 Gi', '1gi', '', 'Mi', '1Mib'])('rejects %j', (s) => expect(() => parseQuantity(s)).toThrow(QUANTITY_ERROR));
  it('gives scheduler units', () => {
    expect(cpuMillis('250m')).toBe(250);
    expect(cpuMillis('1.5')).toBe(1500);
    expect(cpuMillis('0.0001')).toBe(1);
    expect(bytesOf('170Mi')).toBe(178257920);
  });
});
