import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fixtures from './goyaml.fixtures.json';
import { goYamlCheck, kubectlChunks } from './goyaml';
import { kubectlYamlError, parseYaml } from './parse';

/** What the simulator prints after `error parsing FILE: `, or null when kubectl's reader accepts the syntax. */
function simVerdict(text: string): string | null {
  const file = parseYaml(text);
  const doc = file.docs.find((d) => d.errors.length);
  if (!doc) return null;
  return kubectlYamlError('x.yaml', doc, doc.errors[0]!, text).replace(/^error: error parsing x\.yaml: /, '');
}

describe('YAML syntax errors as kubectl (go-yaml v2) reports them', () => {
  // recorded with kubectl v1.32.4 (`kubectl apply -f FILE --validate=false`, no cluster: the YAML is read first);
  // hand-written cases plus mutations of manifests/llmops-k8s.yaml (indentation, tabs, quotes, colons, CRLF…)
  it.each(fixtures.cases.map((c) => [c.name, c.text, c.kubectl] as const))('%s', (_name, text, expected) => {
    expect(simVerdict(text)).toBe(expected);
  });

  it('numbers parser errors from 0 and scanner errors from 1, as yaml.v2 parser.fail does', () => {
    // the token ` spec` is on line 5: a parser error → "line 4"
    expect(goYamlCheck('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n spec:\n  type: ClusterIP\n')).toMatchObject({ message: 'line 4: did not find expected key', line: 4, column: 1 });
    // `b: c` on line 2: a scanner error → "line 2"
    expect(goYamlCheck('a: 1\nb: c: d\n')).toMatchObject({ message: 'line 2: mapping values are not allowed in this context' });
    // on the first line nothing is printed
    expect(goYamlCheck('a: b: c\n')?.message).toBe('mapping values are not allowed in this context');
    // only the first document counts (yaml.Unmarshal decodes one): after the indented list ends, the rest is ignored
    expect(goYamlCheck('  - a\nb: c\n')).toBeUndefined();
    expect(goYamlCheck('- a\nb: c\n')?.message).toBe("line 1: did not find expected '-' indicator");
  });

  it('splits the stream at --- lines as YAMLReader does, rejecting content after the marker', () => {
    expect(kubectlChunks('a: 1\n---\nb: 2\n').map((c) => [c.startLine, c.text])).toEqual([[0, 'a: 1\n'], [2, 'b: 2\n']]);
    expect(kubectlChunks('a: 1\n--- # c\nb: 2').map((c) => c.text)).toEqual(['a: 1\n', 'b: 2\n']);
    const bad = kubectlChunks('a: 1\n---\nb: 2\n--- {c: 3}\n');
    expect(bad.at(-1)).toEqual({ text: '', startLine: 3, separatorError: 'invalid Yaml document separator: {c: 3}', bufferedFrom: 2 });
  });

  it('points the editor at the offending token', () => {
    const f = parseYaml('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n spec:\n  type: ClusterIP\n');
    expect(f.errors[0]).toMatchObject({ line: 5, col: 2, code: 'GO_YAML', message: 'did not find expected key' });
  });

  const kubectl = '/usr/bin/kubectl';
  it.skipIf(!existsSync(kubectl))('agrees with the real kubectl on a sample (oracle; skipped without /usr/bin/kubectl)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goyaml-'));
    const sample = fixtures.cases.filter((_, i) => i % 7 === 0);
    for (const c of sample) {
      const p = join(dir, 'x.yaml');
      writeFileSync(p, c.text);
      let out = '';
      try {
        out = execFileSync(kubectl, ['apply', '-f', p, '--validate=false'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KUBECONFIG: join(dir, 'none') } });
      } catch (e) {
        out = String((e as { stderr?: string }).stderr ?? '');
      }
      const m = /error parsing \S+: (.*)/.exec(out);
      expect(simVerdict(c.text), c.name).toBe(m ? m[1] : null);
    }
  });
});

describe('goYamlCheck on arbitrary text (property)', () => {
  it('always terminates with undefined or an error, never throws', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
    const alphabet = ['a', 'b', ':', ' ', '  ', '\t', '\n', '-', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '|', '>', '&x', '*x', '!', '?', '%', '---', '...', '\\', '0', '\r\n'];
    for (let i = 0; i < 3000; i++) {
      let t = '';
      const n = Math.floor(rnd() * 40);
      for (let k = 0; k < n; k++) t += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = goYamlCheck(t);
      if (r) expect(r.message.length).toBeGreaterThan(0);
      for (const c of kubectlChunks(t)) goYamlCheck(c.text);
    }
  });
});
