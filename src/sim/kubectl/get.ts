// kubectl get: types, names, TYPE/NAME, comma lists, `all`, -l, -A, -n, --show-labels, -o formats, -w.
import type { KObject } from '../api/types';
import { RESOURCE_TYPES, resolveResourceType, qualifiedPlural, qualifiedSingular, type ResourceType } from '../api/registry';
import type { LongRunning, ProgramResult } from '../shell/types';
import type { Kctx } from './kubectl';
import { tableRows, type PrintOptions } from './printers';
import { table, textWidth } from './tabwriter';
import { toYaml, toJsonSorted, listOf, jsonpathTemplate, customColumns } from './output';
import { formatApiError } from './errors';
import { goTemplate, TemplateError } from './gotemplate';

export interface Target { rt: ResourceType; names: string[] }

/** The API server's warning header on every v1 Endpoints request since 1.33 (kubectl prints it on stderr as it arrives). */
export const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

/** resource.Builder with no arguments and no -f (builder.go: "You must provide one or more resources …"). */
export const NO_RESOURCES_ERROR = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const ALL_KINDS = ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'Job'];

/** Parses `pods`, `pods x y`, `pod/x deploy/y`, `deploy,svc`, `all`. Errors as kubectl words them. */
export function parseTargets(args: string[], verb: string): { ok: true; targets: Target[]; multiType: boolean } | { ok: false; error: string } {
  if (args.length === 0) {
    // get.go/describe.go print their own hint; the other commands get resource.Builder's error
    if (verb !== 'get' && verb !== 'describe') return { ok: false, error: NO_RESOURCES_ERROR };
    return { ok: false, error: `You must specify the type of resource to ${verb}. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl ${verb} -h' for help and examples` };
  }
  const targets: Target[] = [];
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) return { ok: false, error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'` };
      const rt = resolveResourceType(a.slice(0, slash));
      if (!rt) return { ok: false, error: `error: the server doesn't have a resource type "${a.slice(0, slash)}"` };
      const name = a.slice(slash + 1);
      if (!name) return { ok: false, error: `error: arguments in resource/name form must have a single resource and name` };
      const t = targets.find((x) => x.rt === rt);
      if (t) t.names.push(name); else targets.push({ rt, names: [name] });
    }
    return { ok: true, targets, multiType: true };
  }
  const [typesArg, ...names] = args;
  const types = typesArg!.split(',').filter(Boolean);
  for (const ty of types) {
    if (ty === 'all') {
      for (const k of ALL_KINDS) targets.push({ rt: RESOURCE_TYPES.find((r) => r.kind === k)!, names: [] });
      continue;
    }
    const rt = resolveResourceType(ty);
    if (!rt) return { ok: false, error: `error: the server doesn't have a resource type "${ty}"` };
    if (!targets.some((t) => t.rt === rt)) targets.push({ rt, names: [...names] });
  }
  if (names.length && (types.length > 1 || types.includes('all'))) {
    return { ok: false, error: `error: you must specify only one resource` };
  }
  return { ok: true, targets, multiType: types.length > 1 || types.includes('all') };
}

export function nsFor(k: Kctx, rt: ResourceType, allNs: boolean): string | undefined {
  if (!rt.namespaced) return '';
  return allNs ? undefined : k.ns;
}

/** Lists/gets the objects of one target. Missing names produce NotFound lines (returned as errors). */
export function fetch(k: Kctx, t: Target, allNs: boolean): { objs: KObject[]; errors: string[] } {
  const store = k.world.cluster!.store;
  const ns = nsFor(k, t.rt, allNs);
  const errors: string[] = [];
  if (t.names.length) {
    const objs: KObject[] = [];
    for (const n of t.names) {
      const o = store.get(t.rt.kind, ns ?? k.ns, n);
      if (o) objs.push(o); else errors.push(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${n}" not found`);
    }
    return { objs, errors };
  }
  const sel = k.flag('selector');
  const fieldSel = k.flag('field-selector');
  try {
    const objs = store.list(t.rt.kind, { ...(ns !== undefined ? { namespace: ns } : {}), ...(sel ? { labelSelector: sel } : {}), ...(fieldSel ? { fieldSelector: fieldSel } : {}) });
    return { objs, errors };
  } catch (e) {
    return { objs: [], errors: [formatApiError(e)] };
  }
}

function printOpts(k: Kctx, allNs: boolean): PrintOptions {
  return { wide: k.flag('output') === 'wide', nowMs: k.world.nowMs, showLabels: k.bool('show-labels'), allNamespaces: allNs, labelColumns: k.list('label-columns').flatMap((x) => x.split(',')).filter(Boolean) };
}

function sortBy(objs: KObject[], path: string | undefined): KObject[] {
  if (!path) return objs;
  const p = path.replace(/^\{|\}$/g, '');
  const key = (o: KObject) => {
    const r = jsonpathTemplate(`{${p.startsWith('.') ? p : '.' + p}}`, o);
    return r.ok ? r.text : '';
  };
  return [...objs].sort((a, b) => { const x = key(a), y = key(b); const nx = Number(x), ny = Number(y); return x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0; });
}

export function cmdGet(k: Kctx): ProgramResult {
  const allNs = k.bool('all-namespaces');
  const parsed = parseTargets(k.p.args, 'get');
  if (!parsed.ok) { k.io.err(parsed.error + '\n'); return 1; }
  const output = k.flag('output');
  if (output && !['wide', 'yaml', 'json', 'name'].includes(output) && !/^(jsonpath|custom-columns|jsonpath-as-json|go-template)=/.test(output)) {
    k.io.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`);
    return 1;
  }
  if (parsed.targets.some((t) => t.rt.kind === 'Endpoints')) {
    // the API server's deprecation warning for v1 Endpoints (1.33+), printed before the output (k8s-semantics §5)
    k.io.err(ENDPOINTS_WARNING);
  }
  const results = parsed.targets.map((t) => ({ t, ...fetch(k, t, allNs) }));
  let rc = 0;
  // --ignore-not-found: NotFound is not an error, and an empty result prints nothing
  const ignoreNF = k.bool('ignore-not-found');
  const errors = results.flatMap((r) => r.errors).filter((e) => !(ignoreNF && e.startsWith('Error from server (NotFound)')));
  const single = parsed.targets.length === 1 && parsed.targets[0]!.names.length === 1 && !parsed.multiType;
  const allObjs = results.flatMap((r) => sortBy(r.objs, k.flag('sort-by')));
  if (output === 'yaml' || output === 'json' || output?.startsWith('jsonpath') || output?.startsWith('go-template')) {
    if (allObjs.length || !errors.length) {
      const doc = single && allObjs.length === 1 ? allObjs[0]! : listOf(allObjs);
      if (output === 'yaml') k.io.out(toYaml(doc));
      else if (output === 'json') k.io.out(toJsonSorted(doc));
      else if (output.startsWith('go-template')) {
        const tpl = output.slice(output.indexOf('=') + 1);
        try { k.io.out(goTemplate(tpl, JSON.parse(JSON.stringify(doc)))); } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
          // printers/template.go: parse errors at construction, execution errors when printing
          k.io.err(e.parse ? `error: error parsing template ${tpl}, template: output:1: ${e.message}\n` : `error: error executing template ${JSON.stringify(tpl)}: template: output:1: ${e.message}\n`);
          return 1;
        }
      }
      else {
        const tpl = output.slice(output.indexOf('=') + 1).replace(/^'(.*)'$/, '$1');
        const r = jsonpathTemplate(tpl, doc);
        if (!r.ok) {
          // printers/jsonpath.go: parse errors at construction; execution errors (an index out of range) dump the object
          if (/^array index out of bounds/.test(r.error)) {
            k.io.err(`error: error executing jsonpath ${JSON.stringify(tpl)}: Error executing template: ${r.error}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${tpl}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(JSON.parse(JSON.stringify(doc)))}\n\n`);
          } else k.io.err(`error: error parsing jsonpath ${tpl}, ${r.error}\n`);
          return 1;
        }
        k.io.out(r.text);
      }
    }
  } else if (output === 'name') {
    for (const r of results) for (const o of r.objs) k.io.out(`${qualifiedSingular(r.t.rt)}/${o.metadata.name}\n`);
  } else if (output?.startsWith('custom-columns=')) {
    const r = customColumns(output.slice(15), allObjs, k.bool('no-headers'));
    if (!r.ok) { k.io.err(r.error + '\n'); return 1; }
    k.io.out(r.text);
  } else {
    const blocks: string[] = [];
    for (const r of results) {
      if (r.objs.length === 0) continue;
      const prefix = parsed.multiType || k.bool('show-kind') ? `${qualifiedSingular(r.t.rt)}/` : '';
      let rows = tableRows(r.t.rt.kind, sortBy(r.objs, k.flag('sort-by')), printOpts(k, allNs && r.t.rt.namespaced), prefix);
      if (k.bool('no-headers')) rows = rows.slice(1);
      blocks.push(table(rows));
    }
    // get.go separates the groups with a blank line only when it prints headers
    if (blocks.length) k.io.out(blocks.join(k.bool('no-headers') ? '' : '\n'));
    if (r_isEmpty(results) && !errors.length && !ignoreNF) {
      k.io.err(allNs || parsed.targets.every((t) => !t.rt.namespaced) ? 'No resources found\n' : `No resources found in ${k.ns} namespace.\n`);
    }
  }
  for (const e of errors) { k.io.err(e + '\n'); rc = 1; }
  if (k.bool('watch') && rc === 0) return watch(k, parsed.targets, allNs, results.map((r) => r.objs));
  return rc;
}

/** Go's %#v of a decoded JSON value (map[string]interface {} with sorted keys, []interface {}, quoted strings). */
function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const o = v as Record<string, unknown>;
  return `map[string]interface {}{${Object.keys(o).sort().map((key) => `${JSON.stringify(key)}:${goSharpV(o[key])}`).join(', ')}}`;
}

function r_isEmpty(results: Array<{ objs: KObject[] }>): boolean { return results.every((r) => r.objs.length === 0); }

/** -w: print a row whenever an object of the watched types changes (column widths of the first table kept). */
function watch(k: Kctx, targets: Target[], allNs: boolean, initial: KObject[][]): LongRunning {
  const cluster = k.world.cluster!;
  const kinds = new Set(targets.map((t) => t.rt.kind));
  const opts = printOpts(k, allNs);
  const widths = new Map<string, number[]>();
  targets.forEach((t, i) => {
    const rows = tableRows(t.rt.kind, initial[i] ?? [], opts);
    widths.set(t.rt.kind, rows[0]!.map((_, c) => Math.max(6, ...rows.map((r) => textWidth(r[c] ?? '') + 3))));
  });
  const lastRow = new Map<string, string>();
  for (const objs of initial) for (const o of objs) lastRow.set(`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`, rowText(o));
  let changes = 0;
  function rowText(o: KObject): string {
    const prefix = targets.length > 1 ? `${qualifiedSingular(targets.find((t) => t.rt.kind === o.kind)!.rt)}/` : '';
    const rows = tableRows(o.kind, [o], { ...opts, nowMs: k.world.nowMs }, prefix);
    const w = widths.get(o.kind) ?? [];
    const r = rows[1]!;
    return r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(Math.max(3, (w[i] ?? 0) - textWidth(c))) : c)).join('');
  }
  const matches = (o: KObject) => {
    const t = targets.find((x) => x.rt.kind === o.kind);
    if (!t) return false;
    if (t.rt.namespaced && !allNs && o.metadata.namespace !== k.ns) return false;
    if (t.names.length && !t.names.includes(o.metadata.name ?? '')) return false;
    return true;
  };
  const unwatch = cluster.store.watch((ev) => {
    if (!kinds.has(ev.object.kind) || !matches(ev.object)) return;
    const key = `${ev.object.kind}/${ev.object.metadata.namespace}/${ev.object.metadata.name}`;
    const text = rowText(ev.object);
    if (ev.type !== 'DELETED' && lastRow.get(key) === text) return;
    lastRow.set(key, text);
    changes++;
    k.later(text + '\n');
  });
  return {
    longRunning: true,
    runBounded() {
      // CLI: let virtual time run in 1 s steps until nothing changed for 20 s (at most 5 minutes)
      let quiet = 0;
      for (let s = 0; s < 300 && quiet < 20; s++) {
        const before = changes;
        k.world.advance(1);
        quiet = changes === before ? quiet + 1 : 0;
      }
    },
    stop() { unwatch(); },
  };
}
