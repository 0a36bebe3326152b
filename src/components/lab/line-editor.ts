// Line editing for the lab terminal, independent of xterm: it consumes the byte strings a terminal emits
// (xterm's onData) and produces the escape sequences to write back. Prompt, cursor movement, history,
// Tab completion display, Ctrl-C, Ctrl-L, paste of several lines and heredocs (`<<EOF` ... `EOF`).

export interface Completion {
  /** Replace line[from, to) by `text` when the completion is unambiguous (or a common prefix grew). */
  from: number; to: number; text: string;
  /** All candidates, shown below the prompt when there is more than one. */
  candidates: string[];
}

export interface LineEditorHost {
  write(data: string): void;
  cols(): number;
  /**
   * Runs one complete command (several lines for a heredoc). May be async; input typed meanwhile is queued.
   * Returning 'incomplete' (open quote, trailing `|` or `&&`) makes the editor read another line with `> `
   * and submit both lines joined by a newline.
   */
  submit(command: string): void | Promise<void> | 'incomplete';
  complete?(line: string, cursor: number): Completion | null;
  interrupt?(): void;
  prompt(): string;
}

const CONT_PROMPT = '> ';
const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/;

/** Visible width of a string once escape sequences are removed. */
export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').length;
}

export class LineEditor {
  buffer = '';
  cursor = 0;
  readonly history: string[] = [];
  private historyIndex = -1;
  private draft = '';
  private heredoc: { terminator: string; lines: string[] } | null = null;
  private continued: string | null = null;
  private busy = false;
  private queue: string[] = [];
  /** The terminal cursor's row offset from the first row of the prompt, as last drawn. */
  private drawnRow = 0;
  private pendingEscape = '';

  constructor(private readonly host: LineEditorHost, history: string[] = []) {
    this.history.push(...history);
  }

  get running(): boolean { return this.busy; }

  currentPrompt(): string { return this.heredoc || this.continued !== null ? CONT_PROMPT : this.host.prompt(); }

  /** Draws the prompt on a fresh line. */
  start(): void {
    this.drawnRow = 0;
    this.host.write(this.currentPrompt());
    this.redraw();
  }

  /** Writes text that arrived asynchronously (a background job) above the line being edited. */
  printAbove(text: string): void {
    if (this.busy) { this.host.write(text); return; }
    this.clearDrawn();
    this.host.write(text.endsWith('\n') ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r\n') + '\r\n');
    this.drawnRow = 0;
    this.host.write(this.currentPrompt());
    this.redraw();
  }

  /** Types a command as if the user did, then presses Enter (the lesson's "Run" button). */
  typeAndRun(command: string): void {
    this.feed(command.replace(/\r?\n/g, '\r') + '\r');
  }

  /** Input from the terminal (keys or a paste). */
  feed(data: string): void {
    if (this.busy) {
      if (data === '\x03') { this.host.interrupt?.(); return; }
      this.queue.push(data);
      return;
    }
    data = this.pendingEscape + data;
    this.pendingEscape = '';
    let i = 0;
    while (i < data.length) {
      if (this.busy) { this.queue.push(data.slice(i)); return; }
      const ch = data[i]!;
      if (ch === '\x1b') {
        const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[bf])/.exec(data.slice(i));
        if (!m) {
          if (i + 1 >= data.length || (data[i + 1] === '[' && !/[A-Za-z~]/.test(data.slice(i + 2)))) { this.pendingEscape = data.slice(i); return; }
          i += 1;
          continue;
        }
        this.escape(m[1]!);
        i += m[0].length;
        continue;
      }
      i += 1;
      switch (ch) {
        case '\r': if (data[i] === '\n') i += 1; this.enter(); break;
        case '\n': this.enter(); break;
        case '\x7f': case '\b': this.backspace(); break;
        case '\x03': this.ctrlC(); break;
        case '\x0c': this.clearScreen(); break;
        case '\t': this.tab(); break;
        case '\x01': this.move(-this.cursor); break;
        case '\x05': this.move(this.buffer.length - this.cursor); break;
        case '\x02': this.move(-1); break;
        case '\x06': this.move(1); break;
        case '\x15': this.edit(this.buffer.slice(this.cursor), 0); break;
        case '\x0b': this.edit(this.buffer.slice(0, this.cursor), this.cursor); break;
        case '\x17': this.deleteWordBack(); break;
        case '\x04': if (this.buffer) this.deleteForward(); break;
        case '\x10': this.historyMove(-1); break;
        case '\x0e': this.historyMove(1); break;
        default:
          if (ch >= ' ') this.insert(ch);
      }
    }
  }

  private escape(seq: string): void {
    switch (seq) {
      case '[A': case 'OA': this.historyMove(-1); break;
      case '[B': case 'OB': this.historyMove(1); break;
      case '[C': case 'OC': this.move(1); break;
      case '[D': case 'OD': this.move(-1); break;
      case '[H': case 'OH': case '[1~': this.move(-this.cursor); break;
      case '[F': case 'OF': case '[4~': this.move(this.buffer.length - this.cursor); break;
      case '[3~': this.deleteForward(); break;
      case '[1;5C': case 'f': this.move(this.wordRight() - this.cursor); break;
      case '[1;5D': case 'b': this.move(this.wordLeft() - this.cursor); break;
      default: break;
    }
  }

  private wordLeft(): number {
    let p = this.cursor;
    while (p > 0 && this.buffer[p - 1] === ' ') p--;
    while (p > 0 && this.buffer[p - 1] !== ' ') p--;
    return p;
  }

  private wordRight(): number {
    let p = this.cursor;
    while (p < this.buffer.length && this.buffer[p] === ' ') p++;
    while (p < this.buffer.length && this.buffer[p] !== ' ') p++;
    return p;
  }

  private insert(text: string): void { this.edit(this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor), this.cursor + text.length); }
  private backspace(): void { if (this.cursor > 0) this.edit(this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor), this.cursor - 1); }
  private deleteForward(): void { if (this.cursor < this.buffer.length) this.edit(this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1), this.cursor); }
  private deleteWordBack(): void { const p = this.wordLeft(); this.edit(this.buffer.slice(0, p) + this.buffer.slice(this.cursor), p); }
  private move(delta: number): void { this.edit(this.buffer, Math.max(0, Math.min(this.buffer.length, this.cursor + delta))); }

  private edit(buffer: string, cursor: number): void {
    this.buffer = buffer;
    this.cursor = cursor;
    this.redraw();
  }

  private historyMove(dir: -1 | 1): void {
    if (this.history.length === 0) return;
    if (this.historyIndex === -1) {
      if (dir === 1) return;
      this.draft = this.buffer;
      this.historyIndex = this.history.length - 1;
    } else {
      const next = this.historyIndex + dir;
      if (next < 0) return;
      if (next >= this.history.length) {
        this.historyIndex = -1;
        this.edit(this.draft, this.draft.length);
        return;
      }
      this.historyIndex = next;
    }
    const entry = this.history[this.historyIndex]!;
    this.edit(entry, entry.length);
  }

  /** Erases what was drawn for the prompt and buffer, leaving the cursor at column 0 of the prompt row. */
  private clearDrawn(): void {
    let out = '';
    if (this.drawnRow > 0) out += `\x1b[${this.drawnRow}A`;
    out += '\r\x1b[J';
    this.host.write(out);
    this.drawnRow = 0;
  }

  /** Redraws prompt + buffer and places the cursor, handling lines longer than the terminal is wide. */
  private redraw(): void {
    const cols = Math.max(1, this.host.cols());
    const prompt = this.currentPrompt();
    const p = visibleLength(prompt);
    let out = '';
    if (this.drawnRow > 0) out += `\x1b[${this.drawnRow}A`;
    out += '\r\x1b[J' + prompt + this.buffer;
    const total = p + this.buffer.length;
    let endRow = Math.floor(total / cols);
    // At an exact multiple of the width the terminal has not wrapped yet; force it so our row count holds.
    if (total > 0 && total % cols === 0) out += ' \r'; else if (total === 0) endRow = 0;
    const target = p + this.cursor;
    const targetRow = Math.floor(target / cols);
    const targetCol = target % cols;
    if (endRow > targetRow) out += `\x1b[${endRow - targetRow}A`;
    out += '\r';
    if (targetCol > 0) out += `\x1b[${targetCol}C`;
    this.drawnRow = targetRow;
    this.host.write(out);
  }

  private finishLine(): void {
    // Move below the whole input before anything else prints.
    const cols = Math.max(1, this.host.cols());
    const total = visibleLength(this.currentPrompt()) + this.buffer.length;
    const lastRow = Math.floor(Math.max(0, total - 1) / cols);
    if (lastRow > this.drawnRow) this.host.write(`\x1b[${lastRow - this.drawnRow}B`);
    this.host.write('\r\n');
    this.drawnRow = 0;
  }

  private enter(): void {
    const line = this.buffer;
    this.finishLine();
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = -1;
    if (this.heredoc) {
      this.heredoc.lines.push(line);
      if (line.replace(/^\t+/, '') === this.heredoc.terminator) {
        const command = this.heredoc.lines.join('\n');
        this.heredoc = null;
        this.run(command);
      } else {
        this.start();
      }
      return;
    }
    const full = this.continued !== null ? this.continued + '\n' + line : line;
    this.continued = null;
    const here = HEREDOC.exec(line);
    if (here) {
      this.heredoc = { terminator: here[2]!, lines: [full] };
      this.start();
      return;
    }
    this.run(full);
  }

  private run(command: string): void {
    if (command.trim() && this.history[this.history.length - 1] !== command) this.history.push(command);
    if (!command.trim()) { this.start(); return; }
    let result: void | Promise<void> | 'incomplete' = undefined;
    try {
      result = this.host.submit(command);
    } catch (e) {
      this.host.write(`\x1b[31minternal error: ${String((e as Error)?.message ?? e)}\x1b[0m\r\n`);
    }
    if (result === 'incomplete') {
      if (this.history[this.history.length - 1] === command) this.history.pop();
      this.continued = command;
      this.start();
      return;
    }
    if (result && typeof (result as Promise<void>).then === 'function') {
      this.busy = true;
      (result as Promise<void>).catch((e: unknown) => {
        this.host.write(`\x1b[31minternal error: ${String((e as Error)?.message ?? e)}\x1b[0m\r\n`);
      }).finally(() => {
        this.busy = false;
        this.start();
        this.drainQueue();
      });
      return;
    }
    this.start();
  }

  private drainQueue(): void {
    const pending = this.queue.join('');
    this.queue = [];
    if (pending) this.feed(pending);
  }

  private ctrlC(): void {
    this.host.write('^C');
    this.finishLine();
    this.heredoc = null;
    this.continued = null;
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = -1;
    this.host.interrupt?.();
    this.start();
  }

  private clearScreen(): void {
    this.host.write('\x1b[H\x1b[2J');
    this.drawnRow = 0;
    this.host.write(this.currentPrompt());
    this.redraw();
  }

  private tab(): void {
    if (this.heredoc || !this.host.complete) { this.insert('  '); return; }
    const c = this.host.complete(this.buffer, this.cursor);
    if (!c) return;
    const before = this.buffer.slice(0, c.from);
    const after = this.buffer.slice(c.to);
    const changed = c.text !== this.buffer.slice(c.from, c.to);
    if (changed) this.edit(before + c.text + after, before.length + c.text.length);
    if (c.candidates.length > 1 && !changed) {
      this.finishLine();
      this.host.write(formatColumns(c.candidates, this.host.cols()));
      this.drawnRow = 0;
      this.host.write(this.currentPrompt());
      this.redraw();
    }
  }
}

/** Candidates laid out in columns like bash does, one row per line, CRLF-terminated. */
export function formatColumns(items: string[], cols: number): string {
  const width = Math.max(...items.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) row.push(item.padEnd(width));
    }
    out += row.join('').trimEnd() + '\r\n';
  }
  return out;
}
