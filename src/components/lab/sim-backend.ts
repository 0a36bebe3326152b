// LabBackend over the real simulator: the terminal's shell (src/sim/shell) and, through it, the World with its
// cluster. The lab never reaches into the engine except through here.
import { createShell, PROJECT_DIR, type Shell, type World } from '../../sim/shell';
import { loadSeedFiles } from '../../sim/shell/seed.vite';
import { explain as engineExplain } from '../../sim/runtime/explain';
import type { Cluster } from '../../sim/runtime/cluster';
import type { NetRequest, NetResult } from '../../sim/net/index';
import type { LabBackend } from './backend';
import type { KObject, RequestTrace } from './view-model';
import { labSchemas } from './schemas';
import { manifestDiagnostics } from './sim-validate';

/** Editor tabs of a lab: the manifest, the env file and a second manifest to experiment in. */
export const LAB_TABS = ['manifests/llmops-k8s.yaml', '.env', 'manifests/extra.yaml'];

const EXTRA_MANIFEST = `# A second manifest to experiment in. Save (Ctrl+S) applies it with kubectl apply -f.
apiVersion: v1
kind: ConfigMap
metadata:
  name: llmops-settings
data:
  LOG_LEVEL: info
`;

function abs(path: string): string { return path.startsWith('/') ? path : `${PROJECT_DIR}/${path}`; }
function rel(path: string): string { return path.startsWith(PROJECT_DIR + '/') ? path.slice(PROJECT_DIR.length + 1) : path; }

export interface SimBackendOptions { seed: number; files?: Record<string, string> }
export type SimBackend = LabBackend & { readonly shell: Shell; readonly world: World };

export function createSimBackend(opts: SimBackendOptions): SimBackend {
  const files = { ...(opts.files ?? loadSeedFiles()) };
  if (files['.env'] === undefined) files['.env'] = files['.env.example'] ?? 'GROQ_API_KEY=\n';
  if (files['manifests/extra.yaml'] === undefined) files['manifests/extra.yaml'] = EXTRA_MANIFEST;
  const shell: Shell = createShell({ seed: opts.seed, files, interactive: true });
  const world = shell.world;
  const start = world.nowMs;
  let localRev = 0;
  let trace: RequestTrace | null = null;
  // The latest request's hop-by-hop trace (curl, port-forward connections) for the cluster view. The engine has no
  // request listener yet (NEEDS.md item 1), so the lab wraps the engine instance's request() once per cluster.
  const wrapped = new WeakSet<object>();
  const engine = (): Cluster | undefined => (world.cluster && world.minikube !== 'absent' ? world.cluster.engine : undefined);
  function watchRequests(): void {
    const e = engine();
    if (!e || wrapped.has(e)) return;
    wrapped.add(e);
    const original = e.request.bind(e);
    e.request = (req: NetRequest): NetResult => {
      const r = original(req);
      trace = { hops: r.trace.map((h) => ({ label: h.text, ok: h.ok, ref: h.ref ? { kind: h.ref.kind, name: h.ref.name } : undefined })) };
      localRev++;
      return r;
    };
  }
  const backend: SimBackend = {
    seed: opts.seed,
    shell,
    world,
    run: (input) => { watchRequests(); const r = shell.run(input); watchRequests(); localRev++; return r; },
    interrupt: () => { const r = shell.interrupt(); localRev++; return r; },
    get busy() { return shell.isBusy; },
    complete: (line, cursor) => shell.complete(line, cursor),
    onOutput: (cb) => shell.onOutput(cb),
    prompt: () => {
      const cwd = shell.cwd === PROJECT_DIR ? '~/llmops' : shell.cwd.replace(/^\/home\/learner/, '~');
      return `\x1b[32mlearner@workstation\x1b[0m:\x1b[34m${cwd}\x1b[0m$ `;
    },
    readFile: (p) => world.vfs.read(abs(p)),
    writeFile: (p, text) => world.vfs.write(abs(p), text),
    onFileChange: (cb) => world.vfs.onChange((e) => cb(rel(e.path))),
    objects: () => {
      const c = world.cluster;
      if (!c || world.minikube === 'absent') return [];
      return c.store.all() as unknown as KObject[];
    },
    revision: () => {
      const c = world.cluster;
      return (c ? Number(c.store.resourceVersion) : 0) * 4096 + (localRev % 4096);
    },
    elapsedMs: () => world.nowMs - start,
    advance: (seconds) => { watchRequests(); world.advance(seconds); },
    explain: (ref) => {
      const e = engine();
      if (!e) return undefined;
      try { return engineExplain(e, ref); } catch { return undefined; }
    },
    // paths inside the project reach the UI project-relative, as everywhere else in this interface
    setEditorHook: (hook) => shell.setEditorHook(hook && ((path, onSave) => hook(rel(path), onSave))),
    lastTrace: () => trace,
    validate: (_path, text) => manifestDiagnostics(text),
    schemas: () => labSchemas(),
  };
  return backend;
}
