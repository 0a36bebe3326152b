/**
 * Turns a Pagefind excerpt into text segments. Pagefind marks hits with <mark>…</mark>; everything else is treated
 * as plain text (entities decoded), so the result can be rendered with textContent only — never as HTML.
 */
export interface Segment { text: string; hit: boolean }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function excerptSegments(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  let hit = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(part)) { hit = true; continue; }
    if (/^<\/mark>$/i.test(part)) { hit = false; continue; }
    if (part) segments.push({ text: decodeEntities(part), hit });
  }
  return segments;
}
