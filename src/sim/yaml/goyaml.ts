/**
 * The YAML syntax check kubectl runs, reproduced: kubectl converts every document with sigs.k8s.io/yaml, whose
 * decoder is go-yaml v2 (gopkg.in/yaml.v2, a port of libyaml's scannerc.go and parserc.go). Its error texts and,
 * above all, its line numbers have quirks a learner sees on every indentation mistake:
 *
 * - a parser error (`did not find expected key`, `did not find expected '-' indicator`, `did not find expected
 *   node content`, `did not find expected ',' or '}'`) names the 0-based line of the offending token, which reads
 *   as "the line before" in an editor;
 * - a scanner error (`mapping values are not allowed in this context`, `found character that cannot start any
 *   token`, `could not find expected ':'`, `found a tab character that violates indentation`, `found unexpected
 *   end of stream`) names the 1-based line;
 * - an error on line 0 has no `line N:` at all (yaml.v2 decode.go parser.fail).
 *
 * This module only checks syntax: it runs the scanner and the parser's state machine over one document (as
 * kubectl's YAMLReader splits the stream at `---` lines) and returns the first error, worded and numbered as
 * go-yaml does. The values themselves come from the `yaml` package (parse.ts).
 */

export interface GoYamlError {
  /** the text after `yaml: `, e.g. `line 4: did not find expected key` */
  message: string;
  /** what go-yaml prints as the line (0 = none printed) */
  goLine: number;
  /** 0-based line and column of the problem in the checked text, for editor positions */
  line: number;
  column: number;
}

interface Mark { index: number; line: number; column: number }

const enum T {
  StreamStart, StreamEnd, VersionDirective, TagDirective, DocumentStart, DocumentEnd,
  BlockSequenceStart, BlockMappingStart, BlockEnd, FlowSequenceStart, FlowSequenceEnd,
  FlowMappingStart, FlowMappingEnd, BlockEntry, FlowEntry, Key, Value, Alias, Anchor, Tag, Scalar,
}
interface Token { typ: T; start: Mark; end: Mark }
interface SimpleKey { possible: boolean; required: boolean; tokenNumber: number; mark: Mark }

class YamlFail extends Error {
  constructor(readonly scanner: boolean, readonly problem: string, readonly problemMark: Mark, readonly contextMark: Mark | undefined) {
    super(problem);
  }
}

const isBreakCh = (c: string) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankCh = (c: string) => c === ' ' || c === '\t';
const isZ = (c: string) => c === '\0';
const isBlankZ = (c: string) => isBlankCh(c) || isBreakCh(c) || isZ(c);
const isAlpha = (c: string) => /[0-9A-Za-z_-]/.test(c);
const isHex = (c: string) => /[0-9A-Fa-f]/.test(c);

class Scanner {
  private buf: string;
  private pos = 0;
  mark: Mark = { index: 0, line: 0, column: 0 };
  private tokens: Token[] = [];
  private head = 0;
  tokensParsed = 0;
  private streamStartProduced = false;
  private streamEndProduced = false;
  private indent = -1;
  private indents: number[] = [];
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private flowLevel = 0;

  constructor(text: string) {
    this.buf = `${text}\0\0\0\0`;
  }

  private ch(off = 0): string {
    return this.buf[this.pos + off] ?? '\0';
  }
  private copyMark(): Mark {
    return { ...this.mark };
  }
  private skip(): void {
    this.mark.index++;
    this.mark.column++;
    this.pos++;
  }
  private skipLine(): void {
    if (this.ch() === '\r' && this.ch(1) === '\n') {
      this.mark.index += 2;
      this.pos += 2;
    } else if (isBreakCh(this.ch())) {
      this.mark.index++;
      this.pos++;
    } else return;
    this.mark.column = 0;
    this.mark.line++;
  }
  private fail(context: string | undefined, contextMark: Mark | undefined, problem: string, problemMark?: Mark): never {
    void context;
    throw new YamlFail(true, problem, problemMark ?? this.copyMark(), contextMark);
  }

  // ---------------------------------------------------------------- token queue
  peek(): Token {
    this.fetchMoreTokens();
    return this.tokens[this.head]!;
  }
  skipToken(): void {
    this.head++;
    this.tokensParsed++;
    if (this.tokens[this.head - 1]?.typ === T.StreamEnd) this.streamEndProduced = true;
  }
  private queued(): number {
    return this.tokens.length - this.head;
  }
  private push(typ: T, start: Mark, end: Mark = this.copyMark()): void {
    this.tokens.push({ typ, start, end });
  }
  private insert(at: number, tok: Token): void {
    this.tokens.splice(this.head + at, 0, tok);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      let needMore = false;
      if (this.head === this.tokens.length) needMore = true;
      else {
        this.staleSimpleKeys();
        for (const k of this.simpleKeys) {
          if (k.possible && k.tokenNumber === this.tokensParsed) {
            needMore = true;
            break;
          }
        }
      }
      if (!needMore) break;
      if (this.streamEndProduced) break;
      this.fetchNextToken();
    }
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) {
      this.streamStartProduced = true;
      this.indent = -1;
      this.simpleKeyAllowed = true;
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.copyMark() });
      this.push(T.StreamStart, this.copyMark());
      return;
    }
    this.scanToNextToken();
    this.staleSimpleKeys();
    this.unrollIndent(this.mark.column);
    const c = this.ch();
    if (isZ(c) && this.pos >= this.buf.length - 4) return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === '%') return this.fetchDirective();
    if (this.mark.column === 0 && c === '-' && this.ch(1) === '-' && this.ch(2) === '-' && isBlankZ(this.ch(3))) return this.fetchDocumentIndicator(T.DocumentStart);
    if (this.mark.column === 0 && c === '.' && this.ch(1) === '.' && this.ch(2) === '.' && isBlankZ(this.ch(3))) return this.fetchDocumentIndicator(T.DocumentEnd);
    if (c === '[') return this.fetchFlowCollectionStart(T.FlowSequenceStart);
    if (c === '{') return this.fetchFlowCollectionStart(T.FlowMappingStart);
    if (c === ']') return this.fetchFlowCollectionEnd(T.FlowSequenceEnd);
    if (c === '}') return this.fetchFlowCollectionEnd(T.FlowMappingEnd);
    if (c === ',') return this.fetchFlowEntry();
    if (c === '-' && isBlankZ(this.ch(1))) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor(T.Alias);
    if (c === '&') return this.fetchAnchor(T.Anchor);
    if (c === '!') return this.fetchTag();
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    if (!(isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c)) || (c === '-' && !isBlankCh(this.ch(1))) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankZ(this.ch(1)))) {
      return this.fetchPlainScalar();
    }
    this.fail('while scanning for the next token', this.copyMark(), 'found character that cannot start any token');
  }

  private scanToNextToken(): void {
    for (;;) {
      if (this.mark.column === 0 && this.ch() === '\uFEFF') this.skip();
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip();
      if (this.ch() === '#') while (!isBreakCh(this.ch()) && !isZ(this.ch())) this.skip();
      if (isBreakCh(this.ch())) {
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else break;
    }
  }

  private staleSimpleKeys(): void {
    for (const k of this.simpleKeys) {
      if (k.possible && (k.mark.line < this.mark.line || k.mark.index + 1024 < this.mark.index)) {
        if (k.required) this.fail('while scanning a simple key', k.mark, "could not find expected ':'");
        k.possible = false;
      }
    }
  }
  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key = { possible: true, required, tokenNumber: this.tokensParsed + this.queued(), mark: this.copyMark() };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
    }
  }
  private removeSimpleKey(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (k.possible && k.required) this.fail('while scanning a simple key', k.mark, "could not find expected ':'");
    k.possible = false;
  }
  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.copyMark() });
    this.flowLevel++;
  }
  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      this.simpleKeys.pop();
    }
  }
  private rollIndent(column: number, number: number, typ: T, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      const tok = { typ, start: mark, end: mark };
      if (number === -1) this.tokens.push(tok);
      else this.insert(number - this.tokensParsed, tok);
    }
  }
  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.push(T.BlockEnd, this.copyMark());
      this.indent = this.indents.pop()!;
    }
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.push(T.StreamEnd, this.copyMark());
  }
  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    while (!isBreakCh(this.ch()) && !isZ(this.ch())) this.skip();
    this.push(T.TagDirective, start);
  }
  private fetchDocumentIndicator(typ: T): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    this.skip();
    this.skip();
    this.push(typ, start);
  }
  private fetchFlowCollectionStart(typ: T): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.copyMark();
    this.skip();
    this.push(typ, start);
  }
  private fetchFlowCollectionEnd(typ: T): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    this.push(typ, start);
  }
  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.copyMark();
    this.skip();
    this.push(T.FlowEntry, start);
  }
  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.copyMark(), 'block sequence entries are not allowed in this context');
      this.rollIndent(this.mark.column, -1, T.BlockSequenceStart, this.copyMark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.copyMark();
    this.skip();
    this.push(T.BlockEntry, start);
  }
  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.copyMark(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, -1, T.BlockMappingStart, this.copyMark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.copyMark();
    this.skip();
    this.push(T.Key, start);
  }
  private fetchValue(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (k.possible) {
      this.insert(k.tokenNumber - this.tokensParsed, { typ: T.Key, start: k.mark, end: k.mark });
      this.rollIndent(k.mark.column, k.tokenNumber, T.BlockMappingStart, k.mark);
      k.possible = false;
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail('', this.copyMark(), 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, -1, T.BlockMappingStart, this.copyMark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.copyMark();
    this.skip();
    this.push(T.Value, start);
  }
  private fetchAnchor(typ: T): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    let n = 0;
    while (isAlpha(this.ch())) {
      this.skip();
      n++;
    }
    const c = this.ch();
    if (n === 0 || !(isBlankZ(c) || '?:,]}%@`'.includes(c))) {
      this.fail(typ === T.Anchor ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
    }
    this.push(typ, start);
  }
  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    if (this.ch() === '<') {
      this.skip();
      while (!isBlankZ(this.ch()) && this.ch() !== '>') this.skip();
      if (this.ch() !== '>') this.fail('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      while (!isBlankZ(this.ch()) && !(this.flowLevel > 0 && ',[]{}'.includes(this.ch()))) this.skip();
    }
    if (!isBlankZ(this.ch()) && !(this.flowLevel > 0 && this.ch() === ',')) this.fail('while scanning a tag', start, 'did not find expected whitespace or line break');
    this.push(T.Tag, start);
  }

  private fetchBlockScalar(literal: boolean): void {
    void literal;
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.copyMark();
    this.skip();
    let increment = 0;
    const chomp = (c: string) => c === '+' || c === '-';
    const digit = (c: string) => /[0-9]/.test(c);
    if (chomp(this.ch())) {
      this.skip();
      if (digit(this.ch())) {
        if (this.ch() === '0') this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = Number(this.ch());
        this.skip();
      }
    } else if (digit(this.ch())) {
      if (this.ch() === '0') this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = Number(this.ch());
      this.skip();
      if (chomp(this.ch())) this.skip();
    }
    while (isBlankCh(this.ch())) this.skip();
    if (this.ch() === '#') while (!isBreakCh(this.ch()) && !isZ(this.ch())) this.skip();
    if (!isBreakCh(this.ch()) && !isZ(this.ch())) this.fail('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (isBreakCh(this.ch())) this.skipLine();
    let indent = 0;
    if (increment) indent = this.indent >= 0 ? this.indent + increment : increment;
    indent = this.blockScalarBreaks(indent, start);
    while (this.mark.column === indent && !isZ(this.ch())) {
      while (!isBreakCh(this.ch()) && !isZ(this.ch())) this.skip();
      if (isZ(this.ch()) && this.pos >= this.buf.length - 4) break;
      this.skipLine();
      indent = this.blockScalarBreaks(indent, start);
    }
    this.push(T.Scalar, start);
  }
  private blockScalarBreaks(indent: number, start: Mark): number {
    let maxIndent = 0;
    for (;;) {
      while ((indent === 0 || this.mark.column < indent) && this.ch() === ' ') this.skip();
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((indent === 0 || this.mark.column < indent) && this.ch() === '\t') {
        this.fail('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!isBreakCh(this.ch())) break;
      this.skipLine();
    }
    if (indent === 0) {
      indent = maxIndent;
      if (indent < this.indent + 1) indent = this.indent + 1;
      if (indent < 1) indent = 1;
    }
    return indent;
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    for (;;) {
      if (this.mark.column === 0 && ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) && isBlankZ(this.ch(3))) {
        this.fail('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (isZ(this.ch()) && this.pos >= this.buf.length - 4) this.fail('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let done = false;
      while (!isBlankZ(this.ch()) || (isZ(this.ch()) && this.pos < this.buf.length - 4)) {
        const c = this.ch();
        if (single && c === "'" && this.ch(1) === "'") {
          this.skip();
          this.skip();
        } else if (c === (single ? "'" : '"')) {
          done = true;
          break;
        } else if (!single && c === '\\' && isBreakCh(this.ch(1))) {
          this.skip();
          this.skipLine();
          break;
        } else if (!single && c === '\\') {
          const e = this.ch(1);
          let len = 0;
          if ('0abt\tnvfre /"\\N_LP'.includes(e) && e !== '') len = 0;
          else if (e === 'x') len = 2;
          else if (e === 'u') len = 4;
          else if (e === 'U') len = 8;
          else this.fail('while parsing a quoted scalar', start, 'found unknown escape character');
          this.skip();
          this.skip();
          for (let k = 0; k < len; k++) {
            if (!isHex(this.ch())) this.fail('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
            this.skip();
          }
        } else this.skip();
      }
      if (done || this.ch() === (single ? "'" : '"')) break;
      while (isBlankCh(this.ch()) || isBreakCh(this.ch())) {
        if (isBlankCh(this.ch())) this.skip();
        else this.skipLine();
      }
    }
    this.skip();
    this.push(T.Scalar, start);
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    const indent = this.indent + 1;
    let leadingBlanks = false;
    for (;;) {
      if (this.mark.column === 0 && ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) && isBlankZ(this.ch(3))) break;
      if (this.ch() === '#') break;
      while (!isBlankZ(this.ch())) {
        const c = this.ch();
        if ((c === ':' && isBlankZ(this.ch(1))) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break;
        // joining a continuation line clears leading_blanks (scannerc.go), so `a: b\n  c: d` ends with
        // simple keys disallowed: "mapping values are not allowed in this context"
        leadingBlanks = false;
        this.skip();
      }
      if (!(isBlankCh(this.ch()) || isBreakCh(this.ch()))) break;
      while (isBlankCh(this.ch()) || isBreakCh(this.ch())) {
        if (isBlankCh(this.ch())) {
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            this.fail('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          this.skip();
        } else {
          this.skipLine();
          leadingBlanks = true;
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    this.push(T.Scalar, start);
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }
}

const enum S {
  StreamStart, ImplicitDocumentStart, DocumentStart, DocumentContent, DocumentEnd, BlockNode,
  BlockSequenceFirstEntry, BlockSequenceEntry, IndentlessSequenceEntry, BlockMappingFirstKey, BlockMappingKey,
  BlockMappingValue, FlowSequenceFirstEntry, FlowSequenceEntry, FlowSequenceEntryMappingKey,
  FlowSequenceEntryMappingValue, FlowSequenceEntryMappingEnd, FlowMappingFirstKey, FlowMappingKey,
  FlowMappingValue, FlowMappingEmptyValue, End,
}

class Parser {
  private state: S = S.StreamStart;
  private states: S[] = [];
  private marks: Mark[] = [];
  constructor(private s: Scanner) {}

  private err(context: string, contextMark: Mark | undefined, problem: string, problemMark: Mark): never {
    void context;
    throw new YamlFail(false, problem, problemMark, contextMark);
  }

  /** Run the state machine to the end of the stream (each call handles one event). */
  run(): void {
    let guard = 0;
    while (this.state !== S.End) {
      if (++guard > 5_000_000) return;
      this.step();
    }
  }

  private step(): void {
    switch (this.state) {
      case S.StreamStart: {
        const t = this.s.peek();
        if (t.typ !== T.StreamStart) this.err('', undefined, 'did not find expected <stream-start>', t.start);
        this.state = S.ImplicitDocumentStart;
        this.s.skipToken();
        return;
      }
      case S.ImplicitDocumentStart: return this.documentStart(true);
      case S.DocumentStart: return this.documentStart(false);
      case S.DocumentContent: {
        const t = this.s.peek();
        if ([T.VersionDirective, T.TagDirective, T.DocumentStart, T.DocumentEnd, T.StreamEnd].includes(t.typ)) {
          this.state = this.states.pop()!;
          return;
        }
        return this.node(true, false);
      }
      case S.DocumentEnd: {
        // yaml.v2 Unmarshal decodes ONE document: after its end event nothing further is parsed
        const t = this.s.peek();
        if (t.typ === T.DocumentEnd) this.s.skipToken();
        this.state = S.End;
        return;
      }
      case S.BlockNode: return this.node(true, false);
      case S.BlockSequenceFirstEntry: return this.blockSequenceEntry(true);
      case S.BlockSequenceEntry: return this.blockSequenceEntry(false);
      case S.IndentlessSequenceEntry: {
        const t = this.s.peek();
        if (t.typ === T.BlockEntry) {
          this.s.skipToken();
          const n = this.s.peek();
          if (![T.BlockEntry, T.Key, T.Value, T.BlockEnd].includes(n.typ)) {
            this.states.push(S.IndentlessSequenceEntry);
            return this.node(true, false);
          }
          this.state = S.IndentlessSequenceEntry;
          return;
        }
        this.state = this.states.pop()!;
        return;
      }
      case S.BlockMappingFirstKey: return this.blockMappingKey(true);
      case S.BlockMappingKey: return this.blockMappingKey(false);
      case S.BlockMappingValue: {
        const t = this.s.peek();
        if (t.typ === T.Value) {
          this.s.skipToken();
          const n = this.s.peek();
          if (![T.Key, T.Value, T.BlockEnd].includes(n.typ)) {
            this.states.push(S.BlockMappingKey);
            return this.node(true, true);
          }
        }
        this.state = S.BlockMappingKey;
        return;
      }
      case S.FlowSequenceFirstEntry: return this.flowSequenceEntry(true);
      case S.FlowSequenceEntry: return this.flowSequenceEntry(false);
      case S.FlowSequenceEntryMappingKey: {
        const t = this.s.peek();
        if (![T.Value, T.FlowEntry, T.FlowSequenceEnd].includes(t.typ)) {
          this.states.push(S.FlowSequenceEntryMappingValue);
          return this.node(false, false);
        }
        this.state = S.FlowSequenceEntryMappingValue;
        return;
      }
      case S.FlowSequenceEntryMappingValue: {
        const t = this.s.peek();
        if (t.typ === T.Value) {
          this.s.skipToken();
          const n = this.s.peek();
          if (![T.FlowEntry, T.FlowSequenceEnd].includes(n.typ)) {
            this.states.push(S.FlowSequenceEntryMappingEnd);
            return this.node(false, false);
          }
        }
        this.state = S.FlowSequenceEntryMappingEnd;
        return;
      }
      case S.FlowSequenceEntryMappingEnd:
        this.state = S.FlowSequenceEntry;
        return;
      case S.FlowMappingFirstKey: return this.flowMappingKey(true);
      case S.FlowMappingKey: return this.flowMappingKey(false);
      case S.FlowMappingValue: return this.flowMappingValue(false);
      case S.FlowMappingEmptyValue: return this.flowMappingValue(true);
      default:
        this.state = S.End;
    }
  }

  private documentStart(implicit: boolean): void {
    let t = this.s.peek();
    if (!implicit) {
      while (t.typ === T.DocumentEnd) {
        this.s.skipToken();
        t = this.s.peek();
      }
    }
    if (implicit && ![T.VersionDirective, T.TagDirective, T.DocumentStart, T.StreamEnd].includes(t.typ)) {
      this.states.push(S.DocumentEnd);
      this.state = S.BlockNode;
      return;
    }
    if (t.typ !== T.StreamEnd) {
      while (t.typ === T.VersionDirective || t.typ === T.TagDirective) {
        this.s.skipToken();
        t = this.s.peek();
      }
      if (t.typ !== T.DocumentStart) this.err('', undefined, 'did not find expected <document start>', t.start);
      this.states.push(S.DocumentEnd);
      this.state = S.DocumentContent;
      this.s.skipToken();
      return;
    }
    this.state = S.End;
    this.s.skipToken();
  }

  private node(block: boolean, indentlessSequence: boolean): void {
    let t = this.s.peek();
    if (t.typ === T.Alias) {
      this.state = this.states.pop()!;
      this.s.skipToken();
      return;
    }
    const startMark = t.start;
    let props = false;
    if (t.typ === T.Anchor) {
      props = true;
      this.s.skipToken();
      t = this.s.peek();
      if (t.typ === T.Tag) {
        this.s.skipToken();
        t = this.s.peek();
      }
    } else if (t.typ === T.Tag) {
      props = true;
      this.s.skipToken();
      t = this.s.peek();
      if (t.typ === T.Anchor) {
        this.s.skipToken();
        t = this.s.peek();
      }
    }
    if (indentlessSequence && t.typ === T.BlockEntry) {
      this.state = S.IndentlessSequenceEntry;
      return;
    }
    if (t.typ === T.Scalar) {
      this.state = this.states.pop()!;
      this.s.skipToken();
      return;
    }
    if (t.typ === T.FlowSequenceStart) {
      this.state = S.FlowSequenceFirstEntry;
      return;
    }
    if (t.typ === T.FlowMappingStart) {
      this.state = S.FlowMappingFirstKey;
      return;
    }
    if (block && t.typ === T.BlockSequenceStart) {
      this.state = S.BlockSequenceFirstEntry;
      return;
    }
    if (block && t.typ === T.BlockMappingStart) {
      this.state = S.BlockMappingFirstKey;
      return;
    }
    if (props) {
      this.state = this.states.pop()!;
      return;
    }
    this.err(block ? 'while parsing a block node' : 'while parsing a flow node', startMark, 'did not find expected node content', t.start);
  }

  private blockSequenceEntry(first: boolean): void {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    const t = this.s.peek();
    if (t.typ === T.BlockEntry) {
      this.s.skipToken();
      const n = this.s.peek();
      if (n.typ !== T.BlockEntry && n.typ !== T.BlockEnd) {
        this.states.push(S.BlockSequenceEntry);
        return this.node(true, false);
      }
      this.state = S.BlockSequenceEntry;
      return;
    }
    if (t.typ === T.BlockEnd) {
      this.state = this.states.pop()!;
      this.marks.pop();
      this.s.skipToken();
      return;
    }
    this.err('while parsing a block collection', this.marks.pop(), "did not find expected '-' indicator", t.start);
  }

  private blockMappingKey(first: boolean): void {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    const t = this.s.peek();
    if (t.typ === T.Key) {
      this.s.skipToken();
      const n = this.s.peek();
      if (![T.Key, T.Value, T.BlockEnd].includes(n.typ)) {
        this.states.push(S.BlockMappingValue);
        return this.node(true, true);
      }
      this.state = S.BlockMappingValue;
      return;
    }
    if (t.typ === T.BlockEnd) {
      this.state = this.states.pop()!;
      this.marks.pop();
      this.s.skipToken();
      return;
    }
    this.err('while parsing a block mapping', this.marks.pop(), 'did not find expected key', t.start);
  }

  private flowSequenceEntry(first: boolean): void {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    let t = this.s.peek();
    if (t.typ !== T.FlowSequenceEnd) {
      if (!first) {
        if (t.typ === T.FlowEntry) {
          this.s.skipToken();
          t = this.s.peek();
        } else this.err('while parsing a flow sequence', this.marks.pop(), "did not find expected ',' or ']'", t.start);
      }
      if (t.typ === T.Key) {
        this.state = S.FlowSequenceEntryMappingKey;
        this.s.skipToken();
        return;
      }
      if (t.typ !== T.FlowSequenceEnd) {
        this.states.push(S.FlowSequenceEntry);
        return this.node(false, false);
      }
    }
    this.state = this.states.pop()!;
    this.marks.pop();
    this.s.skipToken();
  }

  private flowMappingKey(first: boolean): void {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    let t = this.s.peek();
    if (t.typ !== T.FlowMappingEnd) {
      if (!first) {
        if (t.typ === T.FlowEntry) {
          this.s.skipToken();
          t = this.s.peek();
        } else this.err('while parsing a flow mapping', this.marks.pop(), "did not find expected ',' or '}'", t.start);
      }
      if (t.typ === T.Key) {
        this.s.skipToken();
        const n = this.s.peek();
        if (![T.Value, T.FlowEntry, T.FlowMappingEnd].includes(n.typ)) {
          this.states.push(S.FlowMappingValue);
          return this.node(false, false);
        }
        this.state = S.FlowMappingValue;
        return;
      }
      if (t.typ !== T.FlowMappingEnd) {
        this.states.push(S.FlowMappingEmptyValue);
        return this.node(false, false);
      }
    }
    this.state = this.states.pop()!;
    this.marks.pop();
    this.s.skipToken();
  }

  private flowMappingValue(empty: boolean): void {
    const t = this.s.peek();
    if (empty) {
      this.state = S.FlowMappingKey;
      return;
    }
    if (t.typ === T.Value) {
      this.s.skipToken();
      const n = this.s.peek();
      if (n.typ !== T.FlowEntry && n.typ !== T.FlowMappingEnd) {
        this.states.push(S.FlowMappingKey);
        return this.node(false, false);
      }
    }
    this.state = S.FlowMappingKey;
  }
}

/**
 * The first syntax error go-yaml v2 finds in one document's text (as kubectl's YAMLReader hands it over:
 * without the `---` line), or undefined when go-yaml accepts it.
 */
export function goYamlCheck(text: string): GoYamlError | undefined {
  const sc = new Scanner(text);
  try {
    new Parser(sc).run();
    return undefined;
  } catch (e) {
    if (!(e instanceof YamlFail)) throw e;
    // yaml.v2 decode.go parser.fail: the problem line, +1 for scanner errors; else the context line; 0 → none
    let goLine = 0;
    if (e.problemMark.line !== 0) goLine = e.problemMark.line + (e.scanner ? 1 : 0);
    else if (e.contextMark && e.contextMark.line !== 0) goLine = e.contextMark.line;
    return {
      message: `${goLine ? `line ${goLine}: ` : ''}${e.problem}`,
      goLine,
      line: e.problemMark.line,
      column: e.problemMark.column,
    };
  }
}

export interface KubectlChunk {
  /** the document text as go-yaml sees it */
  text: string;
  /** 0-based line of the chunk's first line in the file */
  startLine: number;
  /** a separator line kubectl rejects (`--- foo`): `invalid Yaml document separator: foo` */
  separatorError?: string;
  /** with separatorError: 0-based first line of the document that was being read (and is dropped) */
  bufferedFrom?: number;
}

/**
 * Split a stream as k8s.io/apimachinery/pkg/util/yaml YAMLReader.Read does: a line starting with `---` ends a
 * document; only spaces or a comment may follow the marker on that line. Empty chunks are skipped.
 */
export function kubectlChunks(text: string): KubectlChunk[] {
  const out: KubectlChunk[] = [];
  // LineReader.Read: bufio ReadLine drops "\n" / "\r\n" and every line gets "\n" back, the last one too
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let buf = '';
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && trimmed[0] !== '#') {
        // Read returns the error at once: the document buffered so far is never decoded
        out.push({ text: '', startLine: i, separatorError: `invalid Yaml document separator: ${trimmed}`, ...(buf ? { bufferedFrom: start } : {}) });
        return out;
      }
      if (buf) out.push({ text: buf, startLine: start });
      buf = '';
      start = i + 1;
      continue;
    }
    if (!buf) start = i;
    buf += `${line}\n`;
  }
  if (buf) out.push({ text: buf, startLine: start });
  return out;
}
