/**
 * Multi-document YAML with source positions (eemeli `yaml`). Every document keeps its AST so any field
 * path (`spec.template.spec.containers[0].image`, `metadata.labels[app.kubernetes.io/name]`) can be mapped
 * back to a 1-based line:column, and syntax errors carry the document index, line, column and a message.
 */
import { goYamlCheck, kubectlChunks } from './goyaml';
import { goJsonCheck, isJsonStream } from './gojson';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YNode, type Pair } from 'yaml';

export interface Pos { line: number; col: number }
export interface YamlError extends Pos {
  /** 0-based index of the document in the file */
  doc: number;
  message: string;
  /** eemeli yaml error code (BAD_INDENT, DUPLICATE_KEY, …), or GO_YAML / SEPARATOR for kubectl's own verdict */
  code: string;
  /** what kubectl prints after `error parsing FILE: ` (GO_YAML, SEPARATOR, UNKNOWN_ANCHOR) */
  kubectl?: string;
}
export type PathSeg = string | number;

export interface ParsedDoc {
  index: number;
  /** the document as plain JS data (undefined for an empty document) */
  value: unknown;
  /** true when the document has no content (comments only, or `---` alone) */
  empty: boolean;
  errors: YamlError[];
  /**
   * Problems kubectl does not stop at: a key repeated in a mapping (go-yaml v2, which kubectl's YAML-to-JSON
   * conversion uses, keeps the LAST value silently). Code `DUPLICATE_KEY`; for editor warnings.
   */
  warnings: YamlError[];
  /** 1-based line where the document starts */
  startLine: number;
  /** the document source text */
  source: string;
  ast: Document.Parsed;
}
export interface ParsedFile {
  docs: ParsedDoc[];
  errors: YamlError[];
  lineCounter: LineCounter;
}

const MAX_ALIAS = 1000;

/**
 * Scalars resolve as go-yaml v2 resolves them (YAML 1.1; sigs.k8s.io/yaml.YAMLToJSON, what kubectl runs on every
 * document): `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0755` is octal (493), keys like `on:` become "true".
 * Unlike the YAML 1.1 spec, go-yaml keeps timestamps (`2024-01-01`) and sexagesimal numbers (`1:30`) as
 * strings when decoding into interface{}, so those two tags are left out.
 */
export const YAML_OPTIONS = {
  version: '1.1' as const,
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  customTags: (tags: Array<{ tag?: string; format?: string }>) =>
    tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'),
};

export function parseYaml(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const all = parseAllDocuments(text, { lineCounter, ...(YAML_OPTIONS as object) });
  const list = Array.isArray(all) ? all : [];
  const docs: ParsedDoc[] = [];
  const errors: YamlError[] = [];
  // kubectl's verdict on the syntax (go-yaml v2, chunk by chunk): it decides whether and where a file is broken;
  // the `yaml` package's own errors only count where go-yaml agrees there is one
  const go = firstGoYamlError(text);
  const starts = list.map((d) => lineCounter.linePos(d.range[0]).line);
  let goDoc = -1;
  if (go) {
    goDoc = 0;
    starts.forEach((st, i) => {
      if (st <= go.attachLine) goDoc = i;
    });
  }
  list.forEach((d, index) => {
    let errs: YamlError[] = d.errors.map((e) => {
      const p = lineCounter.linePos(e.pos[0]);
      return { doc: index, line: p.line, col: p.col, message: firstLine(e.message), code: e.code };
    });
    const warnings = duplicateKeys(d, index, lineCounter);
    if (go && index === goDoc) {
      errs = [{ doc: index, line: go.line, col: go.col, message: go.message, code: go.code, kubectl: go.kubectl }];
    } else if (errs.length && (goDoc < 0 || index < goDoc)) {
      // go-yaml accepts what the `yaml` package rejects: kubectl goes on, so only warn
      warnings.push(...errs);
      errs = [];
    }
    let value: unknown;
    if (errs.length === 0) {
      try {
        value = d.toJS({ maxAliasCount: MAX_ALIAS });
      } catch (e) {
        const msg = (e as Error).message;
        // go-yaml: `yaml: unknown anchor 'x' referenced` (no line)
        const alias = /^Unresolved alias.*?: (\S+)|^unresolved alias.*?: (\S+)/i.exec(msg);
        const p = lineCounter.linePos(d.range[0]);
        const m = alias ? `unknown anchor '${alias[1] ?? alias[2]}' referenced` : msg;
        errs.push({ doc: index, line: p.line, col: p.col, message: m, code: alias ? 'UNKNOWN_ANCHOR' : 'TO_JS', ...(alias ? { kubectl: `error converting YAML to JSON: yaml: ${m}` } : {}) });
      }
    }
    docs.push({
      index,
      value,
      empty: d.contents === null || (isScalar(d.contents) && d.contents.value === null && d.contents.range[0] === d.contents.range[1]),
      errors: errs,
      warnings,
      // kubectl splits the stream at `---` lines; go-yaml then counts from the line after the marker
      startLine: lineCounter.linePos(d.range[0]).line + (/^---(?:[ \t]|\r?\n|$)/.test(text.slice(d.range[0], d.range[0] + 5)) ? 1 : 0),
      source: text.slice(d.range[0], d.range[2]),
      ast: d,
    });
    errors.push(...errs);
  });
  return { docs, errors, lineCounter };
}

interface GoVerdict { line: number; col: number; attachLine: number; message: string; code: string; kubectl: string }
/** The first error kubectl's reader and go-yaml report in the file, with file positions (1-based). */
function firstGoYamlError(text: string): GoVerdict | undefined {
  if (isJsonStream(text)) {
    // a stream starting with `{` is read by encoding/json, not go-yaml
    const j = goJsonCheck(text);
    if (!j) return undefined;
    const before = text.slice(0, j.index);
    const line = before.split('\n').length;
    const col = j.index - (before.lastIndexOf('\n') + 1) + 1;
    return { line, col, attachLine: line, message: j.message, code: 'GO_JSON', kubectl: j.message };
  }
  const chunks = kubectlChunks(text);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    if (c.separatorError) {
      // the document buffered before the bad separator is dropped with it
      return { line: c.startLine + 1, col: 1, attachLine: (c.bufferedFrom ?? c.startLine) + 1, message: c.separatorError, code: 'SEPARATOR', kubectl: c.separatorError };
    }
    const e = goYamlCheck(c.text);
    if (e) {
      const problem = e.message.replace(/^line \d+: /, '');
      // an error at the end of the stream (unclosed quote) sits on the line after the last: keep markers in the file
      const lastLine = text.split(/\r?\n/).length;
      const line = Math.min(c.startLine + e.line + 1, lastLine);
      return {
        line, col: line === c.startLine + e.line + 1 ? e.column + 1 : 1, attachLine: c.startLine + 1,
        message: problem, code: 'GO_YAML', kubectl: `error converting YAML to JSON: yaml: ${e.message}`,
      };
    }
  }
  return undefined;
}

/** Keys repeated in a block or flow mapping, at the repeated key (the one whose value wins). */
function duplicateKeys(d: Document.Parsed, index: number, lc: LineCounter): YamlError[] {
  const out: YamlError[] = [];
  const visit = (n: unknown, depth: number): void => {
    if (depth > 200) return;
    if (isMap(n)) {
      const seen = new Map<string, number>();
      for (const p of n.items) {
        const k = isScalar(p.key) ? String(p.key.value) : undefined;
        if (k !== undefined) {
          const firstAt = seen.get(k);
          if (firstAt !== undefined) {
            const at = lc.linePos((p.key as YNode).range?.[0] ?? 0);
            out.push({ doc: index, line: at.line, col: at.col, code: 'DUPLICATE_KEY', message: `mapping key "${k}" already defined at line ${lc.linePos(firstAt).line}` });
          } else seen.set(k, (p.key as YNode).range?.[0] ?? 0);
        }
        visit(p.value, depth + 1);
      }
    } else if (isSeq(n)) for (const it of n.items) visit(it, depth + 1);
  };
  visit(d.contents, 0);
  return out;
}

function firstLine(m: string): string {
  return m.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Split a Kubernetes field path into segments: `spec.containers[0].image` → ['spec','containers',0,'image'];
 * `metadata.labels[app.kubernetes.io/name]` → ['metadata','labels','app.kubernetes.io/name'].
 */
export function parsePath(path: string | PathSeg[]): PathSeg[] {
  if (Array.isArray(path)) return path;
  const out: PathSeg[] = [];
  let i = 0;
  let cur = '';
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.') {
      if (cur) out.push(cur);
      cur = '';
      i++;
    } else if (c === '[') {
      if (cur) out.push(cur);
      cur = '';
      const end = path.indexOf(']', i);
      const inner = end < 0 ? path.slice(i + 1) : path.slice(i + 1, end);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end + 1;
    } else {
      cur += c;
      i++;
    }
  }
  if (cur) out.push(cur);
  return out;
}

export interface Located extends Pos {
  /** true when the whole path exists; false when this is the nearest existing ancestor */
  exact: boolean;
  /** how many segments of the path were found */
  depth: number;
}

/**
 * Position of a field in a parsed document: the key of the last found map entry (or the list item),
 * falling back to the nearest ancestor that exists. Undefined only for an empty document.
 */
export function locate(doc: ParsedDoc, path: string | PathSeg[], lc: LineCounter): Located | undefined {
  const segs = parsePath(path);
  let node: unknown = doc.ast.contents;
  if (!node) return undefined;
  let best: Pos = lc.linePos((node as YNode).range?.[0] ?? doc.ast.range[0]);
  let depth = 0;
  for (const seg of segs) {
    let next: unknown;
    let at: number | undefined;
    if (isMap(node)) {
      // the last of repeated keys is the one that counts (go-yaml v2 overwrites)
      const pair = [...node.items].reverse().find((p: Pair) => keyText(p.key) === String(seg));
      if (pair) {
        next = pair.value;
        at = (pair.key as YNode | null)?.range?.[0];
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item !== undefined) {
        next = item;
        at = (item as YNode | null)?.range?.[0];
      }
    }
    if (at === undefined) return { ...best, exact: false, depth };
    best = lc.linePos(at);
    depth++;
    node = isPair(next) ? next.value : next;
  }
  return { ...best, exact: true, depth };
}

function keyText(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  return undefined;
}

/** Convenience: position of a path in document `docIndex` of a parsed file. */
export function positionOf(file: ParsedFile, docIndex: number, path: string | PathSeg[]): Located | undefined {
  const d = file.docs[docIndex];
  return d ? locate(d, path, file.lineCounter) : undefined;
}

/**
 * The message kubectl prints for a YAML syntax error. kubectl splits the file into documents first and
 * go-yaml counts lines from the document start: `error parsing FILE: error converting YAML to JSON: yaml: line N: …`.
 */
export function kubectlYamlError(file: string, doc: ParsedDoc, e: YamlError, text?: string): string {
  if (e.kubectl) return `error: error parsing ${file}: ${e.kubectl}`;
  const line = e.line - doc.startLine + 1;
  if (e.code === 'DUPLICATE_KEY' && text !== undefined) {
    // go-yaml v3 (kubectl's decoder) reports both places, e.g. as seen from kubectl 1.21+:
    // `error: map[string]interface {}(nil): yaml: unmarshal errors:\n  line 37: mapping key "x" already defined at line 27`
    const lines = text.split(/\r?\n/);
    const here = lines[e.line - 1] ?? '';
    const m = /^(["']?)([^"':#]+?)\1\s*:/.exec(here.slice(e.col - 1));
    const key = m ? m[2]!.trim() : '';
    const indent = e.col - 1;
    let first = 0;
    for (let i = e.line - 2; i >= doc.startLine - 1 && key; i--) {
      const l = lines[i] ?? '';
      const lead = l.length - l.trimStart().length;
      if (lead < indent && l.trim() !== '' && !l.trimStart().startsWith('#') && !/^\s*-\s/.test(l)) break;
      const km = /^(["']?)([^"':#]+?)\1\s*:/.exec(l.slice(indent));
      if (lead === indent && km && km[2]!.trim() === key) {
        first = i + 1;
        break;
      }
      if (lead < indent && /^\s*-\s/.test(l)) {
        const km2 = /^\s*-\s+(["']?)([^"':#]+?)\1\s*:/.exec(l);
        if (km2 && l.indexOf(km2[2]!) === indent && km2[2]!.trim() === key) first = i + 1;
        break;
      }
    }
    if (key && first) {
      return `error: map[string]interface {}(nil): yaml: unmarshal errors:\n  line ${line}: mapping key "${key}" already defined at line ${first - doc.startLine + 1}`;
    }
  }
  return `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(e)}`;
}
function goYamlMessage(e: YamlError): string {
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
      return 'did not find expected key';
    case 'DUPLICATE_KEY':
      return 'key already set in map';
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'did not find expected node content';
    default:
      return e.message.charAt(0).toLowerCase() + e.message.slice(1);
  }
}
