// The heavy half of <exercise-lab> (scenarios, zod, the goal layer, the panel, then the lab chunk), imported only
// when a lab opens: mounts a lab in a scenario's start state with the goals panel in the lab's goals pane.
// `at` > 0 starts after the first `at` solution steps (a teacher's link to "just before the fix").
import { getScenario, scenarios, startFiles, applyReplacements, type Scenario } from '../../scenarios/index';
import { goalWorldFromShell, type GoalWorld, type KObject, type WorldLike, type Requester } from '../../sim/goals/index';
import { getProgress, setGoal, markDone } from '../lesson/progress';
import { mountExercise, type ExerciseHost, type ExercisePanel } from './panel';
import type { LabInfo } from './completion';
import type { LabBackend } from '../lab/backend';
import type { LabController } from '../lab/lab-app';

const LABS: LabInfo[] = scenarios.map((s) => ({ id: s.id, lesson: s.lesson, optional: s.optional, goals: s.goals }));

/** Runs a command while preparing the start state: `sleep N` moves virtual time; anything that holds the terminal is stopped. */
function runQuietly(b: LabBackend, cmd: string): void {
  const sleep = /^sleep\s+(\d+)$/.exec(cmd.trim());
  if (sleep) { b.advance(Number(sleep[1])); return; }
  b.run(cmd);
  // A command that holds the terminal (rollout status, kubectl wait) finishes as virtual time passes.
  for (let i = 0; i < 300 && b.busy; i++) b.advance(1);
  if (b.busy) b.interrupt();
}

/** Applies scenario state to a fresh backend: start files, setup commands, then the first `at` solution steps. */
export function prepareBackend(b: LabBackend, scenario: Scenario, at: number): LabBackend {
  const bases: Record<string, string> = {};
  for (const spec of Object.values(scenario.files)) {
    if ('from' in spec) { const t = b.readFile(spec.from); if (t !== undefined) bases[spec.from] = t; }
  }
  for (const [path, text] of Object.entries(startFiles(scenario, bases))) b.writeFile(path, text);
  for (const cmd of scenario.setup) runQuietly(b, cmd);
  for (const step of scenario.solution.slice(0, at)) {
    if ('edit' in step) b.writeFile(step.edit, applyReplacements(b.readFile(step.edit) ?? '', step.replace, scenario.id));
    else if (!/&\s*$/.test(step.run)) runQuietly(b, step.run);
    else b.run(step.run);
  }
  return b;
}

/** The goal layer's view of a backend: the real World when the backend exposes it, else its objects and files. */
export function goalWorldOf(b: LabBackend): GoalWorld {
  const ext = b as LabBackend & { shell?: { world?: WorldLike }; world?: WorldLike; request?: Requester; explain?: LabBackend['explain'] };
  const world = ext.world ?? ext.shell?.world;
  const explain = (kind: string, name: string, namespace: string) => ext.explain?.({ kind, name, namespace });
  if (world) return goalWorldFromShell(world, ext.request?.bind(ext), { explain });
  const objects = (): KObject[] => b.objects() as KObject[];
  return {
    clusterRunning: () => objects().length > 0,
    list: (kind, ns) => objects().filter((o) => o.kind === kind && (!ns || (o.metadata.namespace ?? 'default') === ns)),
    get: (kind, name, ns) => objects().find((o) => o.kind === kind && o.metadata.name === name && (o.metadata.namespace ?? 'default') === (ns ?? 'default')),
    hasNodeImage: () => false,
    hasLocalImage: () => false,
    readFile: (p) => b.readFile(p),
    request: () => ({ ok: false, explanation: 'the lab does not expose the network model yet' }),
    explain,
  };
}

export interface MountedExercise { controller: LabController; panel: ExercisePanel }

/** Mounts the lab for `scenarioId` into `hostEl`; `onController` hears about every (re)mounted lab controller. */
export async function mountExerciseLab(hostEl: HTMLElement, scenarioId: string, at: number, onController: (c: LabController) => void): Promise<MountedExercise> {
  const scenario = getScenario(scenarioId);
  if (!scenario) throw new Error(`unknown lab "${scenarioId}"`);
  const steps = Number.isInteger(at) && at > 0 ? Math.min(at, scenario.solution.length) : 0;
  const [{ mountLab }, sim] = await Promise.all([import('../lab/lab-app'), import('../lab/sim-backend')]);
  const tabs = [...new Set([...Object.keys(scenario.files), ...sim.LAB_TABS])];
  const mount = async (stateAt: number): Promise<LabController> => {
    const c = await mountLab(hostEl, {
      mode: 'inline', tabs, label: `Editor, terminal and cluster view: ${scenario.title}`,
      createBackend: (seed) => prepareBackend(sim.createSimBackend({ seed }), scenario, stateAt),
    });
    onController(c);
    return c;
  };
  let panel: ExercisePanel | null = null;
  const host = (c: LabController): ExerciseHost => ({
    run: (cmd) => c.run(cmd),
    edit: (path, replace) => c.backend.writeFile(path, applyReplacements(c.backend.readFile(path) ?? '', replace, scenario.id)),
    busy: () => c.backend.busy,
    world: () => goalWorldOf(c.backend),
    onChange: (cb) => c.onClusterChange(cb),
    reset: async () => {
      c.dispose();
      const next = await mount(0);
      panel?.setHost(host(next));
      next.goals.replaceChildren(panel!.root);
    },
  });
  const controller = await mount(steps);
  panel = mountExercise(controller.goals, scenario, host(controller), { progress: { getProgress, setGoal, markDone }, labs: LABS });
  return { controller, panel };
}
