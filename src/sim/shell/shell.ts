// The interpreter: runs parsed command lines against the workstation (World), wiring pipes, redirections,
// heredocs, $VAR/$(…) expansion, && || ; &, background jobs and Ctrl-C. The same object serves the browser
// terminal (interactive) and the CLI (a script fed line by line).
import { parse, type ListItem, type Pipeline, type SimpleCommand, type Word, type VarOp } from './lexer';
import { evalArith } from './arith';
import { BUILTIN_PROGRAMS, isExecutable } from './builtins';
import { glob, resolvePath, PROJECT_DIR, HOME } from './vfs';
import { bufferIo, isLongRunning, type Completion, type Ctx, type Io, type LongRunning, type Program } from './types';
import type { World } from '../world';

export interface RunResult {
  /** everything the terminal shows for this input: stdout and stderr interleaved, `\n` line ends */
  output: string;
  /** `$?` after the input ran */
  exitCode: number;
  /** a long-running command (port-forward, tunnel, logs -f, get -w) holds the terminal: Ctrl-C → interrupt() */
  running: boolean;
  /** the input is not complete yet (open quote or heredoc, trailing `|`, `&&` or `\`): show `> ` and read more */
  incomplete: boolean;
}

interface Job { id: number; pid: number; text: string; handle: LongRunning; state: 'Running' | 'Done' | 'Terminated' | 'Exit'; reported: boolean; exitCode: number }

export interface ShellCore {
  world: World;
  programs: Record<string, Program>;
  interactive: boolean;
  complete?: (shell: Shell, line: string, cursor: number) => Completion;
}

const SHELL_BUILTINS = ['cd', 'export', 'unset', 'history', 'help', 'clear', 'sleep', 'jobs', 'kill', 'exit', 'type', 'which', 'fg', 'bg', 'source', 'wait', 'bash', 'sh', 'test', '[', 'break', 'continue', 'eval'] as const;

export class Shell {
  readonly world: World;
  readonly env = new Map<string, string>();
  cwd = PROJECT_DIR;
  lastExit = 0;
  readonly historyList: string[] = [];
  private jobs: Job[] = [];
  private foreground: { handle: LongRunning; text: string } | undefined;
  private buf: string | undefined;
  private listeners = new Set<(text: string) => void>();
  private idleListeners = new Set<(exitCode: number) => void>();
  private editorHook: ((path: string, onSave?: (text: string) => void) => boolean) | undefined;
  readonly programs: Record<string, Program>;
  readonly interactive: boolean;
  private completer: ShellCore['complete'];
  private depth = 0;
  /** the pid announced for a background job, given to the program it starts */
  private pendingPid: number | undefined;
  /** a `cmd &` is being started: `sleep` then runs on the virtual clock instead of moving it */
  private startingBackground = false;
  /** `break` / `continue` ran inside a loop body: the rest of the body is skipped */
  private loopCtl: 'break' | 'continue' | 'interrupt' | undefined;
  private loopDepth = 0;
  /** an expansion failed ($((1/0)), ${X:?}): bash does not run the command */
  private expansionError = false;

  constructor(core: ShellCore) {
    this.world = core.world;
    this.programs = { ...BUILTIN_PROGRAMS, ...core.programs };
    this.interactive = core.interactive;
    this.completer = core.complete;
    // a foreground program can end by itself while time passes (port-forward losing its pod, run -it finishing)
    this.world.onTick(() => this.checkForeground());
    for (const [k, v] of Object.entries({
      HOME, USER: 'learner', SHELL: '/bin/bash', PWD: this.cwd, TERM: 'xterm-256color', LANG: 'C.UTF-8',
      PATH: '/usr/local/bin:/usr/bin:/bin',
    })) this.env.set(k, v);
  }

  /** Output that arrives between commands (background jobs, port-forward connections, logs -f, get -w). */
  onOutput(cb: (text: string) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Called when a foreground program ends by itself (the terminal shows its prompt again); gets the exit code. */
  onIdle(cb: (exitCode: number) => void): () => void {
    this.idleListeners.add(cb);
    return () => this.idleListeners.delete(cb);
  }

  private checkForeground(): void {
    const fg = this.foreground;
    if (!fg?.handle.ended || this.buf !== undefined) return;
    this.foreground = undefined;
    this.lastExit = fg.handle.ended.exitCode;
    for (const l of this.idleListeners) l(this.lastExit);
  }

  /** Lets the browser open its editor for `kubectl edit` (the callback saves back). */
  setEditorHook(hook: ((path: string, onSave?: (text: string) => void) => boolean) | undefined): void { this.editorHook = hook; }

  /** Terminal output: inside run() it joins the command's output; otherwise it goes to the listeners. */
  write(text: string): void {
    if (text === '') return;
    if (this.buf !== undefined) this.buf += text;
    else for (const l of this.listeners) l(text);
  }

  get isBusy(): boolean { return this.foreground !== undefined; }

  /** Runs one input (a line, or several lines when a heredoc spans them). Never throws. */
  run(input: string): RunResult {
    if (this.foreground) {
      return { output: '', exitCode: this.lastExit, running: true, incomplete: false };
    }
    const parsed = parse(input);
    if (parsed.incomplete || (!parsed.error && compoundDepth(parsed.items) > 0)) return { output: '', exitCode: this.lastExit, running: false, incomplete: true };
    const trimmed = input.replace(/\s+$/, '');
    if (trimmed !== '' && this.depth === 0) this.historyList.push(trimmed);
    this.buf = '';
    this.loopCtl = undefined;
    try {
      if (parsed.error) {
        this.write(`bash: ${parsed.error}\n`);
        this.lastExit = 2;
      } else {
        this.runItems(parsed.items);
      }
    } catch (e) {
      // A bug in a program must not kill the terminal: report it like a crashed process would.
      this.write(`bash: internal error: ${(e as Error).message}\n`);
      this.lastExit = 1;
    }
    if (!this.foreground) this.reportJobs();
    const output = this.buf;
    this.buf = undefined;
    return { output, exitCode: this.lastExit, running: this.foreground !== undefined, incomplete: false };
  }

  /** Ctrl-C: stops the foreground long-running command. Returns what the terminal shows (`^C` …). */
  interrupt(): string {
    this.buf = '';
    this.write('^C\n');
    const fg = this.foreground;
    if (fg) {
      this.foreground = undefined;
      fg.handle.stop('INT');
      this.lastExit = 130;
    }
    const out = this.buf;
    this.buf = undefined;
    return out;
  }

  complete(line: string, cursor = line.length): Completion {
    if (!this.completer) return { start: cursor, candidates: [] };
    try { return this.completer(this, line, cursor); } catch { return { start: cursor, candidates: [] }; }
  }

  commandNames(): string[] {
    return [...new Set([...Object.keys(this.programs), ...SHELL_BUILTINS])].sort();
  }

  // ---------------------------------------------------------------------------------------------------------

  private runItems(input: ListItem[]): void {
    const items = splitReserved(input);
    let skip = false;
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      const prevOp = k > 0 ? items[k - 1]!.op : ';';
      if (prevOp === '&&') skip = skip || this.lastExit !== 0;
      else if (prevOp === '||') skip = skip || this.lastExit === 0;
      else skip = false;
      const kw = reservedWord(item);
      if (kw !== undefined && OPENERS.has(kw)) {
        // for/while/until … done, if … fi: the whole compound runs (or is skipped) as one command
        const end = matchingEnd(items, k);
        if (end < 0) return; // run() reports incomplete input before we get here
        if (!skip) this.runCompound(items.slice(k, end + 1));
        k = end;
        continue;
      }
      if (kw !== undefined) {
        this.write(`bash: syntax error near unexpected token \`${kw}'\n`);
        this.lastExit = 2;
        return;
      }
      if (skip) continue;
      if (this.loopCtl) return;
      if (item.op === '&') this.runBackground(item);
      else this.runPipeline(item.pipeline, item.text, false);
      if (this.foreground) {
        // the rest of the line waits for the foreground program; in a script it is stopped right away
        if (!this.interactive) this.stopForegroundForScript();
        else return;
      }
      if (this.loopCtl) return;
    }
  }

  /** Runs a loop body; false when the loop must stop (break, a foreground program holding the terminal). */
  private loopBody(items: ListItem[]): boolean {
    this.loopDepth++;
    try { this.runItems(items); } finally { this.loopDepth--; }
    const ctl = this.loopCtl;
    if (ctl !== 'interrupt') this.loopCtl = undefined;
    return ctl === undefined || ctl === 'continue' ? !this.foreground : false;
  }

  /** Runs `for NAME in WORDS; do …; done`, `while|until LIST; do …; done`, `if LIST; then …; [elif …; then …;] [else …;] fi`. */
  private runCompound(items: ListItem[]): void {
    const kw = reservedWord(items[0]!)!;
    // split the items at this compound's own keywords (nested compounds stay whole)
    const parts: Array<{ kw: string; items: ListItem[] }> = [{ kw, items: [] }];
    const head = stripFirstWord(items[0]!);
    if (head) parts[0]!.items.push(head);
    let depth = 0;
    for (const it of items.slice(1)) {
      const w = reservedWord(it);
      if (depth === 0 && w !== undefined && ['do', 'done', 'then', 'elif', 'else', 'fi'].includes(w)) {
        parts.push({ kw: w, items: [] });
        continue;
      }
      if (w !== undefined && OPENERS.has(w)) depth++;
      else if (w === 'done' || w === 'fi') depth--;
      parts[parts.length - 1]!.items.push(it);
    }
    const body = (name: string) => parts.find((p) => p.kw === name)?.items ?? [];
    this.lastExit = 0;
    if (kw === 'for') {
      const header = parts[0]!.items[0];
      const words = header?.pipeline.commands[0]?.words ?? [];
      const name = words[0]?.raw ?? '';
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) { this.write(`bash: \`${name}': not a valid identifier\n`); this.lastExit = 1; return; }
      const values = words[1]?.raw === 'in' ? words.slice(2).flatMap((w) => this.expandWord(w)) : [];
      for (const v of values.slice(0, LOOP_LIMIT)) {
        this.env.set(name, v);
        if (!this.loopBody(body('do'))) break;
      }
      return;
    }
    if (kw === 'while' || kw === 'until') {
      for (let n = 0; ; n++) {
        if (n >= WHILE_LIMIT) {
          // a real loop would go on until Ctrl-C; the simulator stops it there
          this.write('^C\n');
          this.lastExit = 130;
          this.loopCtl = 'interrupt'; // Ctrl-C ends the whole command line
          return;
        }
        this.runItems(parts[0]!.items);
        if ((this.lastExit === 0) !== (kw === 'while')) { this.lastExit = 0; return; }
        if (!this.loopBody(body('do'))) return;
      }
    }
    // if / elif / else
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.kw === 'if' || p.kw === 'elif') {
        this.runItems(p.items);
        const ok = this.lastExit === 0;
        if (ok) { this.runItems(parts[i + 1]?.kw === 'then' ? parts[i + 1]!.items : []); return; }
        i++; // skip its then-part
        continue;
      }
      if (p.kw === 'else') { this.runItems(p.items); return; }
    }
    this.lastExit = 0;
  }

  private stopForegroundForScript(): void {
    const fg = this.foreground!;
    fg.handle.runBounded?.();
    this.foreground = undefined;
    if (fg.handle.ended) { this.lastExit = fg.handle.ended.exitCode; return; }
    this.write('^C\n');
    fg.handle.stop('INT');
    this.lastExit = 130;
  }

  private runBackground(item: ListItem): void {
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const pid = this.world.nextPid();
    this.write(`[${id}] ${pid}\n`);
    this.pendingPid = pid;
    const before = this.foreground;
    this.startingBackground = true;
    let handle: LongRunning | undefined;
    try { handle = this.runPipeline(item.pipeline, item.text, true); } finally { this.startingBackground = false; }
    this.foreground = before;
    const job: Job = { id, pid, text: item.text, handle: handle ?? { longRunning: true, stop() {} }, state: handle ? 'Running' : this.lastExit === 0 ? 'Done' : 'Exit', reported: false, exitCode: this.lastExit };
    this.jobs.push(job);
    this.lastExit = 0;
  }

  private reportJobs(): void {
    const cur = this.currentJobId();
    const prev = this.jobs.length > 1 ? this.jobs[this.jobs.length - 2]!.id : undefined;
    for (const j of this.jobs) {
      if (j.state === 'Running' && j.handle.ended) { j.state = j.handle.ended.exitCode === 0 ? 'Done' : 'Exit'; j.exitCode = j.handle.ended.exitCode; }
      if (j.state !== 'Running' && !j.reported) {
        j.reported = true;
        const label = j.state === 'Exit' ? `Exit ${j.exitCode}` : j.state;
        this.write(`[${j.id}]${j.id === cur ? '+' : j.id === prev ? '-' : ' '}  ${label.padEnd(24)}${j.text}\n`);
      }
    }
    this.jobs = this.jobs.filter((j) => !j.reported);
  }

  private currentJobId(): number | undefined { return this.jobs.length ? this.jobs[this.jobs.length - 1]!.id : undefined; }

  /** Runs a pipeline. Returns the long-running handle when its last program keeps running (for `&`). */
  private runPipeline(p: Pipeline, text: string, background: boolean): LongRunning | undefined {
    let stdin: string | undefined;
    let handle: LongRunning | undefined;
    const n = p.commands.length;
    for (let i = 0; i < n; i++) {
      const cmd = p.commands[i]!;
      const last = i === n - 1;
      const r = this.runSimple(cmd, stdin, last, text, background);
      stdin = r.stdout;
      if (r.handle) {
        if (last) handle = r.handle;
        else r.handle.stop('INT'); // a long-running program feeding a pipe: its first screen is all a script sees
      }
    }
    if (p.negate) this.lastExit = this.lastExit === 0 ? 1 : 0;
    if (handle && !background) this.foreground = { handle, text };
    return handle;
  }

  private runSimple(cmd: SimpleCommand, stdin: string | undefined, last: boolean, text: string, background: boolean): { stdout?: string; handle?: LongRunning } {
    const argv: string[] = [];
    this.expansionError = false;
    for (const w of cmd.words) argv.push(...this.expandWord(w));
    if (this.expansionError) { this.expansionError = false; this.lastExit = 1; return {}; }
    const assigns = cmd.assigns.map((a) => [a.name, this.expandWord(a.value, false).join(' ')] as const);
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.env.set(k, v);
      this.lastExit = 0;
      if (cmd.redirects.length === 0) return {};
    }
    // redirections
    let toFile: { path: string; append: boolean; both: boolean } | undefined;
    let errToFile: { path: string; append: boolean } | undefined;
    let mergeErr = false;
    for (const r of cmd.redirects) {
      if (r.op === '<<') { stdin = r.literal ? r.body ?? '' : this.expandText(r.body ?? ''); continue; }
      if (r.op === '2>&1') { mergeErr = true; continue; }
      const target = this.expandWord(r.target!, false).join(' ');
      const abs = target === '/dev/null' ? '/dev/null' : resolvePath(this.cwd, target);
      if (r.op === '<') {
        if (abs === '/dev/null') { stdin = ''; continue; }
        const t = this.world.vfs.read(abs);
        if (t === undefined) { this.write(`bash: ${target}: No such file or directory\n`); this.lastExit = 1; return {}; }
        stdin = t;
      } else if (r.op === '2>' || r.op === '2>>') errToFile = { path: abs, append: r.op === '2>>' };
      else {
        if (abs !== '/dev/null' && this.world.vfs.isDir(abs) && !this.world.vfs.isFile(abs)) { this.write(`bash: ${target}: Is a directory\n`); this.lastExit = 1; return {}; }
        toFile = { path: abs, append: r.op === '>>', both: r.op === '&>' };
        if (abs !== '/dev/null' && r.op !== '>>') this.world.vfs.write(abs, '');
      }
    }
    if (argv.length === 0) { this.lastExit = 0; return {}; }

    const captureOut = !last || toFile !== undefined || this.depth > 0;
    let captured = '';
    let capturedErr = '';
    const io: Io = {
      stdin,
      out: (t) => { if (captureOut) captured += t; else this.write(t); },
      err: (t) => {
        if (errToFile || (toFile?.both)) capturedErr += t;
        else if (mergeErr && captureOut) captured += t;
        else this.write(t);
      },
    };
    const env = new Map(this.env);
    for (const [k, v] of assigns) env.set(k, v);
    const ctx: Ctx = {
      world: this.world, io, env, cwd: this.cwd, interactive: this.interactive,
      stdoutIsTty: !captureOut,
      // output a long-running program writes later (port-forward's `Handling connection for 8501`, logs -f) goes
      // where its stdout was redirected: `kubectl port-forward … > /dev/null &` stays quiet
      later: (t) => {
        if (!toFile) this.write(t);
        else if (toFile.path !== '/dev/null') this.world.vfs.write(toFile.path, (this.world.vfs.read(toFile.path) ?? '') + t);
      },
      laterErr: (t) => {
        const f = errToFile ?? (toFile?.both || mergeErr ? toFile : undefined);
        if (!f) this.write(t);
        else if (f.path !== '/dev/null') this.world.vfs.write(f.path, (this.world.vfs.read(f.path) ?? '') + t);
      },
      resolve: (path) => resolvePath(this.cwd, path),
      commandText: text,
      pid: this.takePid(),
      openEditor: (path, onSave) => (this.editorHook ? this.editorHook(path, onSave) : false),
    };
    const name = argv[0]!;
    let result: number | LongRunning;
    const builtin = this.shellBuiltin(name);
    if (builtin) result = builtin(argv, ctx);
    else {
      const prog = this.programs[name];
      if (!prog) {
        if (name.includes('/') && this.world.vfs.exists(resolvePath(this.cwd, name))) result = this.scriptFile(name, ctx, 'bash', true);
        else {
          if (name.includes('/')) io.err(`bash: ${name}: No such file or directory\n`);
          else io.err(`bash: ${name}: command not found\n`);
          result = 127;
        }
      } else {
        result = prog(argv, ctx);
        // after every command the cluster catches up with the current instant
        this.world.settle();
      }
    }
    let handle: LongRunning | undefined;
    if (isLongRunning(result)) {
      handle = result;
      this.lastExit = 0;
    } else this.lastExit = result;
    if (toFile && toFile.path !== '/dev/null') {
      const prev = toFile.append ? this.world.vfs.read(toFile.path) ?? '' : '';
      this.world.vfs.write(toFile.path, prev + captured + (toFile.both ? capturedErr : ''));
    }
    if (errToFile && errToFile.path !== '/dev/null') {
      const prev = errToFile.append ? this.world.vfs.read(errToFile.path) ?? '' : '';
      this.world.vfs.write(errToFile.path, prev + capturedErr);
    }
    void background;
    return { stdout: toFile ? '' : captured, handle };
  }

  /** `test` / `[ … ]`: file tests, string and integer comparisons, `!` (bash's messages for bad integers). */
  private testExpr(name: string, args: string[], ctx: Ctx): number {
    if (args[0] === '!' ) { const r = this.testExpr(name, args.slice(1), ctx); return r === 2 ? 2 : r === 0 ? 1 : 0; }
    const abs = (p: string) => resolvePath(this.cwd, p);
    const vfs = this.world.vfs;
    const b = (v: boolean) => (v ? 0 : 1);
    if (args.length === 0) return 1;
    if (args.length === 1) return b(args[0] !== '');
    if (args.length === 2) {
      const [op, v = ''] = args as [string, string];
      switch (op) {
        case '-n': return b(v !== '');
        case '-z': return b(v === '');
        case '-e': case '-a': return b(vfs.exists(abs(v)));
        case '-f': return b(vfs.isFile(abs(v)));
        case '-d': return b(vfs.isDir(abs(v)) && !vfs.isFile(abs(v)));
        case '-s': return b(vfs.isFile(abs(v)) && (vfs.read(abs(v)) ?? '') !== '');
        case '-r': case '-w': return b(vfs.exists(abs(v)));
        case '-x': return b(vfs.isDir(abs(v)) || /\.sh$/.test(v));
        default: ctx.io.err(`bash: ${name}: ${op}: unary operator expected\n`); return 2;
      }
    }
    if (args.length === 3) {
      const [l, op, r] = args as [string, string, string];
      const int = (x: string): number | undefined => (/^\s*-?\d+\s*$/.test(x) ? parseInt(x, 10) : undefined);
      switch (op) {
        case '=': case '==': return b(l === r);
        case '!=': return b(l !== r);
        case '<': return b(l < r);
        case '>': return b(l > r);
        case '-eq': case '-ne': case '-lt': case '-le': case '-gt': case '-ge': {
          const a = int(l), c = int(r);
          if (a === undefined || c === undefined) { ctx.io.err(`bash: ${name}: ${a === undefined ? l : r}: integer expression expected\n`); return 2; }
          return b(op === '-eq' ? a === c : op === '-ne' ? a !== c : op === '-lt' ? a < c : op === '-le' ? a <= c : op === '-gt' ? a > c : a >= c);
        }
        default: ctx.io.err(`bash: ${name}: ${op}: binary operator expected\n`); return 2;
      }
    }
    ctx.io.err(`bash: ${name}: too many arguments\n`);
    return 2;
  }

  /** `./x.sh`, `scripts/x.sh`, `bash x.sh` on a file that exists: the interpreter runs typed commands, not script
   *  files (functions, loops, `case` …), so it says so instead of pretending the file is missing. */
  private scriptFile(path: string, ctx: Ctx, shellName: string, direct: boolean): number {
    const abs = resolvePath(this.cwd, path);
    if (this.world.vfs.isDir(abs) && !this.world.vfs.isFile(abs)) { ctx.io.err(`${shellName}: ${path}: Is a directory\n`); return 126; }
    if (!this.world.vfs.isFile(abs)) { ctx.io.err(`${shellName}: ${path}: No such file or directory\n`); return 127; }
    // `./x` needs the execute bit (`bash x` does not)
    if (direct && !isExecutable(abs, this.world.vfs.read(abs) ?? '')) { ctx.io.err(`bash: ${path}: Permission denied\n`); return 126; }
    ctx.io.err(`${shellName}: ${path}: running script files is not simulated in this terminal; type its commands one by one (cat ${path} shows them)\n`);
    return 126;
  }

  private takePid(): number {
    const p = this.pendingPid ?? this.world.nextPid();
    this.pendingPid = undefined;
    return p;
  }

  // ----- expansion -----

  private expandWord(w: Word, split = true): string[] {
    const fields: string[] = [''];
    let any = false;
    let globbable = false;
    for (const part of w.parts) {
      if (part.t === 'lit') {
        fields[fields.length - 1] += part.v;
        any = true;
        if (!part.quoted && /[*?]/.test(part.v)) globbable = true;
        continue;
      }
      const value = part.t === 'var' ? this.paramValue(part) : part.t === 'arith' ? this.arithValue(part.expr) : this.commandSubstitution(part.src);
      if (part.quoted || !split) { fields[fields.length - 1] += value; any = true; continue; }
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, idx) => {
        if (idx > 0) fields.push('');
        fields[fields.length - 1] += piece;
      });
      if (value.trim() !== '') any = true;
    }
    let out = fields.filter((f, i) => f !== '' || (any && fields.length === 1 && i === 0 && w.parts.some((p) => p.quoted)));
    if (globbable && split && out.length === 1) {
      const matches = glob(this.world.vfs, this.cwd, out[0]!);
      if (matches.length) out = matches;
    }
    return out;
  }

  /** ${NAME}, ${NAME:-word} / := / :+ / :? (and without the colon: only unset counts), ${#NAME}. */
  private paramValue(part: { name: string; op?: VarOp; arg?: string }): string {
    const value = this.varValue(part.name);
    const set = /^[?$#0-9]$/.test(part.name) || this.env.has(part.name);
    const op = part.op;
    if (op === undefined) return value;
    if (op === 'len') return String([...value].length);
    const missing = op.startsWith(':') ? !set || value === '' : !set;
    const word = () => this.expandText(part.arg ?? '');
    switch (op) {
      case ':-': case '-': return missing ? word() : value;
      case ':=': case '=': if (missing) { const w = word(); this.env.set(part.name, w); return w; } return value;
      case ':+': case '+': return missing ? '' : word();
      default: // :? ?
        if (missing) { this.write(`bash: ${part.name}: ${part.arg ? word() : 'parameter null or not set'}\n`); this.expansionError = true; return ''; }
        return value;
    }
  }

  /** $(( expr )): integers, + - * / % ** ( ), comparisons, && || !, variables by name. */
  private arithValue(expr: string): string {
    const src = this.expandText(expr);
    try {
      return String(evalArith(src, (name) => this.varValue(name)));
    } catch (e) {
      this.write(`bash: ${src.trim()}: ${(e as Error).message}\n`);
      this.expansionError = true;
      return '';
    }
  }

  private varValue(name: string): string {
    if (name === '?') return String(this.lastExit);
    if (name === '$') return String(this.world.shellPid);
    if (name === '#' || /^[0-9]$/.test(name)) return name === '0' ? 'bash' : '';
    return this.env.get(name) ?? '';
  }

  private commandSubstitution(src: string): string {
    const parsed = parse(src);
    if (parsed.error) { this.write(`bash: command substitution: ${parsed.error}\n`); return ''; }
    const saveBuf = this.buf;
    const saveFg = this.foreground;
    this.depth++;
    let captured = '';
    try {
      // run with stdout captured: temporarily collect writes of the last program into `captured`
      for (const item of parsed.items) {
        const r = this.runCaptured(item.pipeline, item.text);
        captured += r;
      }
    } finally {
      this.depth--;
      this.buf = saveBuf;
      this.foreground = saveFg;
    }
    return captured.replace(/\n+$/, '');
  }

  /** Runs a pipeline with its stdout captured (for $(…)); stderr still reaches the terminal. */
  private runCaptured(p: Pipeline, text: string): string {
    let stdin: string | undefined;
    for (let i = 0; i < p.commands.length; i++) {
      const r = this.runSimple(p.commands[i]!, stdin, true, text, false);
      r.handle?.stop('INT');
      stdin = r.stdout;
    }
    return stdin ?? '';
  }

  /** $VAR / ${VAR} / $(…) inside an unquoted heredoc body. */
  private expandText(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\' && (text[i + 1] === '$' || text[i + 1] === '\\' || text[i + 1] === '`')) { out += text[i + 1]; i++; continue; }
      if (c !== '$') { out += c; continue; }
      const n = text[i + 1];
      if (n === '(' && text[i + 2] === '(') {
        const end = text.indexOf('))', i + 3);
        if (end > 0) { out += this.arithValue(text.slice(i + 3, end)); i = end + 1; continue; }
      }
      if (n === '(') {
        let depth = 1, j = i + 2;
        while (j < text.length && depth > 0) { if (text[j] === '(') depth++; else if (text[j] === ')') depth--; j++; }
        if (depth > 0) { out += c; continue; }
        out += this.commandSubstitution(text.slice(i + 2, j - 1));
        i = j - 1;
        continue;
      }
      if (n === '{') {
        const end = text.indexOf('}', i);
        if (end > 0) {
          const body = text.slice(i + 2, end);
          const len = /^#([A-Za-z_][A-Za-z0-9_]*)$/.exec(body);
          const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])(?:(:?[-=+?])(.*))?$/s.exec(body);
          out += len ? this.paramValue({ name: len[1]!, op: 'len' }) : m ? this.paramValue({ name: m[1]!, ...(m[2] ? { op: m[2] as VarOp, arg: m[3] ?? '' } : {}) }) : '';
          i = end;
          continue;
        }
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/.exec(text.slice(i + 1));
      if (m) { out += this.varValue(m[1]!); i += m[1]!.length; continue; }
      out += c;
    }
    return out;
  }

  // ----- shell builtins -----

  private shellBuiltin(name: string): Program | undefined {
    switch (name) {
      case 'cd': return (argv, ctx) => {
        const target = argv[1] === undefined || argv[1] === '~' ? HOME : argv[1] === '-' ? this.env.get('OLDPWD') ?? this.cwd : argv[1];
        const abs = resolvePath(this.cwd, target);
        if (this.world.vfs.isFile(abs)) { ctx.io.err(`bash: cd: ${target}: Not a directory\n`); return 1; }
        if (!this.world.vfs.isDir(abs)) { ctx.io.err(`bash: cd: ${target}: No such file or directory\n`); return 1; }
        this.env.set('OLDPWD', this.cwd);
        this.cwd = abs;
        this.env.set('PWD', abs);
        if (argv[1] === '-') ctx.io.out(abs + '\n');
        return 0;
      };
      case 'export': return (argv, ctx) => {
        if (argv.length === 1 || (argv.length === 2 && argv[1] === '-p')) {
          // bash lists the exported variables as `declare -x NAME="value"`, sorted by name
          const names = [...this.env.keys()].sort();
          ctx.io.out(names.map((n) => `declare -x ${n}="${(this.env.get(n) ?? '').replace(/(["\\$`])/g, '\\$1')}"\n`).join(''));
          return 0;
        }
        for (const a of argv.slice(1)) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
          if (!m) { ctx.io.err(`bash: export: \`${a}': not a valid identifier\n`); return 1; }
          if (m[2] !== undefined) this.env.set(m[1]!, m[2]);
        }
        return 0;
      };
      case 'unset': return (argv) => { for (const a of argv.slice(1)) this.env.delete(a); return 0; };
      case 'history': return (argv, ctx) => {
        if (argv[1] === '-c') { this.historyList.length = 0; return 0; }
        const n = argv[1] && /^\d+$/.test(argv[1]) ? parseInt(argv[1], 10) : this.historyList.length;
        const start = Math.max(0, this.historyList.length - n);
        ctx.io.out(this.historyList.slice(start).map((h, i) => `${String(start + i + 1).padStart(5)}  ${h.replace(/\n/g, '\n')}\n`).join(''));
        return 0;
      };
      case 'help': return (_argv, ctx) => { ctx.io.out(HELP_TEXT); return 0; };
      case 'clear': return (_argv, ctx) => {
        // a real terminal receives these escape codes; in a script transcript `clear` shows nothing
        if (this.interactive) ctx.io.out('\x1b[H\x1b[2J\x1b[3J');
        return 0;
      };
      case 'sleep': return (argv, ctx) => {
        if (argv.length < 2) { ctx.io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n"); return 1; }
        let total = 0;
        for (const a of argv.slice(1)) {
          const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
          if (!m) { ctx.io.err(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`); return 1; }
          total += parseFloat(m[1]!) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']);
        }
        if (this.startingBackground) {
          // `sleep N &`: a job that ends once N virtual seconds have passed (the clock is not moved now)
          const endsAtMs = this.world.nowMs + Math.round(total * 1000);
          let ended: { exitCode: number } | undefined;
          const off = this.world.onTick((now) => { if (now >= endsAtMs && !ended) { ended = { exitCode: 0 }; off(); } });
          const job: LongRunning & { endsAtMs: number } = {
            longRunning: true, endsAtMs,
            stop: () => { off(); ended ??= { exitCode: 143 }; },
            get ended() { return ended; },
          };
          return job;
        }
        this.world.advance(total);
        return 0;
      };
      case 'break':
      case 'continue': return (_argv, ctx) => {
        if (this.loopDepth === 0) { ctx.io.err(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`); return 0; }
        this.loopCtl = name;
        return 0;
      };
      case 'eval': return (argv, ctx) => {
        // eval ARGS: the words joined by spaces are run as a command line (eval $(minikube docker-env))
        const src = argv.slice(1).join(' ');
        if (src.trim() === '') return 0;
        const parsed = parse(src);
        if (parsed.error || parsed.incomplete) { ctx.io.err(`bash: eval: line 1: ${parsed.error ?? 'syntax error: unexpected end of file'}\n`); return 2; }
        this.runItems(parsed.items);
        return this.lastExit;
      };
      case 'test':
      case '[': return (argv, ctx) => {
        let args = argv.slice(1);
        if (name === '[') {
          if (args[args.length - 1] !== ']') { ctx.io.err("bash: [: missing `]'\n"); return 2; }
          args = args.slice(0, -1);
        }
        return this.testExpr(name, args, ctx);
      };
      case 'wait': return () => {
        // bash waits for every running job; timed jobs (sleep &) end when their time has passed, a port-forward or
        // tunnel never ends by itself, so `wait` then holds the terminal until Ctrl-C
        const running = this.jobs.filter((j) => j.state === 'Running' && !j.handle.ended);
        const until = Math.max(0, ...running.map((j) => (j.handle as { endsAtMs?: number }).endsAtMs ?? 0));
        if (until > this.world.nowMs) this.world.advance((until - this.world.nowMs) / 1000);
        if (running.some((j) => (j.handle as { endsAtMs?: number }).endsAtMs === undefined && !j.handle.ended)) {
          const handle: LongRunning = { longRunning: true, stop: () => {} };
          return handle;
        }
        return 0;
      };
      case 'bash':
      case 'sh': return (argv, ctx) => {
        if (argv[1] === '-c' && argv[2] !== undefined) {
          const parsed = parse(argv[2]);
          if (parsed.error || parsed.incomplete) { ctx.io.err(`${name}: -c: line 1: ${parsed.error ?? 'syntax error: unexpected end of file'}\n`); return 2; }
          this.runItems(parsed.items);
          return this.lastExit;
        }
        if (argv[1] === undefined) { ctx.io.err(`${name}: a nested interactive shell is not simulated here; this terminal is already ${name === 'sh' ? 'a shell' : 'bash'}\n`); return 1; }
        return this.scriptFile(argv[1], ctx, name, false);
      };
      case 'jobs': return (_argv, ctx) => {
        const cur = this.currentJobId();
        const prev = this.jobs.length > 1 ? this.jobs[this.jobs.length - 2]!.id : undefined;
        for (const j of this.jobs) {
          if (j.handle.ended && j.state === 'Running') continue;
          const mark = j.id === cur ? '+' : j.id === prev ? '-' : ' ';
          ctx.io.out(`[${j.id}]${mark}  ${(j.state === 'Running' ? 'Running' : j.state).padEnd(24)}${j.text}${j.state === 'Running' ? ' &' : ''}\n`);
        }
        return 0;
      };
      case 'kill': return (argv, ctx) => {
        const args = argv.slice(1).filter((a) => !/^-(\d+|[A-Z]+|s)$/.test(a));
        if (args.length === 0) { ctx.io.err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n'); return 2; }
        let rc = 0;
        for (const a of args) {
          const job = a.startsWith('%')
            ? (a === '%' || a === '%%' || a === '%+' ? this.jobs[this.jobs.length - 1] : this.jobs.find((j) => String(j.id) === a.slice(1)))
            : this.jobs.find((j) => String(j.pid) === a);
          if (!job || job.state !== 'Running') {
            ctx.io.err(a.startsWith('%') ? `bash: kill: ${a}: no such job\n` : /^\d+$/.test(a) ? `bash: kill: (${a}) - No such process\n` : `bash: kill: ${a}: arguments must be process or job IDs\n`);
            rc = 1;
            continue;
          }
          job.handle.stop('TERM');
          job.state = 'Terminated';
        }
        return rc;
      };
      case 'fg': return (argv, ctx) => {
        const job = argv[1] ? this.jobs.find((j) => `%${j.id}` === argv[1] || String(j.id) === argv[1]) : this.jobs[this.jobs.length - 1];
        if (!job) { ctx.io.err(`bash: fg: ${argv[1] ?? 'current'}: no such job\n`); return 1; }
        ctx.io.out(job.text + '\n');
        this.jobs = this.jobs.filter((j) => j !== job);
        if (job.state === 'Running') return job.handle;
        return 0;
      };
      case 'bg': return (_argv, ctx) => { ctx.io.err('bash: bg: job has already been started in the background\n'); return 1; };
      case 'exit': return (_argv, ctx) => { ctx.io.out('exit\n'); ctx.io.err('(this terminal stays open: it is part of the page)\n'); return 0; };
      case 'source': return (argv, ctx) => {
        const t = argv[1] ? this.world.vfs.read(resolvePath(this.cwd, argv[1])) : undefined;
        if (t === undefined) { ctx.io.err(`bash: ${argv[1] ?? 'source'}: ${argv[1] ? 'No such file or directory' : 'filename argument required'}\n`); return 1; }
        for (const line of t.split('\n')) {
          const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
          if (m) this.env.set(m[1]!, m[2]!.replace(/^(['"])(.*)\1$/, '$2'));
        }
        return 0;
      };
      case 'type':
      case 'which': return (argv, ctx) => {
        let rc = 0;
        for (const a of argv.slice(1)) {
          const isShell = (SHELL_BUILTINS as readonly string[]).includes(a) || ['echo', 'pwd', 'true', 'false'].includes(a);
          const known = isShell || this.programs[a] !== undefined;
          if (!known) { if (name === 'type') ctx.io.err(`bash: type: ${a}: not found\n`); rc = 1; continue; }
          const path = ['kubectl', 'minikube'].includes(a) ? `/usr/local/bin/${a}` : `/usr/bin/${a}`;
          if (name === 'type') ctx.io.out(isShell ? `${a} is a shell builtin\n` : `${a} is ${path}\n`);
          else if (!isShell || ['echo', 'pwd', 'true', 'false'].includes(a)) ctx.io.out(`${isShell ? '/usr/bin/' + a : path}\n`);
        }
        return rc;
      };
      default: return undefined;
    }
  }
}

/** Keywords that open a compound command, and the word that closes each. */
const OPENERS = new Map([['for', 'done'], ['while', 'done'], ['until', 'done'], ['if', 'fi']]);
const RESERVED = new Set(['for', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', 'do', 'done']);
/** A `while`/`until` loop stops (as if Ctrl-C was pressed) after this many rounds; `for` takes this many values. */
const LOOP_LIMIT = 1000;
/** `while true; do …; done` would run until Ctrl-C: the simulator presses it after this many rounds. */
const WHILE_LIMIT = 60;

/** The reserved word a list item starts with, if its first word is one (unquoted, in command position). */
function reservedWord(item: ListItem): string | undefined {
  const cmd = item.pipeline.commands[0];
  const w = cmd?.words[0];
  if (!cmd || !w || cmd.assigns.length > 0 || w.parts.length !== 1) return undefined;
  const p = w.parts[0]!;
  return p.t === 'lit' && !p.quoted && RESERVED.has(p.v) ? p.v : undefined;
}

/** The item without its leading reserved word (undefined when nothing is left). */
function stripFirstWord(item: ListItem): ListItem | undefined {
  const [cmd, ...more] = item.pipeline.commands;
  if (!cmd) return undefined;
  let words = cmd.words.slice(1);
  // `do n=$((n+1))`: after the keyword, NAME=value words are assignments again (as the lexer reads them at a
  // command's start)
  const assigns = [...cmd.assigns];
  while (words.length > 0) {
    const w = words[0]!;
    const first = w.parts[0];
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w.raw);
    if (!m || !first || first.t !== 'lit' || first.quoted || !first.v.startsWith(m[0])) break;
    assigns.push({ name: m[1]!, value: { parts: [{ ...first, v: first.v.slice(m[0].length) }, ...w.parts.slice(1)], raw: w.raw.slice(m[0].length) } });
    words = words.slice(1);
  }
  if (words.length === 0 && assigns.length === 0 && cmd.redirects.length === 0 && more.length === 0) return undefined;
  return { ...item, pipeline: { ...item.pipeline, commands: [{ ...cmd, words, assigns }, ...more] }, text: item.text.replace(/^\s*\S+\s*/, '') };
}

/** `do echo x`, `then for j in …`: the keyword becomes an item of its own so nested compounds are seen (a `for`
 *  keeps its header words: `for NAME in WORDS`). */
function splitReserved(items: ListItem[]): ListItem[] {
  const out: ListItem[] = [];
  for (const it of items) {
    const kw = reservedWord(it);
    const rest = kw !== undefined && kw !== 'for' ? stripFirstWord(it) : undefined;
    if (kw === undefined || rest === undefined) { out.push(it); continue; }
    const cmd = it.pipeline.commands[0]!;
    out.push({ op: ';', text: kw, pipeline: { negate: false, commands: [{ words: [cmd.words[0]!], redirects: [], assigns: [] }] } });
    out.push(...splitReserved([rest]));
  }
  return out;
}

/** Index of the item that closes the compound opened at `k` (-1 when it is not closed yet). */
function matchingEnd(items: ListItem[], k: number): number {
  const stack: string[] = [];
  for (let i = k; i < items.length; i++) {
    const w = reservedWord(items[i]!);
    if (w === undefined) continue;
    if (OPENERS.has(w)) stack.push(OPENERS.get(w)!);
    else if (w === stack[stack.length - 1]) { stack.pop(); if (stack.length === 0) return i; }
  }
  return -1;
}

/** How many compounds are still open at the end of the input (the terminal then asks for more lines). */
function compoundDepth(input: ListItem[]): number {
  let depth = 0;
  for (const it of splitReserved(input)) {
    const w = reservedWord(it);
    if (w !== undefined && OPENERS.has(w)) depth++;
    else if (w === 'done' || w === 'fi') depth = Math.max(0, depth - 1);
  }
  return depth;
}

export const HELP_TEXT = `This terminal runs a simulated workstation: your project files, Docker, minikube and kubectl 1.34.
Nothing leaves the browser. Commands you can use:

  kubectl ...        talk to the cluster (try: kubectl --help, kubectl get pods)
  minikube ...       start | status | stop | delete | ip | image load | image ls | service | tunnel | addons
  docker ...         build -t NAME:TAG . | images | rmi | run -p HOST:CONTAINER IMAGE
  curl URL           -s -i -v -m SECONDS; reach a port-forward, a NodePort or the tunnel's IP
  ls cat echo pwd cd grep head tail wc base64 env export sleep history clear jobs kill

Shell features: pipes (|), && || ;, redirection (> >> <), heredocs (cat > file <<EOF), $VAR, $(command), $((1+2)),
for/while/if, [ test ]; a trailing & runs a long command (port-forward, tunnel) in the background; Ctrl-C stops
the one in front.
Time in the cluster only moves on its own in the browser; sleep N moves it forward by N seconds.
`;

/** Convenience for tests and the CLI: run a program directly with a captured io. */
export function captureProgram(prog: Program, argv: string[], ctx: Omit<Ctx, 'io'>, stdin?: string): { stdout: string; stderr: string; all: string; result: number | LongRunning } {
  const io = bufferIo(stdin);
  const result = prog(argv, { ...ctx, io });
  return { stdout: io.stdout, stderr: io.stderr, all: io.all, result };
}
