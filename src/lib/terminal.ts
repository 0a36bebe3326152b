/// <reference types="astro/client" />
// The lab terminal: xterm + fit addon around the LineEditor. Screen-reader mode is on and the terminal has an
// accessible name; copy (Ctrl-Shift-C or a selection + Ctrl-C) and paste work through the clipboard.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import { LineEditor, type Completion } from '../components/lab/line-editor';

let cssInjected = false;
function injectCss(): void {
  if (cssInjected) return;
  cssInjected = true;
  const style = document.createElement('style');
  style.dataset.lab = 'xterm';
  style.textContent = xtermCss;
  document.head.appendChild(style);
}

export interface TerminalOptions {
  container: HTMLElement;
  dark: boolean;
  prompt: () => string;
  submit: (command: string) => void | Promise<void> | 'incomplete';
  complete?: (line: string, cursor: number) => Completion | null;
  interrupt?: () => void;
  history?: string[];
}

// xterm's default ANSI colours are too faint for text on these backgrounds (green on the light one is 2.4:1, blue on
// the dark one 3.6:1, below WCAG's 4.5:1): the prompt and kubectl's coloured words use these instead (each ≥ 4.5:1).
const LIGHT = { background: '#fbfbfb', foreground: '#1f2328', cursor: '#1f2328', selectionBackground: '#b6d4fe',
  red: '#c4111e', green: '#116329', yellow: '#7d4e00', blue: '#0550ae', magenta: '#8250df', cyan: '#1b7c83' };
const DARK = { background: '#16181d', foreground: '#e6e6e6', cursor: '#e6e6e6', selectionBackground: '#3b5070',
  red: '#ff7b72', green: '#3fb950', yellow: '#d29922', blue: '#79c0ff', magenta: '#d2a8ff', cyan: '#56d4dd' };

export class LabTerminal {
  readonly term: Terminal;
  readonly line: LineEditor;
  private readonly fit = new FitAddon();
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly opts: TerminalOptions) {
    injectCss();
    this.term = new Terminal({
      convertEol: false, cursorBlink: true, fontSize: 13, scrollback: 5000, screenReaderMode: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      theme: opts.dark ? DARK : LIGHT, allowProposedApi: false,
    });
    this.term.loadAddon(this.fit);
    this.term.open(opts.container);
    const textarea = opts.container.querySelector('textarea');
    textarea?.setAttribute('aria-label', 'Terminal input');
    this.line = new LineEditor({
      write: (d) => this.term.write(d),
      cols: () => this.term.cols,
      prompt: opts.prompt,
      submit: opts.submit,
      complete: opts.complete,
      interrupt: opts.interrupt,
    }, opts.history ?? []);
    let escaped = false;
    this.term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      // Esc then Tab leaves the terminal (Tab alone completes), so keyboard users are never trapped.
      if (e.key === 'Tab' && escaped) { escaped = false; return false; }
      escaped = e.key === 'Escape';
      const mod = e.ctrlKey || e.metaKey;
      // Copy: Ctrl-Shift-C, or Ctrl-C / Cmd-C while text is selected (otherwise Ctrl-C interrupts).
      if (mod && e.key.toLowerCase() === 'c' && (e.shiftKey || this.term.hasSelection())) {
        const text = this.term.getSelection();
        if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
        return false;
      }
      // Ctrl-Shift-V pastes; plain Ctrl-V / Cmd-V go through the browser's paste event (xterm handles it).
      if (mod && e.shiftKey && e.key.toLowerCase() === 'v') {
        void navigator.clipboard?.readText().then((t) => this.term.paste(t)).catch(() => undefined);
        return false;
      }
      return true;
    });
    this.term.onData((d) => this.line.feed(d));
    this.resizeObserver = new ResizeObserver(() => this.fitNow());
    this.resizeObserver.observe(opts.container);
    this.fitNow();
  }

  fitNow(): void {
    if (this.opts.container.clientWidth > 0 && this.opts.container.clientHeight > 0) {
      try { this.fit.fit(); } catch { /* not visible yet */ }
    }
  }

  start(banner?: string): void {
    if (banner) this.term.write(banner.replace(/\n/g, '\r\n'));
    this.line.start();
  }

  /** Output of the command being run (LF is turned into CRLF). */
  write(text: string): void { this.term.write(text.replace(/\r?\n/g, '\r\n')); }

  /** Output that arrives while the user may be typing (background jobs). */
  writeAsync(text: string): void { this.line.printAbove(text); }

  run(command: string): void { this.line.typeAndRun(command); }
  focus(): void { this.term.focus(); }
  setTheme(dark: boolean): void { this.term.options.theme = dark ? DARK : LIGHT; }
  /** The visible screen as plain text (for tests and the live-region summary). */
  screenText(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      const text = line?.translateToString(true) ?? '';
      // A line that wrapped past the terminal width continues the previous one.
      if (line?.isWrapped && lines.length) lines[lines.length - 1] += text; else lines.push(text);
    }
    return lines.join('\n').replace(/\n+$/, '');
  }

  dispose(): void { this.resizeObserver.disconnect(); this.term.dispose(); }
}
