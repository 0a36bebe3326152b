// `npm run --silent course:stats`: one line per lesson with its labs, goals and hints, then the lessons that have no
// lab. Lessons are the MDX files in src/content/lessons; labs are the scenarios whose `lesson` names them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarios } from './index';
import type { Scenario } from './schema';

export interface LessonStats {
  slug: string; labs: string[]; goals: number; hints: number;
  /** the lesson's frontmatter `labs:` list (undefined when the lesson text was not read or has none) */
  frontmatterLabs: string[] | undefined;
  /** the scenarios of the lesson's `<LabSlot scenario="…">` elements, in page order (undefined when not read) */
  slotLabs: string[] | undefined;
}

export function listLessons(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.mdx?$/.test(f)).map((f) => f.replace(/\.mdx?$/, '')).sort();
}

/** The `labs:` list of a lesson's frontmatter (flow style `[a, b]` or block style), undefined when absent. */
export function frontmatterLabs(text: string): string[] | undefined {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (!fm) return undefined;
  const flow = /^labs:\s*\[(.*)\]\s*$/m.exec(fm);
  if (flow) return flow[1]!.split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
  const block = /^labs:\s*\n((?:\s+-\s*.+\n?)+)/m.exec(fm);
  if (block) return block[1]!.split('\n').map((l) => l.replace(/^\s+-\s*/, '').trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
  return undefined;
}

/** The `scenario` of every `<LabSlot …>` in a lesson's text, in order (fenced code is skipped). */
export function labSlotScenarios(text: string): string[] {
  const prose = text.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  return [...prose.matchAll(/<LabSlot\b([^>]*?)\/?>/g)].flatMap((m) => {
    const id = /\bscenario\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/.exec(m[1]!);
    return id ? [id[1] ?? id[2] ?? id[3]!] : [];
  });
}

export function courseStats(lessons: string[], all: readonly Scenario[], readLesson?: (slug: string) => string | undefined): LessonStats[] {
  return lessons.map((slug) => {
    const labs = all.filter((s) => s.lesson === slug);
    const text = readLesson?.(slug);
    return {
      slug,
      labs: labs.map((s) => s.id),
      goals: labs.reduce((n, s) => n + s.goals.length, 0),
      hints: labs.reduce((n, s) => n + s.hints.length, 0),
      frontmatterLabs: text === undefined ? undefined : frontmatterLabs(text),
      slotLabs: text === undefined ? undefined : labSlotScenarios(text),
    };
  });
}

export function formatStats(stats: LessonStats[], all: readonly Scenario[]): string {
  const lines: string[] = [];
  const width = Math.max(...stats.map((s) => s.slug.length), 6);
  for (const s of stats) {
    lines.push(`${s.slug.padEnd(width)}  labs ${String(s.labs.length).padStart(2)}  goals ${String(s.goals).padStart(3)}  hints ${String(s.hints).padStart(3)}` +
      (s.labs.length ? `  (${s.labs.join(', ')})` : ''));
  }
  const known = new Set(stats.map((s) => s.slug));
  const orphans = all.filter((s) => !known.has(s.lesson));
  if (orphans.length) lines.push(`labs whose lesson does not exist: ${orphans.length} ${orphans.map((s) => `${s.id} (${s.lesson})`).join(', ')}`);
  const unlisted = stats.flatMap((s) => (s.frontmatterLabs === undefined ? [] : s.labs.filter((id) => !s.frontmatterLabs!.includes(id)).map((id) => `${s.slug}:${id}`)));
  if (unlisted.length) lines.push(`labs not yet in their lesson's frontmatter: ${unlisted.length} ${unlisted.join(', ')}`);
  const noSlot = stats.flatMap((s) => (s.slotLabs === undefined ? [] : s.labs.filter((id) => !s.slotLabs!.includes(id)).map((id) => `${s.slug}:${id}`)));
  if (noSlot.length) lines.push(`labs without a LabSlot in their lesson: ${noSlot.length} ${noSlot.join(', ')}`);
  const strays = stats.flatMap((s) => (s.slotLabs ?? []).filter((id) => !s.labs.includes(id)).map((id) => `${s.slug}:${id}`));
  if (strays.length) lines.push(`LabSlots naming a lab of another lesson (or none): ${strays.length} ${strays.join(', ')}`);
  const without = stats.filter((s) => s.labs.length === 0);
  lines.push(`lessons without a lab: ${without.length}${without.length ? ' ' + without.map((s) => s.slug).join(', ') : ''}`);
  return lines.join('\n');
}

function main(): void {
  const dir = join(process.cwd(), 'src', 'content', 'lessons');
  const lessons = listLessons(dir);
  const read = (slug: string): string | undefined => {
    for (const ext of ['.mdx', '.md']) { try { return readFileSync(join(dir, slug + ext), 'utf8'); } catch { /* try the next extension */ } }
    return undefined;
  };
  console.log(formatStats(courseStats(lessons, scenarios, read), scenarios));
}

if (process.argv[1] && /stats\.ts$/.test(process.argv[1])) main();
