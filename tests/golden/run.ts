// Runs a golden session script through the same code path as `npm run sim` (createShell + runTranscript, with the
// repository's files read from disk and the default seed).
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createShell } from '../../src/sim/shell/index';
import { runTranscript } from '../../src/sim/shell/transcript';
import { readSeedFromDisk } from '../../src/sim/cli';
import { loadLlmopsData } from '../../src/sim/images/llmops-app';

// the CLI loads the app's offline index before a session (src/sim/cli.ts); so do the golden runs
await loadLlmopsData();

export const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));

let seedCache: Record<string, string> | undefined;

/**
 * The repository's seed files, with the app's own sources (app/**) replaced by a fixed stand-in per path: the app
 * engineers change those files all the time, and the build context size and image ID docker prints depend on
 * their bytes. Manifests, the Dockerfile, .dockerignore and .env.example are the real ones.
 */
export function goldenSeed(): Record<string, string> {
  const real = readSeedFromDisk();
  return Object.fromEntries(Object.entries(real).map(([p, text]) => [p, p.startsWith('app/') ? `// ${p}: fixed stand-in for the golden transcripts\n` : text]));
}

export function transcriptOf(script: string, seed = 1): string {
  seedCache ??= goldenSeed();
  const shell = createShell({ seed, files: seedCache, interactive: false });
  return runTranscript(shell, script);
}

export function goldenScripts(): string[] {
  return readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.sh')).sort();
}

export function readScript(name: string): string { return readFileSync(join(GOLDEN_DIR, name), 'utf8'); }
export function expectedPath(name: string): string { return join(GOLDEN_DIR, name.replace(/\.sh$/, '.out')); }
