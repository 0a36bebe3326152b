/**
 * Field selectors (`kubectl get --field-selector`): `a=b`, `a==b`, `a!=b`, comma-joined (AND).
 * Supported field labels per kind as the API server registers them (pkg/registry/core/<kind>/strategy.go
 * ...FieldsSet functions); every kind supports metadata.name and metadata.namespace.
 * Messages: k8s.io/apimachinery/pkg/fields/selector.go and the registry's `field label not supported: %s`.
 */
import type { KObject } from '../api/types';
import { badRequest } from '../api/errors';

export interface FieldRequirement { field: string; op: '=' | '!='; value: string }

export function parseFieldSelector(s: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (s.trim() === '') return out;
  for (const part of splitTerms(s)) {
    const m = /^([^=!]*?)(==|!=|=)(.*)$/s.exec(part);
    if (!m) throw badRequest(`invalid selector: '${s}'; can't understand '${part}'`);
    out.push({ field: m[1]!.trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3]!.trim() });
  }
  return out;
}
function splitTerms(s: string): string[] {
  // fields.splitTerms honours backslash escapes of ',' '=' '!' '\'
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

type Getter = (o: KObject) => string | undefined;
const get = (path: string): Getter => (o) => {
  let cur: unknown = o;
  for (const p of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  if (cur === undefined || cur === null) return '';
  return String(cur);
};
const common: Record<string, Getter> = { 'metadata.name': get('metadata.name'), 'metadata.namespace': get('metadata.namespace') };
const perKind: Record<string, Record<string, Getter>> = {
  Pod: {
    'spec.nodeName': get('spec.nodeName'),
    'spec.restartPolicy': get('spec.restartPolicy'),
    'spec.schedulerName': get('spec.schedulerName'),
    'spec.serviceAccountName': get('spec.serviceAccountName'),
    'spec.hostNetwork': (o) => String((o.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork ?? false),
    'status.phase': get('status.phase'),
    'status.podIP': get('status.podIP'),
    'status.nominatedNodeName': get('status.nominatedNodeName'),
  },
  Event: {
    'involvedObject.kind': get('involvedObject.kind'),
    'involvedObject.namespace': get('involvedObject.namespace'),
    'involvedObject.name': get('involvedObject.name'),
    'involvedObject.uid': get('involvedObject.uid'),
    'involvedObject.apiVersion': get('involvedObject.apiVersion'),
    'involvedObject.resourceVersion': get('involvedObject.resourceVersion'),
    'involvedObject.fieldPath': get('involvedObject.fieldPath'),
    reason: get('reason'),
    reportingComponent: get('reportingComponent'),
    source: get('source.component'),
    type: get('type'),
  },
  Secret: { type: get('type') },
  Namespace: { 'status.phase': get('status.phase') },
  Node: { 'spec.unschedulable': (o) => String((o.spec as { unschedulable?: boolean } | undefined)?.unschedulable ?? false) },
  ReplicaSet: { 'status.replicas': get('status.replicas') },
  Job: { 'status.successful': get('status.succeeded') },
};

export function fieldGetter(kind: string, field: string): Getter | undefined {
  return perKind[kind]?.[field] ?? common[field];
}

/** Compile a field selector for a kind; throws BadRequest `field label not supported: x` for unknown fields. */
export function compileFieldSelector(kind: string, s: string): (o: KObject) => boolean {
  const reqs = parseFieldSelector(s);
  const tests = reqs.map((r) => {
    const g = fieldGetter(kind, r.field);
    if (!g) throw badRequest(`field label not supported: ${r.field}`);
    return (o: KObject) => (g(o) === r.value) === (r.op === '=');
  });
  return (o) => tests.every((t) => t(o));
}
