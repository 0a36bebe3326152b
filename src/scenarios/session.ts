// `npx tsx src/scenarios/session.ts <lab-id> [--no-solution]` prints a lab as a terminal session for
// `npm run --silent sim`: the start files (written with heredocs), the setup, the symptom's command, then the
// solution, with file edits written out the same way. Piping it into the CLI replays the lab from a bare workstation:
//   npx tsx src/scenarios/session.ts secret-missing | npm run --silent sim
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getScenario, startFiles, applyReplacements, scenarios } from './index';
import type { Scenario } from './schema';

function heredoc(path: string, text: string): string {
  const body = text.endsWith('\n') ? text : text + '\n';
  let tag = 'EOF';
  while (body.split('\n').includes(tag)) tag += '_';
  return `cat > ${path} <<'${tag}'\n${body}${tag}`;
}

/** The session text; `read` gives a project file's text (relative path). */
export function labSession(s: Scenario, read: (path: string) => string | undefined, opts: { solution?: boolean } = {}): string {
  const lines: string[] = [`# Lab ${s.id}: ${s.title}`, `# ${s.task}`];
  const files = new Map<string, string>();
  const bases: Record<string, string> = {};
  for (const spec of Object.values(s.files)) if ('from' in spec) { const t = read(spec.from); if (t !== undefined) bases[spec.from] = t; }
  const start = startFiles(s, bases);
  if (Object.keys(start).length) lines.push('# start files');
  for (const [path, text] of Object.entries(start)) { files.set(path, text); lines.push(heredoc(path, text)); }
  if (s.setup.length) lines.push('# setup (run before the learner arrives)', ...s.setup);
  if (s.symptom) lines.push(`# symptom: ${s.symptom.text}`, s.symptom.command);
  if (opts.solution !== false) {
    lines.push('# solution');
    for (const step of s.solution) {
      if (step.say) lines.push(`# ${step.say}`);
      if ('run' in step) { lines.push(step.run); continue; }
      const before = files.get(step.edit) ?? read(step.edit) ?? '';
      const after = applyReplacements(before, step.replace, `${s.id} solution`);
      files.set(step.edit, after);
      lines.push(heredoc(step.edit, after));
    }
  }
  return lines.join('\n') + '\n';
}

function main(): number {
  const [id, ...rest] = process.argv.slice(2);
  const s = id ? getScenario(id) : undefined;
  if (!s) {
    process.stderr.write(`usage: tsx src/scenarios/session.ts <lab-id> [--no-solution]\nlabs: ${scenarios.map((x) => x.id).join(', ')}\n`);
    return 2;
  }
  const read = (p: string): string | undefined => { try { return readFileSync(join(process.cwd(), p), 'utf8'); } catch { return undefined; } };
  process.stdout.write(labSession(s, read, { solution: !rest.includes('--no-solution') }));
  return 0;
}

if (process.argv[1] && /session\.ts$/.test(process.argv[1])) process.exitCode = main();
