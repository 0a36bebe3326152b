import { describe, expect, it } from 'vitest';
import { parsePath, parseYaml, positionOf } from './parse';

const TEXT = `# leading comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: nginx
      - name: b
        image: busybox
        ports:
          - containerPort: 80
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec:
  ports: [{port: 80, targetPort: 8080}]
`;

describe('YAML positions', () => {
  const file = parseYaml(TEXT);
  it('parses several documents without errors', () => {
    expect(file.errors).toEqual([]);
    expect(file.docs).toHaveLength(2);
    expect(file.docs[1]!.startLine).toBe(19);
  });
  const cases: [number, string, number, number, boolean][] = [
    [0, 'kind', 3, 1, true],
    [0, 'metadata.name', 5, 3, true],
    [0, 'metadata.labels[app.kubernetes.io/name]', 7, 5, true],
    [0, 'spec.template.spec.containers[0].image', 13, 9, true],
    [0, 'spec.template.spec.containers[1]', 14, 9, true],
    [0, 'spec.template.spec.containers[1].ports[0].containerPort', 17, 13, true],
    [0, 'spec.template.spec.containers[1].resources.limits', 14, 9, false],
    [0, 'spec.selector', 8, 1, false],
    [1, 'metadata.name', 21, 12, true],
    [1, 'spec.ports[0].targetPort', 23, 22, true],
  ];
  it.each(cases)('doc %i %s → %i:%i', (doc, path, line, col, exact) => {
    expect(positionOf(file, doc, path)).toMatchObject({ line, col, exact });
  });
  it('splits paths', () => {
    expect(parsePath('spec.containers[0].image')).toEqual(['spec', 'containers', 0, 'image']);
    expect(parsePath('metadata.labels[a.b/c]')).toEqual(['metadata', 'labels', 'a.b/c']);
    expect(parsePath('data[tls.crt]')).toEqual(['data', 'tls.crt']);
  });
  it('reports syntax errors with document index, line and column', () => {
    const bad = parseYaml('a: 1\n---\nb:\n\t- x\n---\nc: [1\n');
    expect(bad.errors.map((e) => [e.doc, e.line, e.col, e.code])).toEqual([
      [1, 4, 1, 'GO_YAML'],
      [2, 7, 1, expect.any(String)],
    ]);
    expect(bad.errors.every((e) => e.message.length > 0)).toBe(true);
    // go-yaml v2 (kubectl) keeps the last of repeated keys: a warning, not an error
    const dup = parseYaml('a: 1\na: 2\n');
    expect(dup.errors).toEqual([]);
    expect(dup.docs[0]!.value).toEqual({ a: 2 });
    expect(dup.docs[0]!.warnings[0]).toMatchObject({ doc: 0, line: 2, col: 1, code: 'DUPLICATE_KEY' });
  });
});
