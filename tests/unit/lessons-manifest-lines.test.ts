// ManifestFile's `lines` and `highlight` props: good specs give the right lines, bad ones a message that says why.
import { describe, expect, it } from 'vitest';
import { parseLineRange, parseLineSet } from '../../src/components/lesson/manifest-lines';

describe('parseLineRange', () => {
  it('reads a range and a single line', () => {
    expect(parseLineRange('18-25', 38)).toEqual({ start: 18, end: 25 });
    expect(parseLineRange(' 8 ', 38)).toEqual({ start: 8, end: 8 });
    expect(parseLineRange('27–38', 38)).toEqual({ start: 27, end: 38 });
  });

  it('rejects ranges outside the file or backwards, naming the problem', () => {
    expect(parseLineRange('30-40', 38)).toEqual({ error: 'lines="30-40" goes past the end of the file (38 lines)' });
    expect(parseLineRange('0-3', 38)).toHaveProperty('error', expect.stringContaining('starting at 1'));
    expect(parseLineRange('9-3', 38)).toHaveProperty('error', expect.stringContaining('increasing'));
    expect(parseLineRange('first', 38)).toHaveProperty('error', expect.stringContaining('not a line number'));
  });
});

describe('parseLineSet', () => {
  it('reads lists and ranges', () => {
    expect([...(parseLineSet('20') as Set<number>)]).toEqual([20]);
    expect([...(parseLineSet('20-22, 25') as Set<number>)]).toEqual([20, 21, 22, 25]);
  });

  it('rejects malformed lists', () => {
    expect(parseLineSet('20,x')).toBeInstanceOf(Error);
    expect((parseLineSet('9-3') as Error).message).toContain('decreasing');
  });
});
