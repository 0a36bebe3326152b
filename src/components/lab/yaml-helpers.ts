// Small pure helpers the editor uses: the nearest field name for a typo quick fix, and which label selector
// (if any) sits under the mouse, so the cluster view can highlight the pods it matches.
import { parseAllDocuments, isMap, isPair, isScalar, type Node as YamlNode } from 'yaml';

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The one known name an obvious typo was meant to be: distance ≤ 2 (≤ 1 for short words), and unambiguous. */
export function nearestName(word: string, names: Iterable<string>): string | null {
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestD = Infinity;
  let tie = false;
  for (const n of names) {
    if (n === word) return null;
    const dist = n.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word, n);
    if (dist < bestD) { best = n; bestD = dist; tie = false; } else if (dist === bestD && n !== best) tie = true;
  }
  return best !== null && bestD <= limit && !tie ? best : null;
}

export interface SelectorHit { kind: string; name: string; labels: Record<string, string> }

function get(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  for (const item of node.items) if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.value;
  return undefined;
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/** The label selector whose text contains `offset` (Service spec.selector, or spec.selector.matchLabels). */
export function selectorAt(text: string, offset: number): SelectorHit | null {
  let docs;
  try { docs = parseAllDocuments(text); } catch { return null; }
  if (!Array.isArray(docs)) return null;
  for (const doc of docs) {
    const root = doc.contents as YamlNode | null;
    if (!root || !root.range || offset < root.range[0] || offset > root.range[2]) continue;
    const kind = scalarString(get(root, 'kind')) ?? '';
    const name = scalarString(get(get(root, 'metadata'), 'name')) ?? '';
    const spec = get(root, 'spec');
    const sel = get(spec, 'selector');
    const target = kind === 'Service' ? sel : get(sel, 'matchLabels');
    // The key "selector:" itself counts too: find the pair so its key range is included.
    let start: number | undefined;
    let end: number | undefined;
    if (isMap(spec)) {
      for (const item of spec.items) {
        if (isPair(item) && isScalar(item.key) && item.key.value === 'selector') {
          start = item.key.range?.[0];
          end = (item.value as YamlNode | null)?.range?.[1];
        }
      }
    }
    if (start === undefined || end === undefined || offset < start || offset > end || !isMap(target)) continue;
    const labels: Record<string, string> = {};
    for (const item of target.items) {
      if (isPair(item) && isScalar(item.key)) labels[String(item.key.value)] = scalarString(item.value) ?? '';
    }
    return { kind, name, labels };
  }
  return null;
}
