import { describe, expect, it } from 'vitest';
import { goJsonCheck, isJsonStream } from './gojson';
import { kubectlYamlError, parseYaml } from './parse';

// recorded with kubectl v1.32.4 (`kubectl apply -f x.json --validate=false`, before it needs a cluster)
const CASES: [string, string][] = [
  ['{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "x",}\n}\n', "json: offset 75: invalid character '}' looking for beginning of object key string"],
  ['{\n  "apiVersion": "v1",\n  "kind": "ConfigMap"\n  "metadata": {"name": "x"}\n}\n', 'json: offset 49: invalid character \'"\' after object key:value pair'],
  ['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}\n', 'unexpected EOF'],
  ['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "labels": {"a": tru}}}\n', "json: offset 88: invalid character '}' in literal true (expecting 'e')"],
  ['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": "b\\q"}}\n', "json: offset 87: invalid character 'q' in string escape code"],
  ['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": 01}}\n', "json: offset 85: invalid character '1' after object key:value pair"],
  ['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ä"}}}\n', "json: offset 70: invalid character '}' looking for beginning of value"],
];

describe('JSON manifests are read by encoding/json, as kubectl does for a stream starting with {', () => {
  it.each(CASES)('%j', (text, expected) => {
    expect(isJsonStream(text)).toBe(true);
    expect(goJsonCheck(text)?.message).toBe(expected);
    const f = parseYaml(text);
    const doc = f.docs.find((d) => d.errors.length)!;
    expect(kubectlYamlError('x.json', doc, doc.errors[0]!, text)).toBe(`error: error parsing x.json: ${expected}`);
  });
  it('accepts valid JSON and leaves YAML to go-yaml', () => {
    expect(goJsonCheck('{"a": [1, -2.5e3, true, null, "\\u00e9"]}\n{"b": {}}')).toBeUndefined();
    expect(isJsonStream('# c\n{a: 1}')).toBe(false);
    expect(parseYaml('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}\n').docs[0]!.value).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
  });
});
