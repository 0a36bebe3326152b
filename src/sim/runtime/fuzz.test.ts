/**
 * Fuzzing the runtime: random and mutated manifests go through apply and then virtual time; nothing
 * throws, and every rejected document comes back with an error text. 1,000 runs by default (the unit
 * suite shares two cores); `SIM_FUZZ_RUNS=10000 npx vitest run src/sim/runtime/fuzz.test.ts` for the full run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../index';
import { SEED_MANIFEST, createSecret, loadLocalImage } from '../testing/index';

const LINES = SEED_MANIFEST.split('\n');
const GARBAGE = ['', '-', ':', '{', '}', '[]', '~', '!!str', '0', '-1', '7', '0.5', 'null', 'true', '"x"', "'", 'a: b: c', '\t', '- - -', '&a', '*a', '<img src=x onerror=alert(1)>', '%', '@', '2Gi', '500m', 'Always', 'Never', 'LoadBalancer', 'NodePort', '---'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat(LINES.length - 1) }),
  fc.record({ kind: fc.constant('dup' as const), line: fc.nat(LINES.length - 1) }),
  fc.record({ kind: fc.constant('value' as const), line: fc.nat(LINES.length - 1), v: fc.constantFrom(...GARBAGE) }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(LINES.length - 1), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), line: fc.nat(LINES.length - 1), text: fc.string({ maxLength: 30 }) }),
  fc.record({ kind: fc.constant('key' as const), line: fc.nat(LINES.length - 1), v: fc.constantFrom('replica', 'imagee', 'port', 'targetport', 'selectr', 'x') }),
);

function mutate(ms: { kind: string; line: number; v?: string; by?: number; text?: string }[]): string {
  const lines = [...LINES];
  for (const m of ms) {
    const i = m.line % lines.length;
    const l = lines[i] ?? '';
    switch (m.kind) {
      case 'drop': lines.splice(i, 1); break;
      case 'dup': lines.splice(i, 0, l); break;
      case 'value': lines[i] = l.includes(':') ? `${l.slice(0, l.indexOf(':') + 1)} ${m.v}` : `${l} ${m.v}`; break;
      case 'indent': lines[i] = (m.by ?? 0) >= 0 ? ' '.repeat(m.by ?? 0) + l : l.replace(new RegExp(`^ {0,${-(m.by ?? 0)}}`), ''); break;
      case 'insert': lines.splice(i, 0, m.text ?? ''); break;
      case 'key': lines[i] = l.replace(/[A-Za-z]+:/, `${m.v}:`); break;
    }
  }
  return lines.join('\n');
}

describe('runtime fuzz', () => {
  it('mutated manifests → apply → advance never throw; every failure has a message', () => {
    const runs = Number(process.env.SIM_FUZZ_RUNS ?? 1_000);
    let cluster = createCluster({ seed: 11 });
    let n = 0;
    const fresh = () => {
      cluster = createCluster({ seed: 11 + n });
      loadLocalImage(cluster.images);
      createSecret(cluster, 'llmops-secrets', { GROQ_API_KEY: 'k' });
    };
    fresh();
    let applied = 0, rejected = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 0.5, 2, 15), (ms, secs) => {
        if (++n % 200 === 0) fresh();
        const text = mutate(ms);
        const r = cluster.apply(text, 'fuzz.yaml');
        for (const e of r.errors) expect(e.text.length).toBeGreaterThan(0);
        if (r.ok) applied++; else rejected++;
        cluster.advance(secs);
        cluster.explain({ kind: 'Deployment', name: 'llmops-app' });
        cluster.explain({ kind: 'Service', name: 'llmops-service' });
      }),
      { numRuns: runs },
    );
    expect(applied + rejected).toBe(runs);
    expect(applied).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  }, 300_000);
});
