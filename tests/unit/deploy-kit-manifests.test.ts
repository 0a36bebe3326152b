// Every manifest in manifests/ parses, has only fields the Kubernetes v1.35 OpenAPI schema knows, with the
// right types and required fields. The schema is read from ../shared/k8s when it is there (never copied here).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SWAGGER = join(ROOT, '..', 'shared', 'k8s', 'swagger-v1.35.json');
const MANIFEST_DIR = join(ROOT, 'manifests');
const yamlFiles = readdirSync(MANIFEST_DIR).filter((f) => /\.ya?ml$/.test(f));

function docsOf(file: string): Array<Record<string, unknown>> {
  const docs = parseAllDocuments(readFileSync(join(MANIFEST_DIR, file), 'utf8'));
  const list = Array.isArray(docs) ? docs : [docs];
  return list.map((d) => {
    expect(d.errors, `${file}: ${d.errors.map((e) => e.message).join('; ')}`).toEqual([]);
    return d.toJS() as Record<string, unknown>;
  });
}

describe('manifests/', () => {
  it('holds the seed manifest and the hardened variant', () => {
    expect(yamlFiles).toEqual(expect.arrayContaining(['llmops-k8s.yaml', 'llmops-k8s-hardened.yaml']));
  });

  for (const file of yamlFiles) {
    it(`${file} parses into Kubernetes objects`, () => {
      for (const obj of docsOf(file)) {
        expect(typeof obj.apiVersion).toBe('string');
        expect(typeof obj.kind).toBe('string');
        expect(typeof (obj.metadata as { name?: unknown })?.name).toBe('string');
      }
    });
  }

  it('the hardened variant keeps the names, selector and ports the lessons use', () => {
    const [seedDep, seedSvc] = docsOf('llmops-k8s.yaml') as any[];
    const [dep, svc] = docsOf('llmops-k8s-hardened.yaml') as any[];
    expect(dep.metadata.name).toBe(seedDep.metadata.name);
    expect(dep.spec.selector).toEqual(seedDep.spec.selector); // immutable: applying over the seed must work
    expect(svc.metadata.name).toBe(seedSvc.metadata.name);
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.spec.ports[0].port).toBe(80);
    const c = dep.spec.template.spec.containers[0];
    expect(c.ports[0].containerPort).toBe(8501);
    expect(c.envFrom).toEqual(seedDep.spec.template.spec.containers[0].envFrom);
    expect(c.image).toMatch(/^llmops-app:\d+\.\d+\.\d+$/);
    expect(c.readinessProbe.httpGet.path).toBe('/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/health');
    expect(dep.spec.template.spec.securityContext.runAsUser).toBe(10001);
  });

  it('the hardened image tag is the app version the Dockerfile builds', () => {
    const [dep] = docsOf('llmops-k8s-hardened.yaml') as any[];
    const appVersion = JSON.parse(readFileSync(join(ROOT, 'app', 'package.json'), 'utf8')).version as string;
    expect(dep.spec.template.spec.containers[0].image).toBe(`llmops-app:${appVersion}`);
    expect(dep.metadata.labels['app.kubernetes.io/version']).toBe(appVersion);
  });

  it('secret.example.env names the two keys with placeholders, and .env stays out of git', () => {
    const lines = readFileSync(join(MANIFEST_DIR, 'secret.example.env'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(lines.map((l) => l.split('=')[0])).toEqual(['GROQ_API_KEY', 'HUGGINGFACE_API_KEY']);
    for (const l of lines) expect(l.split('=')[1]).toMatch(/^replace-with-/);
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });
});

// ---- validation against the OpenAPI (swagger 2.0) schema of Kubernetes v1.35 ----

interface Schema {
  type?: string;
  format?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
}

function validate(defs: Record<string, Schema>, schema: Schema, value: unknown, path: string, errors: string[]): void {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = defs[name];
    if (!target) return void errors.push(`${path}: unknown schema ${name}`);
    return validate(defs, target, value, path, errors);
  }
  if (value === null || value === undefined) return;
  if (schema.format === 'int-or-string') {
    if (typeof value !== 'string' && !Number.isInteger(value)) errors.push(`${path}: expected an integer or a string`);
    return;
  }
  switch (schema.type) {
    case 'string':
      // resource.Quantity is typed string but YAML numbers (cpu: 1) are accepted by the API server.
      if (typeof value !== 'string' && !(typeof value === 'number' && path.includes('resources'))) errors.push(`${path}: expected a string`);
      if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${String(value)} is not one of ${schema.enum.join(', ')}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) errors.push(`${path}: expected an integer`);
      return;
    case 'number':
      if (typeof value !== 'number') errors.push(`${path}: expected a number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean`);
      return;
    case 'array':
      if (!Array.isArray(value)) return void errors.push(`${path}: expected an array`);
      value.forEach((v, i) => schema.items && validate(defs, schema.items, v, `${path}[${i}]`, errors));
      return;
    default: {
      if (typeof value !== 'object' || Array.isArray(value)) return void errors.push(`${path}: expected an object`);
      const obj = value as Record<string, unknown>;
      for (const req of schema.required ?? []) if (!(req in obj)) errors.push(`${path}: missing required field ${req}`);
      for (const [k, v] of Object.entries(obj)) {
        const prop = schema.properties?.[k];
        if (prop) validate(defs, prop, v, path ? `${path}.${k}` : k, errors);
        else if (typeof schema.additionalProperties === 'object') validate(defs, schema.additionalProperties, v, `${path}.${k}`, errors);
        else if (schema.properties) errors.push(`${path ? path + '.' : ''}${k}: unknown field`);
      }
    }
  }
}

describe.skipIf(!existsSync(SWAGGER))('manifests against the Kubernetes v1.35 OpenAPI schema', () => {
  const swagger = existsSync(SWAGGER) ? (JSON.parse(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, Schema> }) : { definitions: {} };
  const defs = swagger.definitions;
  const byGvk = new Map<string, Schema>();
  for (const s of Object.values(defs))
    for (const g of s['x-kubernetes-group-version-kind'] ?? []) byGvk.set(`${g.group ? g.group + '/' : ''}${g.version}/${g.kind}`, s);

  for (const file of yamlFiles) {
    it(`${file}: every field is known and well-typed`, () => {
      for (const obj of docsOf(file)) {
        const schema = byGvk.get(`${obj.apiVersion}/${obj.kind}`);
        expect(schema, `${file}: no schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
        const errors: string[] = [];
        validate(defs, schema!, obj, '', errors);
        expect(errors, `${file} (${obj.kind})`).toEqual([]);
      }
    });
  }

  it('the validator itself catches unknown fields, wrong types and missing required fields', () => {
    const dep = docsOf('llmops-k8s.yaml')[0] as any;
    const broken = structuredClone(dep);
    broken.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes';
    broken.spec.template.spec.containers[0].port = 8501;
    broken.spec.replicas = 'one';
    delete broken.spec.template.spec.containers[0].name;
    const errors: string[] = [];
    validate(defs, byGvk.get('apps/v1/Deployment')!, broken, '', errors);
    expect(errors).toEqual(
      expect.arrayContaining([
        'spec.replicas: expected an integer',
        'spec.template.spec.containers[0]: missing required field name',
        'spec.template.spec.containers[0].port: unknown field',
      ]),
    );
  });
});

if (!existsSync(SWAGGER)) {
  describe('manifests against the Kubernetes v1.35 OpenAPI schema', () => {
    it.skip(`skipped: ${SWAGGER} is not present on this machine`, () => {});
  });
}
