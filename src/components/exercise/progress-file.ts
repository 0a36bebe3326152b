// Export and import of the learner's progress as a JSON file. The file is validated with zod before anything is
// changed: a bad file gives one clear message and leaves the stored progress exactly as it was.
import { z } from 'zod';
import type { Progress } from '../lesson/progress';

export const PROGRESS_FILE_FORMAT = 'manifest-lab-progress';

// The same id rule as progress.ts (slugs, scenario and goal ids).
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'not a valid id');
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

const progressSchema = z.object({
  v: z.literal(1),
  lessons: z.record(id, z.object({ visited: z.literal(true).optional(), done: z.literal(true).optional(), at: iso.optional() }).strict()),
  goals: z.record(id, z.record(id, z.literal(true))),
}).strict();

export const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: iso,
  progress: progressSchema,
}).strict();

export type ProgressFile = z.infer<typeof progressFileSchema>;

export function exportProgressFile(progress: Progress, now: string): string {
  const file: ProgressFile = { format: PROGRESS_FILE_FORMAT, version: 1, exportedAt: now, progress };
  return JSON.stringify(file, null, 2) + '\n';
}

export type ImportResult = { ok: true; progress: Progress; lessons: number; goals: number } | { ok: false; error: string };

const MAX_BYTES = 1_000_000;

/** Parses an exported file. Never throws; the error names the first problem and where it is. */
export function parseProgressFile(text: string): ImportResult {
  if (text.length > MAX_BYTES) return { ok: false, error: `This file is too large to be a progress file (${text.length} bytes).` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `This file is not JSON: ${(e as Error).message}` };
  }
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format !== PROGRESS_FILE_FORMAT) {
    return { ok: false, error: `This is not a Manifest Lab progress file (expected "format": "${PROGRESS_FILE_FORMAT}").` };
  }
  const r = progressFileSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the file';
    return { ok: false, error: `This progress file is not valid: ${where}: ${issue.message}.` };
  }
  const p = r.data.progress as Progress;
  return { ok: true, progress: p, lessons: Object.keys(p.lessons).length, goals: Object.values(p.goals).reduce((n, g) => n + Object.keys(g).length, 0) };
}

// Importing goes through progress.ts's replaceProgress(progress): one write that keeps the exported timestamps.
