// Small programs a learner uses around kubectl: echo, cat, ls, pwd, grep, head, tail, wc, base64, sleep, env …
// They follow GNU coreutils' messages for the common errors.
import type { Ctx, Program } from './types';
import { basename, displayPath } from './vfs';
import { base64Encode, base64Decode, utf8Bytes } from '../api/base64';

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
  const targets = argv.slice(1).filter((a) => !(a.startsWith('-') && a.length > 1));
  if (targets.length === 0) targets.push('.');
  let rc = 0;
  const outParts: string[] = [];
  for (const t of targets) {
    const p = ctx.resolve(t);
    if (ctx.world.vfs.isFile(p)) { outParts.push(long ? longLine(ctx, p, basename(t)) : t); continue; }
    if (!ctx.world.vfs.isDir(p)) { ctx.io.err(`ls: cannot access '${t}': No such file or directory\n`); rc = 2; continue; }
    let names = ctx.world.vfs.list(p).map((n) => n.replace(/\/$/, ''));
    if (!all) names = names.filter((n) => !n.startsWith('.'));
    else names = ['.', '..', ...names];
    const header = targets.length > 1 ? `${t}:\n` : '';
    if (long) {
      outParts.push(header + `total ${names.length * 4}\n` + names.map((n) => longLine(ctx, p + '/' + n, n)).join('\n'));
    } else if (names.length) {
      outParts.push(header + (ctx.stdoutIsTty ? names.join('  ') : names.join('\n')));
    } else if (header) outParts.push(header.trimEnd());
  }
  if (outParts.length) ctx.io.out(outParts.join(targets.length > 1 ? '\n\n' : '\n') + '\n');
  return rc;
};

function longLine(ctx: Ctx, abs: string, name: string): string {
  const isDir = ctx.world.vfs.isDir(abs) && !ctx.world.vfs.isFile(abs);
  const size = isDir ? 4096 : utf8Bytes(ctx.world.vfs.read(abs) ?? '').length;
  return `${isDir ? 'drwxr-xr-x' : '-rw-r--r--'} 1 learner learner ${String(size).padStart(5)} Sep 15 10:00 ${name}`;
}

const pwd: Program = (_argv, ctx) => { ctx.io.out(ctx.cwd + '\n'); return 0; };

/** grep PATTERN [FILE…] with -i -v -c -n -E -w -q (a basic regular expression is treated as an extended one). */
const grep: Program = (argv, ctx) => {
  const args = argv.slice(1);
  let ignore = false, invert = false, count = false, number = false, quiet = false, word = false, fixed = false;
  let pattern: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-e') { pattern = args[++i]; continue; }
    if (a.startsWith('-') && a.length > 1) { // GNU grep permutes: options may follow the pattern
      if (!/^-[ivcnqwEFo]+$/.test(a)) { ctx.io.err(`grep: invalid option -- '${a.slice(1, 2)}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`); return 2; }
      for (const f of a.slice(1)) {
        if (f === 'i') ignore = true; else if (f === 'v') invert = true; else if (f === 'c') count = true;
        else if (f === 'n') number = true; else if (f === 'q') quiet = true; else if (f === 'w') word = true; else if (f === 'F') fixed = true;
      }
      continue;
    }
    if (pattern === undefined) pattern = a; else files.push(a);
  }
  if (pattern === undefined) { ctx.io.err('Usage: grep [OPTION]... PATTERNS [FILE]...\nTry \'grep --help\' for more information.\n'); return 2; }
  let re: RegExp;
  try {
    let src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern.replace(/\\\|/g, '|');
    if (word) src = `\\b(?:${src})\\b`;
    re = new RegExp(src, ignore ? 'i' : '');
  } catch {
    ctx.io.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const inputs: Array<{ name: string; text: string }> = [];
  let rc = 1;
  if (files.length === 0) inputs.push({ name: '(standard input)', text: ctx.io.stdin ?? '' });
  for (const f of files) {
    const t = ctx.world.vfs.read(ctx.resolve(f));
    if (t === undefined) { ctx.io.err(`grep: ${f}: No such file or directory\n`); rc = 2; continue; }
    inputs.push({ name: f, text: t });
  }
  let matched = false;
  for (const inp of inputs) {
    const lines = splitLines(inp.text);
    let n = 0;
    lines.forEach((line, i) => {
      if (re.test(line) !== invert) {
        n++;
        matched = true;
        if (!count && !quiet) ctx.io.out(`${files.length > 1 ? inp.name + ':' : ''}${number ? i + 1 + ':' : ''}${line}\n`);
      }
    });
    if (count && !quiet) ctx.io.out(`${files.length > 1 ? inp.name + ':' : ''}${n}\n`);
  }
  return matched ? 0 : rc;
};

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function headTail(which: 'head' | 'tail'): Program {
  return (argv, ctx) => {
    let n = 10;
    const files: string[] = [];
    const args = argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      let v: string | undefined;
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
    const lines = splitLines(text);
    const pick = which === 'head' ? lines.slice(0, n) : n === 0 ? [] : lines.slice(-n);
    if (pick.length) ctx.io.out(pick.join('\n') + '\n');
    return 0;
  };
}

const wc: Program = (argv, ctx) => {
  const onlyLines = argv.includes('-l');
  const file = argv.slice(1).find((a) => !a.startsWith('-'));
  const text = file ? ctx.world.vfs.read(ctx.resolve(file)) : ctx.io.stdin ?? '';
  if (text === undefined) { ctx.io.err(`wc: ${file}: No such file or directory\n`); return 1; }
  const l = (text.match(/\n/g) ?? []).length;
  if (onlyLines) { ctx.io.out(`${file ? `${l} ${file}` : l}\n`); return 0; }
  const w = text.split(/\s+/).filter(Boolean).length;
  const c = utf8Bytes(text).length;
  ctx.io.out(file ? `${String(l).padStart(2)} ${String(w).padStart(2)} ${String(c).padStart(3)} ${file}\n` : `${String(l).padStart(7)} ${String(w).padStart(7)} ${String(c).padStart(7)}\n`);
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

const whoami: Program = (_a, ctx) => { ctx.io.out((ctx.env.get('USER') ?? 'learner') + '\n'); return 0; };
const trueP: Program = () => 0;
const falseP: Program = () => 1;

export const BUILTIN_PROGRAMS: Record<string, Program> = {
  echo, cat, ls, pwd, grep, head: headTail('head'), tail: headTail('tail'), wc, base64, env, printenv: env,
  touch, rm, mkdir, cp, whoami, true: trueP, false: falseP,
};

export { displayPath };
