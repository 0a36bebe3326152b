// The editor's simulator markers: engine-api's parser and validator mapped to line:column.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { manifestDiagnostics } from '../../src/components/lab/sim-validate';
import { yamlSyntaxDiagnostics } from '../../src/components/lab/syntax';

const seed = readFileSync('manifests/llmops-k8s.yaml', 'utf8');

describe('simulator markers for the editor', () => {
  it('finds nothing wrong with the seed manifest', () => {
    expect(manifestDiagnostics(seed)).toEqual([]);
    expect(yamlSyntaxDiagnostics(seed)).toEqual([]);
  });

  it('puts a selector/labels mismatch on the template labels line', () => {
    const broken = seed.replace('      labels:\n        app: llmops', '      labels:\n        app: llmops-web');
    const lines = broken.split('\n');
    const d = manifestDiagnostics(broken);
    expect(d.length).toBeGreaterThan(0);
    const hit = d.find((x) => /selector/.test(x.message))!;
    expect(hit.message).toMatch(/^Deployment "llmops-app" is invalid: spec\.template\.metadata\.labels/);
    expect(lines[hit.line - 1]).toMatch(/labels:/);
    expect(hit.line).toBe(14);
  });

  it('reports YAML syntax errors at their line', () => {
    const bad = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n   bad: [\n';
    const d = manifestDiagnostics(bad);
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.message).toMatch(/^YAML syntax/);
    expect(d[0]!.line).toBeGreaterThanOrEqual(4);
    expect(yamlSyntaxDiagnostics(bad)[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('reports an invalid Service name in the second document with its own line', () => {
    const bad = seed.replace('name: llmops-service', 'name: LLMops_Service');
    const d = manifestDiagnostics(bad);
    const hit = d.find((x) => x.message.includes('metadata.name'))!;
    expect(hit.message).toMatch(/^Service "LLMops_Service" is invalid: metadata\.name: Invalid value: "LLMops_Service"/);
    expect(bad.split('\n')[hit.line - 1]).toContain('name: LLMops_Service');
  });
});

describe('marker position for map entries', () => {
  it('points at the label entry whose value is invalid, not at the labels key', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: evil\n  labels:\n    ok: fine\n    app: "${evil}"\ndata:\n  html: "${evil}"\n`;
    const d = manifestDiagnostics(text);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ line: 7, column: 5 });
    expect(d[0]!.message).toContain(evil);
  });
});

import { labSchemas } from '../../src/components/lab/schemas';
describe('editor schemas', () => {
  it("come from engine-api's field model for the course's kinds, with strict fields for the typo fix", () => {
    const s = labSchemas() as Record<string, { properties?: Record<string, unknown>; $schema?: unknown; additionalProperties?: unknown }>;
    for (const k of ['Deployment', 'Service', 'Secret', 'ConfigMap', 'Pod', 'Namespace']) expect(s[k], k).toBeDefined();
    expect(s.Deployment!.$schema).toBeUndefined();
    const text = JSON.stringify(s.Deployment);
    expect(text).toContain('imagePullPolicy');
    expect(text).toContain('"IfNotPresent"');
    expect(s.Deployment!.additionalProperties).toBe(false);
  });
});
