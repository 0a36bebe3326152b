/**
 * kubectl reads a file whose first non-blank character is `{` as a JSON stream (apimachinery util/yaml
 * YAMLOrJSONDecoder + GuessJSONStream), with encoding/json's Decoder. Its syntax errors read
 * `json: offset 75: invalid character '}' looking for beginning of object key string` (JSONSyntaxError), and a
 * value cut short reads `unexpected EOF`. This module reproduces encoding/json's scanner messages.
 */

export interface GoJsonError {
  /** what kubectl prints after `error parsing FILE: ` */
  message: string;
  /** 0-based index (UTF-16) of the offending character in the text, for editor positions */
  index: number;
}

/** True when kubectl would decode this text as JSON (hasJSONPrefix: the first non-space byte is `{`). */
export function isJsonStream(text: string): boolean {
  return /^[\s\uFEFF]*\{/.test(text);
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

function utf8Len(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

class Fail extends Error {
  constructor(readonly at: number, readonly msg: string | undefined) {
    super(msg ?? 'unexpected EOF');
  }
}

/** The first error encoding/json's Decoder reports for the stream, or undefined when every value parses. */
export function goJsonCheck(text: string): GoJsonError | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const bad = (what: string): never => {
    if (i >= n) throw new Fail(i, undefined);
    throw new Fail(i, `invalid character ${quoteChar(text[i]!)} ${what}`);
  };
  const value = (): void => {
    ws();
    if (i >= n) throw new Fail(i, undefined);
    const c = text[i]!;
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') bad('looking for beginning of object key string');
        string();
        ws();
        if (text[i] !== ':') bad('after object key');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        bad('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        bad('after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const lit of ['true', 'false', 'null']) {
      if (c === lit[0]) {
        i++;
        for (let k = 1; k < lit.length; k++) {
          if (text[i] !== lit[k]) bad(`in literal ${lit} (expecting ${quoteChar(lit[k]!)})`);
          i++;
        }
        return;
      }
    }
    bad('looking for beginning of value');
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= n) throw new Fail(i, undefined);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === undefined) throw new Fail(i, undefined);
        if ('"\\/bfnrt'.includes(e)) {
          i++;
          continue;
        }
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) bad('in \\u hexadecimal character escape');
            i++;
          }
          continue;
        }
        bad('in string escape code');
      }
      if (c < ' ') bad('in string literal');
      i++;
    }
  };
  const digits = () => {
    while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
  };
  const number = (): void => {
    if (text[i] === '-') {
      i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) bad('after decimal point in numeric literal');
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) bad('in exponent of numeric literal');
      digits();
    }
  };
  try {
    if (text[0] === '\uFEFF') i++;
    for (;;) {
      ws();
      if (i >= n) return undefined;
      value();
    }
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    if (e.msg === undefined) return { message: 'unexpected EOF', index: Math.max(0, n - 1) };
    // SyntaxError.Offset counts the bytes read, the offending one included
    return { message: `json: offset ${utf8Len(text.slice(0, e.at + 1))}: ${e.msg}`, index: e.at };
  }
}
