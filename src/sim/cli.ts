// `npm run --silent sim < session.sh [-- --seed N]`: feeds a terminal session to the same shell the browser uses
// and prints what the terminal would show. Contract: shared design.md ("The CLI contract").
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createShell } from './shell/index';
import { seedFiles, isSeedPath, SEED_MAX_BYTES } from './shell/seed';
import { runTranscript } from './shell/transcript';
import { loadLlmopsData } from './images/llmops-app';

/** The repository root: the nearest folder above this file (or the bundled copy of it) with a manifests/ folder. */
function findRoot(): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let d = start;
    for (let i = 0; i < 8; i++) {
      if (existsSync(join(d, 'manifests')) && existsSync(join(d, 'package.json'))) return d;
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  return process.cwd();
}
const ROOT = findRoot();

/** The repository's seed files (manifests/, scripts/*.sh, app/ subset, Dockerfile, .dockerignore, .env.example). */
export function readSeedFromDisk(root = ROOT): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    let entries: string[];
    try { entries = readdirSync(dir); } catch { return; }
    for (const e of entries) {
      const abs = join(dir, e);
      const rel = relative(root, abs).split('\\').join('/');
      let st;
      try { st = statSync(abs); } catch { continue; }
      if (st.isDirectory()) {
        if (!['node_modules', 'dist', '.git'].includes(e) && (rel === 'manifests' || rel === 'scripts' || rel === 'app' || rel.startsWith('app/src') || rel === 'app/data')) walk(abs);
      } else if (isSeedPath(rel) && st.size <= SEED_MAX_BYTES) out[rel] = readFileSync(abs, 'utf8');
    }
  };
  walk(root);
  return seedFiles(out);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      if (v === undefined || !/^-?\d+$/.test(v)) { process.stderr.write(`sim: --seed needs an integer, got ${v ?? 'nothing'}\n`); return 2; }
      seed = Number(v);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('Usage: npm run --silent sim < session.sh [-- --seed N]\nRuns a terminal session on the simulated workstation and prints the transcript.\n');
      return 0;
    } else { process.stderr.write(`sim: unknown argument ${a}\n`); return 2; }
  }
  let script: string;
  try {
    script = readFileSync(0, 'utf8');
  } catch (e) {
    process.stderr.write(`sim: cannot read the session from standard input: ${(e as Error).message}\n`);
    return 1;
  }
  // the app's offline index (MiniSearch + app/data) is loaded before the session, so answers never depend on timing
  await loadLlmopsData();
  const shell = createShell({ seed, files: readSeedFromDisk(), interactive: false });
  process.stdout.write(runTranscript(shell, script));
  // for the benchmark: the process's own CPU time (the machine may be shared, so wall time alone misleads)
  if (process.env.SIM_CPU_REPORT === '1') { const u = process.cpuUsage(); process.stderr.write(`sim-cpu-ms ${((u.user + u.system) / 1000).toFixed(1)}\n`); }
  return 0;
}

// run only as a program (tests import readSeedFromDisk)
if (process.env.SIM_CLI_MAIN === '1' || (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)) process.exitCode = await main();
