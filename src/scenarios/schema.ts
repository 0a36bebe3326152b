// The scenario schema: a lab is data, validated here with zod, so a typo in a scenario file fails the unit tests
// (and `course:stats`) with a path to the bad field instead of breaking a lab in the browser.
import { z } from 'zod';
import type { GoalCheck } from '../sim/goals/types';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'lowercase letters, digits and "-", starting with a letter or digit');
const labels = z.record(z.string().min(1), z.string());
const ns = z.string().min(1).optional();

const goalCheck = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cluster-running') }).strict(),
  z.object({ type: z.literal('image-on-node'), image: z.string().min(1) }).strict(),
  z.object({ type: z.literal('image-built'), image: z.string().min(1) }).strict(),
  z.object({ type: z.literal('file-valid-yaml'), path: z.string().min(1) }).strict(),
  z.object({ type: z.literal('object-exists'), kind: z.string().min(1), name: z.string().min(1), namespace: ns }).strict(),
  z.object({ type: z.literal('object-absent'), kind: z.string().min(1), name: z.string().min(1), namespace: ns }).strict(),
  z.object({ type: z.literal('pods-ready'), selector: labels, count: z.number().int().min(0), exact: z.boolean().optional(), image: z.string().optional(), namespace: ns }).strict(),
  z.object({ type: z.literal('rollout-complete'), name: z.string().min(1), replicas: z.number().int().min(0).optional(), image: z.string().optional(), namespace: ns }).strict(),
  z.object({ type: z.literal('endpoints-ready'), service: z.string().min(1), count: z.number().int().min(1), port: z.number().int().min(1).max(65535).optional(), namespace: ns }).strict(),
  z.object({ type: z.literal('secret-keys'), name: z.string().min(1), keys: z.array(z.string().min(1)).min(1), seenBy: labels.optional(), namespace: ns }).strict(),
  z.object({
    type: z.literal('http'), via: z.enum(['port-forward', 'tunnel', 'node-port', 'in-cluster']), service: z.string().min(1),
    path: z.string().startsWith('/').optional(), status: z.number().int().min(100).max(599).optional(), bodyIncludes: z.string().optional(), namespace: ns,
  }).strict(),
  z.object({ type: z.literal('external-ip'), service: z.string().min(1), namespace: ns }).strict(),
  z.object({
    type: z.literal('field'), kind: z.string().min(1), name: z.string().min(1), path: z.string().min(1),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(), absent: z.boolean().optional(), atMostCpu: z.string().optional(), namespace: ns,
  }).strict(),
  z.object({ type: z.literal('no-pod-reason'), selector: labels, reasons: z.array(z.string().min(1)).min(1), namespace: ns }).strict(),
]);

// Compile-time proof that the zod schema and the goal layer's GoalCheck type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const goalCheckMatches: Same<z.infer<typeof goalCheck>, GoalCheck> = true;
void goalCheckMatches;

export const goalSchema = z.object({
  id,
  title: z.string().min(3).max(120),
  check: goalCheck,
}).strict();

/** An edit of a start file: each [from, to] must match the base file exactly once (checked when the files are built). */
const fileSpec = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ from: z.string().min(1), replace: z.array(z.tuple([z.string().min(1), z.string()])).min(1) }).strict(),
]);

/** One step of a solution: a command typed into the terminal, or an edit of a file followed by nothing (apply it in the next step). */
export const solutionStep = z.union([
  z.object({ run: z.string().min(1), say: z.string().optional() }).strict(),
  z.object({ edit: z.string().min(1), replace: z.array(z.tuple([z.string().min(1), z.string()])).min(1), say: z.string().optional() }).strict(),
]);

export const scenarioSchema = z.object({
  id,
  title: z.string().min(3).max(100),
  lesson: z.string().regex(/^\d\d-[a-z0-9-]+$/, 'a lesson slug such as 09-troubleshooting'),
  kind: z.enum(['guided', 'troubleshooting', 'capstone']),
  /** Optional labs do not count towards marking the lesson done. */
  optional: z.boolean().default(false),
  /** What the learner is asked to do, one or two sentences. */
  task: z.string().min(10).max(400),
  /** Files put on the workstation (relative to the project directory) on top of the project's own files. */
  files: z.record(z.string().min(1), fileSpec).default({}),
  /** Commands run through the shell before the learner arrives (their output is not shown). */
  setup: z.array(z.string().min(1)).default([]),
  /** For broken scenarios: what the learner sees first; `command`'s output matches the regular expression `shows`. */
  symptom: z.object({
    text: z.string().min(5),
    command: z.string().min(1),
    shows: z.string().min(1).refine((src) => { try { new RegExp(src); return true; } catch { return false; } }, 'not a valid regular expression'),
  }).strict().optional(),
  goals: z.array(goalSchema).min(1),
  hints: z.array(z.string().min(5)).min(1),
  solution: z.array(solutionStep).min(1),
  debrief: z.object({
    whatBroke: z.string().min(10),
    onRealCluster: z.string().min(10),
    commands: z.array(z.string().min(1)).min(1),
  }).strict(),
}).strict().superRefine((s, ctx) => {
  const ids = new Set<string>();
  for (const [i, g] of s.goals.entries()) {
    if (ids.has(g.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['goals', i, 'id'], message: `duplicate goal id ${g.id}` });
    ids.add(g.id);
  }
  if (s.kind === 'troubleshooting' && !s.symptom) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['symptom'], message: 'a troubleshooting scenario needs the symptom the learner sees first' });
  }
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type SolutionStep = z.output<typeof solutionStep>;
export type ScenarioGoal = z.output<typeof goalSchema>;

/** Validates one scenario; the error lists every problem as `<id> <path>: <message>`. */
export function parseScenario(input: unknown): Scenario {
  const r = scenarioSchema.safeParse(input);
  if (r.success) return r.data;
  const name = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : '(scenario)';
  throw new Error(r.error.issues.map((i) => `${name} ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n'));
}

/** Identity with a type: lets scenario files get completion and checking while still being validated at load. */
export function defineScenario(s: ScenarioInput): ScenarioInput {
  return s;
}
