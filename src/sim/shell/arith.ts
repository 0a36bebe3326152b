// bash's $(( … )) for the terminal: 64-bit-ish integer arithmetic (JS numbers truncated to integers) with
// + - * / % **, unary + - ! ~, comparisons < <= > >= == !=, && ||, parentheses, decimal/hex/octal literals and
// variables by name (unset or empty = 0; a variable holding an expression is evaluated, as bash does).
// Errors carry bash's wording: `division by 0 (error token is "0")`, `syntax error: operand expected (error token is "…")`.

type Tok = { k: 'num'; v: number } | { k: 'id'; v: string } | { k: 'op'; v: string };

const OPS = ['**', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '!', '~', '(', ')'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      const t = num[1]!;
      const v = /^0[xX]/.test(t) ? parseInt(t, 16) : t.length > 1 && t.startsWith('0') ? parseInt(t, 8) : parseInt(t, 10);
      if (Number.isNaN(v)) throw new Error(`value too great for base (error token is "${t}")`);
      out.push({ k: 'num', v });
      i += t.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ k: 'id', v: id[0] }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new Error(`syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    out.push({ k: 'op', v: op });
    i += op.length;
  }
  return out;
}

export function evalArith(src: string, lookup: (name: string) => string, depth = 0): number {
  if (depth > 16) throw new Error('expression recursion level exceeded');
  const toks = tokenize(src);
  let p = 0;
  const rest = () => toks.slice(p).map((t) => String(t.v)).join(' ');
  const peek = (v: string) => toks[p]?.k === 'op' && toks[p]!.v === v;
  const int = (n: number) => Math.trunc(n) | 0;
  const BIN: Array<[string[], (a: number, b: number) => number]> = [
    [['||'], (a, b) => (a || b ? 1 : 0)],
    [['&&'], (a, b) => (a && b ? 1 : 0)],
    [['==', '!='], () => 0],
    [['<', '<=', '>', '>='], () => 0],
    [['+', '-'], () => 0],
    [['*', '/', '%'], () => 0],
  ];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '+': return int(a + b);
      case '-': return int(a - b);
      case '*': return int(Math.imul(a, b));
      case '/': if (b === 0) throw new Error(`division by 0 (error token is "${rest() || '0'}")`); return int(a / b);
      case '%': if (b === 0) throw new Error(`division by 0 (error token is "${rest() || '0'}")`); return int(a % b);
      default: return 0;
    }
  };
  const level = (i: number): number => {
    if (i >= BIN.length) return power();
    let a = level(i + 1);
    for (;;) {
      const t = toks[p];
      if (t?.k !== 'op' || !BIN[i]![0].includes(t.v)) return a;
      p++;
      a = apply(t.v, a, level(i + 1));
    }
  };
  const power = (): number => {
    const a = unary();
    if (peek('**')) { p++; const b = power(); return int(a ** b); }
    return a;
  };
  const unary = (): number => {
    if (peek('-')) { p++; return int(-unary()); }
    if (peek('+')) { p++; return unary(); }
    if (peek('!')) { p++; return unary() ? 0 : 1; }
    if (peek('~')) { p++; return ~unary(); }
    return primary();
  };
  const primary = (): number => {
    const t = toks[p];
    if (!t) throw new Error(`syntax error: operand expected (error token is "${rest()}")`);
    if (t.k === 'num') { p++; return int(t.v); }
    if (t.k === 'id') {
      p++;
      const v = lookup(t.v).trim();
      return v === '' ? 0 : evalArith(v, lookup, depth + 1);
    }
    if (t.v === '(') {
      p++;
      const v = level(0);
      if (!peek(')')) throw new Error(`syntax error: missing \`)' (error token is "${rest()}")`);
      p++;
      return v;
    }
    throw new Error(`syntax error: operand expected (error token is "${rest()}")`);
  };
  if (toks.length === 0) return 0;
  const v = level(0);
  if (p < toks.length) throw new Error(`syntax error in expression (error token is "${rest()}")`);
  return v;
}
