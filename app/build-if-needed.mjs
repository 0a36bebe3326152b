// `npm start` runs this first: compile src/ to dist/ only when a source file is newer than the build,
// so a second start is instant. (The container image is built once and starts `node dist/server.js` directly.)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const srcDir = join(root, 'src');
const distDir = join(root, 'dist');

function newestSource() {
  const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return Math.max(statSync(join(root, 'tsconfig.json')).mtimeMs, ...files.map((f) => statSync(join(srcDir, f)).mtimeMs));
}

function oldestBuild() {
  const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  let oldest = Infinity;
  for (const f of files) {
    const out = join(distDir, f.replace(/\.ts$/, '.js'));
    if (!existsSync(out)) return -Infinity;
    oldest = Math.min(oldest, statSync(out).mtimeMs);
  }
  return oldest;
}

if (oldestBuild() < newestSource()) {
  const tsc = join(root, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  const local = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [existsSync(local) ? local : tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
}
