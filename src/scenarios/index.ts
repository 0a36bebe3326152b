// All labs of the course, validated once at import. Order: course order, then the lesson's own order.
import { parseScenario, type Scenario, type ScenarioInput } from './schema';
import * as basics from './labs/basics';
import * as operate from './labs/operate';
import * as fix from './labs/fix';

const ORDER: ScenarioInput[] = [
  basics.overviewReconcile,
  basics.yamlIndentation,
  basics.deploymentReplicas, basics.pullPolicyLatest,
  basics.servicePortForward, basics.selectorTypo,
  basics.requestPath, basics.targetPortWrong,
  operate.deployEndToEnd,
  operate.scaleToThree, operate.cpuTooLarge,
  operate.rollingUpdate, operate.badTagRollout,
  fix.secretMissing, fix.crashloopNoKey, fix.imageNotLoaded,
  fix.hardenManifest, fix.readinessProbeFailing,
  fix.reviewAll,
];

function load(): Scenario[] {
  const all = ORDER.map(parseScenario);
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.id)) throw new Error(`duplicate scenario id ${s.id}`);
    seen.add(s.id);
  }
  return all;
}

export const scenarios: readonly Scenario[] = load();

export function getScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}

export function scenariosForLesson(slug: string): Scenario[] {
  return scenarios.filter((s) => s.lesson === slug);
}

/** Applies [from, to] replacements; each `from` must occur exactly once, or this throws naming it. */
export function applyReplacements(text: string, replace: readonly (readonly [string, string])[], where: string): string {
  let out = text;
  for (const [from, to] of replace) {
    const first = out.indexOf(from);
    if (first < 0) throw new Error(`${where}: text to replace not found: ${JSON.stringify(from)}`);
    if (out.indexOf(from, first + 1) >= 0) throw new Error(`${where}: text to replace occurs more than once: ${JSON.stringify(from)}`);
    out = out.slice(0, first) + to + out.slice(first + from.length);
  }
  return out;
}

/**
 * The files a scenario puts on the workstation, built from the project's own files (`base`, paths relative to the
 * project directory). Only the files the scenario changes are returned.
 */
export function startFiles(scenario: Scenario, base: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, spec] of Object.entries(scenario.files)) {
    if ('text' in spec) { out[path] = spec.text; continue; }
    const source = base[spec.from];
    if (source === undefined) throw new Error(`${scenario.id}: start file ${path} is based on ${spec.from}, which is not a project file`);
    out[path] = applyReplacements(source, spec.replace, `${scenario.id} ${path}`);
  }
  return out;
}

export type { Scenario, SolutionStep, ScenarioGoal } from './schema';
