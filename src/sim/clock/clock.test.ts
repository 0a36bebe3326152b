import { describe, expect, it } from 'vitest';
import { Prng, SAFE_ALPHABET, TimerQueue, parseRfc3339, rfc3339 } from './index';

describe('virtual clock helpers', () => {
  it.each([
    [0, '1970-01-01T00:00:00Z'],
    [1757950200000, '2025-09-15T15:30:00Z'],
    [951782400000, '2000-02-29T00:00:00Z'],
    [4102444799000, '2099-12-31T23:59:59Z'],
  ])('rfc3339(%d) = %s and parses back', (ms, s) => {
    expect(rfc3339(ms)).toBe(s);
    expect(parseRfc3339(s)).toBe(ms);
  });

  it('parses offsets and fractions', () => {
    expect(parseRfc3339('2025-09-15T17:30:00+02:00')).toBe(1757950200000);
    expect(parseRfc3339('2025-09-15T15:30:00.250Z')).toBe(1757950200250);
    expect(parseRfc3339('nope')).toBeUndefined();
  });

  it('fires timers in (time, insertion) order and skips cancelled ones', () => {
    const q = new TimerQueue();
    const seen: string[] = [];
    q.schedule(20, () => seen.push('b'));
    const c = q.schedule(10, () => seen.push('cancelled'));
    q.schedule(10, () => seen.push('a1'));
    q.schedule(10, () => seen.push('a2'));
    q.cancel(c);
    expect(q.size).toBe(3);
    expect(q.peekTime()).toBe(10);
    let t;
    while ((t = q.popDue(100))) t.fn();
    expect(seen).toEqual(['a1', 'a2', 'b']);
    expect(q.popDue(1000)).toBeUndefined();
  });
});

describe('Prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new Prng(42), b = new Prng(42), c = new Prng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
  it('makes safe-alphabet suffixes and v4-shaped uuids', () => {
    const r = new Prng(7);
    const s = r.string(5);
    expect(s).toHaveLength(5);
    for (const ch of s) expect(SAFE_ALPHABET).toContain(ch);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
