// Property tests: whatever is typed, the interpreter answers (an output or an error line) and never throws.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createShell } from './index';
import { parse } from './lexer';

const WORDS = ['kubectl', 'minikube', 'docker', 'curl', 'echo', 'cat', 'grep', 'head', 'ls', 'sleep', 'get', 'describe', 'apply', 'delete', 'logs', 'pods', 'deploy',
  'svc', 'all', 'llmops-app', 'llmops-service', '-f', '-', '-n', 'default', '-o', 'yaml', 'json', 'wide', '-l', 'app=llmops', '--replicas=3', 'scale', 'rollout',
  'status', 'undo', 'port-forward', '8501:80', 'start', 'stop', 'image', 'load', 'build', '-t', '.', 'localhost:8501', 'manifests/llmops-k8s.yaml', '&&', '||',
  ';', '|', '&', '>', '<<EOF', 'EOF', '"', "'", '$(', ')', '$?', '$HOME', '#', '\\', '--', '-it', '--rm', 'run', 'exec', 'env', 'secret', 'generic', 'create',
  '--from-literal=A=b', 'explain', 'deployment.spec', 'wait', '--for=condition=Ready', 'kill', '%1', 'jobs', 'history', 'x=1', '{', '}', '*', '~',
  'for', 'in', 'do', 'done', 'if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'break', 'continue', '$((x+1))', '$((1/0))', '${x:-d}', '${#x}', '[', ']',
  '-eq', '-f', 'test', 'eval', 'bash', '-c', 'awk', "'{print $1}'", 'sed', "'s/a/b/g'", 'sort', '-n', 'uniq', 'cut', '-d:', '-f1', 'tr', 'a-z', 'A-Z'];

const FILES = { 'manifests/llmops-k8s.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llmops-app\nspec:\n  selector:\n    matchLabels:\n      app: llmops\n  template:\n    metadata:\n      labels:\n        app: llmops\n    spec:\n      containers:\n      - name: c\n        image: nginx\n', Dockerfile: 'FROM nginx\nCOPY . .\n' };

describe('the interpreter never crashes', () => {
  it('on random command lines built from real words', () => {
    const sh = createShell({ interactive: false, files: FILES });
    sh.run('minikube start');
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }), (ws) => {
      const line = ws.join(' ');
      const r = sh.run(line);
      if (r.running) sh.interrupt();
      expect(typeof r.output).toBe('string');
      expect(Number.isInteger(r.exitCode)).toBe(true);
      expect(r.output).not.toMatch(/internal error/);
      // a failing command says something (an error line), except tools that fail silently by design
      if (r.exitCode !== 0 && !r.incomplete && parse(line).items.length > 0 && !/^(grep|false|test|\[|kill|true|wait|until|while|if|for|break|continue)\b|\| *grep|\|\||&& *false|[;&|] *(false|test|\[|grep|if|while|until)\b/.test(line) && !/^\s*$/.test(line)) {
        expect(r.output.length, `no message for exit ${r.exitCode}: ${line}`).toBeGreaterThan(0);
      }
    }), { numRuns: 400, seed: 42 });
  });
  it('on random bytes', () => {
    const sh = createShell({ interactive: false, files: FILES });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      expect(() => parse(s)).not.toThrow();
      const r = sh.run(s);
      if (r.running) sh.interrupt();
      expect(typeof r.output).toBe('string');
      expect(r.output).not.toMatch(/internal error/);
    }), { numRuns: 500, seed: 7 });
  });
  it('on random kubectl flag soup before and after minikube start', () => {
    const flags = fc.constantFrom('-o', '-n', '-l', '-A', '-w', '--all', '-f', '--dry-run=client', '--tail=1', '--show-labels', '-c', '-p', '--previous', '--timeout=1s', '--for=delete', '--image=nginx', '--port=80', '--bogus', '-z', '--', '=', '');
    const sh = createShell({ interactive: false, files: FILES });
    fc.assert(fc.property(fc.constantFrom('get', 'describe', 'logs', 'delete', 'create', 'apply', 'scale', 'rollout', 'exec', 'run', 'wait', 'label', 'expose', 'explain', 'port-forward', 'set', 'edit', 'config', 'version'), fc.array(fc.oneof(flags, fc.constantFrom('pods', 'deploy', 'x', 'llmops-app', 'svc/x', 'deploy/llmops-app', 'a=b')), { maxLength: 6 }), fc.boolean(),
      (cmd, rest, start) => {
        if (start && sh.world.minikube !== 'running') sh.run('minikube start');
        const r = sh.run(['kubectl', cmd, ...rest].join(' '));
        if (r.running) sh.interrupt();
        expect(r.output).not.toMatch(/internal error/);
        if (r.exitCode !== 0) expect(r.output.trim().length).toBeGreaterThan(0);
      }), { numRuns: 400, seed: 3 });
  });
});
