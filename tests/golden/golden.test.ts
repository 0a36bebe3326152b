// Golden transcripts: every tests/golden/*.sh, run as `npm run sim` runs it, must print exactly its *.out.
// Regenerate with `npm run golden:update` and review the text diff.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { goldenScripts, readScript, expectedPath, transcriptOf } from './run';

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
