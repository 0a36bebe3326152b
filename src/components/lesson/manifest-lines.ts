/** Parsing of ManifestFile's `lines` and `highlight` props (kept apart so tests can use it too). */

export type LineRange = { start: number; end: number } | { error: string };

/** "18-25" or "8" → an inclusive range within 1..total, or an error that says why not. */
export function parseLineRange(spec: string, total: number): LineRange {
  const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(spec);
  if (!m) return { error: `lines="${spec}" is not a line number or a range like "18-25"` };
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || end < start) return { error: `lines="${spec}" is not an increasing range starting at 1 or later` };
  if (end > total) return { error: `lines="${spec}" goes past the end of the file (${total} lines)` };
  return { start, end };
}

/** "20" or "20-22,25" → the set of line numbers, or an Error. */
export function parseLineSet(spec: string): Set<number> | Error {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(part);
    if (!m) return new Error(`highlight="${spec}" is not a list of lines like "20" or "20-22,25"`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return new Error(`highlight="${spec}" has a decreasing range`);
    for (let i = a; i <= b; i++) out.add(i);
  }
  return out;
}
