/**
 * The resource registry: what `kubectl api-resources` lists for the kinds the simulator serves.
 * Names, groups, short names and scope as a v1.34 API server reports them.
 */

export interface ResourceType {
  kind: string;
  group: string; // '' for the core group
  version: string;
  apiVersion: string; // 'v1' or 'apps/v1'
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** member of the `all` category (kubectl get all) */
  inAll: boolean;
  /** whether the API lets clients create objects of this kind */
  creatable: boolean;
}

function rt(kind: string, group: string, plural: string, shortNames: string[], namespaced: boolean, inAll = false, creatable = true): ResourceType {
  const version = 'v1';
  return {
    kind, group, version, apiVersion: group ? `${group}/${version}` : version,
    plural, singular: kind.toLowerCase(), shortNames, namespaced, inAll, creatable,
  };
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  rt('Pod', '', 'pods', ['po'], true, true),
  rt('Service', '', 'services', ['svc'], true, true),
  rt('Endpoints', '', 'endpoints', ['ep'], true),
  rt('Secret', '', 'secrets', [], true),
  rt('ConfigMap', '', 'configmaps', ['cm'], true),
  rt('Namespace', '', 'namespaces', ['ns'], false),
  rt('Node', '', 'nodes', ['no'], false),
  rt('Event', '', 'events', ['ev'], true),
  rt('Deployment', 'apps', 'deployments', ['deploy'], true, true),
  rt('ReplicaSet', 'apps', 'replicasets', ['rs'], true, true),
  rt('EndpointSlice', 'discovery.k8s.io', 'endpointslices', [], true),
  rt('Job', 'batch', 'jobs', [], true, true),
];

// `endpoints` is its own singular (kubectl get endpoint fails, see reference §6.4).
for (const r of RESOURCE_TYPES) if (r.kind === 'Endpoints') r.singular = 'endpoints';

const byKind = new Map(RESOURCE_TYPES.map((r) => [r.kind, r]));

export function resourceForKind(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

/**
 * Resolve what a user typed as a resource type: `deployments`, `deployment`, `deploy`,
 * `deployments.apps`, `deployment.apps`, `deployments.v1.apps`, `Deployment` (kubectl accepts the kind too).
 * Returns undefined when unknown — kubectl then prints `error: the server doesn't have a resource type "x"`.
 */
export function resolveResourceType(typed: string): ResourceType | undefined {
  const t = typed.trim();
  if (!t) return undefined;
  const dot = t.indexOf('.');
  const head = (dot < 0 ? t : t.slice(0, dot));
  let group: string | undefined;
  let version: string | undefined;
  if (dot >= 0) {
    const rest = t.slice(dot + 1);
    // resource.version.group or resource.group
    const m = /^(v\d+(?:(?:alpha|beta)\d+)?)\.(.+)$/.exec(rest);
    if (m) { version = m[1]; group = m[2]; } else group = rest;
  }
  const lower = head.toLowerCase();
  for (const r of RESOURCE_TYPES) {
    if (group !== undefined && r.group !== group) continue;
    if (version !== undefined && r.version !== version) continue;
    if (r.plural === head || r.singular === head || r.shortNames.includes(head) || r.kind.toLowerCase() === lower) {
      // kubectl matches plural/singular/short names case-sensitively, the kind case-insensitively
      if (r.plural === lower || r.singular === lower || r.shortNames.includes(lower) || r.kind.toLowerCase() === lower) return r;
    }
  }
  return undefined;
}

/** `deployments.apps`, `pods`: the resource name kubectl uses in server messages (NotFound, AlreadyExists). */
export function qualifiedPlural(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}
/** `deployment.apps/llmops-app`, `service/llmops-service`: the prefix kubectl prints in apply/get -o name. */
export function qualifiedSingular(r: ResourceType): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}
export function isNamespacedKind(kind: string): boolean {
  return byKind.get(kind)?.namespaced ?? true;
}
