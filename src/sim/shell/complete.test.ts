import { describe, it, expect, beforeAll } from 'vitest';
import { createShell } from './index';
import type { Shell } from './shell';

const FILES = { 'manifests/llmops-k8s.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n', 'manifests/other.yaml': '', Dockerfile: 'FROM nginx\n', '.env.example': 'A=\n' };
const cands = (sh: Shell, line: string) => sh.complete(line).candidates;

describe('tab completion', () => {
  let sh: Shell;
  beforeAll(() => { sh = createShell({ files: FILES, interactive: false }); });
  it('completes command names', () => {
    expect(cands(sh, 'kub')).toEqual(['kubectl']);
    expect(cands(sh, 'mini')).toEqual(['minikube']);
    expect(cands(sh, 'h')).toEqual(expect.arrayContaining(['head', 'help', 'history']));
  });
  it('completes kubectl subcommands from the command table', () => {
    expect(cands(sh, 'kubectl ro')).toEqual(['rollout']);
    expect(cands(sh, 'kubectl rollout ')).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(cands(sh, 'kubectl create secret ')).toEqual(['generic']);
  });
  it('completes flags and their values', () => {
    expect(cands(sh, 'kubectl get pods --sh')).toEqual(['--show-labels']);
    expect(cands(sh, 'kubectl get pods -o ')).toEqual(['custom-columns=', 'go-template=', 'json', 'jsonpath=', 'name', 'wide', 'yaml']);
    expect(cands(sh, 'kubectl get pods --output=ya')).toEqual(['--output=yaml']);
    expect(cands(sh, 'kubectl apply -f man')).toEqual(['manifests/']);
    expect(cands(sh, 'kubectl apply -f manifests/')).toEqual(['manifests/llmops-k8s.yaml', 'manifests/other.yaml']);
  });
  it('completes resource types, then object names from the cluster', () => {
    expect(cands(sh, 'kubectl get dep')).toEqual(['deploy', 'deployment', 'deployments']);
    expect(cands(sh, 'kubectl get no')).toEqual(['no', 'node', 'nodes']);
    expect(cands(sh, 'kubectl get nodes ')).toEqual([]);
    sh.run('minikube start');
    expect(cands(sh, 'kubectl get nodes ')).toEqual(['minikube']);
    expect(cands(sh, 'kubectl describe node/m')).toEqual(['node/minikube']);
    expect(cands(sh, 'kubectl get svc ')).toEqual(['kubernetes']);
  });
  it('completes explain field paths', () => {
    expect(cands(sh, 'kubectl explain deployment.spec.rep')).toEqual(['deployment.spec.replicas']);
  });
  it('completes files for other commands and returns where the word starts', () => {
    expect(sh.complete('cat Dock')).toEqual({ start: 4, candidates: ['Dockerfile'] });
    expect(sh.complete('echo x | grep -i y; cat man')).toEqual({ start: 24, candidates: ['manifests/'] });
  });
  it('completes minikube and docker subcommands', () => {
    expect(cands(sh, 'minikube im')).toEqual(['image']);
    expect(cands(sh, 'minikube image ')).toEqual(['load', 'ls', 'rm']);
    expect(cands(sh, 'docker b')).toEqual(['build']);
  });
});

describe('history', () => {
  it('keeps every input, numbered by `history`, multi-line heredocs as one entry', () => {
    const sh = createShell({ interactive: false });
    sh.run('echo one');
    sh.run('cat > f <<EOF\nhi\nEOF');
    sh.run('   ');
    sh.run('history');
    expect(sh.historyList).toEqual(['echo one', 'cat > f <<EOF\nhi\nEOF', 'history']);
    expect(sh.run('history 2').output).toBe('    3  history\n    4  history 2\n');
  });
  it('history -c clears it', () => {
    const sh = createShell({ interactive: false });
    sh.run('echo a');
    sh.run('history -c');
    expect(sh.run('history').output).toBe('    1  history\n');
  });
});

describe('interactive terminal API', () => {
  it('holds the terminal for a foreground port-forward until interrupt()', () => {
    const sh = createShell({ interactive: true });
    sh.run('minikube start');
    sh.run('kubectl create deployment web --image=nginx');
    sh.run('kubectl wait --for=condition=Available deployment/web --timeout=60s');
    const r = sh.run('kubectl port-forward deploy/web 8080:80');
    expect(r.running).toBe(true);
    expect(r.output).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(sh.isBusy).toBe(true);
    const heard: string[] = [];
    sh.onOutput((t) => heard.push(t));
    // time passes in the browser; a request from elsewhere (the lab's own probe, a second terminal) reaches the forward
    sh.world.advance(3);
    expect(sh.world.cluster!.request({ from: { kind: 'workstation' }, url: 'http://localhost:8080/' }).ok).toBe(true);
    sh.world.portForwards.get(8080)!.onConnection();
    expect(heard.join('')).toBe('Handling connection for 8080\n');
    expect(sh.interrupt()).toBe('^C\n');
    expect(sh.isBusy).toBe(false);
    expect(sh.run('echo $?').output).toBe('130\n');
  });
  it('lets the lab hear requests and probe without printing', () => {
    const sh = createShell({ interactive: false });
    expect(sh.world.http('workstation', 'http://localhost:80/')).toBeUndefined();
    sh.run('minikube start');
    sh.run('kubectl create deployment web --image=nginx');
    sh.run('kubectl expose deployment web --type=NodePort --port=80');
    sh.run('kubectl rollout status deployment/web');
    sh.run('sleep 5');
    const seen: string[] = [];
    sh.world.cluster!.onRequest((req, res) => seen.push(`${req.url} ${res.ok}`));
    const url = sh.run('minikube service web --url').output.trim();
    expect(sh.run(`curl -s -o /dev/null -w '%{http_code}' ${url}`).output).toBe('200');
    expect(seen).toEqual([`${url} true`]);
    const probe = sh.world.http('workstation', url);
    expect(probe?.ok).toBe(true);
    expect(probe?.trace.map((h) => h.kind)).toContain('nodeport');
    expect(sh.world.cluster!.explain({ kind: 'Deployment', namespace: 'default', name: 'web' })).toMatch(/\S/);
  });
  it('releases the terminal when a foreground port-forward loses its pod', () => {
    const sh = createShell({ interactive: true });
    sh.run('minikube start');
    sh.run('kubectl run web --image=nginx');
    sh.run('kubectl wait --for=condition=Ready pod/web --timeout=60s');
    const r = sh.run('kubectl port-forward pod/web 8080:80');
    expect(r.running).toBe(true);
    const out: string[] = [];
    const idle: number[] = [];
    sh.onOutput((t) => out.push(t));
    sh.onIdle((code) => idle.push(code));
    // the pod is deleted from elsewhere (the lab, another terminal); time passes
    sh.world.cluster!.store.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 });
    sh.world.advance(1);
    expect(out.join('')).toBe('error: lost connection to pod\n');
    expect(idle).toEqual([1]);
    expect(sh.isBusy).toBe(false);
  });
  it('says when an input needs more lines', () => {
    const sh = createShell({ interactive: true });
    expect(sh.run('cat > x <<EOF').incomplete).toBe(true);
    expect(sh.run('cat > x <<EOF\nhello\nEOF').incomplete).toBe(false);
    expect(sh.world.vfs.read('/home/learner/llmops/x')).toBe('hello\n');
  });
  it('emits ANSI only where a terminal would', () => {
    const sh = createShell({ interactive: true });
    expect(sh.run('clear').output).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(createShell({ interactive: false }).run('clear').output).toBe('');
  });
});
