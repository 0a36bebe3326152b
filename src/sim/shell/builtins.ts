// Small programs a learner uses around kubectl: echo, cat, ls, pwd, grep, head, tail, wc, base64, sleep, env …
// They follow GNU coreutils' messages for the common errors.
import type { Ctx, Program } from './types';
import { basename, displayPath } from './vfs';
import { base64Encode, base64Decode, utf8Bytes, utf8Decode } from '../api/base64';
import { TEXT_PROGRAMS } from './textutils';

const echo: Program = (argv, ctx) => {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) { if (f === 'n') newline = false; if (f === 'e') escapes = true; if (f === 'E') escapes = false; }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  ctx.io.out(text + (newline ? '\n' : ''));
  return 0;
};

const cat: Program = (argv, ctx) => {
  const files = argv.slice(1).filter((a) => a !== '-');
  if (files.length === 0) { ctx.io.out(ctx.io.stdin ?? ''); return 0; }
  let rc = 0;
  for (const f of files) {
    if (f.startsWith('-') && f.length > 1) { ctx.io.err(`cat: invalid option -- '${f.slice(1, 2)}'\nTry 'cat --help' for more information.\n`); return 1; }
    const p = ctx.resolve(f);
    if (ctx.world.vfs.isDir(p) && !ctx.world.vfs.isFile(p)) { ctx.io.err(`cat: ${f}: Is a directory\n`); rc = 1; continue; }
    const t = ctx.world.vfs.read(p);
    if (t === undefined) { ctx.io.err(`cat: ${f}: No such file or directory\n`); rc = 1; continue; }
    ctx.io.out(t);
  }
  return rc;
};

const ls: Program = (argv, ctx) => {
  const flags = argv.slice(1).filter((a) => a.startsWith('-') && a.length > 1).join('');
  const all = flags.includes('a');
  const long = flags.includes('l');
  const onePerLine = flags.includes('1') || !ctx.stdoutIsTty;
  const targets = argv.slice(1).filter((a) => !(a.startsWith('-') && a.length > 1));
  if (targets.length === 0) targets.push('.');
  let rc = 0;
  const fileArgs: string[] = [];
  const dirArgs: string[] = [];
  for (const t of targets) {
    const p = ctx.resolve(t);
    if (ctx.world.vfs.isFile(p)) fileArgs.push(t);
    else if (ctx.world.vfs.isDir(p)) dirArgs.push(t);
    else { ctx.io.err(`ls: cannot access '${t}': No such file or directory\n`); rc = 2; }
  }
  const join = (names: string[]) => (onePerLine ? names.join('\n') : names.join('  '));
  const blocks: string[] = [];
  // like GNU ls: file operands first (sorted), then each directory with a header when there are several operands
  if (fileArgs.length) blocks.push(long ? fileArgs.sort().map((f) => longLine(ctx, ctx.resolve(f), f)).join('\n') : join(fileArgs.sort()));
  const headers = fileArgs.length + dirArgs.length > 1 || rc !== 0 && dirArgs.length > 0 && targets.length > 1;
  for (const t of dirArgs.sort()) {
    const p = ctx.resolve(t);
    let names = ctx.world.vfs.list(p).map((n) => n.replace(/\/$/, ''));
    if (!all) names = names.filter((n) => !n.startsWith('.'));
    else names = ['.', '..', ...names];
    const body = long ? `total ${names.length * 4}\n` + names.map((n) => longLine(ctx, p + '/' + n, n)).join('\n') : join(names);
    blocks.push((headers ? `${t}:\n` : '') + body);
  }
  const text = blocks.filter((b) => b !== '').join(headers ? '\n\n' : '\n');
  if (text) ctx.io.out(text + '\n');
  return rc;
};

function longLine(ctx: Ctx, abs: string, name: string): string {
  const isDir = ctx.world.vfs.isDir(abs) && !ctx.world.vfs.isFile(abs);
  const text = isDir ? '' : ctx.world.vfs.read(abs) ?? '';
  const size = isDir ? 4096 : utf8Bytes(text).length;
  return `${isDir ? 'drwxr-xr-x' : isExecutable(abs, text) ? '-rwxr-xr-x' : '-rw-r--r--'} 1 learner learner ${String(size).padStart(5)} Sep 15 10:00 ${name}`;
}

/** The repository's scripts are committed executable (mode 755), except scripts/lib.sh, which is only sourced. */
export function isExecutable(abs: string, text: string): boolean {
  return text.startsWith('#!') && !abs.endsWith('/scripts/lib.sh');
}

const pwd: Program = (_argv, ctx) => { ctx.io.out(ctx.cwd + '\n'); return 0; };

/** grep PATTERN [FILE…] with -i -v -c -n -E -F -w -q -o and context -A/-B/-C N (GNU grep's messages). */
const grep: Program = (argv, ctx) => {
  const args = argv.slice(1);
  let ignore = false, invert = false, count = false, number = false, quiet = false, word = false, fixed = false, only = false;
  let recursive = false, listFiles = false, withName: boolean | undefined;
  let after = 0, before = 0;
  let pattern: string | undefined;
  const files: string[] = [];
  const usage = () => { ctx.io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"); return 2; };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { files.push(...args.slice(i + 1)); if (pattern === undefined) pattern = files.shift(); break; }
    if (a === '-e') { pattern = args[++i]; continue; }
    const ctxFlag = /^-([ABC])(\d*)$/.exec(a);
    if (ctxFlag) {
      const v = ctxFlag[2] || args[++i];
      if (v === undefined || !/^\d+$/.test(v)) { ctx.io.err(`grep: ${v ?? ''}: invalid context length argument\n`); return 2; }
      const n = parseInt(v, 10);
      if (ctxFlag[1] !== 'B') after = n;
      if (ctxFlag[1] !== 'A') before = n;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) { // GNU grep permutes: options may follow the pattern
      if (a === '--recursive') { recursive = true; continue; }
      if (!/^-[ivcnqwEFohHrRl]+$/.test(a)) { ctx.io.err(`grep: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\n`); return usage(); }
      for (const f of a.slice(1)) {
        if (f === 'i') ignore = true; else if (f === 'v') invert = true; else if (f === 'c') count = true;
        else if (f === 'n') number = true; else if (f === 'q') quiet = true; else if (f === 'w') word = true; else if (f === 'F') fixed = true; else if (f === 'o') only = true;
        else if (f === 'r' || f === 'R') recursive = true; else if (f === 'l') listFiles = true; else if (f === 'H') withName = true; else if (f === 'h') withName = false;
      }
      continue;
    }
    if (pattern === undefined) pattern = a; else files.push(a);
  }
  if (pattern === undefined) return usage();
  let re: RegExp;
  try {
    let src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern.replace(/\\\|/g, '|');
    if (word) src = `\\b(?:${src})\\b`;
    re = new RegExp(src, ignore ? 'gi' : 'g');
  } catch {
    ctx.io.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const inputs: Array<{ name: string; text: string }> = [];
  let rc = 1;
  if (files.length === 0 && recursive) files.push('.');
  if (files.length === 0) inputs.push({ name: '(standard input)', text: ctx.io.stdin ?? '' });
  for (const f of files) {
    const abs = ctx.resolve(f);
    if (ctx.world.vfs.isDir(abs) && !ctx.world.vfs.isFile(abs)) {
      if (!recursive) { ctx.io.err(`grep: ${f}: Is a directory\n`); rc = 2; continue; }
      // grep -r DIR: every file below, named DIR/sub/file (GNU grep walks in directory order; sorted here)
      for (const p of ctx.world.vfs.walk(abs).sort()) {
        const rel = p.slice(abs.length + 1);
        inputs.push({ name: f === '.' && files.length === 1 && argvHasNoDir(args) ? rel : `${f.replace(/\/+$/, '')}/${rel}`, text: ctx.world.vfs.read(p) ?? '' });
      }
      continue;
    }
    const t = ctx.world.vfs.read(abs);
    if (t === undefined) { ctx.io.err(`grep: ${f}: No such file or directory\n`); rc = 2; continue; }
    inputs.push({ name: f, text: t });
  }
  const showName = withName ?? (files.length > 1 || recursive);
  let matched = false;
  for (const inp of inputs) {
    const lines = splitLines(inp.text);
    const prefix = (i: number, sep: string) => `${showName ? inp.name + sep : ''}${number ? i + 1 + sep : ''}`;
    let n = 0;
    let lastPrinted = -1;
    let pendingAfter = 0;
    lines.forEach((line, i) => {
      re.lastIndex = 0;
      const hit = re.test(line) !== invert;
      if (hit) {
        n++;
        matched = true;
        if (count || quiet || listFiles) return;
        if ((before || after) && lastPrinted >= 0 && i - before > lastPrinted + 1) ctx.io.out('--\n');
        for (let b = Math.max(lastPrinted + 1, i - before); b < i; b++) ctx.io.out(`${prefix(b, '-')}${lines[b]}\n`);
        if (only && !invert) { re.lastIndex = 0; for (const m of line.match(re) ?? []) ctx.io.out(`${prefix(i, ':')}${m}\n`); }
        else ctx.io.out(`${prefix(i, ':')}${line}\n`);
        lastPrinted = i;
        pendingAfter = after;
      } else if (pendingAfter > 0 && !count && !quiet) {
        ctx.io.out(`${prefix(i, '-')}${line}\n`);
        lastPrinted = i;
        pendingAfter--;
      }
    });
    if (listFiles && n > 0 && !quiet) ctx.io.out(`${inp.name}\n`);
    else if (count && !quiet) ctx.io.out(`${showName ? inp.name + ':' : ''}${n}\n`);
  }
  return matched ? 0 : rc;
};

/** `grep -r pattern` with no directory operand searches `.` and names files without a `./` prefix. */
function argvHasNoDir(args: string[]): boolean {
  return args.filter((a) => !a.startsWith('-')).length <= 1;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function headTail(which: 'head' | 'tail'): Program {
  return (argv, ctx) => {
    let n = 10;
    let bytes: number | undefined;
    const files: string[] = [];
    const args = argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      let v: string | undefined;
      if (a === '-c' || /^-c\d+$/.test(a)) {
        const b = a === '-c' ? args[++i] : a.slice(2);
        if (b === undefined || !/^\d+$/.test(b)) { ctx.io.err(`${which}: invalid number of bytes: ‘${b ?? ''}’\n`); return 1; }
        bytes = parseInt(b, 10);
        continue;
      }
      if (a === '-n') v = args[++i];
      else if (a.startsWith('-n')) v = a.slice(2);
      else if (/^-\d+$/.test(a)) v = a.slice(1);
      else if (a.startsWith('--lines=')) v = a.slice(8);
      else if (a.startsWith('-') && a.length > 1) { ctx.io.err(`${which}: invalid option -- '${a.slice(1, 2)}'\nTry '${which} --help' for more information.\n`); return 1; }
      else { files.push(a); continue; }
      if (v === undefined || !/^[+-]?\d+$/.test(v)) { ctx.io.err(`${which}: invalid number of lines: ‘${v ?? ''}’\n`); return 1; }
      n = Math.abs(parseInt(v, 10));
    }
    let text: string;
    if (files.length) {
      const t = ctx.world.vfs.read(ctx.resolve(files[0]!));
      if (t === undefined) { ctx.io.err(`${which}: cannot open '${files[0]}' for reading: No such file or directory\n`); return 1; }
      text = t;
    } else text = ctx.io.stdin ?? '';
    if (bytes !== undefined) {
      const b = utf8Bytes(text);
      ctx.io.out(utf8Decode(which === 'head' ? b.slice(0, bytes) : b.slice(Math.max(0, b.length - bytes))));
      return 0;
    }
    const lines = splitLines(text);
    const pick = which === 'head' ? lines.slice(0, n) : n === 0 ? [] : lines.slice(-n);
    if (pick.length) ctx.io.out(pick.join('\n') + '\n');
    return 0;
  };
}

const wc: Program = (argv, ctx) => {
  const flags = argv.slice(1).filter((a) => a.startsWith('-')).join('');
  const file = argv.slice(1).find((a) => !a.startsWith('-'));
  const text = file ? ctx.world.vfs.read(ctx.resolve(file)) : ctx.io.stdin ?? '';
  if (text === undefined) { ctx.io.err(`wc: ${file}: No such file or directory\n`); return 1; }
  const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: utf8Bytes(text).length };
  const want = (['l', 'w', 'c'] as const).filter((f) => flags.includes(f));
  const shown = want.length ? want : (['l', 'w', 'c'] as const);
  const nums = shown.map((f) => counts[f]);
  const width = shown.length === 1 && !file ? 0 : file ? Math.max(...nums.map((n) => String(n).length)) : 7;
  ctx.io.out(nums.map((n) => String(n).padStart(width)).join(' ') + (file ? ` ${file}` : '') + '\n');
  return 0;
};

const base64: Program = (argv, ctx) => {
  const decode = argv.includes('-d') || argv.includes('--decode');
  const file = argv.slice(1).find((a) => !a.startsWith('-'));
  const text = file ? ctx.world.vfs.read(ctx.resolve(file)) : ctx.io.stdin ?? '';
  if (text === undefined) { ctx.io.err(`base64: ${file}: No such file or directory\n`); return 1; }
  if (decode) {
    const d = base64Decode(text);
    if (d === undefined) { ctx.io.err('base64: invalid input\n'); return 1; }
    ctx.io.out(d);
  } else {
    const enc = base64Encode(text);
    ctx.io.out((enc.match(/.{1,76}/g) ?? ['']).join('\n') + '\n');
  }
  return 0;
};

const env: Program = (_argv, ctx) => {
  ctx.io.out([...ctx.env.entries()].map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  return 0;
};

const touch: Program = (argv, ctx) => {
  for (const f of argv.slice(1)) { const p = ctx.resolve(f); if (!ctx.world.vfs.isFile(p)) ctx.world.vfs.write(p, ''); }
  return 0;
};

const rm: Program = (argv, ctx) => {
  const force = argv.some((a) => /^-[rRf]*f/.test(a));
  let rc = 0;
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (!ctx.world.vfs.remove(ctx.resolve(f)) && !force) { ctx.io.err(`rm: cannot remove '${f}': No such file or directory\n`); rc = 1; }
  }
  return rc;
};

const mkdir: Program = (argv, ctx) => { for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) ctx.world.vfs.mkdir(ctx.resolve(f)); return 0; };

const cp: Program = (argv, ctx) => {
  const [src, dst] = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!src || !dst) { ctx.io.err(`cp: missing file operand\nTry 'cp --help' for more information.\n`); return 1; }
  const t = ctx.world.vfs.read(ctx.resolve(src));
  if (t === undefined) { ctx.io.err(`cp: cannot stat '${src}': No such file or directory\n`); return 1; }
  let d = ctx.resolve(dst);
  if (ctx.world.vfs.isDir(d) && !ctx.world.vfs.isFile(d)) d = d + '/' + basename(src);
  ctx.world.vfs.write(d, t);
  return 0;
};

/** printf FORMAT [ARG…]: %s %d %%, escapes \n \t \\ \xHH (bytes as UTF-8 is not needed here: \xHH ≥ 0x80 gives that code point's
 *  raw byte in a file, used to write a BOM with printf '\xef\xbb\xbf'). */
const printf: Program = (argv, ctx) => {
  const fmt = argv[1];
  if (fmt === undefined) { ctx.io.err('printf: usage: printf [-v var] format [arguments]\n'); return 2; }
  const args = argv.slice(2);
  let out = '';
  let ai = 0;
  const bytes: number[] = [];
  const flushBytes = () => { if (bytes.length) { out += utf8DecodeLoose(bytes); bytes.length = 0; } };
  do {
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i]!;
      if (c === '\\') {
        const n = fmt[i + 1];
        if (n === 'x') { const h = /^[0-9a-fA-F]{1,2}/.exec(fmt.slice(i + 2))?.[0] ?? ''; if (h) { bytes.push(parseInt(h, 16)); i += 1 + h.length; continue; } }
        flushBytes();
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : n === '"' ? '"' : '\\' + (n ?? '');
        i++;
        continue;
      }
      flushBytes();
      if (c === '%') {
        const n = fmt[i + 1];
        if (n === '%') { out += '%'; i++; continue; }
        if (n === 's' || n === 'd' || n === 'b') { const a = args[ai++] ?? ''; out += n === 'd' ? String(parseInt(a || '0', 10) || 0) : a; i++; continue; }
      }
      out += c;
    }
    flushBytes();
  } while (ai < args.length && fmt.includes('%'));
  ctx.io.out(out);
  return 0;
};

/** Bytes to text: valid UTF-8 decodes; a stray byte becomes a lone code unit that utf8Bytes writes back as is. */
function utf8DecodeLoose(b: number[]): string { return utf8Decode(b); }

const whoami: Program = (_a, ctx) => { ctx.io.out((ctx.env.get('USER') ?? 'learner') + '\n'); return 0; };
const trueP: Program = () => 0;
const falseP: Program = () => 1;

export const BUILTIN_PROGRAMS: Record<string, Program> = {
  echo, cat, ls, pwd, grep, head: headTail('head'), tail: headTail('tail'), wc, base64, env, printenv: env,
  touch, rm, mkdir, cp, whoami, printf, true: trueP, false: falseP, ...TEXT_PROGRAMS,
};

export { displayPath };
