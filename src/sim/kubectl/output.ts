// -o yaml | json | name | jsonpath=… | custom-columns=… : serialisation as kubectl prints it.
// YAML: sigs.k8s.io/yaml marshals through JSON, so map keys come out sorted and block sequences are not indented
// under their key. JSON: encoding/json with 4-space indent, fields in the Go structs' order.
import { stringify } from 'yaml';
import type { KObject } from '../api/types';
import { table } from './tabwriter';

export function toYaml(v: unknown): string {
  return stringify(v, { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false, nullStr: 'null' });
}

// Field order of the Go structs (k8s.io/api), which encoding/json follows.
const META = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers'];
const ORDERS: Record<string, string[]> = {
  top: ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'stringData', 'binaryData', 'type', 'spec', 'status', 'addressType', 'endpoints', 'ports', 'subsets',
    'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'eventTime', 'reportingComponent', 'reportingInstance', 'items'],
  metadata: META,
  'Deployment.spec': ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
  'ReplicaSet.spec': ['replicas', 'minReadySeconds', 'selector', 'template'],
  'Service.spec': ['ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy'],
  podSpec: ['volumes', 'initContainers', 'containers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'nodeName', 'hostNetwork', 'securityContext', 'imagePullSecrets', 'affinity', 'schedulerName', 'tolerations', 'priority', 'enableServiceLinks', 'preemptionPolicy'],
  template: ['metadata', 'spec'],
  container: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'volumeMounts', 'livenessProbe', 'readinessProbe', 'startupProbe', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'],
  containerPort: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
  servicePort: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'],
  selector: ['matchLabels', 'matchExpressions'],
  strategy: ['type', 'rollingUpdate'],
  rollingUpdate: ['maxUnavailable', 'maxSurge'],
  condition: ['type', 'status', 'observedGeneration', 'lastProbeTime', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message'],
  'Deployment.status': ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'terminatingReplicas', 'conditions', 'collisionCount'],
  'Pod.status': ['phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass'],
};

function orderFor(kind: string, path: string[]): string[] | undefined {
  const last = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  if (path.length === 0) return ORDERS.top;
  if (last === 'metadata') return META;
  if (kind === 'Pod' && path.length === 1 && last === 'spec') return ORDERS.podSpec;
  if (path.length === 1 && (last === 'spec' || last === 'status')) return ORDERS[`${kind}.${last}`];
  if (last === 'template') return ORDERS.template;
  if (last === 'spec' && parent === 'template') return ORDERS.podSpec;
  if (kind === 'Pod' && path.length === 1 && last === 'spec') return ORDERS.podSpec;
  if (last === '[]containers' || last === '[]initContainers') return ORDERS.container;
  if (last === '[]ports') return kind === 'Service' && parent === 'spec' ? ORDERS.servicePort : ORDERS.containerPort;
  if (last === '[]conditions') return ORDERS.condition;
  if (last === 'selector' && kind !== 'Service') return ORDERS.selector;
  if (last === 'strategy' || last === 'rollingUpdate') return ORDERS[last];
  return undefined;
}

function ordered(v: unknown, kind: string, path: string[]): unknown {
  if (Array.isArray(v)) return v.map((x) => ordered(x, kind, [...path.slice(0, -1), `[]${path[path.length - 1] ?? ''}`]));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const ord = orderFor(kind, path) ?? [];
  const keys = Object.keys(o).sort((a, b) => {
    const ia = ord.indexOf(a), ib = ord.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
  });
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (o[k] === undefined) continue;
    const childKind = path.length === 1 && path[0] === '[]items' ? String((o as { kind?: unknown }).kind ?? kind) : kind;
    out[k] = ordered(o[k], path.length === 0 && k === 'items' ? kind : childKind, path[0] === '[]items' && path.length === 1 ? [k] : [...path, k]);
  }
  return out;
}

export function toJson(v: unknown): string {
  const kind = String((v as { kind?: unknown })?.kind ?? '');
  if (kind === 'List') {
    const l = v as { items?: unknown[] };
    const items = (l.items ?? []).map((it) => ordered(it, String((it as { kind?: unknown }).kind ?? ''), []));
    return JSON.stringify(ordered({ ...l, items: [] }, 'List', []), null, 4).replace('"items": []', `"items": ${JSON.stringify(items, null, 4).split('\n').join('\n    ')}`) + '\n';
  }
  return goJsonEscape(JSON.stringify(ordered(v, kind, []), null, 4)) + '\n';
}

/** `kubectl get -o json`: kubectl prints the server's objects as unstructured maps, so keys come out sorted. */
export function toJsonSorted(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x === null || typeof x !== 'object') return x;
    return Object.fromEntries(Object.keys(x).sort().filter((k) => (x as Record<string, unknown>)[k] !== undefined).map((k) => [k, sort((x as Record<string, unknown>)[k])]));
  };
  return goJsonEscape(JSON.stringify(sort(v), null, 4)) + '\n';
}

/** encoding/json escapes <, >, & (HTML safety) and U+2028/U+2029 inside strings; outside strings they never occur. */
function goJsonEscape(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function listOf(items: KObject[]): KObject {
  return { apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } } as unknown as KObject;
}

// ------------------------------------------------------------------------------------------------ JSONPath

type Val = unknown;

/** Evaluates a kubectl JSONPath template (`{.a.b}`, `{.items[*].x}`, `{range …}{end}`, filters, literals). */
export function jsonpathTemplate(template: string, root: Val): { ok: true; text: string } | { ok: false; error: string } {
  try {
    let out = '';
    const tokens = tokenizeTemplate(template);
    const run = (toks: TemplateTok[], cur: Val): void => {
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        if (t.t === 'text') { out += t.v; continue; }
        const expr = t.v.trim();
        if (expr.startsWith('range ')) {
          // find matching end
          let depth = 1, j = i + 1;
          for (; j < toks.length; j++) {
            const x = toks[j]!;
            if (x.t === 'expr' && x.v.trim().startsWith('range ')) depth++;
            if (x.t === 'expr' && x.v.trim() === 'end') { depth--; if (depth === 0) break; }
          }
          if (depth !== 0) throw new Error('not in range, nothing to end');
          const body = toks.slice(i + 1, j);
          for (const item of evalPath(expr.slice(6).trim(), root, cur)) run(body, item);
          i = j;
          continue;
        }
        if (expr === 'end') throw new Error('not in range, nothing to end');
        if (/^".*"$/.test(expr) || /^'.*'$/.test(expr)) { out += unescapeLit(expr.slice(1, -1)); continue; }
        const vals = evalPath(expr, root, cur);
        out += vals.map(fmtVal).join(' ');
      }
    };
    run(tokens, root);
    return { ok: true, text: out };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function unescapeLit(s: string): string { return s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\"/g, '"').replace(/\\\\/g, '\\'); }

function fmtVal(v: Val): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

type TemplateTok = { t: 'text' | 'expr'; v: string };
function tokenizeTemplate(s: string): TemplateTok[] {
  const out: TemplateTok[] = [];
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{', i);
    if (open < 0) { out.push({ t: 'text', v: s.slice(i) }); break; }
    if (open > i) out.push({ t: 'text', v: s.slice(i, open) });
    let j = open + 1, inStr: string | null = null;
    for (; j < s.length; j++) {
      const c = s[j]!;
      if (inStr) { if (c === '\\') { j++; continue; } if (c === inStr) inStr = null; continue; }
      if (c === '"' || c === "'") inStr = c;
      else if (c === '}') break;
    }
    if (j >= s.length) throw new Error(`unclosed action`);
    out.push({ t: 'expr', v: s.slice(open + 1, j) });
    i = j + 1;
  }
  return out;
}

/** A path like `.items[*].metadata.name`, `.status.conditions[?(@.type=="Ready")].status`, `@.x`, `$.a`. */
export function evalPath(expr: string, root: Val, cur: Val = root): Val[] {
  let s = expr.trim();
  let vals: Val[];
  if (s.startsWith('$')) { vals = [root]; s = s.slice(1); }
  else if (s.startsWith('@')) { vals = [cur]; s = s.slice(1); }
  else vals = [cur];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '.') {
      if (s[i + 1] === '.') throw new Error('recursive descent (..) is not supported here');
      let j = i + 1;
      while (j < s.length && /[A-Za-z0-9_\-/\\*]/.test(s[j]!)) { if (s[j] === '\\') j++; j++; }
      const key = s.slice(i + 1, j).replace(/\\(.)/g, '$1');
      if (key === '') { i = j; continue; }
      vals = vals.flatMap((v) => key === '*' ? (v && typeof v === 'object' ? Object.values(v as object) : []) : (v && typeof v === 'object' && key in (v as object) ? [(v as Record<string, Val>)[key]] : []));
      i = j;
      continue;
    }
    if (c === '[') {
      let depth = 1, j = i + 1;
      for (; j < s.length && depth > 0; j++) { if (s[j] === '[') depth++; if (s[j] === ']') depth--; }
      const inner = s.slice(i + 1, j - 1).trim();
      i = j;
      if (inner === '*') { vals = vals.flatMap((v) => Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v as object) : []); continue; }
      if (/^-?\d+$/.test(inner)) {
        const n = parseInt(inner, 10);
        vals = vals.flatMap((v) => { if (!Array.isArray(v)) return []; const k = n < 0 ? v.length + n : n; if (k < 0 || k >= v.length) throw new Error(`array index out of bounds: index ${n}, length ${v.length}`); return [v[k]]; });
        continue;
      }
      const slice = /^(-?\d*):(-?\d*)$/.exec(inner);
      if (slice) { vals = vals.flatMap((v) => Array.isArray(v) ? v.slice(slice[1] ? +slice[1] : 0, slice[2] ? +slice[2] : undefined) : []); continue; }
      if (/^'.*'$|^".*"$/.test(inner)) { const key = inner.slice(1, -1); vals = vals.flatMap((v) => v && typeof v === 'object' && key in (v as object) ? [(v as Record<string, Val>)[key]] : []); continue; }
      const filt = /^\?\((.*)\)$/.exec(inner);
      if (filt) {
        const f = /^@((?:\.[A-Za-z0-9_\-]+)+)\s*(==|!=|<|>)\s*(?:"([^"]*)"|'([^']*)'|(-?[\d.]+))$/.exec(filt[1]!.trim());
        const exists = /^@((?:\.[A-Za-z0-9_\-]+)+)$/.exec(filt[1]!.trim());
        vals = vals.flatMap((v) => (Array.isArray(v) ? v : [v]).filter((item) => {
          if (exists) return evalPath('@' + exists[1], root, item).length > 0;
          if (!f) throw new Error(`unrecognized filter: ${filt[1]}`);
          const got = evalPath('@' + f[1], root, item)[0];
          const want: Val = f[3] ?? f[4] ?? Number(f[5]);
          if (f[2] === '==') return String(got) === String(want);
          if (f[2] === '!=') return String(got) !== String(want);
          return f[2] === '<' ? Number(got) < Number(want) : Number(got) > Number(want);
        }));
        continue;
      }
      throw new Error(`invalid array index ${inner}`);
    }
    throw new Error(`unrecognized character in action: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
  }
  return vals;
}

/** -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image */
export function customColumns(spec: string, objs: KObject[], noHeaders: boolean): { ok: true; text: string } | { ok: false; error: string } {
  const cols = spec.split(',').map((c) => {
    const k = c.indexOf(':');
    return k < 0 ? undefined : { name: c.slice(0, k), path: c.slice(k + 1) };
  });
  if (cols.some((c) => !c)) return { ok: false, error: `error: expected <header>:<json-path-expr>, got ${spec.split(',').find((c) => !c.includes(':'))}` };
  const rows: string[][] = noHeaders ? [] : [cols.map((c) => c!.name)];
  for (const o of objs) {
    rows.push(cols.map((c) => {
      let p = c!.path.trim();
      if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1);
      if (!p.startsWith('.') && !p.startsWith('$') && !p.startsWith('@')) p = '.' + p;
      try {
        const vals = evalPath(p, o);
        return vals.length === 0 ? '<none>' : vals.map(fmtVal).join(',');
      } catch { return '<none>'; }
    }));
  }
  return { ok: true, text: table(rows) };
}
