import { describe, expect, it } from 'vitest';
import { qualifiedPlural, qualifiedSingular, resolveResourceType } from './registry';
import { formatKubectlError, invalid, notFound } from './errors';

describe('resource type resolution (kubectl)', () => {
  const cases: [string, string | undefined][] = [
    ['deploy', 'Deployment'], ['deployment', 'Deployment'], ['deployments', 'Deployment'], ['deployments.apps', 'Deployment'],
    ['deployment.apps', 'Deployment'], ['deployments.v1.apps', 'Deployment'], ['Deployment', 'Deployment'],
    ['po', 'Pod'], ['pods', 'Pod'], ['svc', 'Service'], ['service', 'Service'], ['ep', 'Endpoints'], ['endpoints', 'Endpoints'],
    ['endpoint', undefined], ['rs', 'ReplicaSet'], ['cm', 'ConfigMap'], ['ns', 'Namespace'], ['no', 'Node'], ['ev', 'Event'],
    ['secrets', 'Secret'], ['endpointslices', 'EndpointSlice'], ['endpointslices.discovery.k8s.io', 'EndpointSlice'], ['jobs', 'Job'],
    ['deployments.batch', undefined], ['frobs', undefined], ['', undefined],
  ];
  it.each(cases)('%j → %s', (typed, kind) => expect(resolveResourceType(typed)?.kind).toBe(kind));
  it('names resources as the server and kubectl print them', () => {
    expect(qualifiedPlural(resolveResourceType('deploy')!)).toBe('deployments.apps');
    expect(qualifiedSingular(resolveResourceType('svc')!)).toBe('service');
    expect(qualifiedSingular(resolveResourceType('rs')!)).toBe('replicaset.apps');
  });
});

describe('kubectl error formatting', () => {
  it('prints one cause inline and several as a bullet list', () => {
    const one = invalid('Deployment', 'x', [{ field: 'spec.selector', message: 'Required value' }]);
    expect(formatKubectlError(one)).toBe('The Deployment "x" is invalid: spec.selector: Required value');
    expect(one.message).toBe('Deployment.apps "x" is invalid: spec.selector: Required value');
    const two = invalid('Deployment', 'x', [
      { field: 'spec.selector', message: 'Required value' },
      { field: 'spec.template.metadata.labels', message: 'Invalid value: {"app":"x"}: `selector` does not match template `labels`' },
    ]);
    expect(formatKubectlError(two)).toBe(
      'The Deployment "x" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
    );
    expect(two.message).toBe('Deployment.apps "x" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`]');
    expect(formatKubectlError(notFound('Pod', 'p'))).toBe('Error from server (NotFound): pods "p" not found');
  });
});
