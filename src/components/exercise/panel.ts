// The goals panel of a lab: the task, the symptom, each goal live (met / not yet, with the engine's explanation),
// hints revealed one at a time, "Show solution" (typed into the terminal step by step), "Reset", and the debrief
// once every goal is met. All text goes in through textContent: scenario and cluster strings never become HTML.
import type { Scenario } from '../../scenarios/schema';
import { evaluateGoals, type GoalResult, type GoalWorld } from '../../sim/goals/index';
import { lessonLabsComplete, type LabInfo } from './completion';
import type { Progress } from '../lesson/progress';

export interface ExerciseHost {
  /** Types a command into the lab's terminal and runs it. */
  run(command: string): void;
  /** Replaces text in a workstation file (the editor follows). */
  edit(path: string, replace: readonly (readonly [string, string])[]): void;
  /** A long-running command holds the terminal. */
  busy(): boolean;
  world(): GoalWorld;
  /** Called when the cluster or the files change; returns an unsubscribe function. */
  onChange(cb: () => void): () => void;
  /** Restores the start state (a fresh lab with the scenario's files and setup). */
  reset(): Promise<void>;
}

export interface ProgressPort {
  getProgress(): Progress;
  setGoal(scenarioId: string, goalId: string, met: boolean): unknown;
  markDone(slug: string): unknown;
}

export interface ExerciseOptions {
  progress: ProgressPort;
  /** Every lab of the course (to decide when the lesson is done). */
  labs: readonly LabInfo[];
  /** Pause between solution steps, ms. */
  stepDelayMs?: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface ExercisePanel {
  readonly root: HTMLElement;
  evaluate(): GoalResult[];
  revealHint(): void;
  showSolution(): Promise<void>;
  setHost(host: ExerciseHost): void;
  dispose(): void;
}

export function mountExercise(container: HTMLElement, scenario: Scenario, firstHost: ExerciseHost, opts: ExerciseOptions): ExercisePanel {
  let host = firstHost;
  const root = el('section', { class: 'exercise', 'data-exercise': scenario.id, 'aria-label': `Lab: ${scenario.title}` });
  const count = el('p', { class: 'exercise__count', role: 'status', 'aria-live': 'polite' });
  const list = el('ul', { class: 'goal-list' });
  const hintBtn = el('button', { type: 'button', class: 'btn', 'data-hint': '' }, 'Hint');
  const solveBtn = el('button', { type: 'button', class: 'btn', 'data-solve': '' }, 'Show solution');
  const stopBtn = el('button', { type: 'button', class: 'btn', 'data-stop': '', hidden: '' }, 'Stop');
  const resetBtn = el('button', { type: 'button', class: 'btn', 'data-reset': '' }, 'Reset lab');
  const hints = el('ol', { class: 'exercise__hints', 'aria-label': 'Hints' });
  const debrief = el('section', { class: 'exercise__debrief', 'data-debrief': '', hidden: '' });

  root.append(el('h3', {}, scenario.title), el('p', { class: 'exercise__task' }, scenario.task));
  if (scenario.symptom) root.append(el('p', { class: 'exercise__symptom' }, el('strong', {}, 'Symptom: '), scenario.symptom.text));
  root.append(count, list, el('div', { class: 'exercise__actions' }, hintBtn, solveBtn, stopBtn, resetBtn), hints, debrief);

  debrief.append(
    el('h4', {}, 'Debrief'),
    el('p', {}, el('strong', {}, 'What broke: '), scenario.debrief.whatBroke),
    el('p', {}, el('strong', {}, 'On a real cluster: '), scenario.debrief.onRealCluster),
    el('p', {}, el('strong', {}, 'Check it with:')),
    el('ul', {}, ...scenario.debrief.commands.map((c) => el('li', {}, el('code', {}, c)))),
  );
  container.replaceChildren(root);

  const items = new Map<string, { li: HTMLLIElement; mark: HTMLSpanElement; detail: HTMLSpanElement; sr: HTMLSpanElement }>();
  for (const g of scenario.goals) {
    const mark = el('span', { class: 'goal__mark', 'aria-hidden': 'true' }, '○');
    const sr = el('span', { class: 'sr-only' }, 'Not yet: ');
    const detail = el('span', { class: 'goal__detail' });
    const li = el('li', { class: 'goal', 'data-goal': g.id, 'data-met': 'false' }, mark, el('span', { class: 'goal__title' }, sr, g.title), detail);
    list.append(li);
    items.set(g.id, { li, mark, detail, sr });
  }

  let shownHints = 0;
  function revealHint(): void {
    if (shownHints >= scenario.hints.length) return;
    hints.append(el('li', {}, scenario.hints[shownHints]!));
    shownHints++;
    hintBtn.textContent = shownHints >= scenario.hints.length ? 'No more hints' : `Hint ${shownHints + 1} of ${scenario.hints.length}`;
    if (shownHints >= scenario.hints.length) hintBtn.setAttribute('disabled', '');
  }
  hintBtn.textContent = `Hint 1 of ${scenario.hints.length}`;

  let last: GoalResult[] = [];
  function evaluate(): GoalResult[] {
    let results: GoalResult[];
    try { results = evaluateGoals(scenario.goals, host.world()); } catch (e) { results = scenario.goals.map((g) => ({ id: g.id, title: g.title, met: false, detail: `could not check: ${String(e)}` })); }
    let met = 0;
    const progress = opts.progress.getProgress();
    for (const r of results) {
      const it = items.get(r.id)!;
      it.li.dataset.met = String(r.met);
      it.mark.textContent = r.met ? '✓' : '○';
      it.sr.textContent = r.met ? 'Met: ' : 'Not yet: ';
      // Partial progress counts: a goal met once stays recorded, and the panel says so while it is not met now.
      const earlier = !r.met && Boolean(progress.goals[scenario.id]?.[r.id]);
      it.li.dataset.earlier = String(earlier);
      it.detail.textContent = earlier ? `Met earlier (kept in your progress); now: ${r.detail}` : r.detail;
      if (r.met) {
        met++;
        if (!progress.goals[scenario.id]?.[r.id]) opts.progress.setGoal(scenario.id, r.id, true);
      }
    }
    const all = met === results.length;
    count.textContent = all ? `All ${results.length} goals met.` : `${met} of ${results.length} goals met`;
    root.dataset.complete = String(all);
    if (all) {
      debrief.hidden = false;
      const after = opts.progress.getProgress();
      if (lessonLabsComplete(after, scenario.lesson, opts.labs) && !after.lessons[scenario.lesson]?.done) opts.progress.markDone(scenario.lesson);
    }
    last = results;
    return results;
  }

  let solving = false;
  let stop = false;
  async function showSolution(): Promise<void> {
    if (solving) return;
    solving = true;
    stop = false;
    solveBtn.setAttribute('disabled', '');
    stopBtn.hidden = false;
    const delay = opts.stepDelayMs ?? 700;
    try {
      for (const step of scenario.solution) {
        if (stop) break;
        // Wait for a command that holds the terminal (rollout status, a foreground port-forward) to finish.
        for (let i = 0; i < 600 && host.busy() && !stop; i++) await sleep(100);
        if ('edit' in step) host.edit(step.edit, step.replace);
        else host.run(step.run);
        await sleep(delay);
        evaluate();
      }
    } finally {
      solving = false;
      solveBtn.removeAttribute('disabled');
      stopBtn.hidden = true;
    }
  }

  hintBtn.addEventListener('click', revealHint);
  solveBtn.addEventListener('click', () => { void showSolution(); });
  stopBtn.addEventListener('click', () => { stop = true; });
  resetBtn.addEventListener('click', () => {
    stop = true;
    resetBtn.setAttribute('disabled', '');
    void host.reset().finally(() => { resetBtn.removeAttribute('disabled'); debrief.hidden = true; evaluate(); });
  });

  let unsub = host.onChange(() => evaluate());
  const poll = setInterval(() => evaluate(), 1000);
  evaluate();

  return {
    root,
    evaluate,
    revealHint,
    showSolution,
    setHost(next) { unsub(); host = next; unsub = host.onChange(() => evaluate()); evaluate(); },
    dispose() { unsub(); clearInterval(poll); root.remove(); void last; },
  };
}
