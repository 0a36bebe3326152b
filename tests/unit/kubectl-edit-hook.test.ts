// kubectl edit through the shell's editor hook (what the lab wires to a Monaco tab): each outcome of kubectl's edit
// loop, with the terminal lines kubectl prints and the file the editor is (re)opened with.
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/sim/shell';
import { loadSeedFiles } from '../../src/sim/shell/seed.vite';

function setup() {
  const sh = createShell({ seed: 1, files: loadSeedFiles(), interactive: true });
  const opened: Array<{ path: string; onSave: (t: string) => void }> = [];
  sh.setEditorHook((path, onSave) => { opened.push({ path, onSave: onSave! }); return true; });
  const out: string[] = [];
  sh.onOutput((t) => out.push(t));
  for (const c of ['minikube start', 'kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=x', 'kubectl apply -f manifests/llmops-k8s.yaml']) sh.run(c);
  sh.world.advance(5);
  const edit = (target = 'deploy/llmops-app') => {
    opened.length = 0;
    const r = sh.run(`kubectl edit ${target}`);
    const session = opened[0]!;
    return { r, path: session.path, text: () => sh.world.vfs.read(session.path)!, save: (t: string) => { out.length = 0; opened.length = 0; session.onSave(t); return out.join(''); } };
  };
  return { sh, edit, opened, get: (cmd: string) => sh.run(cmd).output };
}

describe('kubectl edit with an editor attached', () => {
  it('opens the live object under the kubectl header; an unchanged save is cancelled', () => {
    const { edit } = setup();
    const e = edit();
    expect(e.r.exitCode).toBe(0);
    expect(e.text()).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/);
    expect(e.text()).toContain('kind: Deployment\n');
    expect(e.text()).toContain('  replicas: 1\n');
    expect(e.save(e.text())).toBe('Edit cancelled, no changes made.\n');
  });

  it('a changed field is patched into the live object and reported as edited', () => {
    const { edit, get } = setup();
    const e = edit();
    expect(e.save(e.text().replace('  replicas: 1\n', '  replicas: 3\n'))).toBe('deployment.apps/llmops-app edited\n');
    expect(get('kubectl get deploy llmops-app -o jsonpath={.spec.replicas}')).toBe('3');
  });

  it('sends only what was edited: a scale made while the editor was open is kept', () => {
    const { sh, edit, get } = setup();
    const e = edit();
    const text = e.text();
    sh.run('kubectl scale deploy/llmops-app --replicas=4');
    sh.world.advance(3);
    expect(e.save(text.replace('image: llmops-app:latest', 'image: nginx'))).toBe('deployment.apps/llmops-app edited\n');
    expect(get('kubectl get deploy llmops-app -o jsonpath={.spec.replicas}')).toBe('4');
    expect(get('kubectl get deploy llmops-app -o jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx');
  });

  it('an invalid object reopens the editor with the reasons; saving it again unchanged gives up', () => {
    const { edit, opened } = setup();
    const e = edit();
    const broken = e.text().replace(/( {2}template:\n {4}metadata:\n {6}labels:\n {8}app: )llmops/, '$1other');
    expect(e.save(broken)).toBe('error: deployments.apps "llmops-app" is invalid\n');
    expect(opened).toHaveLength(1);
    const reopened = e.text();
    expect(reopened).toContain('#\n# deployments.apps "llmops-app" was not valid:\n# * spec.template.metadata.labels: Invalid value: ');
    expect(reopened).toContain('app: other');
    expect(e.save(reopened)).toBe('A copy of your changes has been stored to "/tmp/kubectl-edit-llmops-app.yaml"\nerror: Edit cancelled, no valid changes were saved.\n');
  });

  it('a YAML syntax error reopens the file silently; fixing it then applies', () => {
    const { edit, opened, get } = setup();
    const e = edit();
    expect(e.save(e.text().replace('  replicas: 1\n', '  replicas: [\n'))).toBe('');
    expect(opened).toHaveLength(1);
    expect(e.text()).toMatch(/# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: /);
    expect(e.save(e.text().replace('  replicas: [\n', '  replicas: 2\n'))).toBe('deployment.apps/llmops-app edited\n');
    expect(get('kubectl get deploy llmops-app -o jsonpath={.spec.replicas}')).toBe('2');
  });

  it('empty files, renames and formatting-only changes are handled as kubectl does', () => {
    const { edit } = setup();
    let e = edit();
    expect(e.save('# nothing left\n\n')).toBe('Edit cancelled, saved file was empty.\n');
    e = edit();
    expect(e.save(e.text().replace('  replicas: 1\n', '  replicas:   1\n'))).toBe('deployment.apps/llmops-app skipped\n');
    e = edit();
    expect(e.save(e.text().replace('  name: llmops-app\n  namespace', '  name: renamed\n  namespace'))).toBe('A copy of your changes has been stored to "/tmp/kubectl-edit-llmops-app.yaml"\nerror: At least one of apiVersion, kind and name was changed\n');
  });

  it('without an editor the command fails with a clear message', () => {
    const sh = createShell({ seed: 1, files: loadSeedFiles(), interactive: false });
    sh.run('minikube start');
    sh.run('kubectl apply -f manifests/llmops-k8s.yaml');
    const r = sh.run('kubectl edit deploy/llmops-app');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^error: there is no text editor in this terminal/);
  });
});
