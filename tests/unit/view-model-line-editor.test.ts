// The terminal's line editing, checked without xterm: what ends up submitted, and what the screen shows
// (a tiny VT model interprets the escape sequences the editor writes).
import { describe, it, expect } from 'vitest';
import { LineEditor, formatColumns, type Completion } from '../../src/components/lab/line-editor';

/** Just enough of a terminal to check redraws: CR, LF, CSI n A/B/C/D, K, J, H, 2J, with wrapping. */
class Screen {
  rows: string[][] = [[]];
  r = 0; c = 0; pendingWrap = false;
  constructor(readonly cols: number) {}
  private row(i: number) { while (this.rows.length <= i) this.rows.push([]); return this.rows[i]!; }
  write(s: string) {
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '\x1b') {
        const m = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(s.slice(i))!;
        const n = Number(m[1] || '1');
        switch (m[2]) {
          case 'A': this.r = Math.max(0, this.r - n); break;
          case 'B': this.r += n; break;
          case 'C': this.c = Math.min(this.cols - 1, this.c + n); break;
          case 'D': this.c = Math.max(0, this.c - n); break;
          case 'J': if (m[1] === '2') { this.rows = [[]]; } else { this.row(this.r).length = this.c; this.rows.length = this.r + 1; } break;
          case 'H': this.r = 0; this.c = 0; break;
          case 'K': this.row(this.r).length = this.c; break;
        }
        this.pendingWrap = false;
        i += m[0].length - 1;
      } else if (ch === '\r') { this.c = 0; this.pendingWrap = false; }
      else if (ch === '\n') { this.r += 1; this.pendingWrap = false; }
      else {
        if (this.pendingWrap) { this.r += 1; this.c = 0; this.pendingWrap = false; }
        const row = this.row(this.r);
        while (row.length < this.c) row.push(' ');
        row[this.c] = ch;
        if (this.c === this.cols - 1) this.pendingWrap = true; else this.c += 1;
      }
    }
  }
  text() { return this.rows.map((r) => r.join('').trimEnd()).join('\n').replace(/\n+$/, ''); }
}

function setup(cols = 80, complete?: (line: string, cursor: number) => Completion | null) {
  const screen = new Screen(cols);
  const submitted: string[] = [];
  let interrupts = 0;
  const ed = new LineEditor({ write: (d) => screen.write(d), cols: () => cols, prompt: () => '$ ',
    submit: (c) => { submitted.push(c); screen.write(`ran ${c.split('\n')[0]}\r\n`); }, complete, interrupt: () => { interrupts++; } });
  ed.start();
  return { screen, submitted, ed, interrupts: () => interrupts };
}

describe('line editor', () => {
  it('edits in the middle of the line with arrows, Home/End and Backspace', () => {
    const { ed, screen, submitted } = setup();
    ed.feed('kubectl get pod');
    ed.feed('\x1b[D\x1b[D\x1b[D'); // left ×3 → before "pod"
    ed.feed('\x7f\x7f\x7f\x7f'); // delete "get "
    ed.feed('describe ');
    ed.feed('\x1b[H'); ed.feed('sudo '); ed.feed('\x1b[F'); ed.feed('s');
    expect(screen.text()).toBe('$ sudo kubectl describe pods');
    expect(ed.cursor).toBe(ed.buffer.length);
    ed.feed('\r');
    expect(submitted).toEqual(['sudo kubectl describe pods']);
    expect(screen.text()).toBe('$ sudo kubectl describe pods\nran sudo kubectl describe pods\n$');
  });

  it('walks the history with up/down and keeps the draft', () => {
    const { ed, screen } = setup();
    ed.feed('one\rtwo\r');
    ed.feed('dra');
    ed.feed('\x1b[A'); expect(ed.buffer).toBe('two');
    ed.feed('\x1b[A'); expect(ed.buffer).toBe('one');
    ed.feed('\x1b[A'); expect(ed.buffer).toBe('one');
    ed.feed('\x1b[B\x1b[B'); expect(ed.buffer).toBe('dra');
    expect(screen.text().split('\n').pop()).toBe('$ dra');
  });

  it('Ctrl-C abandons the line and interrupts; Ctrl-L clears the screen', () => {
    const { ed, screen, submitted, interrupts } = setup();
    ed.feed('kubectl get po\x03');
    expect(submitted).toEqual([]);
    expect(interrupts()).toBe(1);
    expect(screen.text()).toBe('$ kubectl get po^C\n$');
    ed.feed('abc\x0c');
    expect(screen.text()).toBe('$ abc');
  });

  it('runs each line of a multi-line paste, and a heredoc as one command', () => {
    const { ed, submitted, screen } = setup();
    ed.feed('echo a\r\necho b\rcat <<EOF > f.txt\rhello\rEOF\recho c\r');
    expect(submitted).toEqual(['echo a', 'echo b', 'cat <<EOF > f.txt\nhello\nEOF', 'echo c']);
    expect(screen.text()).toContain('> hello');
  });

  it('redraws correctly when the line wraps past the terminal width', () => {
    const { ed, screen } = setup(10);
    ed.feed('abcdefghijklmnop'); // 2 + 16 = 18 cells → two rows
    ed.feed('\x1b[H'); ed.feed('X');
    expect(screen.text()).toBe('$ Xabcdefg\nhijklmnop');
    ed.feed('\x1b[F\x7f');
    expect(screen.text()).toBe('$ Xabcdefg\nhijklmno');
    ed.feed('12345678'); // exactly 3 rows wide
    expect(screen.text()).toBe('$ Xabcdefg\nhijklmno12\n345678');
    ed.feed('\r');
    expect(screen.text()).toBe('$ Xabcdefg\nhijklmno12\n345678\nran Xabcde\nfghijklmno\n12345678\n$');
  });

  it('completes a unique candidate and lists several', () => {
    const complete = (line: string): Completion | null => {
      const word = line.split(' ').pop()!;
      const all = ['deployments', 'daemonsets', 'pods'].filter((c) => c.startsWith(word));
      if (all.length === 1) return { from: line.length - word.length, to: line.length, text: all[0]! + ' ', candidates: all };
      return { from: line.length - word.length, to: line.length, text: word, candidates: all };
    };
    const { ed, screen } = setup(80, complete);
    ed.feed('kubectl get po\t');
    expect(ed.buffer).toBe('kubectl get pods ');
    ed.feed('\x15'); // Ctrl-U
    ed.feed('kubectl get d\t');
    expect(screen.text()).toBe('$ kubectl get d\ndeployments  daemonsets\n$ kubectl get d');
  });

  it('queues typing while an async command runs and sends Ctrl-C to it', async () => {
    let release!: () => void;
    const submitted: string[] = [];
    let interrupted = 0;
    const ed = new LineEditor({ write: () => undefined, cols: () => 80, prompt: () => '$ ', interrupt: () => { interrupted++; release(); },
      submit: (c) => { submitted.push(c); return c === 'wait' ? new Promise<void>((ok) => { release = ok; }) : undefined; } });
    ed.start();
    ed.feed('wait\rnext\r');
    expect(ed.running).toBe(true);
    ed.feed('\x03');
    expect(interrupted).toBe(1);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(submitted).toEqual(['wait', 'next']);
  });

  it('lays out candidates in columns', () => {
    expect(formatColumns(['a', 'bb', 'ccc'], 80)).toBe('a    bb   ccc\r\n');
    expect(formatColumns(['aaaa', 'bbbb', 'cccc'], 12)).toBe('aaaa  cccc\r\nbbbb\r\n');
  });
});

describe('line editor continuation', () => {
  it("reads another line when the shell says the input is incomplete", () => {
    const submitted: string[] = [];
    const out: string[] = [];
    const ed = new LineEditor({ write: (d) => out.push(d), cols: () => 80, prompt: () => '$ ',
      submit: (c) => { submitted.push(c); return c.endsWith('|') ? 'incomplete' : undefined; } });
    ed.start();
    ed.feed('kubectl get pods |\rgrep llmops\r');
    expect(submitted).toEqual(['kubectl get pods |', 'kubectl get pods |\ngrep llmops']);
    expect(out.join('')).toContain('> ');
    expect(ed.history).toEqual(['kubectl get pods |\ngrep llmops']);
  });
});
