import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSelector, fromLabelSelector, parseSelector, selectorMatches, formatLabelSelector } from './selectors';

describe('label selector parsing (kubectl -l)', () => {
  const ok: [string, string][] = [
    ['app=llmops', 'app=llmops'],
    ['app==llmops', 'app=llmops'],
    ['app!=llmops', 'app!=llmops'],
    ['tier in (web,api)', 'tier in (api,web)'],
    ['tier notin (web)', 'tier notin (web)'],
    ['app', 'app'],
    ['!app', '!app'],
    ['  b=2 , a=1 ', 'a=1,b=2'],
    ['x in (in,notin)', 'x in (in,notin)'],
    ['app.kubernetes.io/name=llmops', 'app.kubernetes.io/name=llmops'],
    ['a=', 'a='],
    ['a>5', 'a>5'],
    ['', ''],
  ];
  it.each(ok)('parses %j', (input, formatted) => {
    expect(formatSelector(parseSelector(input))).toBe(formatted);
  });

  const bad: [string, string][] = [
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app in a', "unable to parse requirement: found 'a' expected: '('"],
    ['=x', "found '=', expected: !, identifier, or 'end of string'"],
    ['app=a,', "found '', expected: identifier after ','"],
    ['app=a b', "found 'b', expected: ',' or 'end of string'"],
    ['app=(x)', "unable to parse requirement: found '(', expected: identifier"],
    ['!app=x', "found '=', expected: ',' or 'end of string'"],
    ['Bad Key=x', "unable to parse requirement: found 'Key', expected: '=', '!=', '==', 'in', notin'"],
    ['bad_-=x', 'unable to parse requirement: <nil>: Invalid value: "bad_-": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')'],
    ['a>x', "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"],
  ];
  it.each(bad)('rejects %j', (input, message) => {
    expect(() => parseSelector(input)).toThrow(message);
  });

  it('matches equality, set-based and existence rules', () => {
    const labels = { app: 'llmops', tier: 'web' };
    expect(selectorMatches(parseSelector('app=llmops,tier in (web,api)'), labels)).toBe(true);
    expect(selectorMatches(parseSelector('app=llmops,tier notin (web)'), labels)).toBe(false);
    expect(selectorMatches(parseSelector('!legacy'), labels)).toBe(true);
    expect(selectorMatches(parseSelector('legacy'), labels)).toBe(false);
    expect(selectorMatches(parseSelector('legacy!=x'), labels)).toBe(true);
    expect(selectorMatches(parseSelector(''), undefined)).toBe(true);
  });

  it('converts matchLabels + matchExpressions', () => {
    const ls = { matchLabels: { app: 'llmops', 'pod-template-hash': '7c9d8f6b5d' }, matchExpressions: [{ key: 'env', operator: 'NotIn' as const, values: ['prod'] }] };
    expect(formatLabelSelector(ls)).toBe('app=llmops,env notin (prod),pod-template-hash=7c9d8f6b5d');
    expect(selectorMatches(fromLabelSelector(ls), { app: 'llmops', 'pod-template-hash': '7c9d8f6b5d' })).toBe(true);
    expect(selectorMatches(fromLabelSelector(ls), { app: 'llmops', 'pod-template-hash': '7c9d8f6b5d', env: 'prod' })).toBe(false);
  });

  it('round-trips: format(parse(s)) parses to the same requirements (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
    const value = fc.stringMatching(/^[a-zA-Z0-9]([a-z0-9._-]{0,5}[a-z0-9])?$/);
    const req = fc.oneof(
      fc.tuple(name, fc.constantFrom('=', '==', '!='), value).map(([k, op, v]) => `${k}${op}${v}`),
      fc.tuple(name, fc.constantFrom('in', 'notin'), fc.array(value, { minLength: 1, maxLength: 3 })).map(([k, op, vs]) => `${k} ${op} (${vs.join(',')})`),
      name,
      name.map((k) => `!${k}`),
    );
    fc.assert(
      fc.property(fc.array(req, { minLength: 0, maxLength: 5 }), (reqs) => {
        const s = reqs.join(',');
        const parsed = parseSelector(s);
        const again = parseSelector(formatSelector(parsed));
        expect(formatSelector(again)).toBe(formatSelector(parsed));
        expect(again.length).toBe(parsed.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a SelectorParseError on random input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        try {
          parseSelector(s);
        } catch (e) {
          expect((e as Error).name).toBe('SelectorParseError');
          expect((e as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
