// A small POSIX-shell-like parser: enough of bash for the commands a learner types in this course.
// Supported: words with '…', "…" and \ escapes; $VAR, ${VAR}, ${VAR:-word} (also := :+ :? and without the colon),
// ${#VAR}, $?, $(…) (nested), $((arithmetic)); operators ; && || & |;
// redirections > >> < 2> 2>&1 &> and heredocs (<<EOF, <<-EOF, <<'EOF' without expansion); # comments.
// The parser never throws: bad input becomes a ParseResult with `error` (bash's wording) or `incomplete`.

export type WordPart =
  | { t: 'lit'; v: string; quoted: boolean }
  | { t: 'var'; name: string; quoted: boolean; /** ${NAME:-word} and friends, ${#NAME} */ op?: VarOp; arg?: string }
  | { t: 'cmd'; src: string; quoted: boolean }
  /** $(( expression )): bash integer arithmetic */
  | { t: 'arith'; expr: string; quoted: boolean };

export type VarOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | 'len';

export interface Word { parts: WordPart[]; raw: string }

export interface Redirect {
  op: '>' | '>>' | '<' | '2>' | '2>>' | '2>&1' | '&>' | '<<';
  target?: Word;
  /** heredoc body, already cut out of the input */
  body?: string;
  /** heredoc delimiter was quoted: no expansion inside the body */
  literal?: boolean;
}

export interface SimpleCommand { words: Word[]; redirects: Redirect[]; assigns: Array<{ name: string; value: Word }> }
export interface Pipeline { commands: SimpleCommand[]; negate: boolean }
export type ListOp = ';' | '&&' | '||' | '&';
export interface ListItem { pipeline: Pipeline; /** the operator that FOLLOWS this pipeline */ op: ListOp; text: string }

export interface ParseResult {
  items: ListItem[];
  /** more input is needed (open quote, open heredoc, trailing | or && or \) */
  incomplete?: boolean;
  /** syntax error as bash prints it */
  error?: string;
}

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')']);

interface PendingHeredoc { redirect: Redirect; delim: string; stripTabs: boolean }

class Parser {
  private i = 0;
  private heredocs: PendingHeredoc[] = [];
  constructor(private readonly s: string) {}

  parse(): ParseResult {
    const items: ListItem[] = [];
    let cmds: SimpleCommand[] = [];
    let cur: SimpleCommand = newCmd();
    let negate = false;
    let itemStart = this.i;
    let expectingCommand = false; // after | && || we need another command
    const finishPipeline = (op: ListOp, end: number): string | undefined => {
      if (isEmpty(cur)) {
        if (cmds.length > 0) return `syntax error near unexpected token \`${op}'`;
        if (op === ';' || op === '&') {
          // empty statement: fine at the very end (a lone newline), an error otherwise
          return cmds.length === 0 && items.length === 0 && this.s.slice(itemStart, end).trim() === '' && op === ';'
            ? undefined : `syntax error near unexpected token \`${op}'`;
        }
        return `syntax error near unexpected token \`${op}'`;
      }
      cmds.push(cur);
      items.push({ pipeline: { commands: cmds, negate }, op, text: this.s.slice(itemStart, end).trim() });
      cmds = []; cur = newCmd(); negate = false;
      return undefined;
    };

    for (;;) {
      this.skipBlanks();
      if (this.i >= this.s.length) break;
      const c = this.s[this.i]!;
      if (c === '#') { this.skipComment(); continue; }
      if (c === '\n') {
        const at = this.i;
        this.i++;
        if (!this.readHeredocBodies()) return { items, incomplete: true };
        if (expectingCommand) continue;
        if (!isEmpty(cur) || cmds.length > 0) {
          const err = finishPipeline(';', at);
          if (err) return { items, error: err };
        }
        itemStart = this.i;
        continue;
      }
      if (c === '\\' && this.s[this.i + 1] === '\n') { this.i += 2; continue; }
      if (c === '\\' && this.i + 1 >= this.s.length) return { items, incomplete: true };
      // operators
      const two = this.s.slice(this.i, this.i + 2);
      if (two === '&&' || two === '||') {
        const at = this.i;
        this.i += 2;
        const err = finishPipeline(two, at);
        if (err) return { items, error: err };
        expectingCommand = true;
        itemStart = this.i;
        continue;
      }
      if (c === '|' ) {
        this.i++;
        if (isEmpty(cur)) return { items, error: "syntax error near unexpected token `|'" };
        cmds.push(cur); cur = newCmd();
        expectingCommand = true;
        continue;
      }
      if (c === ';' || (c === '&' && this.s[this.i + 1] !== '>')) {
        const at = this.i;
        this.i++;
        if (this.s[this.i] === ';') return { items, error: "syntax error near unexpected token `;;'" };
        const err = finishPipeline(c as ListOp, at);
        if (err) return { items, error: err };
        expectingCommand = false;
        itemStart = this.i;
        continue;
      }
      if (c === '(' || c === ')') return { items, error: `syntax error near unexpected token \`${c}'` };
      if (c === '!' && isEmpty(cur) && /\s/.test(this.s[this.i + 1] ?? ' ') && !negate) { this.i++; negate = true; continue; }
      // redirections
      const red = this.readRedirect();
      if (red === 'incomplete') return { items, incomplete: true };
      if (typeof red === 'string') return { items, error: red };
      if (red) { cur.redirects.push(red); expectingCommand = false; continue; }
      // a word
      const w = this.readWord();
      if (w === 'incomplete') return { items, incomplete: true };
      if (typeof w === 'string') return { items, error: w };
      if (!w) { const bad = this.s[this.i] ?? 'newline'; return { items, error: `syntax error near unexpected token \`${bad}'` }; }
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w.raw);
      const firstPart = w.parts[0];
      if (assign && cur.words.length === 0 && firstPart && firstPart.t === 'lit' && !firstPart.quoted && firstPart.v.startsWith(assign[0])) {
        const rest: WordPart[] = [{ ...firstPart, v: firstPart.v.slice(assign[0].length) }, ...w.parts.slice(1)];
        cur.assigns.push({ name: assign[1]!, value: { parts: rest, raw: w.raw.slice(assign[0].length) } });
      } else {
        cur.words.push(w);
      }
      expectingCommand = false;
    }
    if (this.heredocs.length > 0) return { items, incomplete: true };
    if (expectingCommand) return { items, incomplete: true };
    if (!isEmpty(cur) || cmds.length > 0) {
      const err = finishPipeline(';', this.s.length);
      if (err) return { items, error: err };
    }
    return { items };
  }

  private skipBlanks(): void {
    while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t' || this.s[this.i] === '\r')) this.i++;
  }

  private skipComment(): void {
    while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
  }

  /** After a newline: consume the bodies of the heredocs opened on the previous line. */
  private readHeredocBodies(): boolean {
    while (this.heredocs.length > 0) {
      const h = this.heredocs[0]!;
      const lines: string[] = [];
      for (;;) {
        if (this.i >= this.s.length) return false;
        let end = this.s.indexOf('\n', this.i);
        const eof = end < 0;
        if (eof) end = this.s.length;
        let line = this.s.slice(this.i, end);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        this.i = eof ? end : end + 1;
        const cmp = h.stripTabs ? line.replace(/^\t+/, '') : line;
        if (cmp === h.delim) break;
        lines.push(cmp);
        if (eof) return false;
      }
      h.redirect.body = lines.length ? lines.join('\n') + '\n' : '';
      this.heredocs.shift();
    }
    return true;
  }

  private readRedirect(): Redirect | string | 'incomplete' | undefined {
    const rest = this.s.slice(this.i, this.i + 4);
    let op: Redirect['op'] | undefined;
    let len = 0;
    if (rest.startsWith('2>&1')) { this.i += 4; return { op: '2>&1' }; }
    if (rest.startsWith('<<')) {
      this.i += 2;
      let stripTabs = false;
      if (this.s[this.i] === '-') { stripTabs = true; this.i++; }
      this.skipBlanks();
      const w = this.readWord();
      if (w === 'incomplete') return 'incomplete';
      if (typeof w === 'string') return w;
      if (!w) return "syntax error near unexpected token `newline'";
      const literal = w.parts.some((p) => p.quoted) || w.raw.includes('\\');
      const delim = w.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'var' ? '$' + p.name : p.t === 'cmd' ? `$(${p.src})` : `$((${p.expr}))`)).join('');
      const r: Redirect = { op: '<<', literal };
      this.heredocs.push({ redirect: r, delim, stripTabs });
      return r;
    }
    if (rest.startsWith('2>>')) { op = '2>>'; len = 3; }
    else if (rest.startsWith('2>')) { op = '2>'; len = 2; }
    else if (rest.startsWith('&>')) { op = '&>'; len = 2; }
    else if (rest.startsWith('>>')) { op = '>>'; len = 2; }
    else if (rest.startsWith('>')) { op = '>'; len = 1; }
    else if (rest.startsWith('<')) { op = '<'; len = 1; }
    if (!op) return undefined;
    // "2>" only counts as a redirect at a word boundary
    if (op.startsWith('2') && this.i > 0 && !/[\s;&|]/.test(this.s[this.i - 1]!)) return undefined;
    this.i += len;
    this.skipBlanks();
    const w = this.readWord();
    if (w === 'incomplete') return 'incomplete';
    if (typeof w === 'string') return w;
    if (!w) {
      const next = this.s[this.i];
      return `syntax error near unexpected token \`${next === undefined || next === '\n' ? 'newline' : next}'`;
    }
    return { op, target: w };
  }

  /** Reads one word; returns undefined when positioned at an operator/blank/end. */
  private readWord(): Word | string | 'incomplete' | undefined {
    const start = this.i;
    const parts: WordPart[] = [];
    let lit = '';
    let litQuoted = false;
    const flush = () => {
      if (lit !== '') parts.push({ t: 'lit', v: lit, quoted: litQuoted });
      lit = '';
    };
    const pushLit = (s: string, quoted: boolean) => {
      if (lit !== '' && litQuoted !== quoted) flush();
      litQuoted = quoted;
      lit += s;
    };
    let sawQuote = false;
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
      if (OPERATOR_CHARS.has(c)) break;
      if (c === '\\') {
        const n = this.s[this.i + 1];
        if (n === undefined) return 'incomplete';
        if (n === '\n') { this.i += 2; continue; }
        pushLit(n, true);
        this.i += 2;
        continue;
      }
      if (c === "'") {
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) return 'incomplete';
        pushLit(this.s.slice(this.i + 1, end), true);
        sawQuote = true;
        this.i = end + 1;
        continue;
      }
      if (c === '"') {
        sawQuote = true;
        this.i++;
        let closed = false;
        while (this.i < this.s.length) {
          const d = this.s[this.i]!;
          if (d === '"') { closed = true; this.i++; break; }
          if (d === '\\') {
            const n = this.s[this.i + 1];
            if (n === undefined) return 'incomplete';
            if (n === '"' || n === '\\' || n === '$' || n === '`') { pushLit(n, true); this.i += 2; continue; }
            if (n === '\n') { this.i += 2; continue; }
            pushLit('\\', true); this.i++;
            continue;
          }
          if (d === '$') {
            const r = this.readDollar(true);
            if (r === 'incomplete') return 'incomplete';
            if (typeof r === 'string') return r;
            if (r) { flush(); parts.push(r); continue; }
            pushLit('$', true); this.i++;
            continue;
          }
          pushLit(d, true);
          this.i++;
        }
        if (!closed) return 'incomplete';
        if (lit === '' && parts.length === 0) { parts.push({ t: 'lit', v: '', quoted: true }); }
        continue;
      }
      if (c === '$') {
        const r = this.readDollar(false);
        if (r === 'incomplete') return 'incomplete';
        if (typeof r === 'string') return r;
        if (r) { flush(); parts.push(r); continue; }
        pushLit('$', false); this.i++;
        continue;
      }
      if (c === '`') {
        const end = this.s.indexOf('`', this.i + 1);
        if (end < 0) return 'incomplete';
        flush();
        parts.push({ t: 'cmd', src: this.s.slice(this.i + 1, end), quoted: false });
        this.i = end + 1;
        continue;
      }
      pushLit(c, false);
      this.i++;
    }
    flush();
    if (this.i === start) return undefined;
    if (parts.length === 0 && sawQuote) parts.push({ t: 'lit', v: '', quoted: true });
    return { parts, raw: this.s.slice(start, this.i) };
  }

  private readDollar(quoted: boolean): WordPart | string | 'incomplete' | undefined {
    const n = this.s[this.i + 1];
    if (n === '(') {
      if (this.s[this.i + 2] === '(') {
        // $(( … )): up to the matching `))`
        let depth = 0;
        for (let j = this.i + 3; j < this.s.length; j++) {
          const d = this.s[j];
          if (d === '(') depth++;
          else if (d === ')') {
            if (depth > 0) { depth--; continue; }
            if (this.s[j + 1] !== ')') return 'syntax error near unexpected token `)\'';
            const expr = this.s.slice(this.i + 3, j);
            this.i = j + 2;
            return { t: 'arith', expr, quoted };
          }
        }
        return 'incomplete';
      }
      // find the matching parenthesis, skipping quotes
      let depth = 1;
      let j = this.i + 2;
      while (j < this.s.length && depth > 0) {
        const d = this.s[j]!;
        if (d === "'") { const e = this.s.indexOf("'", j + 1); if (e < 0) return 'incomplete'; j = e + 1; continue; }
        if (d === '"') {
          j++;
          while (j < this.s.length && this.s[j] !== '"') { if (this.s[j] === '\\') j++; j++; }
          if (j >= this.s.length) return 'incomplete';
          j++;
          continue;
        }
        if (d === '\\') { j += 2; continue; }
        if (d === '(') depth++;
        else if (d === ')') depth--;
        j++;
      }
      if (depth > 0) return 'incomplete';
      const src = this.s.slice(this.i + 2, j - 1);
      this.i = j;
      return { t: 'cmd', src, quoted };
    }
    if (n === '{') {
      const end = this.s.indexOf('}', this.i + 2);
      if (end < 0) return 'incomplete';
      const body = this.s.slice(this.i + 2, end);
      const len = /^#([A-Za-z_][A-Za-z0-9_]*)$/.exec(body);
      if (len) { this.i = end + 1; return { t: 'var', name: len[1]!, quoted, op: 'len' }; }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])(?:(:?[-=+?])(.*))?$/s.exec(body);
      if (!m) return `\${${body}}: bad substitution`;
      this.i = end + 1;
      return m[2] ? { t: 'var', name: m[1]!, quoted, op: m[2] as VarOp, arg: m[3] ?? '' } : { t: 'var', name: m[1]!, quoted };
    }
    if (n !== undefined && /[?#$0-9]/.test(n)) { this.i += 2; return { t: 'var', name: n, quoted }; }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i + 1));
    if (m) { this.i += 1 + m[0].length; return { t: 'var', name: m[0], quoted }; }
    return undefined;
  }
}

function newCmd(): SimpleCommand { return { words: [], redirects: [], assigns: [] }; }
function isEmpty(c: SimpleCommand): boolean { return c.words.length === 0 && c.redirects.length === 0 && c.assigns.length === 0; }

/** Parses a whole input (one line, or several when a heredoc or continuation spans lines). */
export function parse(input: string): ParseResult {
  try {
    return new Parser(input).parse();
  } catch (e) {
    // The parser is written not to throw; this is a last line of defence so the terminal never dies.
    return { items: [], error: `syntax error: ${(e as Error).message}` };
  }
}

/** True when `input` needs more lines before it can run (the terminal shows a `> ` prompt). */
export function needsMoreInput(input: string): boolean {
  return parse(input).incomplete === true;
}

/** Quick split of a line into plain words (for completion): quotes removed, no expansion. */
export function roughWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  let has = false;
  for (const c of line) {
    if (q) { if (c === q) q = null; else cur += c; continue; }
    if (c === '"' || c === "'") { q = c; has = true; continue; }
    if (/\s/.test(c)) { if (has || cur) out.push(cur); cur = ''; has = false; continue; }
    cur += c; has = true;
  }
  if (has || cur) out.push(cur);
  return out;
}
