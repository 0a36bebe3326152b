// Which repository files the simulated workstation starts with, and the fallback for files the repo lacks.
// The files themselves are read by the host: the CLI reads the disk (src/sim/cli.ts), the browser bundles them
// with Vite's import.meta.glob (src/sim/shell/seed.vite.ts). Both pass them through `seedFiles`.

/** Paths (relative to the repository root) copied into the project directory of the virtual file system. */
export function isSeedPath(path: string): boolean {
  if (/(^|\/)(node_modules|dist|\.git)\//.test(path)) return false;
  if (/^manifests\/[^/]+\.(ya?ml|md|txt|env)$/.test(path)) return true;
  // the README's deploy steps use them: `cp manifests/secret.example.env .env`, `scripts/deploy-minikube.sh`
  if (/^scripts\/[^/]+\.sh$/.test(path)) return true;
  if (/^app\/(package\.json|package-lock\.json|tsconfig\.json|README\.md)$/.test(path)) return true;
  if (/^app\/data\/[^/]+\.(json|csv|txt)$/.test(path)) return true;
  if (/^app\/src\/.+\.(ts|js|json|html|css)$/.test(path) && !/\.test\.ts$/.test(path)) return true;
  return ['Dockerfile', '.dockerignore', '.env.example'].includes(path);
}

/** Files larger than this are left out (the terminal is for reading manifests and code, not data dumps). */
export const SEED_MAX_BYTES = 128 * 1024;

/** Used when the repository has no .env.example: the keys the app reads (app/src/messages.ts ENV), empty. */
export const DEFAULT_ENV_EXAMPLE = `# Copy to .env and fill in; create the Secret with:
#   kubectl create secret generic llmops-secrets --from-env-file=.env
GROQ_API_KEY=
HUGGINGFACE_API_KEY=
`;

/** Filters host files to the seed set (relative paths → text) and fills in defaults. */
export function seedFiles(all: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, text] of Object.entries(all)) {
    const rel = p.replace(/^\.?\//, '');
    if (isSeedPath(rel) && text.length <= SEED_MAX_BYTES) out[rel] = text;
  }
  if (!('.env.example' in out)) out['.env.example'] = DEFAULT_ENV_EXAMPLE;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
