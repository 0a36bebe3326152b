// Every lab, end to end through the terminal's code path: the same shell and transcript runner as
// `npm run --silent sim`, in-process. Broken labs must be broken before the fix (every goal unmet, the symptom in
// the command's output); after the solution script, every goal must be met.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { labSession } from '../../src/scenarios/session';
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

describe('each lab as a terminal session (what `session.ts` prints for `npm run --silent sim`)', () => {
  const readProject = (p: string) => SEED_FILES[p];
  for (const s of scenarios) {
    it(`${s.id}: the session replayed from a bare workstation meets every goal`, () => {
      const shell = createShell({ seed: 1, files: SEED_FILES, interactive: false });
      const transcript = runTranscript(shell, labSession(s, readProject));
      if (s.symptom) expect(transcript).toMatch(new RegExp(s.symptom.shows));
      const unmet = evaluateGoals(s.goals, goalWorldFromShell(shell.world as unknown as WorldLike)).filter((r) => !r.met).map((r) => `${r.id}: ${r.detail}`);
      expect(unmet).toEqual([]);
    });
  }

  it('the real CLI (`npm run --silent sim`) replays a broken lab and its fix', () => {
    const session = labSession(scenarios.find((x) => x.id === 'selector-typo')!, readProject);
    const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/sim/cli.ts'], { input: session, encoding: 'utf8', timeout: 60_000 });
    const endpoints = out.split('$ kubectl get endpoints llmops-service');
    expect(endpoints.length).toBe(3); // the symptom, then the check after the fix
    expect(endpoints[1]).toMatch(/llmops-service\s+<none>/);
    expect(endpoints[2]).toMatch(/llmops-service\s+10\.244\.0\.\d+:8501/);
    expect(out).toContain('service/llmops-service configured');
  });
});
