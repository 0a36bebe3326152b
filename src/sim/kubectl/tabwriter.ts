// A port of the alignment rules of Go's text/tabwriter, which kubectl uses for every table and for describe.
// Cells are tab-terminated; the text after the last tab of a line is not part of any column. A column is aligned
// over a contiguous block of lines that have a cell in it, so a line with fewer cells ends the block (this is why
// describe's value column shifts after `IPs:` or `Containers:`). Width = max(minwidth, longest cell + padding).
//   kubectl get:      minwidth 6, padding 3  (cli-runtime/pkg/printers/tabwriter.go)
//   kubectl describe: minwidth 0, padding 2  (kubectl/pkg/describe/describe.go tabbedString)

export interface TabOptions { minwidth: number; padding: number }
export const GET_TABS: TabOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABS: TabOptions = { minwidth: 0, padding: 2 };

/** Display width in columns (runes, like Go's utf8.RuneCount). */
export function textWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function tabwrite(text: string, opts: TabOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let s = '';
      cells.forEach((c, j) => {
        s += c;
        if (j < widths.length && j < cells.length - 1) s += ' '.repeat(Math.max(0, widths[j]! - textWidth(c)));
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t]!.length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = opts.minwidth;
      for (; t < line1; t++) {
        const cells = lines[t]!;
        if (column >= cells.length - 1) break;
        const w = textWidth(cells[column]!) + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Renders a kubectl get table: header row plus rows, 3 spaces between columns, last column unpadded. */
export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', GET_TABS);
}
