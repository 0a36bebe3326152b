/**
 * Data for `kubectl explain` from the field model. The terminal owner renders it; `renderExplain` gives the
 * plain layout kubectl prints (GROUP/KIND/VERSION, FIELD, DESCRIPTION, FIELDS) for convenience.
 */
import { fieldAt, goTypeOf, kindDef, type FieldDef } from './fields';
import { resourceForKind, resolveResourceType } from './registry';

export interface ExplainField { name: string; type: string; required: boolean; description: string; enum?: string[] }
export interface ExplainResult {
  kind: string;
  group: string;
  version: string;
  /** dotted path below the kind ('' for the kind itself) */
  path: string;
  type: string;
  description: string;
  enum?: string[];
  fields: ExplainField[];
}

/** kubectl explain's type names: <string>, <integer>, <boolean>, <Object>, <[]Object>, <map[string]string>, <IntOrString>, <Quantity>. */
export function explainType(fd: FieldDef): string {
  switch (fd.type) {
    case 'string': case 'time': return 'string';
    case 'int32': case 'int64': return 'integer';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'intOrString': return 'IntOrString';
    case 'quantity': return 'Quantity';
    case 'base64': return 'string';
    case 'object': return fd.object?.go ?? 'Object';
    case 'array': return `[]${fd.items ? explainType(fd.items) : 'Object'}`;
    case 'map': return `map[string]${fd.items ? explainType(fd.items) : 'string'}`;
    default: return 'Object';
  }
}

/**
 * Resolve `deployment.spec.template` / `deploy.spec.replicas` / `svc`. Returns an error text as kubectl words it
 * when the type or field does not exist.
 */
export function explain(target: string): ExplainResult | { error: string } {
  const [typed, ...rest] = target.split('.');
  const rt = resolveResourceType(typed ?? '');
  if (!rt) return { error: `error: the server doesn't have a resource type "${typed}"` };
  const def = kindDef(rt.kind);
  const path = rest.join('.');
  if (!def) return { error: `error: couldn't find resource for "${target}"` };
  let fd: FieldDef = { type: 'object', description: def.description ?? '', object: def };
  if (path) {
    const found = fieldAt(rt.kind, path).field;
    if (!found) return { error: `error: field "${rest[rest.length - 1]}" does not exist` };
    fd = found;
  }
  let inner = fd;
  while ((inner.type === 'array' || inner.type === 'map') && inner.items) inner = inner.items;
  const fields: ExplainField[] = inner.type === 'object' && inner.object
    ? Object.entries(inner.object.fields).map(([name, f]) => ({ name, type: explainType(f), required: !!f.required, description: f.description, ...(f.enum ? { enum: f.enum } : {}) }))
    : [];
  return {
    kind: rt.kind, group: rt.group, version: rt.version, path, type: explainType(fd), description: fd.description,
    ...(fd.enum ? { enum: fd.enum } : {}), fields,
  };
}

/** The text `kubectl explain` prints (v1.34 layout, without word wrapping). */
export function renderExplain(r: ExplainResult): string {
  const lines: string[] = [];
  lines.push(`GROUP:      ${r.group}`.trimEnd());
  if (!r.group) lines.pop();
  lines.push(`KIND:       ${r.kind}`, `VERSION:    ${r.version}`, '');
  if (r.path) lines.push(`FIELD: ${r.path.split('.').pop()} <${r.type}>`, '');
  if (r.enum) lines.push(`ENUM:`, ...r.enum.map((e) => `    ${e}`), '');
  lines.push('DESCRIPTION:', `    ${r.description}`);
  if (r.fields.length) {
    lines.push('', 'FIELDS:');
    for (const f of r.fields) {
      lines.push(`  ${f.name}\t<${f.type}>${f.required ? ' -required-' : ''}`);
      lines.push(`    ${f.description}`, '');
    }
    if (lines[lines.length - 1] === '') lines.pop();
  }
  return lines.join('\n');
}

/** Go type helper re-exported for the terminal. */
export { goTypeOf, resourceForKind };
