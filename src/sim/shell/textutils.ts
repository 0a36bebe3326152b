// The text tools learners pipe kubectl into: sort, uniq, cut, tr, awk (print fields), sed (s///, -n Np), plus mv and
// date. Each covers the common forms and says plainly when a form is beyond it (GNU messages for the usual errors).
import type { Ctx, Program } from './types';
import { httpDate } from './time';

/** Text from the files named (or stdin when none / `-`); undefined after printing `tool: f: No such file…`. */
function input(tool: string, files: string[], ctx: Ctx): string | undefined {
  if (files.length === 0) return ctx.io.stdin ?? '';
  let out = '';
  for (const f of files) {
    if (f === '-') { out += ctx.io.stdin ?? ''; continue; }
    const t = ctx.world.vfs.read(ctx.resolve(f));
    if (t === undefined) { ctx.io.err(`${tool}: ${f}: No such file or directory\n`); return undefined; }
    out += t;
  }
  return out;
}

const lines = (t: string) => { const l = t.split('\n'); if (l[l.length - 1] === '') l.pop(); return l; };
const emit = (ctx: Ctx, l: string[]) => ctx.io.out(l.length ? l.join('\n') + '\n' : '');

/** Splits short-option clusters that take no value (`-rn` → -r -n), keeps `-k2`, `-t:` … as they are. */
function opts(args: string[], withValue: string): { flags: Set<string>; values: Map<string, string>; rest: string[]; bad?: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { rest.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { rest.push(a); continue; }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (withValue.includes(c)) { values.set(c, a.slice(j + 1) || args[++i] || ''); break; }
      if (!/[a-zA-Z]/.test(c)) return { flags, values, rest, bad: c };
      flags.add(c);
    }
  }
  return { flags, values, rest };
}

const sort: Program = (argv, ctx) => {
  const o = opts(argv.slice(1), 'kt');
  const text = input('sort', o.rest, ctx);
  if (text === undefined) return 2;
  const sep = o.values.get('t');
  const key = o.values.has('k') ? Number.parseInt(o.values.get('k')!, 10) : undefined;
  const field = (l: string) => {
    if (key === undefined) return l;
    const parts = sep !== undefined ? l.split(sep) : l.trim().split(/\s+/);
    return parts.slice(key - 1).join(sep ?? ' ');
  };
  const num = (s: string) => { const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(s); return m ? Number(m[1]) : 0; };
  let out = lines(text).map((l, i) => ({ l, k: field(l), i }));
  out.sort((a, b) => {
    const c = o.flags.has('n') ? num(a.k) - num(b.k) : a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    return c !== 0 ? c : a.l < b.l ? -1 : a.l > b.l ? 1 : 0;
  });
  if (o.flags.has('r')) out.reverse();
  if (o.flags.has('u')) out = out.filter((x, i) => i === 0 || x.k !== out[i - 1]!.k);
  emit(ctx, out.map((x) => x.l));
  return 0;
};

const uniq: Program = (argv, ctx) => {
  const o = opts(argv.slice(1), '');
  const text = input('uniq', o.rest.slice(0, 1), ctx);
  if (text === undefined) return 1;
  const groups: Array<{ l: string; n: number }> = [];
  for (const l of lines(text)) {
    const last = groups[groups.length - 1];
    if (last && last.l === l) last.n++;
    else groups.push({ l, n: 1 });
  }
  const kept = groups.filter((g) => (o.flags.has('d') ? g.n > 1 : o.flags.has('u') ? g.n === 1 : true));
  emit(ctx, kept.map((g) => (o.flags.has('c') ? `${String(g.n).padStart(7)} ${g.l}` : g.l)));
  return 0;
};

/** `1,3`, `2-4`, `3-` → a predicate on 1-based positions. */
function ranges(spec: string): ((n: number) => boolean) | undefined {
  const parts = spec.split(',').map((p) => /^(\d*)(-?)(\d*)$/.exec(p));
  if (parts.some((m) => !m || (m[1] === '' && m[3] === ''))) return undefined;
  return (n) => parts.some((m) => {
    const a = m![1] ? Number(m![1]) : 1;
    const b = m![2] ? (m![3] ? Number(m![3]) : Infinity) : a;
    return n >= a && n <= b;
  });
}

const cut: Program = (argv, ctx) => {
  const o = opts(argv.slice(1), 'dfc');
  const d = o.values.get('d') ?? '\t';
  const spec = o.values.get('f') ?? o.values.get('c');
  if (spec === undefined) { ctx.io.err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n"); return 1; }
  if (o.values.has('d') && d.length !== 1) { ctx.io.err('cut: the delimiter must be a single character\nTry \'cut --help\' for more information.\n'); return 1; }
  const pick = ranges(spec);
  if (!pick) { ctx.io.err(`cut: invalid field value '${spec}'\nTry 'cut --help' for more information.\n`); return 1; }
  const text = input('cut', o.rest, ctx);
  if (text === undefined) return 1;
  emit(ctx, lines(text).map((l) => {
    if (o.values.has('c')) return [...l].filter((_, i) => pick(i + 1)).join('');
    if (!l.includes(d)) return l;
    return l.split(d).filter((_, i) => pick(i + 1)).join(d);
  }));
  return 0;
};

/** `a-z`, `[:upper:]` … → the characters of a tr set. */
function trSet(s: string): string[] {
  const named: Record<string, string> = { '[:lower:]': 'a-z', '[:upper:]': 'A-Z', '[:digit:]': '0-9', '[:space:]': ' \t\n\r\f\v', '[:alpha:]': 'a-zA-Z', '[:alnum:]': 'a-zA-Z0-9' };
  let t = s;
  for (const [k, v] of Object.entries(named)) t = t.split(k).join(v);
  t = t.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  const out: string[] = [];
  const cs = [...t];
  for (let i = 0; i < cs.length; i++) {
    if (cs[i + 1] === '-' && cs[i + 2] !== undefined) {
      for (let c = cs[i]!.codePointAt(0)!; c <= cs[i + 2]!.codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(cs[i]!);
  }
  return out;
}

const tr: Program = (argv, ctx) => {
  const o = opts(argv.slice(1), '');
  const [a, b] = o.rest;
  if (a === undefined || (!o.flags.has('d') && !o.flags.has('s') && b === undefined)) {
    ctx.io.err(`tr: missing operand${a === undefined ? '' : ` after '${a}'`}\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const from = trSet(a);
  const to = b !== undefined ? trSet(b) : [];
  let text = ctx.io.stdin ?? '';
  if (o.flags.has('d')) text = [...text].filter((c) => !from.includes(c)).join('');
  else if (to.length) text = [...text].map((c) => { const i = from.indexOf(c); return i < 0 ? c : to[Math.min(i, to.length - 1)]!; }).join('');
  if (o.flags.has('s')) {
    const squeeze = to.length && !o.flags.has('d') ? to : from;
    text = [...text].filter((c, i, all) => !(i > 0 && c === all[i - 1] && squeeze.includes(c))).join('');
  }
  ctx.io.out(text);
  return 0;
};

/** awk: `{print $1}`, `{print $1, $3}`, `NR>1 {print $1}`, `/pattern/ {print $2}`, `-F:`; `$0`, `NF`, `$NF`, `NR`. */
const awk: Program = (argv, ctx) => {
  const args = argv.slice(1);
  let fs: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-F') fs = args[++i];
    else if (a.startsWith('-F')) fs = a.slice(2);
    else break;
  }
  const prog = args[i];
  if (prog === undefined) { ctx.io.err('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n'); return 2; }
  const m = /^\s*(?:(NR\s*(==|!=|>=|<=|>|<)\s*(\d+))|\/((?:[^/\\]|\\.)*)\/)?\s*(?:\{\s*print\s*([^}]*?)\s*;?\s*\})?\s*$/.exec(prog);
  if (!m || (m[1] === undefined && m[4] === undefined && m[5] === undefined && prog.trim() !== '')) {
    ctx.io.err(`awk: this terminal's awk runs only '{print …}' programs, optionally after NR>N or /regex/: ${prog}\n`);
    return 2;
  }
  const text = input('awk', args.slice(i + 1), ctx);
  if (text === undefined) return 2;
  let re: RegExp | undefined;
  try { re = m[4] !== undefined ? new RegExp(m[4]) : undefined; } catch { ctx.io.err(`awk: syntax error in regular expression ${m[4]}\n`); return 2; }
  const out: string[] = [];
  lines(text).forEach((line, idx) => {
    const nr = idx + 1;
    if (m[1] !== undefined) {
      const n = Number(m[3]);
      const ok = { '==': nr === n, '!=': nr !== n, '>=': nr >= n, '<=': nr <= n, '>': nr > n, '<': nr < n }[m[2] as '=='];
      if (!ok) return;
    }
    if (re && !re.test(line)) return;
    const f = fs === undefined || fs === ' ' ? line.trim().split(/\s+/).filter(Boolean) : line.split(fs.length === 1 ? fs : new RegExp(fs));
    const val = (e: string): string => {
      const t = e.trim();
      if (t === '$0' || t === '') return line;
      if (t === 'NF') return String(f.length);
      if (t === 'NR') return String(nr);
      if (t === '$NF') return f[f.length - 1] ?? '';
      const d = /^\$(\d+)$/.exec(t);
      if (d) return Number(d[1]) === 0 ? line : f[Number(d[1]) - 1] ?? '';
      const s = /^"(.*)"$/.exec(t);
      return s ? s[1]! : '';
    };
    const body = m[5];
    if (body === undefined || body === '') { out.push(line); return; }
    // `print $1, $2` joins with a space (OFS); `print $1 $2` (or with "…" literals) concatenates
    out.push(body.split(/\s*,\s*/).map((piece) => (piece.match(/"[^"]*"|\$?\w+/g) ?? []).map(val).join('')).join(' '));
  });
  emit(ctx, out);
  return 0;
};

/** sed: `s/a/b/[g]` (any delimiter, & and \1 in the replacement), `-n 'Np'`, `Nd`, `-i` on files. */
const sed: Program = (argv, ctx) => {
  const o = opts(argv.slice(1), 'e');
  const script = o.values.get('e') ?? o.rest.shift();
  if (script === undefined) { ctx.io.err('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n'); return 1; }
  const quiet = o.flags.has('n');
  let apply: ((l: string, n: number) => string | undefined) | undefined;
  const s = /^s(.)((?:(?!\1)[^\\]|\\.)*)\1((?:(?!\1)[^\\]|\\.)*)\1([gI]*)$/.exec(script);
  const addr = /^(\d+|\$)?\s*([pd])$/.exec(script);
  if (s) {
    let re: RegExp;
    try { re = new RegExp(s[2]!.replace(/\\([(){}|+?])/g, '$1'), (s[4]!.includes('g') ? 'g' : '') + (s[4]!.includes('I') ? 'i' : '')); } catch { ctx.io.err(`sed: -e expression #1, char ${script.length}: unterminated \`s' command\n`); return 1; }
    const rep = s[3]!.replace(/\\(\d)/g, '$$$1').replace(/(^|[^\\])&/g, '$1$$&').replace(/\\&/g, '&').replace(/\\\//g, '/');
    apply = (l) => l.replace(re, rep);
  } else if (addr) {
    apply = undefined;
  } else {
    ctx.io.err(`sed: this terminal's sed runs s/…/…/[g], Np and Nd scripts only: ${script}\n`);
    return 1;
  }
  const files = o.rest;
  const run = (text: string): string[] => {
    const ls = lines(text);
    const out: string[] = [];
    ls.forEach((l, i) => {
      const n = i + 1;
      const hit = addr ? (addr[1] === undefined || (addr[1] === '$' ? n === ls.length : Number(addr[1]) === n)) : false;
      if (addr && addr[2] === 'd' && hit) return;
      const cur = apply ? apply(l, n)! : l;
      if (!quiet) out.push(cur);
      if (addr && addr[2] === 'p' && hit) out.push(cur);
    });
    return out;
  };
  if (o.flags.has('i')) {
    for (const f of files) {
      const t = ctx.world.vfs.read(ctx.resolve(f));
      if (t === undefined) { ctx.io.err(`sed: can't read ${f}: No such file or directory\n`); return 2; }
      const out = run(t);
      ctx.world.vfs.write(ctx.resolve(f), out.length ? out.join('\n') + '\n' : '');
    }
    return 0;
  }
  for (const f of files) if (ctx.world.vfs.read(ctx.resolve(f)) === undefined) { ctx.io.err(`sed: can't read ${f}: No such file or directory\n`); return 2; }
  const text = input('sed', files, ctx) ?? '';
  emit(ctx, run(text));
  return 0;
};

const mv: Program = (argv, ctx) => {
  const args = argv.slice(1).filter((a) => !/^-[fivn]+$/.test(a));
  if (args.length < 2) { ctx.io.err(`mv: ${args.length ? `missing destination file operand after '${args[0]}'` : 'missing file operand'}\nTry 'mv --help' for more information.\n`); return 1; }
  const dest = args[args.length - 1]!;
  const destAbs = ctx.resolve(dest);
  const destIsDir = ctx.world.vfs.isDir(destAbs) && !ctx.world.vfs.isFile(destAbs);
  let rc = 0;
  for (const src of args.slice(0, -1)) {
    const from = ctx.resolve(src);
    const t = ctx.world.vfs.read(from);
    if (t === undefined) { ctx.io.err(`mv: cannot stat '${src}': No such file or directory\n`); rc = 1; continue; }
    const to = destIsDir ? `${destAbs}/${from.split('/').pop()}` : destAbs;
    ctx.world.vfs.write(to, t);
    ctx.world.vfs.remove(from);
  }
  return rc;
};

/** date: the virtual clock in UTC, as `date` prints it in the C locale (`Mon Sep 15 15:30:00 UTC 2025`); -u, -I, +%s. */
const date: Program = (argv, ctx) => {
  const ms = ctx.world.nowMs;
  const fmt = argv.slice(1).find((a) => a.startsWith('+'));
  if (fmt === '+%s') { ctx.io.out(`${Math.floor(ms / 1000)}\n`); return 0; }
  const h = httpDate(ms); // Mon, 15 Sep 2025 15:30:00 GMT
  const m = /^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/.exec(h)!;
  if (argv.includes('-I') || argv.includes('--iso-8601')) { ctx.io.out(`${m[4]}-${String(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[3]!) + 1).padStart(2, '0')}-${m[2]}\n`); return 0; }
  ctx.io.out(`${m[1]} ${m[3]} ${String(Number(m[2])).padStart(2, ' ')} ${m[5]} UTC ${m[4]}\n`);
  return 0;
};

/** nano/vi/vim/code FILE: the lab's editor opens the file (saving writes it back); with no editor attached (the
 *  CLI) a full-screen editor cannot run, so it says how to write the file instead. */
const editor: Program = (argv, ctx) => {
  const name = argv[0]!;
  const file = argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (file === undefined) {
    ctx.io.err(`${name}: a full-screen editor does not run in this terminal; name a file to open it in the lab's editor\n`);
    return 1;
  }
  const abs = ctx.resolve(file);
  if (ctx.world.vfs.isDir(abs) && !ctx.world.vfs.isFile(abs)) { ctx.io.err(`${name}: ${file}: Is a directory\n`); return 1; }
  const created = !ctx.world.vfs.isFile(abs);
  if (created) ctx.world.vfs.write(abs, '');
  if (ctx.openEditor(abs)) return 0;
  if (created) ctx.world.vfs.remove(abs); // nothing was saved
  ctx.io.err(`${name}: a full-screen editor does not run in this terminal; write the file with cat > ${file} <<EOF … EOF (or edit it in the lab's editor)\n`);
  return 1;
};

/** watch CMD: procps' full-screen redraw does not fit a line terminal; kubectl's own -w does the same job. */
const watch: Program = (argv, ctx) => {
  const cmd = argv.slice(1).filter((a, i, all) => !(a.startsWith('-') && i === 0) && !(i > 0 && /^-(n|-interval)$/.test(all[i - 1]!))).join(' ');
  ctx.io.err(`watch: a full-screen program does not run in this terminal; ${/^kubectl get\b/.test(cmd) ? `use ${cmd} -w (kubectl watches by itself)` : `run ${cmd || 'the command'} again, or sleep N between runs`}\n`);
  return 1;
};

export const TEXT_PROGRAMS: Record<string, Program> = { watch, sort, uniq, cut, tr, awk, sed, mv, date, nano: editor, vi: editor, vim: editor };
