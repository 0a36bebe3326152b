import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('kubelet back-off', () => {
  it('doubles from 10 s to a 300 s cap', () => {
    const b = new Backoff();
    const seen = [];
    let t = 0;
    for (let i = 0; i < 8; i++) { seen.push(b.next('k', t)); t += 1000; }
    expect(seen.map((x) => x / 1000)).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });
  it('forgets an entry idle for more than 10 minutes', () => {
    const b = new Backoff();
    b.next('k', 0); b.next('k', 1000);
    expect(b.get('k')).toBe(20_000);
    expect(b.next('k', 1000 + 600_001)).toBe(10_000);
  });
  it('reports whether an event is still inside its back-off window', () => {
    const b = new Backoff();
    expect(b.isInBackOffSince('k', 0, 0)).toBe(false);
    b.next('k', 0);
    expect(b.isInBackOffSince('k', 0, 9_999)).toBe(true);
    expect(b.isInBackOffSince('k', 0, 10_000)).toBe(false);
  });
});
