// Lints Kubernetes manifests with the project's best-practices rules (src/lint), like a compiler would:
//   npx tsx scripts/lint-manifests.ts manifests/llmops-k8s.yaml manifests/llmops-k8s-hardened.yaml
// Prints one line per finding, file:line:column severity rule-id message, and exits 1 when any finding is an
// error or a warning (2 when a file cannot be read), so it can gate a CI job.
import { readFileSync } from 'node:fs';
import { lint, type Finding } from '../src/lint/index.js';

export function formatFinding(f: Finding): string {
  return `${f.fileName}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`;
}

export function main(files: string[], out: (line: string) => void = console.log): number {
  if (files.length === 0) {
    out('usage: npx tsx scripts/lint-manifests.ts FILE.yaml...');
    return 2;
  }
  let worst = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      out(`${file}: cannot read the file`);
      worst = 2;
      continue;
    }
    const findings = lint(text, file);
    for (const f of findings) out(formatFinding(f));
    if (findings.some((f) => f.severity !== 'info')) worst = Math.max(worst, 1);
    if (findings.length === 0) out(`${file}: no findings`);
  }
  return worst;
}

if (process.argv[1] && /lint-manifests\.ts$/.test(process.argv[1])) process.exit(main(process.argv.slice(2)));
