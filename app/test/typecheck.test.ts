// The root `npm run check` does not look inside app/ (its own package, its own tsconfig), so the app's sources
// and tests are type-checked here, strict, with the same compiler the image build uses.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('app/src and app/test type-check (tsc -p app/tsconfig.test.json)', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const project = fileURLToPath(new URL('../tsconfig.test.json', import.meta.url));
  const res = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
  expect(res.stdout + res.stderr).toBe('');
  expect(res.status).toBe(0);
}, 120_000);
