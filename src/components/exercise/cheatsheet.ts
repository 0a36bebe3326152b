// The commands of the course, grouped for the printable cheat sheet: every command a lab's solution types or its
// debrief recommends, deduplicated and sorted into a few groups by what they do.
import type { Scenario } from '../../scenarios/schema';

export interface CheatGroup { title: string; commands: string[] }

const GROUPS: { title: string; test: (c: string) => boolean }[] = [
  { title: 'Cluster and images', test: (c) => /^(minikube|docker)\b/.test(c) },
  { title: 'Apply and inspect', test: (c) => /^kubectl (apply|get|create|delete|explain|cluster-info)\b/.test(c) },
  { title: 'Diagnose', test: (c) => /^kubectl (describe|logs|get events|events)\b/.test(c) },
  { title: 'Scale, update, roll back', test: (c) => /^kubectl (scale|set|rollout)\b/.test(c) },
  { title: 'Reach the app', test: (c) => /^(kubectl (port-forward|run|exec)|curl)\b/.test(c) },
];

/** A command as printed: trailing `&` (background in the lab) dropped, whitespace collapsed. */
function tidy(cmd: string): string {
  return cmd.replace(/\s*&\s*$/, '').replace(/\s+/g, ' ').trim();
}

export function cheatSheet(scenarios: readonly Scenario[]): CheatGroup[] {
  const seen = new Set<string>();
  const all: string[] = [];
  for (const s of scenarios) {
    const cmds = [...s.solution.flatMap((st) => ('run' in st ? [st.run] : [])), ...s.debrief.commands];
    for (const c of cmds.map(tidy)) {
      if (c.includes('\n') || seen.has(c)) continue;
      seen.add(c);
      all.push(c);
    }
  }
  const groups: CheatGroup[] = GROUPS.map((g) => ({ title: g.title, commands: [] }));
  const other: string[] = [];
  for (const c of all) {
    const i = GROUPS.findIndex((g) => g.test(c));
    (i >= 0 ? groups[i]!.commands : other).push(c);
  }
  // 'Diagnose' is tested after 'Apply and inspect' in order, so move `kubectl get events` there explicitly.
  const apply = groups[1]!;
  const diag = groups[2]!;
  for (const c of [...apply.commands]) if (/^kubectl get events\b/.test(c)) { apply.commands.splice(apply.commands.indexOf(c), 1); diag.commands.push(c); }
  if (other.length) groups.push({ title: 'Other', commands: other });
  return groups.filter((g) => g.commands.length).map((g) => ({ ...g, commands: g.commands.sort() }));
}
