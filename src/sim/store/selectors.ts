/**
 * Label selectors: kubectl's `-l` string syntax, the API's matchLabels/matchExpressions form, matching,
 * and formatting back to the string kubectl prints (`app=llmops,pod-template-hash=7c9d8f6b5d`).
 *
 * The string parser follows k8s.io/apimachinery/pkg/labels/selector.go (Lexer/Parser): same tokens, same
 * context rule ("in"/"notin" are plain identifiers where a value is expected), same error strings.
 */
import type { LabelSelector } from '../api/types';
import { isQualifiedName, isValidLabelValue } from '../validate/names';

export type SelectorOp = 'Exists' | 'DoesNotExist' | 'In' | 'NotIn' | '=' | '==' | '!=' | 'gt' | 'lt';
export interface Requirement { key: string; op: SelectorOp; values: string[] }
/** A parsed selector: all requirements must hold (AND). Empty = matches everything. */
export type Selector = Requirement[];

export class SelectorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorParseError';
  }
}

type Tok = 'id' | 'eos' | ',' | '!' | '==' | '=' | '>' | '<' | '!=' | 'in' | 'notin' | '(' | ')' | 'error';
const literalTokens: Record<string, Tok> = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(',
};
const isWs = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c) && c !== '';

function lex(s: string): { tok: Tok; lit: string }[] {
  const out: { tok: Tok; lit: string }[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWs(s[pos]!)) pos++;
    if (pos >= s.length) {
      out.push({ tok: 'eos', lit: '' });
      return out;
    }
    const c = s[pos]!;
    if (isSpecial(c)) {
      let buf = '';
      let last: { tok: Tok; lit: string } | undefined;
      while (pos < s.length && isSpecial(s[pos]!)) {
        buf += s[pos];
        const t = literalTokens[buf];
        if (t) {
          last = { tok: t, lit: buf };
          pos++;
        } else if (last) {
          break;
        } else pos++;
      }
      out.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = '';
      while (pos < s.length && !isSpecial(s[pos]!) && !isWs(s[pos]!)) buf += s[pos++];
      const t = literalTokens[buf];
      out.push(t ? { tok: t, lit: buf } : { tok: 'id', lit: buf });
    }
  }
}

/** Go's %v of a field.Error with a nil path, as the selector parser produces for a bad key. */
function invalidKey(k: string, errs: string[]): string {
  return `<nil>: Invalid value: ${JSON.stringify(k)}: ${errs.join('; ')}`;
}

/** Parse kubectl's label selector syntax. Throws SelectorParseError with the apimachinery message. */
export function parseSelector(input: string): Selector {
  const items = lex(input);
  let p = 0;
  const look = (values: boolean) => {
    const it = items[Math.min(p, items.length - 1)]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id' as Tok, lit: it.lit } : it;
  };
  const consume = (values: boolean) => {
    const it = look(values);
    p++;
    return it;
  };
  const reqs: Requirement[] = [];

  const parseRequirement = (): Requirement => {
    let op: SelectorOp | undefined;
    let t = consume(true);
    if (t.tok === '!') {
      op = 'DoesNotExist';
      t = consume(true);
    }
    if (t.tok !== 'id') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const ke = isQualifiedName(key);
    if (ke.length) throw new Error(invalidKey(key, ke));
    const nt = look(true).tok;
    if (nt === 'eos' || nt === ',') return { key, op: op ?? 'Exists', values: [] };
    // `!key` followed by anything: apimachinery returns the requirement and the outer loop rejects the rest
    if (op === 'DoesNotExist') return { key, op, values: [] };
    const o = consume(false);
    let bop: SelectorOp;
    switch (o.tok) {
      case 'in': bop = 'In'; break;
      case 'notin': bop = 'NotIn'; break;
      case '=': bop = '='; break;
      case '==': bop = '=='; break;
      case '!=': bop = '!='; break;
      case '>': bop = 'gt'; break;
      case '<': bop = 'lt'; break;
      default: throw new Error(`found '${o.lit}', expected: '=', '!=', '==', 'in', notin'`);
    }
    let values: string[];
    if (bop === 'In' || bop === 'NotIn') values = parseValues();
    else {
      const v = look(true);
      if (v.tok === 'eos' || v.tok === ',') values = [''];
      else {
        const c = consume(true);
        if (c.tok !== 'id') throw new Error(`found '${c.lit}', expected: identifier`);
        values = [c.lit];
      }
    }
    return newRequirement(key, bop, values);
  };

  const parseValues = (): string[] => {
    const t = consume(true);
    if (t.tok !== '(') throw new Error(`found '${t.lit}' expected: '('`);
    const l = look(true);
    if (l.tok === ')') {
      consume(true);
      return [''];
    }
    if (l.tok !== 'id' && l.tok !== ',') throw new Error(`found '${l.lit}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const c = consume(true);
      if (c.tok === 'id') {
        set.add(c.lit);
        const n = look(true);
        if (n.tok === ',') continue;
        if (n.tok === ')') break;
        throw new Error(`found '${n.lit}', expected: ',' or ')'`);
      } else if (c.tok === ',') {
        if (set.size === 0) set.add('');
        const n = look(true);
        if (n.tok === ')') {
          set.add('');
          break;
        }
        if (n.tok === ',') {
          consume(true);
          set.add('');
        }
      } else throw new Error(`found '${c.lit}', expected: ',', or identifier`);
    }
    const close = consume(true);
    if (close.tok !== ')') throw new Error(`found '${l.lit}', expected: ')'`);
    return [...set].sort();
  };

  for (;;) {
    const t = look(true);
    if (t.tok === 'eos') break;
    if (t.tok !== 'id' && t.tok !== '!') throw new SelectorParseError(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(parseRequirement());
    } catch (e) {
      throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
    }
    const after = consume(true);
    if (after.tok === 'eos') break;
    if (after.tok === ',') {
      const n = look(true);
      if (n.tok !== 'id' && n.tok !== '!') throw new SelectorParseError(`found '${n.lit}', expected: identifier after ','`);
      continue;
    }
    throw new SelectorParseError(`found '${after.lit}', expected: ',' or 'end of string'`);
  }
  return sortReqs(reqs);
}

function sortReqs(r: Requirement[]): Requirement[] {
  return r.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** apimachinery NewRequirement checks, with its messages. */
function newRequirement(key: string, op: SelectorOp, values: string[]): Requirement {
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) throw new Error("for 'in', 'notin' operators, values set can't be empty");
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) throw new Error('exact-match compatibility requires one single value');
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) throw new Error("for 'Gt', 'Lt' operators, exactly one value is required");
      if (!/^-?\d+$/.test(values[0]!)) throw new Error("for 'Gt', 'Lt' operators, the value must be an integer");
      break;
    default:
      break;
  }
  for (const v of values) {
    const e = isValidLabelValue(v);
    if (e.length) throw new Error(`[${key}]: Invalid value: ${JSON.stringify(v)}: ${e.join('; ')}`);
  }
  return { key, op, values: op === 'In' || op === 'NotIn' ? [...new Set(values)].sort() : values };
}

export function requirementMatches(r: Requirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key]! : undefined;
  switch (r.op) {
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'In': case '=': case '==': return has && r.values.includes(v!);
    case 'NotIn': case '!=': return !has || !r.values.includes(v!);
    case 'gt': case 'lt': {
      if (!has || !/^-?\d+$/.test(v!)) return false;
      const n = Number(v);
      const ref = Number(r.values[0]);
      return r.op === 'gt' ? n > ref : n < ref;
    }
  }
}

export function selectorMatches(sel: Selector, labels: Record<string, string> | undefined): boolean {
  for (const r of sel) if (!requirementMatches(r, labels)) return false;
  return true;
}

/**
 * Convert an API LabelSelector (matchLabels + matchExpressions) to requirements
 * (metav1.LabelSelectorAsSelector). An empty selector matches everything; callers that must treat
 * a nil selector as "nothing" (Services) check that themselves.
 */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  const reqs: Requirement[] = [];
  if (!ls) return reqs;
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [String(v)] });
  for (const e of ls.matchExpressions ?? []) {
    const op: SelectorOp = e.operator === 'In' ? 'In' : e.operator === 'NotIn' ? 'NotIn' : e.operator === 'Exists' ? 'Exists' : 'DoesNotExist';
    reqs.push({ key: e.key, op, values: op === 'In' || op === 'NotIn' ? [...new Set(e.values ?? [])].sort() : [] });
  }
  return sortReqs(reqs);
}

/** Equality selector from a plain map (a Service's spec.selector). */
export function fromMap(m: Record<string, string> | undefined | null): Selector {
  return sortReqs(Object.entries(m ?? {}).map(([k, v]) => ({ key: k, op: '=' as SelectorOp, values: [String(v)] })));
}

export function labelSelectorMatches(ls: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  return selectorMatches(fromLabelSelector(ls), labels);
}

/** Format as kubectl prints selectors: `app=llmops,tier in (api,web),!legacy`. */
export function formatSelector(sel: Selector): string {
  return sel.map(formatRequirement).join(',');
}
function formatRequirement(r: Requirement): string {
  switch (r.op) {
    case 'Exists': return r.key;
    case 'DoesNotExist': return `!${r.key}`;
    case '=': case '==': return `${r.key}=${r.values[0] ?? ''}`;
    case '!=': return `${r.key}!=${r.values[0] ?? ''}`;
    case 'In': return `${r.key} in (${r.values.join(',')})`;
    case 'NotIn': return `${r.key} notin (${r.values.join(',')})`;
    case 'gt': return `${r.key}>${r.values[0] ?? ''}`;
    case 'lt': return `${r.key}<${r.values[0] ?? ''}`;
  }
}
/** `app=llmops,pod-template-hash=…` for a LabelSelector; `<none>` is the caller's choice for empty. */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  return formatSelector(fromLabelSelector(ls));
}
/** Labels as `kubectl get --show-labels` prints them: keys sorted, `k=v` comma-joined. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  return Object.keys(labels ?? {}).sort().map((k) => `${k}=${labels![k]}`).join(',');
}
