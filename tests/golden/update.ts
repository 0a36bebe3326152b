// `npm run golden:update`: regenerates every tests/golden/*.out from its *.sh. Review the diff before committing:
// an expected output must show what a real cluster prints, not just what the code happens to print.
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { goldenScripts, readScript, expectedPath, transcriptOf } from './run';

let changed = 0;
for (const name of goldenScripts()) {
  const out = transcriptOf(readScript(name));
  const path = expectedPath(name);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== out) { writeFileSync(path, out); changed++; console.log(`updated ${name.replace(/\.sh$/, '.out')}`); }
}
console.log(`${goldenScripts().length} transcripts, ${changed} changed`);
