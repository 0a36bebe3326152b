/**
 * Fuzzing the API layer: 10,000+ random and mutated manifests through parse → decode → default → validate →
 * store (apply, create, replace, delete). Nothing may throw, and every rejection must carry a message and a
 * position. Deterministic: the mutations come from a seeded PRNG.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runFile, type FileCommand } from './server';
import { testStore } from './testutil';
import { parseYaml } from '../yaml/parse';

const SEED = readFileSync(new URL('../../../manifests/llmops-k8s.yaml', import.meta.url), 'utf8');
const EXTRA = `apiVersion: v1
kind: Secret
metadata:
  name: llmops-secrets
type: Opaque
stringData:
  GROQ_API_KEY: gsk_test
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  MODE: offline
---
apiVersion: v1
kind: Pod
metadata:
  name: probe
  labels: {app: llmops}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
    livenessProbe: {tcpSocket: {port: 8080}, periodSeconds: 5}
    env:
    - name: KEY
      valueFrom: {secretKeyRef: {name: llmops-secrets, key: GROQ_API_KEY, optional: true}}
`;
const BASES = [SEED, EXTRA];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE = ['{', '}', '[', ']', ':', '- ', '\t', '"', "'", '#', '&a', '*a', '!!int', '---', '|', '>', '? ', '%', '@', '`', 'null', '~', '\\', 'é', '<img src=x onerror=alert(1)>'];
const VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 70000, 2 ** 40, '', 'x', 'Always', 'LoadBalancer', '25%', '1e3', '512Mi', 'abc!', [], [1, 'a'], {}, { a: 1 }, { matchLabels: { app: 'x' } }, 'Bad Name', 'a'.repeat(70)];
const KEYS = ['replicas', 'replica', 'selector', 'labels', 'name', 'image', 'ports', 'containerPort', 'type', 'targetPort', 'nodePort', 'protocol', 'envFrom', 'apiVersion', 'kind', 'metadata', 'spec', 'data', 'x-unknown', 'imagePullPolicy', 'resources', 'limits'];

function textMutation(text: string, r: () => number): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(r() * lines.length);
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n; k++) {
    const i = pick();
    const line = lines[i] ?? '';
    switch (Math.floor(r() * 9)) {
      case 0: lines.splice(i, 1); break; // delete a line
      case 1: lines.splice(i, 0, line); break; // duplicate a line
      case 2: lines[i] = ' '.repeat(Math.floor(r() * 4)) + line.trimStart(); break; // break indentation
      case 3: lines[i] = line.slice(0, Math.floor(r() * (line.length + 1))) + GARBAGE[Math.floor(r() * GARBAGE.length)] + line.slice(Math.floor(r() * (line.length + 1))); break;
      case 4: { const j = pick(); lines[i] = lines[j] ?? ''; lines[j] = line; break; } // swap
      case 5: lines[i] = line.replace(/(\w+):/, (_m, k: string) => `${k}${'sx_'[Math.floor(r() * 3)]}:`); break; // rename a key
      case 6: lines[i] = line.replace(/: .*$/, `: ${JSON.stringify(VALUES[Math.floor(r() * VALUES.length)])}`); break; // change a value/type
      case 7: return lines.slice(0, i).join('\n'); // truncate
      default: lines[i] = line.replace(/ {2}/, '\t'); // a tab in the indentation
    }
  }
  return lines.join('\n');
}

function walk(o: unknown, f: (parent: Record<string, unknown> | unknown[], key: string | number) => void): void {
  if (Array.isArray(o)) o.forEach((x, i) => { f(o, i); walk(x, f); });
  else if (o && typeof o === 'object') for (const k of Object.keys(o)) { f(o as Record<string, unknown>, k); walk((o as Record<string, unknown>)[k], f); }
}

const parsedBases = new Map(BASES.map((b) => [b, parseYaml(b).docs.map((d) => d.value)]));
function structMutation(text: string, r: () => number): string {
  const docs = (parsedBases.get(text) ?? parseYaml(text).docs.map((d) => d.value)).map((d) => structuredClone(d));
  for (const doc of docs) {
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    walk(doc, (p, k) => slots.push([p, k]));
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n && slots.length; k++) {
      const [p, key] = slots[Math.floor(r() * slots.length)]!;
      const v = VALUES[Math.floor(r() * VALUES.length)];
      switch (Math.floor(r() * 4)) {
        case 0: if (Array.isArray(p)) p.splice(key as number, 1); else delete p[key as string]; break;
        case 1: if (!Array.isArray(p)) { const val = p[key as string]; delete p[key as string]; p[KEYS[Math.floor(r() * KEYS.length)]!] = val; } break;
        case 2: if (Array.isArray(p)) p[key as number] = v; else p[key as string] = v; break;
        default: if (!Array.isArray(p)) p[KEYS[Math.floor(r() * KEYS.length)]!] = v; else p.push(v);
      }
    }
  }
  return docs.map((d) => stringify(d)).join('---\n');
}

function randomDoc(r: () => number, depth = 0): unknown {
  const roll = r();
  if (depth > 3 || roll < 0.4) return VALUES[Math.floor(r() * VALUES.length)];
  if (roll < 0.55) return Array.from({ length: Math.floor(r() * 3) }, () => randomDoc(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(r() * 4); i++) o[KEYS[Math.floor(r() * KEYS.length)]!] = randomDoc(r, depth + 1);
  if (depth === 0 && r() < 0.7) {
    const kinds = [['apps/v1', 'Deployment'], ['v1', 'Service'], ['v1', 'Pod'], ['v1', 'Secret'], ['v1', 'ConfigMap'], ['apps/v1', 'ReplicaSet'], ['batch/v1', 'Job'], ['v1', 'Namespace']];
    const [av, k] = kinds[Math.floor(r() * kinds.length)]!;
    o.apiVersion = av;
    o.kind = k;
    if (r() < 0.8) o.metadata = { name: r() < 0.8 ? 'fz' : VALUES[Math.floor(r() * VALUES.length)] };
  }
  return o;
}

describe('fuzz: parse → validate → apply never throws', () => {
  // ~15 s on an idle 2-core machine; the generous timeout is for a loaded CI box, not a speed claim
  it('handles 10,000 mutated and random manifests; every rejection has a message and a position', { timeout: 300_000 }, () => {
    const r = prng(20251126);
    const commands: FileCommand[] = ['apply', 'apply', 'apply', 'create', 'replace', 'delete'];
    let store = testStore(1).store;
    let rejected = 0;
    let accepted = 0;
    const N = 10_000;
    for (let i = 0; i < N; i++) {
      if (i % 200 === 0) store = testStore(i).store;
      const base = BASES[Math.floor(r() * BASES.length)]!;
      const mode = r();
      const text = mode < 0.5 ? textMutation(base, r) : mode < 0.85 ? structMutation(base, r) : stringify(randomDoc(r));
      const cmd = commands[Math.floor(r() * commands.length)]!;
      let res;
      try {
        res = runFile(store, cmd, text, { fileName: 'fuzz.yaml', validate: r() < 0.8 ? 'strict' : 'warn' });
      } catch (e) {
        throw new Error(`runFile threw on case ${i}: ${(e as Error).stack}\n--- input ---\n${text}`);
      }
      for (const e of res.errors) {
        if (e.reason === 'Internal' || !e.text || e.line === undefined || e.col === undefined) {
          throw new Error(`bad rejection on case ${i} (${cmd}): ${JSON.stringify(e)}\n--- input ---\n${text}`);
        }
        expect(e.line).toBeGreaterThan(0);
        expect(e.col).toBeGreaterThan(0);
        for (const c of e.causes) expect(c.message.length).toBeGreaterThan(0);
      }
      if (res.errors.length) rejected++;
      else accepted++;
    }
    expect(rejected + accepted).toBe(N);
    // the generator must exercise both outcomes, or it tests little
    expect(rejected).toBeGreaterThan(N / 10);
    expect(accepted).toBeGreaterThan(N / 20);
  });
});
