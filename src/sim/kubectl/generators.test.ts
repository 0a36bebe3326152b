// Oracle tests: the objects `kubectl create … --dry-run=client -o yaml` prints must equal what the installed kubectl
// client prints (it works offline for client-side dry runs). The machine has kubectl 1.32; the 1.34 generators for
// these three commands produce the same objects as far as the kubectl git history between v0.32 and v0.34 shows
// (no change in cmd/create/create_secret.go, create_deployment.go, create_service.go or util/env_file.go).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShell } from '../shell/index';
import { parseEnvFile } from './generators';

const KUBECTL = '/usr/bin/kubectl';
const have = existsSync(KUBECTL);
if (!have) console.warn(`oracle tests skipped: ${KUBECTL} is not installed`);

/**
 * The 1.32 client prints `creationTimestamp: null` for the zero time; 1.34 omits it (apimachinery `omitzero` on
 * ObjectMeta.CreationTimestamp, kubernetes PR #130989 "Omit null creationTimestamp"), so the oracle's lines go.
 */
function to134(out: string): string {
  return out.replace(/^( *)metadata:\n\1  creationTimestamp: null\n(?!\1  )/gm, '$1metadata: {}\n').replace(/^ *creationTimestamp: null\n/gm, '').replace(/^ *"creationTimestamp": null,\n/gm, '').replace(/,\n *"creationTimestamp": null\n/g, '\n');
}

function real(args: string[], cwd: string): { out: string; code: number } {
  try {
    const out = to134(execFileSync(KUBECTL, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin', HOME: cwd, KUBECONFIG: join(cwd, 'none') } }));
    return { out, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; status?: number };
    return { out: (err.stdout ?? '') + (err.stderr ?? ''), code: err.status ?? 1 };
  }
}

/** Files given as raw bytes (to test BOM, CRLF and invalid UTF-8). */
function setup(files: Record<string, number[] | string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-oracle-'));
  for (const [n, c] of Object.entries(files)) writeFileSync(join(dir, n), typeof c === 'string' ? c : Buffer.from(c));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function sim(cmd: string, files: Record<string, string>): { out: string; code: number } {
  const sh = createShell({ interactive: false, files });
  const r = sh.run(cmd);
  return { out: r.output, code: r.exitCode };
}

const ENV_FILES: Record<string, string> = {
  'quotes.env': 'A="double"\nB=\'single\'\nC=plain\n',
  'export.env': 'export KEY=value\n',
  'comments.env': '# comment\n\n   # indented comment\nKEY=v # not a comment\n',
  'empty.env': 'EMPTY=\nNOEQ\n',
  'spaces.env': '  LEADING=trimmed key\nTRAIL=value with trailing   \n',
  'badkey.env': 'KEY =v\n',
  'digit.env': '1KEY=v\n',
  'equals.env': 'URL=http://x?a=b&c=d\n',
  'crlf.env': 'A=1\r\nB=2\r\n',
  'dup.env': 'A=1\nA=2\n',
  'unicode.env': 'NAME=café ☕\n',
};

describe.skipIf(!have)('kubectl create … --dry-run=client -o yaml matches the real client', () => {
  const cases: Array<[string, string]> = [
    ['literals', 'create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_123 --from-literal=HF=tok=en'],
    ['literal with empty value', 'create secret generic s --from-literal=EMPTY='],
    ['no data', 'create secret generic s'],
    ['literal without =', 'create secret generic s --from-literal=nokey'],
    ['duplicate literal', 'create secret generic s --from-literal=A=1 --from-literal=A=2'],
    ['bad literal key', "create secret generic s --from-literal=a:b=1"],
    ['typed secret', 'create secret generic s --type=kubernetes.io/basic-auth --from-literal=username=u --from-literal=password=p'],
    ...Object.keys(ENV_FILES).map((f) => [`env file ${f}`, `create secret generic s --from-env-file=${f}`] as [string, string]),
    ['env file + literal', 'create secret generic s --from-env-file=quotes.env --from-literal=D=4'],
    ['missing env file', 'create secret generic s --from-env-file=nope.env'],
    ['deployment', 'create deployment llmops-app --image=llmops-app:latest'],
    ['deployment with port and replicas', 'create deployment web --image=nginx:1.27 --port=80 --replicas=3'],
    ['deployment with a command', 'create deployment d --image=busybox -- sleep 3600'],
    ['deployment with a registry image', 'create deployment d --image=ghcr.io/acme/app:v1@sha256:0000000000000000000000000000000000000000000000000000000000000000'],
    ['service loadbalancer', 'create service loadbalancer llmops-service --tcp=80:8501'],
    ['service clusterip two ports', 'create service clusterip web --tcp=80:8080 --tcp=443:8443'],
    ['service nodeport with node port', 'create service nodeport web --tcp=80:8080 --node-port=30080'],
    ['service with a named target', 'create service clusterip web --tcp=80:http'],
    ['service without ports', 'create service clusterip web'],
    ['service headless', 'create service clusterip web --clusterip=None'],
    ['job with a command', 'create job hello --image=busybox -- echo hi'],
    ['job without a command', 'create job hello --image=busybox'],
    ['job without an image', 'create job hello'],
  ];
  for (const [name, cmd] of cases) {
    it(name, () => {
      const { dir, cleanup } = setup(ENV_FILES);
      try {
        // the flags go before a `--` (after it, words belong to the container command)
        const [head, tail] = cmd.includes(' -- ') ? cmd.split(' -- ') as [string, string] : [cmd, undefined];
        const full = `${head} --dry-run=client -o yaml${tail !== undefined ? ` -- ${tail}` : ''}`;
        const want = real(full.split(' '), dir);
        const got = sim(`kubectl ${full}`, ENV_FILES);
        expect(got.out).toBe(want.out);
        expect(got.code).toBe(want.code);
      } finally { cleanup(); }
    });
  }
  it('JSON output matches too', () => {
    const { dir, cleanup } = setup(ENV_FILES);
    try {
      for (const cmd of ['create secret generic s --from-literal=A=1', 'create deployment d --image=nginx', 'create service nodeport x --tcp=80:8501']) {
        expect(sim(`kubectl ${cmd} --dry-run=client -o json`, {}).out).toBe(real([...cmd.split(' '), '--dry-run=client', '-o', 'json'], dir).out);
      }
    } finally { cleanup(); }
  });
  it('env files given as raw bytes: BOM, invalid UTF-8', () => {
    const bytes: Record<string, number[]> = {
      'bom.env': [0xef, 0xbb, 0xbf, ...Buffer.from('BOM=1\n')],
      'bom2.env': [...Buffer.from('A=1\n'), 0xef, 0xbb, 0xbf, ...Buffer.from('B=2\n')],
      'invalid.env': [...Buffer.from('A='), 0xff, 0x0a],
    };
    const { dir, cleanup } = setup(bytes);
    try {
      for (const [f, b] of Object.entries(bytes)) {
        const want = real(['create', 'secret', 'generic', 's', `--from-env-file=${f}`, '--dry-run=client', '-o', 'yaml'], dir);
        const parsed = parseEnvFile(b, f);
        if (want.code !== 0) {
          expect(parsed.ok, f).toBe(false);
          expect(want.out).toContain(parsed.ok ? '<none>' : parsed.error);
        } else {
          expect(parsed.ok, f).toBe(true);
          const keys = parsed.ok ? parsed.pairs.map(([k]) => k) : [];
          for (const k of keys) expect(want.out).toContain(`  ${k}: `);
        }
      }
    } finally { cleanup(); }
  });
});
