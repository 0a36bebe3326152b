/**
 * Editor diagnostics for a manifest without a cluster: everything the API server would say about each
 * document (YAML syntax, unknown kind, wrong types, unknown fields, validation), each at its line:column.
 * Unlike `runFile`, it reports every problem it can find instead of stopping at the first per object.
 */
import { resourceForKind } from './registry';
import { defaultObject } from './defaults';
import { validateObject } from '../validate/objects';
import { decodeCheck } from '../validate/decode';
import { isPlainObject, type Plain } from '../store/json';
import { locate, parseYaml } from '../yaml/parse';
import type { KObject } from './types';

export interface Diagnostic {
  doc: number;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
  /** API field path, when the problem belongs to a field */
  field?: string;
}

export function lintManifest(text: string): Diagnostic[] {
  const file = parseYaml(text);
  const out: Diagnostic[] = [];
  for (const doc of file.docs) {
    for (const e of doc.errors) out.push({ doc: doc.index, line: e.line, col: e.col, message: e.message, severity: 'error' });
    // repeated keys (kubectl keeps the last value silently) and what only the stricter `yaml` parser rejects
    for (const w of doc.warnings) out.push({ doc: doc.index, line: w.line, col: w.col, message: w.message, severity: 'warning' });
    if (doc.errors.length || doc.empty || doc.value === null || doc.value === undefined) continue;
    const at = (path: string) => locate(doc, path, file.lineCounter) ?? { line: doc.startLine, col: 1 };
    const push = (path: string, message: string, severity: 'error' | 'warning' = 'error') => {
      const p = at(path);
      out.push({ doc: doc.index, line: p.line, col: p.col, message, severity, ...(path ? { field: path } : {}) });
    };
    const v = doc.value;
    if (!isPlainObject(v)) {
      push('', 'a Kubernetes object must be a mapping (key: value pairs)');
      continue;
    }
    if (typeof v.apiVersion !== 'string' || !v.apiVersion) push('', 'apiVersion not set');
    if (typeof v.kind !== 'string' || !v.kind) {
      push('', 'kind not set');
      continue;
    }
    const rt = resourceForKind(v.kind);
    if (!rt || (typeof v.apiVersion === 'string' && rt.apiVersion !== v.apiVersion)) {
      push(rt ? 'apiVersion' : 'kind', `no matches for kind "${v.kind}" in version "${String(v.apiVersion ?? '')}"${rt ? ` (${v.kind} is served as ${rt.apiVersion})` : ''}`);
      continue;
    }
    const dec = decodeCheck(rt.kind, v);
    if (dec.typeError) {
      push(dec.typeError.path, dec.typeError.message);
      continue;
    }
    for (const u of dec.unknown) push(u, `unknown field "${u}"`);
    let causes;
    try {
      causes = validateObject(defaultObject(v as unknown as KObject) as unknown as Plain);
    } catch (e) {
      push('', `internal error: ${(e as Error).message}`);
      continue;
    }
    const name = isPlainObject(v.metadata) && typeof v.metadata.name === 'string' ? v.metadata.name : '';
    for (const c of causes) push(refine(v, c.field, c.message), `${rt.kind} "${name}" is invalid: ${c.field}: ${c.message}`);
  }
  return out;
}

/** Point "Invalid value" errors on maps (labels, selectors) at the entry with the bad key or value. */
function refine(doc: Plain, field: string, message: string): string {
  const m = /^Invalid value: "((?:[^"\\]|\\.)*)"/.exec(message);
  if (!m) return field;
  let bad: string;
  try {
    bad = JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return field;
  }
  let node: unknown = doc;
  for (const seg of field.split('.')) node = isPlainObject(node) ? node[seg] : undefined;
  if (!isPlainObject(node)) return field;
  for (const [k, val] of Object.entries(node)) if (k === bad || val === bad) return `${field}[${k}]`;
  return field;
}
