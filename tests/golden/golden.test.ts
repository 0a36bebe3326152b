// Golden transcripts: every tests/golden/*.sh, run as `npm run sim` runs it, must print exactly its *.out.
// Regenerate with `npm run golden:update` and review the text diff.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenScripts, readScript, expectedPath, transcriptOf, GOLDEN_DIR } from './run';

describe('golden transcripts', () => {
  const scripts = goldenScripts();
  it('has at least 25 sessions', () => { expect(scripts.length).toBeGreaterThanOrEqual(25); });
  for (const name of scripts) {
    it(name, () => {
      const path = expectedPath(name);
      expect(existsSync(path), `${path} is missing: run npm run golden:update`).toBe(true);
      expect(transcriptOf(readScript(name))).toBe(readFileSync(path, 'utf8'));
    });
  }
});

describe('examples/deploy-minikube.sh', () => {
  it('deploys, serves, scales, updates and rolls back without an error', () => {
    const out = transcriptOf(readFileSync(join(GOLDEN_DIR, '..', '..', 'examples', 'deploy-minikube.sh'), 'utf8'));
    expect(out).not.toMatch(/^(error|Error from server|bash: |curl: \()/m);
    expect(out.match(/deployment "llmops-app" successfully rolled out/g)?.length).toBe(4);
    expect(out.match(/^\{"status":"ok"\}$/gm)?.length).toBe(2);
    expect(out).toContain('Handling connection for 8501');
    expect(out).toContain('deployment.apps/llmops-app rolled back');
  });
});
