// Client-side object generators of `kubectl create secret generic | deployment | service | namespace | configmap`,
// with kubectl's own input rules and messages. Oracle-tested against the real kubectl client
// (tests: src/sim/kubectl/generators.test.ts). Rules: kubectl/pkg/cmd/util/env_file.go, cmd/create/*.go.
import type { KObject } from '../api/types';
import { base64Encode, utf8Bytes, utf8Decode } from '../api/base64';

/** Go's utf8.Valid. */
export function validUtf8(b: readonly number[]): boolean {
  for (let i = 0; i < b.length; ) {
    const x = b[i]!;
    const n = x < 0x80 ? 0 : x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    if (n < 0) return false;
    for (let k = 1; k <= n; k++) { const y = b[i + k]; if (y === undefined || (y & 0xc0) !== 0x80) return false; }
    if (n === 2 && ((x === 0xe0 && b[i + 1]! < 0xa0) || (x === 0xed && b[i + 1]! > 0x9f))) return false;
    if (n === 3 && ((x === 0xf0 && b[i + 1]! < 0x90) || (x === 0xf4 && b[i + 1]! > 0x8f))) return false;
    i += n + 1;
  }
  return true;
}
import type { Vfs } from '../shell/vfs';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** Go's strconv.Quote (%q): non-printable characters escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if ((c >= 0x80 && c <= 0x9f) || c === 0xad || c === 0xfeff || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f)) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

export type GenResult = { ok: true; object: KObject } | { ok: false; error: string };

/**
 * kubectl's env-file rules: lines as bufio.ScanLines gives them (a trailing \r dropped), a UTF-8 BOM stripped on
 * the first line, leading whitespace trimmed, blank and `#` lines skipped, split at the first `=`, the key must be
 * an env var name (so `export K=v` and `K =v` fail), the value verbatim (quotes and trailing spaces kept), and a
 * line without `=` takes kubectl's own environment variable (empty here).
 */
export function parseEnvFile(bytes: readonly number[], displayName: string): { ok: true; pairs: Array<[string, string]> } | { ok: false; error: string } {
  const pairs: Array<[string, string]> = [];
  const lines: number[][] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (i === bytes.length && start === i) break;
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end--;
      lines.push(bytes.slice(start, end));
      start = i + 1;
    }
  }
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!validUtf8(line)) return { ok: false, error: `env file ${displayName} contains invalid utf8 bytes at line ${n + 1}: [${line.join(' ')}]` };
    let text = utf8Decode(line);
    if (n === 0 && text.startsWith('\ufeff')) text = text.slice(1);
    // Go's unicode.IsSpace (not JavaScript's \s, which also matches U+FEFF)
    text = text.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '');
    if (text === '' || text.startsWith('#')) continue;
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    if (!ENV_NAME.test(key)) return { ok: false, error: `${goQuote(key)} is not a valid key name: ${ENV_NAME_MSG}` };
    pairs.push([key, eq < 0 ? '' : text.slice(eq + 1)]);
  }
  return { ok: true, pairs };
}

export interface SecretArgs { name: string; literals: string[]; envFiles: string[]; files: string[]; type?: string }

function addKey(data: Record<string, string>, key: string, value: string, kindWord: string): string | undefined {
  if (!CONFIG_KEY.test(key)) return `${goQuote(key)} is not valid key name for a ${kindWord} ${CONFIG_KEY_MSG}`;
  if (key in data) return `cannot add key ${key}, another key by that name already exists`;
  data[key] = value;
  return undefined;
}

/** Reads sources (literals, env files, files) into key → text, with kubectl's messages. */
function collect(vfs: Vfs, resolve: (p: string) => string, a: { literals: string[]; envFiles: string[]; files: string[] }, kindWord: string): { ok: true; data: Record<string, string> } | { ok: false; error: string } {
  const data: Record<string, string> = {};
  for (const f of a.files) {
    const eq = f.indexOf('=');
    const key = eq < 0 ? f.slice(f.lastIndexOf('/') + 1) : f.slice(0, eq);
    const path = eq < 0 ? f : f.slice(eq + 1);
    const t = vfs.read(resolve(path));
    if (t === undefined) return { ok: false, error: `error reading ${path}: no such file or directory` };
    const err = addKey(data, key, t, kindWord);
    if (err) return { ok: false, error: err };
  }
  for (const lit of a.literals) {
    const eq = lit.indexOf('=');
    if (eq < 0) return { ok: false, error: `invalid literal source ${lit}, expected key=value` };
    const err = addKey(data, lit.slice(0, eq), lit.slice(eq + 1), kindWord);
    if (err) return { ok: false, error: err };
  }
  for (const ef of a.envFiles) {
    const t = vfs.read(resolve(ef));
    if (t === undefined) return { ok: false, error: `error reading ${ef}: no such file or directory` };
    const parsed = parseEnvFile(utf8Bytes(t), ef);
    if (!parsed.ok) return parsed;
    for (const [k, v] of parsed.pairs) {
      const err = addKey(data, k, v, kindWord);
      if (err) return { ok: false, error: err };
    }
  }
  return { ok: true, data };
}

/** Same, from raw bytes (used by tests to feed exact bytes such as a BOM or invalid UTF-8). */
export function secretFromSources(name: string, data: Record<string, string>, type?: string): KObject {
  const o: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name } };
  if (Object.keys(data).length) (o as unknown as { data: Record<string, string> }).data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64Encode(v)]));
  if (type) (o as unknown as { type: string }).type = type;
  return o;
}

export function genSecret(vfs: Vfs, resolve: (p: string) => string, a: SecretArgs): GenResult {
  if (a.envFiles.length && (a.files.length || a.literals.length)) return { ok: false, error: 'from-env-file cannot be combined with from-file or from-literal' };
  const c = collect(vfs, resolve, a, 'Secret');
  if (!c.ok) return c;
  return { ok: true, object: secretFromSources(a.name, c.data, a.type) };
}

export function genConfigMap(vfs: Vfs, resolve: (p: string) => string, a: SecretArgs): GenResult {
  if (a.envFiles.length && (a.files.length || a.literals.length)) return { ok: false, error: 'from-env-file cannot be combined with from-file or from-literal' };
  const c = collect(vfs, resolve, a, 'ConfigMap');
  if (!c.ok) return c;
  const o: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: a.name } };
  if (Object.keys(c.data).length) (o as unknown as { data: Record<string, string> }).data = c.data;
  return { ok: true, object: o };
}

/** The container name kubectl derives from an image: last path part, tag/digest dropped. */
export function containerNameFromImage(image: string): string {
  let n = image.split('@')[0]!;
  n = n.slice(n.lastIndexOf('/') + 1);
  const colon = n.indexOf(':');
  return colon >= 0 ? n.slice(0, colon) : n;
}

export function genDeployment(name: string, images: string[], replicas: number, port: number, command: string[] | undefined): KObject {
  const labels = { app: name };
  const containers = images.map((img) => {
    const c: Record<string, unknown> = {};
    if (command && command.length) c.command = command;
    c.image = img;
    c.name = containerNameFromImage(img);
    if (port >= 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, labels },
    spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers } } },
    status: {},
  } as unknown as KObject;
}

/** create_job.go createJob: one container named after the Job, `restartPolicy: Never`, template metadata empty. */
export function genJob(name: string, image: string, command: string[] | undefined): KObject {
  const c: Record<string, unknown> = {};
  if (command && command.length) c.command = command;
  c.image = image;
  c.name = name;
  c.resources = {};
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name },
    spec: { template: { metadata: {}, spec: { containers: [c], restartPolicy: 'Never' } } },
    status: {},
  } as unknown as KObject;
}

export function genService(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer', name: string, tcp: string[], nodePort?: number, clusterIP?: string): GenResult {
  if (tcp.length === 0 && clusterIP !== 'None') return { ok: false, error: 'at least one tcp port specifier must be provided' };
  const ports: Array<Record<string, unknown>> = [];
  for (const spec of tcp) {
    const parts = spec.split(':');
    const port = Number(parts[0]);
    if (!/^\d+$/.test(parts[0] ?? '') || parts.length > 2) return { ok: false, error: `error parsing port ${spec}: strconv.Atoi: parsing ${JSON.stringify(parts[0] ?? '')}: invalid syntax` };
    const target = parts[1] ?? parts[0]!;
    const p: Record<string, unknown> = { name: `${parts[0]}-${target}` };
    if (nodePort !== undefined && nodePort > 0) p.nodePort = nodePort;
    p.port = port;
    p.protocol = 'TCP';
    p.targetPort = /^\d+$/.test(target) ? Number(target) : target;
    ports.push(p);
  }
  const spec: Record<string, unknown> = {};
  if (clusterIP) spec.clusterIP = clusterIP;
  if (ports.length) spec.ports = ports;
  spec.selector = { app: name };
  spec.type = type;
  return { ok: true, object: { apiVersion: 'v1', kind: 'Service', metadata: { name, labels: { app: name } }, spec, status: { loadBalancer: {} } } as unknown as KObject };
}

export function genNamespace(name: string): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} } as unknown as KObject;
}

/** Strips the client-only `creationTimestamp: null` placeholders before the object is sent to the server. */
export function forServer(o: KObject): KObject {
  const c = JSON.parse(JSON.stringify(o, (k, v) => (k === 'creationTimestamp' && v === null ? undefined : v))) as KObject;
  return c;
}
