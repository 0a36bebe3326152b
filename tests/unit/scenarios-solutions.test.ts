// Every lab, end to end through the terminal's code path: the same shell and transcript runner as
// `npm run --silent sim`, in-process. Broken labs must be broken before the fix (every goal unmet, the symptom in
// the command's output); after the solution script, every goal must be met.
import { describe, expect, it } from 'vitest';
import { createShell, PROJECT_DIR } from '../../src/sim/shell/index';
import { loadSeedFiles } from '../../src/sim/shell/seed.vite';
import { runTranscript } from '../../src/sim/shell/transcript';
import { scenarios, startFiles, applyReplacements, type Scenario } from '../../src/scenarios/index';
import { evaluateGoals, goalWorldFromShell, type WorldLike } from '../../src/sim/goals/index';

const SEED_FILES = loadSeedFiles();

function start(s: Scenario) {
  const shell = createShell({ seed: 1, files: SEED_FILES, interactive: false });
  const vfs = shell.world.vfs;
  const bases: Record<string, string> = {};
  for (const spec of Object.values(s.files)) if ('from' in spec) bases[spec.from] = vfs.read(`${PROJECT_DIR}/${spec.from}`) ?? '';
  for (const [path, text] of Object.entries(startFiles(s, bases))) vfs.write(`${PROJECT_DIR}/${path}`, text);
  let transcript = runTranscript(shell, s.setup.join('\n') + '\n');
  const world = goalWorldFromShell(shell.world as unknown as WorldLike);
  const run = (cmd: string) => { const out = runTranscript(shell, cmd + '\n'); transcript += out; return out; };
  const solve = () => {
    for (const step of s.solution) {
      if ('edit' in step) {
        const path = `${PROJECT_DIR}/${step.edit}`;
        vfs.write(path, applyReplacements(vfs.read(path) ?? '', step.replace, `${s.id} solution`));
      } else run(step.run);
    }
  };
  return { shell, world, run, solve, transcript: () => transcript };
}

describe('every lab through the CLI code path', () => {
  for (const s of scenarios) {
    it(`${s.id}: ${s.kind === 'troubleshooting' ? 'starts broken, and ' : ''}its solution meets every goal`, () => {
      const lab = start(s);
      const before = evaluateGoals(s.goals, lab.world);
      if (s.kind === 'troubleshooting') {
        expect(before.filter((r) => r.met).map((r) => `${r.id}: ${r.detail}`), `${s.id} goals met before the fix`).toEqual([]);
        const out = lab.run(s.symptom!.command);
        expect(out, `${s.id} symptom from ${s.symptom!.command}`).toMatch(new RegExp(s.symptom!.shows));
      } else {
        expect(before.some((r) => !r.met), `${s.id} is already solved at the start`).toBe(true);
      }
      lab.solve();
      const after = evaluateGoals(s.goals, lab.world);
      const unmet = after.filter((r) => !r.met).map((r) => `${r.id}: ${r.detail}`);
      if (unmet.length) console.log(`--- ${s.id} transcript tail:\n${lab.transcript().slice(-2500)}`);
      expect(unmet, `${s.id} goals unmet after the solution`).toEqual([]);
    });
  }
});
