// version, cluster-info, config, api-resources, explain, top.
import { GROUP_HELP } from './group-help';
import { rfc1123z } from '../shell/time';
import { RESOURCE_TYPES, resolveResourceType } from '../api/registry';
import { fieldAt, kindDef, type FieldDef, type ObjectDef } from '../api/fields';
import type { ProgramResult } from '../shell/types';
import { connectionRefused, clusterUp, KUBECTL_CLIENT_VERSION, KUSTOMIZE_VERSION, type Kctx } from './kubectl';
import { table } from './tabwriter';
import { toYaml, toJson } from './output';

export function cmdVersion(k: Kctx): ProgramResult {
  const o = k.flag('output');
  const server = !k.bool('client') && clusterUp(k);
  if (o === 'json' || o === 'yaml') {
    const v = {
      clientVersion: { major: '1', minor: '34', gitVersion: KUBECTL_CLIENT_VERSION, goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64' },
      kustomizeVersion: KUSTOMIZE_VERSION,
      ...(server ? { serverVersion: { major: '1', minor: '34', gitVersion: 'v1.34.0', goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64' } } : {}),
    };
    k.io.out(o === 'json' ? JSON.stringify(v, null, 2) + '\n' : toYaml(v));
  } else {
    k.io.out(`Client Version: ${KUBECTL_CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) k.io.out('Server Version: v1.34.0\n');
  }
  if (!k.bool('client') && !clusterUp(k)) { connectionRefused(k, k.p); return 1; }
  return 0;
}

export function cmdClusterInfo(k: Kctx): ProgramResult {
  // kubectl colours these on a terminal (green names, yellow URLs)
  const tty = k.interactive && k.stdoutIsTty;
  const g = (s: string) => (tty ? `\x1b[0;32m${s}\x1b[0m` : s);
  const y = (s: string) => (tty ? `\x1b[0;33m${s}\x1b[0m` : s);
  k.io.out(`${g('Kubernetes control plane')} is running at ${y('https://192.168.49.2:8443')}\n${g('CoreDNS')} is running at ${y('https://192.168.49.2:8443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy')}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}

/** Go's time.RFC1123 in UTC: `Mon, 15 Sep 2025 15:30:00 UTC`. */
function rfc1123(ms: number): string { return rfc1123z(ms).replace(/\+0000$/, 'UTC'); }

export function cmdConfig(k: Kctx): ProgramResult {
  const sub = k.p.path[1];
  const ctxName = k.world.kubeContext;
  switch (sub) {
    case 'current-context':
      if (!ctxName) { k.io.err('error: current-context is not set\n'); return 1; }
      k.io.out(ctxName + '\n');
      return 0;
    case 'get-contexts':
      k.io.out(table([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...(ctxName ? [['*', 'minikube', 'minikube', 'minikube', 'default']] : [])]));
      return 0;
    case 'use-context': {
      const want = k.p.args[0];
      if (want !== 'minikube' || !k.world.minikubeCreatedAt) { k.io.err(`error: no context exists with the name: "${want ?? ''}"\n`); return 1; }
      k.world.kubeContext = 'minikube';
      k.io.out('Switched to context "minikube".\n');
      return 0;
    }
    case 'view': {
      // minikube writes its own extension into the cluster and context entries (pkg/minikube/kubeconfig/extension.go:
      // provider, version, last-update as time.RFC1123 of the last `minikube start`)
      const ext = (name: string) => [{ extension: { 'last-update': rfc1123(k.world.minikubeStartedAt ?? k.world.nowMs), provider: 'minikube.sigs.k8s.io', version: 'v1.37.0' }, name }];
      const cfg = ctxName
        ? { apiVersion: 'v1', clusters: [{ cluster: { 'certificate-authority': '/home/learner/.minikube/ca.crt', extensions: ext('cluster_info'), server: 'https://192.168.49.2:8443' }, name: 'minikube' }],
          contexts: [{ context: { cluster: 'minikube', extensions: ext('context_info'), namespace: 'default', user: 'minikube' }, name: 'minikube' }], 'current-context': 'minikube', kind: 'Config', preferences: {},
          users: [{ name: 'minikube', user: { 'client-certificate': '/home/learner/.minikube/profiles/minikube/client.crt', 'client-key': '/home/learner/.minikube/profiles/minikube/client.key' } }] }
        : { apiVersion: 'v1', clusters: null, contexts: null, 'current-context': '', kind: 'Config', preferences: {}, users: null };
      k.io.out(toYaml(cfg));
      return 0;
    }
    default:
      k.io.err(`error: unknown command "${sub ?? ''}"\nSee 'kubectl config -h' for help and examples\n`);
      return 1;
  }
}

export function cmdApiResources(k: Kctx): ProgramResult {
  const sorted = [...RESOURCE_TYPES].sort((a, b) => (a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1));
  const nsFilter = k.flag('namespaced');
  const group = k.flag('api-group');
  const rows = sorted
    .filter((r) => nsFilter === undefined || String(r.namespaced) === nsFilter)
    .filter((r) => group === undefined || r.group === group)
    .map((r) => [r.plural, r.shortNames.join(','), r.apiVersion, String(r.namespaced), r.kind]);
  if (k.flag('output') === 'name') { k.io.out(rows.map((r) => (r[2]!.includes('/') ? `${r[0]}.${r[2]!.split('/')[0]}` : r[0])).join('\n') + '\n'); return 0; }
  k.io.out(table([['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], ...rows]));
  return 0;
}

function typeName(fd: FieldDef): string {
  switch (fd.type) {
    case 'object': return fd.object?.go || 'Object';
    case 'array': return `[]${fd.items ? typeName(fd.items) : 'Object'}`;
    case 'map': return `map[string]${fd.items ? typeName(fd.items) : 'string'}`;
    case 'int32': case 'int64': return 'integer';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'intOrString': return 'IntOrString';
    case 'quantity': return 'Quantity';
    case 'time': return 'string';
    case 'base64': return 'string';
    default: return 'string';
  }
}

/** Wraps text at 76 columns, indented 4 spaces (the 1.34 plaintext explain template). */
/** sprig's `wrap N | indent M`: lines of at most N characters (the indent not counted). */
function wrap(text: string, indent: string, width = 76): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) { out.push(indent + line); line = word; }
      else line = line ? line + ' ' + word : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

export function cmdExplain(k: Kctx): ProgramResult {
  const arg = k.p.args[0];
  if (!arg) {
    // explain.go Complete: fmt.Errorf, printed by CheckErr as one line (kubectl 1.32 client reproduces it)
    k.io.err('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    return 1;
  }
  const [typePart = '', ...path] = arg.split('.');
  const rt = resolveResourceType(typePart);
  if (!rt) { k.io.err(`error: the server doesn't have a resource type "${typePart}"\n`); return 1; }
  const root = kindDef(rt.kind);
  if (!root) { k.io.err(`error: couldn't find resource for "${rt.group ? rt.group + '/' : ''}${rt.version}, Kind=${rt.kind}"\n`); return 1; }
  const fieldPath = path.join('.');
  const field: FieldDef | undefined = fieldPath ? fieldAt(rt.kind, fieldPath).field : { type: 'object', description: root.description ?? '', object: root };
  if (!field) { k.io.err(`error: field "${path[path.length - 1]}" does not exist\n`); return 1; }
  // pkg/explain/v2/templates/plaintext.tmpl: header + one blank line; FIELD line, its ENUM block, "\n\n"; DESCRIPTION
  // wrapped at 76 and indented 4 (ends with a 4-space line); FIELDS via fieldDetail; a final newline
  let out = '';
  if (rt.group) out += `GROUP:      ${rt.group}\n`;
  out += `KIND:       ${rt.kind}\nVERSION:    ${rt.version}\n\n`;
  if (fieldPath) {
    out += `FIELD: ${path[path.length - 1]} <${typeName(field)}>\n`;
    if (field.enum?.length) out += `ENUM:${field.enum.map((e) => `\n    ${e === '' ? '""' : e}`).join('')}`;
    out += '\n\n';
  }
  out += `DESCRIPTION:\n${wrap(field.description || '<empty>', '    ')}\n    \n`;
  let obj = field;
  while ((obj.type === 'array' || obj.type === 'map') && obj.items) obj = obj.items;
  if (obj.type === 'object' && obj.object && Object.keys(obj.object.fields).length) {
    out += 'FIELDS:\n' + fieldList(obj.object, 1, k.bool('recursive'), !fieldPath, new Set([obj.object.go]));
  }
  k.io.out(out + '\n');
  void toJson;
  return 0;
}

/** fieldDetail for each property (sorted), recursing into object/array/map element types with --recursive. */
function fieldList(o: ObjectDef, level: number, recursive: boolean, top: boolean, seen: Set<string>): string {
  const ind = ' '.repeat(level * 2);
  let out = '';
  for (const [name, fd] of Object.entries(o.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // a kind's apiVersion/kind are neither required nor enums in the published schema
    const plain = top && (name === 'apiVersion' || name === 'kind');
    out += `${ind}${name}\t<${typeName(fd)}>${fd.required && !plain ? ' -required-' : ''}`;
    if (fd.enum?.length && !plain) out += `\n${ind}enum: ${fd.enum.slice(0, 4).map((e) => (e === '' ? '""' : e)).join(', ')}${fd.enum.length > 4 ? ', ....' : ''}`;
    out += '\n';
    if (!recursive) out += `${wrap(fd.description || '<no description>', ' '.repeat(level * 2 + 2), 78 - level * 2)}\n\n`;
    else {
      let inner: FieldDef = fd;
      while ((inner.type === 'array' || inner.type === 'map') && inner.items) inner = inner.items;
      if (inner.type === 'object' && inner.object && !seen.has(inner.object.go)) {
        out += fieldList(inner.object, level + 1, true, false, new Set([...seen, inner.object.go]));
      }
    }
  }
  return out;
}

export function cmdTop(k: Kctx): ProgramResult {
  // `kubectl top` alone is a group: its help and exit 1 (DefaultSubCommandRun)
  if (k.p.path.length < 2) { k.io.out(GROUP_HELP.top!); return 1; }
  k.io.err('error: Metrics API not available\n');
  return 1;
}
