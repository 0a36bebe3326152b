// When is a lab complete, and when does a lab make its lesson done? Pure functions over the progress record and the
// scenario list, shared by the goals panel, the progress page and the tests.
import type { Progress } from '../lesson/progress';

export interface LabInfo { id: string; lesson: string; optional: boolean; goals: { id: string }[] }

/** Goals of a lab recorded as met (at some point: partial progress counts and is kept). */
export function metGoals(progress: Progress, lab: LabInfo): string[] {
  const rec = progress.goals[lab.id] ?? {};
  return lab.goals.map((g) => g.id).filter((g) => rec[g]);
}

export function labComplete(progress: Progress, lab: LabInfo): boolean {
  return metGoals(progress, lab).length === lab.goals.length;
}

/** A lesson is done when every one of its labs that is not optional is complete (and it has at least one). */
export function lessonLabsComplete(progress: Progress, lesson: string, labs: readonly LabInfo[]): boolean {
  const required = labs.filter((l) => l.lesson === lesson && !l.optional);
  return required.length > 0 && required.every((l) => labComplete(progress, l));
}
