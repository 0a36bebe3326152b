import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeState, encodeState, emptyState, stateFromHash, type LabState } from '../../src/components/lab/share-state';

const sample: LabState = { ...emptyState(7), elapsed: 65_000, active: 'manifests/llmops-k8s.yaml',
  steps: [{ t: 0, run: 'minikube start' }, { t: 1000, write: 'manifests/llmops-k8s.yaml', content: 'kind: Service\n' }, { t: 1000, run: 'kubectl apply -f manifests/llmops-k8s.yaml' }],
  files: { 'manifests/llmops-k8s.yaml': 'kind: Service\n# <img src=x onerror=alert(1)>\n' } };

describe('share state', () => {
  it('round-trips through a URL-safe string', () => {
    const s = encodeState(sample);
    expect(s).toMatch(/^lab1\.[A-Za-z0-9_-]+$/);
    expect(decodeState(s)).toEqual({ ok: true, state: sample });
    expect(stateFromHash(`#state=${s}`)).toBe(s);
    expect(stateFromHash('#other=1&state=abc')).toBe('abc');
    expect(stateFromHash('#nothing')).toBeNull();
  });

  it('keeps a kubectl edit step (the text an edit tab was saved with), so a link replays the edit', () => {
    const withEdit: LabState = { ...sample, steps: [...sample.steps, { t: 2000, run: 'kubectl edit deploy/llmops-app' }, { t: 5000, edit: '/tmp/kubectl-edit-llmops-app.yaml', content: 'kind: Deployment\n' }] };
    expect(decodeState(encodeState(withEdit))).toEqual({ ok: true, state: withEdit });
  });

  it('rejects damaged, foreign and future states with a reason', () => {
    expect(decodeState('')).toEqual({ ok: false, reason: 'empty' });
    expect(decodeState('{"v":1}')).toEqual({ ok: false, reason: 'not a lab state' });
    expect(decodeState('lab2.abc')).toMatchObject({ ok: false, reason: expect.stringContaining('different version') });
    expect(decodeState('lab1.!!!')).toMatchObject({ ok: false, reason: expect.stringContaining('damaged') });
    const good = encodeState(sample);
    expect(decodeState(good.slice(0, -6) + 'AAAAAA').ok).toBe(false);
    // valid compression, wrong shape
    const wrong = encodeState(sample).replace(/^lab1\./, '');
    expect(decodeState('lab1.' + wrong.split('').reverse().join('')).ok).toBe(false);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string(), (s) => { const r = decodeState('lab1.' + s); expect(typeof r.ok).toBe('boolean'); }));
    fc.assert(fc.property(fc.string(), (s) => { expect(decodeState(s).ok).toBe(false); }));
  });
});

import { Timeline, formatElapsed } from '../../src/components/lab/timeline';
describe('timeline', () => {
  it('keeps at most its capacity, oldest dropped, and merges same-time same-label snapshots', () => {
    const tl = new Timeline<number>(3);
    for (let i = 0; i < 5; i++) tl.push(i * 1000, `e${i}`, i);
    expect(tl.all().map((s) => s.value)).toEqual([2, 3, 4]);
    tl.push(4000, 'e4', 40);
    expect(tl.length).toBe(3);
    expect(tl.latest()!.value).toBe(40);
    expect(tl.at(-5)!.value).toBe(2);
  });
  it('formats elapsed virtual time', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_726_000)).toBe('1:02:06');
  });
});
