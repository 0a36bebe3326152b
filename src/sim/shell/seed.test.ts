// The workstation starts with the files the README's deploy steps use, and the browser (Vite glob) and the CLI
// (disk walk) seed exactly the same set.
import { describe, it, expect } from 'vitest';
import { readSeedFromDisk } from '../cli';
import { loadSeedFiles } from './seed.vite';
import { isSeedPath, DEFAULT_ENV_EXAMPLE } from './seed';
import { ENV } from '../../../app/src/messages';

describe('workstation seed', () => {
  const disk = readSeedFromDisk();
  it('has manifests/secret.example.env and the deploy scripts (README: cp manifests/secret.example.env .env)', () => {
    expect(disk['manifests/secret.example.env']).toContain('GROQ_API_KEY=');
    for (const s of ['deploy-minikube.sh', 'deploy-kind.sh', 'teardown.sh', 'verify.sh', 'lib.sh']) expect(disk[`scripts/${s}`], s).toBeDefined();
    expect(isSeedPath('scripts/lint-manifests.ts')).toBe(false);
    expect(isSeedPath('scripts/sub/x.sh')).toBe(false);
  });
  it('the browser bundle globs the same files as the CLI reads from disk', () => {
    expect(Object.keys(loadSeedFiles()).sort()).toEqual(Object.keys(disk).sort());
  });
  it('the fallback .env.example names the keys the app reads', () => {
    expect(DEFAULT_ENV_EXAMPLE).toContain(`${ENV.groqKey}=\n`);
    expect(DEFAULT_ENV_EXAMPLE).toContain(`${ENV.huggingfaceKey}=\n`);
    expect(DEFAULT_ENV_EXAMPLE).not.toContain('HUGGINGFACEHUB');
  });
});
