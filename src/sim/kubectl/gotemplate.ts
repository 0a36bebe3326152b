// A subset of Go's text/template as `kubectl get -o go-template=…` runs it over the object's JSON (maps, slices,
// float64 numbers): field chains (.a.b, $, $var.x), "string" literals, pipelines with kubectl's extra functions
// (base64decode, base64encode, …), index, len, printf %s/%d/%v, range (with $k, $v :=) / if / else / with / end.
// Missing map keys print `<no value>` as Go does for map[string]interface{}.
import { base64Decode, base64Encode } from '../api/base64';

type Node =
  | { t: 'text'; s: string }
  | { t: 'action'; expr: string }
  | { t: 'range'; vars: string[]; expr: string; body: Node[]; else: Node[] }
  | { t: 'if'; expr: string; body: Node[]; else: Node[] }
  | { t: 'with'; expr: string; body: Node[]; else: Node[] };

export class TemplateError extends Error { parse = false; }

function tokenize(src: string): Array<{ text?: string; action?: string }> {
  const out: Array<{ text?: string; action?: string }> = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) { out.push({ text: src.slice(i) }); break; }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src[start] === '-' && src[start + 1] === ' ') { text = text.replace(/\s+$/, ''); start += 2; }
    if (text) out.push({ text });
    const close = src.indexOf('}}', start);
    if (close < 0) throw new TemplateError('unclosed action');
    let body = src.slice(start, close);
    let next = close + 2;
    if (body.endsWith(' -')) { body = body.slice(0, -2); while (next < src.length && /\s/.test(src[next]!)) next++; }
    out.push({ action: body.trim() });
    i = next;
  }
  return out;
}

function parse(src: string): Node[] {
  const toks = tokenize(src);
  let pos = 0;
  function block(): { nodes: Node[]; end: 'end' | 'else' | 'eof' } {
    const nodes: Node[] = [];
    while (pos < toks.length) {
      const tk = toks[pos++]!;
      if (tk.text !== undefined) { nodes.push({ t: 'text', s: tk.text }); continue; }
      const a = tk.action!;
      if (a.startsWith('/*')) continue;
      if (a === 'end') return { nodes, end: 'end' };
      if (a === 'else') return { nodes, end: 'else' };
      const m = /^(range|if|with)\s+(.*)$/.exec(a);
      if (m) {
        let expr = m[2]!;
        let vars: string[] = [];
        const decl = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*(.*)$/.exec(expr);
        if (decl) { vars = decl[2] ? [decl[1]!, decl[2]] : [decl[1]!]; expr = decl[3]!; }
        const body = block();
        let els: Node[] = [];
        if (body.end === 'else') { const e = block(); if (e.end !== 'end') throw new TemplateError(`unexpected EOF`); els = e.nodes; }
        else if (body.end !== 'end') throw new TemplateError('unexpected EOF');
        if (m[1] === 'range') nodes.push({ t: 'range', vars, expr, body: body.nodes, else: els });
        else if (m[1] === 'if') nodes.push({ t: 'if', expr, body: body.nodes, else: els });
        else nodes.push({ t: 'with', expr, body: body.nodes, else: els });
        continue;
      }
      nodes.push({ t: 'action', expr: a });
    }
    return { nodes, end: 'eof' };
  }
  const r = block();
  if (r.end !== 'eof') throw new TemplateError(`unexpected {{${r.end}}}`);
  return r.nodes;
}

interface Scope { dot: unknown; root: unknown; vars: Map<string, unknown> }

function words(expr: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|`[^`]*`|\(|\)|[^\s()]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expr))) out.push(m[0]);
  return out;
}

const MISSING = Symbol('missing');

function field(v: unknown, chain: string): unknown {
  let cur = v;
  for (const k of chain.split('.').filter(Boolean)) {
    if (cur === MISSING || cur === null || cur === undefined) return MISSING;
    if (typeof cur !== 'object' || Array.isArray(cur)) throw new TemplateError(`can't evaluate field ${k} in type ${Array.isArray(cur) ? '[]interface {}' : typeof cur}`);
    const o = cur as Record<string, unknown>;
    cur = k in o ? o[k] : MISSING;
  }
  return cur;
}

function operand(w: string, s: Scope): unknown {
  if (w.startsWith('"')) return JSON.parse(w);
  if (w.startsWith('`')) return w.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(w)) return Number(w);
  if (w === 'true' || w === 'false') return w === 'true';
  if (w === 'nil') return null;
  if (w === '.') return s.dot;
  if (w.startsWith('.')) return field(s.dot, w);
  if (w.startsWith('$')) {
    const dot = w.indexOf('.');
    const name = dot < 0 ? w : w.slice(0, dot);
    const base = name === '$' ? s.root : s.vars.has(name) ? s.vars.get(name) : (() => { throw new TemplateError(`undefined variable: ${name}`); })();
    return dot < 0 ? base : field(base, w.slice(dot));
  }
  throw new TemplateError(`function "${w}" not defined`);
}

function str(v: unknown): string {
  if (v === MISSING) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(str).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o).sort().map((k) => `${k}:${str(o[k])}`).join(' ')}]`;
}

function truthy(v: unknown): boolean {
  if (v === MISSING || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function call(fn: string, args: unknown[]): unknown {
  switch (fn) {
    case 'base64decode': { const d = base64Decode(String(args[0] ?? '')); if (d === undefined) throw new TemplateError('error calling base64decode: illegal base64 data at input byte 0'); return d; }
    case 'base64encode': return base64Encode(String(args[0] ?? ''));
    case 'index': {
      let cur = args[0];
      for (const k of args.slice(1)) {
        if (cur === MISSING || cur === null || cur === undefined) return MISSING;
        if (Array.isArray(cur)) { const i = Number(k); if (!(i >= 0 && i < cur.length)) throw new TemplateError(`error calling index: index out of range: ${i}`); cur = cur[i]; }
        else if (typeof cur === 'object') { const o = cur as Record<string, unknown>; cur = String(k) in o ? o[String(k)] : MISSING; }
        else throw new TemplateError(`error calling index: can't index item of type ${typeof cur}`);
      }
      return cur;
    }
    case 'len': { const v = args[0]; return Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0; }
    case 'printf': {
      const [f, ...rest] = args; let i = 0;
      return String(f).replace(/%[sdvq%]/g, (m) => (m === '%%' ? '%' : m === '%q' ? JSON.stringify(str(rest[i++])) : str(rest[i++])));
    }
    case 'print': return args.map(str).join('');
    case 'println': return args.map(str).join(' ') + '\n';
    case 'not': return !truthy(args[0]);
    case 'eq': return args.slice(1).some((a) => a === args[0]);
    case 'ne': return args[0] !== args[1];
    case 'and': return args.every(truthy) ? args[args.length - 1] : args.find((a) => !truthy(a));
    case 'or': return args.find(truthy) ?? args[args.length - 1];
    default: throw new TemplateError(`function "${fn}" not defined`);
  }
}

function evalCmd(ws: string[], s: Scope, piped: unknown[]): unknown {
  const [head, ...rest] = ws;
  if (head === undefined) throw new TemplateError('missing value for command');
  const isFn = /^[a-zA-Z]\w*$/.test(head) && !['true', 'false', 'nil'].includes(head);
  if (!isFn) { if (rest.length || piped.length) throw new TemplateError(`can't give argument to non-function ${head}`); return operand(head, s); }
  return call(head, [...rest.map((w) => operand(w, s)), ...piped]);
}

function evalPipeline(expr: string, s: Scope): unknown {
  const parts = words(expr);
  const cmds: string[][] = [[]];
  for (const w of parts) { if (w === '|') cmds.push([]); else cmds[cmds.length - 1]!.push(w); }
  let v: unknown;
  cmds.forEach((c, i) => { v = evalCmd(c, s, i === 0 ? [] : [v]); });
  return v;
}

function run(nodes: Node[], s: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.s);
    else if (n.t === 'action') {
      const decl = /^(\$\w+)\s*:?=\s*(.*)$/.exec(n.expr);
      if (decl) { s.vars.set(decl[1]!, evalPipeline(decl[2]!, s)); continue; }
      out.push(str(evalPipeline(n.expr, s)));
    } else if (n.t === 'if') run(truthy(evalPipeline(n.expr, s)) ? n.body : n.else, s, out);
    else if (n.t === 'with') { const v = evalPipeline(n.expr, s); if (truthy(v)) run(n.body, { ...s, dot: v }, out); else run(n.else, s, out); }
    else {
      const v = evalPipeline(n.expr, s);
      const entries: Array<[unknown, unknown]> = Array.isArray(v) ? v.map((x, i) => [i, x]) : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]) : [];
      if (v !== MISSING && v !== null && v !== undefined && typeof v !== 'object') throw new TemplateError(`range can't iterate over ${str(v)}`);
      if (!entries.length) { run(n.else, s, out); continue; }
      for (const [k, x] of entries) {
        const vars = new Map(s.vars);
        if (n.vars.length === 1) vars.set(n.vars[0]!, x);
        if (n.vars.length === 2) { vars.set(n.vars[0]!, k); vars.set(n.vars[1]!, x); }
        run(n.body, { dot: x, root: s.root, vars }, out);
      }
    }
  }
}

/** Runs the template over the object; throws TemplateError with Go's wording for what it does not understand. */
export function goTemplate(src: string, data: unknown): string {
  let nodes: Node[];
  try { nodes = parse(src); } catch (e) { if (e instanceof TemplateError) e.parse = true; throw e; }
  const out: string[] = [];
  run(nodes, { dot: data, root: data, vars: new Map() }, out);
  return out.join('');
}
