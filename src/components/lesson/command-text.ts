/**
 * What a command block's Copy button puts on the clipboard: the commands, without prompts or output.
 * Pure (no DOM) so it can be unit-tested.
 *
 * - `console` / `shellsession` blocks show a session: only lines starting with a `$ ` prompt are commands; a
 *   command's continuation lines (after a trailing backslash) and heredoc bodies (`<<EOF` … `EOF`) are kept,
 *   everything else is output and is dropped.
 * - `sh` / `bash` / `shell` blocks (and `pre[data-command]`) are scripts: a leading `$ ` prompt is removed from any
 *   line that has one, everything else is kept as written.
 */
export const SESSION_LANGUAGES = new Set(['console', 'shellsession', 'shell-session']);
export const SCRIPT_LANGUAGES = new Set(['sh', 'bash', 'shell', 'zsh']);

const PROMPT = /^\s*\$ ?/;

function heredocDelimiter(line: string): string | undefined {
  const match = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(line);
  return match?.[2];
}

export function commandText(code: string, language: string): string {
  const lines = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (!SESSION_LANGUAGES.has(language)) {
    return lines.map((line) => line.replace(PROMPT, '')).join('\n').trim();
  }
  const out: string[] = [];
  let continuing = false;
  let heredoc: string | undefined;
  for (const line of lines) {
    if (heredoc !== undefined) {
      out.push(line);
      if (line.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (continuing || PROMPT.test(line)) {
      const command = continuing ? line : line.replace(PROMPT, '');
      out.push(command);
      continuing = /\\$/.test(command);
      heredoc = heredocDelimiter(command);
    }
  }
  return out.join('\n').trim();
}
