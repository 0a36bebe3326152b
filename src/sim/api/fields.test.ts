/**
 * The field model against the real API: every modelled field of every modelled struct must exist in the
 * Kubernetes OpenAPI (swagger) document with a compatible type and format, and every enum we list must be
 * one the API documents. Reads /work/shared/k8s/swagger-v1.35.json when present (never copied into the repo).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_DEFS, type FieldDef, type ObjectDef } from './fields';
import { toJsonSchema, schemaKinds } from './schema';
import { explain, renderExplain } from './explain';

const SWAGGER = '/work/shared/k8s/swagger-v1.35.json';
type SwProp = { type?: string; format?: string; $ref?: string; items?: SwProp; additionalProperties?: SwProp; description?: string; enum?: string[] };
type SwDef = { properties?: Record<string, SwProp>; type?: string; format?: string; required?: string[] };

describe('field model vs the Kubernetes OpenAPI document', () => {
  const have = existsSync(SWAGGER);
  it.skipIf(!have)('agrees on names, types, formats and enums (skipped when the swagger file is absent)', () => {
    const defs = (JSON.parse(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, SwDef> }).definitions;
    const PREFIXES = ['io.k8s.api.core.v1.', 'io.k8s.api.apps.v1.', 'io.k8s.api.batch.v1.', 'io.k8s.apimachinery.pkg.apis.meta.v1.', 'io.k8s.api.discovery.v1.'];
    const byGo = (go: string): [string, SwDef] | undefined => {
      for (const p of PREFIXES) if (defs[p + go]) return [p + go, defs[p + go]!];
      return undefined;
    };
    const deref = (p: SwProp): SwDef & SwProp => (p.$ref ? { ...defs[p.$ref.replace('#/definitions/', '')]!, $ref: p.$ref } : p);
    const problems: string[] = [];
    const checked = new Set<string>();
    let fieldsChecked = 0;

    // enum values the swagger descriptions omit but the Go types declare (k8s.io/api/core/v1/types.go: URISchemeHTTPS)
    const KNOWN_FROM_SOURCE = new Set(['io.k8s.api.core.v1.HTTPGetAction.scheme:HTTPS']);
    const checkField = (where: string, fd: FieldDef, sp: SwProp, parentText = ''): void => {
      fieldsChecked++;
      const d = deref(sp);
      const ref = sp.$ref ?? '';
      switch (fd.type) {
        case 'string':
          if (d.type !== 'string') problems.push(`${where}: string vs ${d.type ?? ref}`);
          break;
        case 'time':
          if (!(d.type === 'string' && d.format === 'date-time')) problems.push(`${where}: time vs ${d.type}/${d.format}`);
          break;
        case 'base64':
          if (!(d.type === 'string' && d.format === 'byte')) problems.push(`${where}: base64 vs ${d.type}/${d.format}`);
          break;
        case 'int32':
        case 'int64':
          if (d.type !== 'integer' || d.format !== fd.type) problems.push(`${where}: ${fd.type} vs ${d.type}/${d.format}`);
          break;
        case 'boolean':
          if (d.type !== 'boolean') problems.push(`${where}: boolean vs ${d.type}`);
          break;
        case 'intOrString':
          if (!ref.endsWith('intstr.IntOrString')) problems.push(`${where}: IntOrString vs ${ref || d.type}`);
          break;
        case 'quantity':
          if (!ref.endsWith('resource.Quantity')) problems.push(`${where}: Quantity vs ${ref || d.type}`);
          break;
        case 'object':
          if (!ref.endsWith(`.${fd.object!.go}`)) problems.push(`${where}: object ${fd.object!.go} vs ${ref || d.type}`);
          else checkObject(fd.object!);
          break;
        case 'array':
          if (d.type !== 'array' || !d.items) problems.push(`${where}: array vs ${d.type}`);
          else if (fd.items) checkField(`${where}[]`, fd.items, d.items, d.description ?? '');
          break;
        case 'map':
          if (d.type !== 'object' || !d.additionalProperties) problems.push(`${where}: map vs ${d.type}`);
          else if (fd.items) checkField(`${where}{}`, fd.items, d.additionalProperties);
          break;
        default:
          break;
      }
      if (fd.enum && fd.type === 'string' && !where.endsWith('.apiVersion') && !where.endsWith('.kind')) {
        const text = `${d.description ?? ''} ${parentText}`;
        const documented = [...text.matchAll(/ - `"([^"]+)"`/g)].map((m) => m[1]!);
        for (const e of fd.enum) {
          if (KNOWN_FROM_SOURCE.has(`${where}:${e}`)) continue;
          if (documented.length ? !documented.includes(e) : !text.includes(e)) problems.push(`${where}: enum value ${e} not documented`);
        }
        if (documented.length) for (const e of documented) if (!fd.enum.includes(e)) problems.push(`${where}: API enum value ${e} missing from the model`);
      }
    };
    const checkObject = (od: ObjectDef): void => {
      if (checked.has(od.go) || od.open) return;
      checked.add(od.go);
      const found = byGo(od.go);
      if (!found) {
        problems.push(`no definition for ${od.go}`);
        return;
      }
      const [name, sd] = found;
      for (const [k, fd] of Object.entries(od.fields)) {
        const sp = sd.properties?.[k];
        if (!sp) problems.push(`${name}.${k}: not in the API`);
        else checkField(`${name}.${k}`, fd, sp);
      }
      for (const req of sd.required ?? []) {
        if (od.fields[req] && !od.fields[req]!.required) problems.push(`${name}.${req}: required in the API, not in the model`);
      }
    };
    for (const k of ['Deployment', 'ReplicaSet', 'Pod', 'Job', 'Service', 'Secret', 'ConfigMap', 'Namespace']) checkObject(KIND_DEFS[k]!);
    expect(problems).toEqual([]);
    expect(fieldsChecked).toBeGreaterThan(250);
  });
});

describe('JSON Schemas and explain from the field model', () => {
  it('produces strict schemas with descriptions and enums', () => {
    const s = toJsonSchema('Service') as { additionalProperties: boolean; properties: Record<string, { properties?: Record<string, { enum?: string[]; description?: string }> }> };
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.spec!.properties!.type!.enum).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    expect(s.properties.spec!.properties!.type!.description).toMatch(/exposed/);
    expect(schemaKinds()).toContain('Deployment');
    expect(toJsonSchema('Frobnicator')).toBeUndefined();
    // every modelled kind yields a schema that survives JSON serialisation
    for (const k of schemaKinds()) expect(JSON.parse(JSON.stringify(toJsonSchema(k)))).toBeTruthy();
  });

  it('explains kinds and fields', () => {
    const r = explain('deploy.spec.strategy.type');
    if ('error' in r) throw new Error(r.error);
    expect(r).toMatchObject({ kind: 'Deployment', group: 'apps', version: 'v1', type: 'string', enum: ['Recreate', 'RollingUpdate'] });
    const c = explain('pods.spec.containers');
    if ('error' in c) throw new Error(c.error);
    expect(c.type).toBe('[]Container');
    expect(c.fields.find((f) => f.name === 'name')).toMatchObject({ required: true, type: 'string' });
    expect(renderExplain(c)).toContain('FIELD: containers <[]Container>');
    expect(explain('svc.spec.typo')).toEqual({ error: 'error: field "typo" does not exist' });
    expect(explain('frob')).toEqual({ error: 'error: the server doesn\'t have a resource type "frob"' });
  });
});
