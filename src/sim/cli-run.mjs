// Launcher for `npm run sim`: bundles src/sim/cli.ts with esbuild (already installed through Astro/Vite) when any
// source under src/sim is newer than the bundle, then runs it. tsx compiles every module on each start, which
// costs seconds; the bundle starts in ~100 ms. The bundle lives in node_modules/.cache (never committed).
import { statSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'node_modules', '.cache', 'manifest-lab', 'sim-cli.mjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

let stale = true;
try { stale = statSync(out).mtimeMs < newest(here); } catch { stale = true; }
if (stale) {
  const { buildSync } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  buildSync({
    entryPoints: [join(here, 'cli.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}
process.env.SIM_CLI_MAIN = '1';
await import(pathToFileURL(out).href);
