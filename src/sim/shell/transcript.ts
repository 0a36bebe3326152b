// Turns a session script into the transcript the terminal shows: `$ <command>` (continuation lines of a heredoc
// or a trailing `\` shown with `> `), then the command's output. Lines starting with `#` are comments and blank
// lines are skipped. Shared by the CLI, the golden tests and the benchmark.
import type { Shell } from './shell';

export function runTranscript(shell: Shell, script: string): string {
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  let pending: string[] = [];
  for (const line of lines) {
    if (pending.length === 0 && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    pending.push(line);
    const input = pending.join('\n');
    const r = shell.run(input);
    if (r.incomplete) continue;
    out += pending.map((l, i) => (i === 0 ? `$ ${l}` : `> ${l}`)).join('\n') + '\n';
    pending = [];
    out += r.output;
    if (r.output !== '' && !r.output.endsWith('\n')) out += '\n';
    if (r.running) {
      // cannot happen for a non-interactive shell, but never leave a program holding the terminal
      out += shell.interrupt();
    }
  }
  if (pending.length) {
    out += pending.map((l, i) => (i === 0 ? `$ ${l}` : `> ${l}`)).join('\n') + '\n';
    const text = pending.join('\n');
    const heredoc = /<<-?\s*['"]?(\w+)/.exec(text);
    const closed = heredoc ? shell.run(`${text}\n${heredoc[1]}`) : undefined;
    if (heredoc && closed && !closed.incomplete) {
      // bash warns, then runs the command with the body it read up to the end of the file
      out += `bash: warning: here-document at line ${lines.length - pending.length + 1} delimited by end-of-file (wanted \`${heredoc[1]}')\n`;
      out += closed.output;
      if (closed.output !== '' && !closed.output.endsWith('\n')) out += '\n';
      if (closed.running) out += shell.interrupt();
    } else {
      const quote = /(["'])[^"']*$/.exec(text);
      out += `bash: unexpected EOF while looking for matching \`${quote?.[1] ?? '"'}'\n`;
    }
  }
  return out;
}
