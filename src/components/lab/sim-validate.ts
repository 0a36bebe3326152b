// The simulator's own checks of a manifest in the editor, as markers: YAML syntax errors, and for each document
// the API server's validation (defaulting first, as the server does), each at the line:column of its field.
// Uses engine-api's parser (positions) and validator (messages); nothing here reimplements the rules.
import { parseYaml, positionOf } from '../../sim/yaml/parse';
import { defaultObject } from '../../sim/api/defaults';
import { validateObject } from '../../sim/validate/objects';
import type { KObject as SimObject } from '../../sim/api/types';
import type { SimDiagnostic } from './backend';

const KNOWN = new Set(['Deployment', 'ReplicaSet', 'Pod', 'Service', 'Secret', 'ConfigMap', 'Namespace', 'Job', 'Endpoints']);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function manifestDiagnostics(text: string): SimDiagnostic[] {
  const out: SimDiagnostic[] = [];
  const file = parseYaml(text);
  for (const e of file.errors) out.push({ line: e.line, column: e.col, message: `YAML syntax: ${e.message}`, severity: 'error' });
  for (const doc of file.docs) {
    if (doc.errors.length || doc.empty || !isObj(doc.value)) continue;
    const value = doc.value;
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    const at = (path: string) => positionOf(file, doc.index, path) ?? { line: doc.startLine, col: 1 };
    if (!kind) {
      const p = at('');
      out.push({ line: p.line, column: p.col, message: "Object 'Kind' is missing in this document", severity: 'error' });
      continue;
    }
    if (!KNOWN.has(kind)) continue;
    if (!isObj(value.metadata)) continue; // monaco-yaml's schema reports the missing metadata
    let causes;
    try {
      causes = validateObject(defaultObject(value as unknown as SimObject) as unknown as Record<string, unknown> as never);
    } catch {
      continue;
    }
    const name = typeof value.metadata.name === 'string' ? value.metadata.name : '';
    for (const c of causes) {
      const p = at(refine(value, c.field, c.message));
      out.push({ line: p.line, column: p.col, message: `${kind} "${name}" is invalid: ${c.field}: ${c.message}`, severity: 'error' });
    }
  }
  return out;
}

/** For "Invalid value" on a map (labels, selector, annotations), point at the entry holding the bad key or value. */
function refine(doc: Record<string, unknown>, field: string, message: string): string {
  const m = /^Invalid value: "((?:[^"\\]|\\.)*)"/.exec(message);
  if (!m) return field;
  let bad: string;
  try { bad = JSON.parse(`"${m[1]}"`) as string; } catch { return field; }
  let node: unknown = doc;
  for (const seg of field.split('.')) node = isObj(node) ? node[seg] : undefined;
  if (!isObj(node)) return field;
  for (const [k, v] of Object.entries(node)) if (k === bad || v === bad) return `${field}[${k}]`;
  return field;
}
