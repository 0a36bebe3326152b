// The simulator-side syntax check of a manifest: YAML errors with line:column, shown as editor markers.
import { parseAllDocuments } from 'yaml';
import type { SimDiagnostic } from './backend';

/** YAML syntax errors with line:column (the engine's API validation is added where it offers it). */
export function yamlSyntaxDiagnostics(text: string): SimDiagnostic[] {
  const out: SimDiagnostic[] = [];
  let docs;
  try { docs = parseAllDocuments(text, { prettyErrors: true }); } catch (e) {
    return [{ line: 1, column: 1, message: String((e as Error).message), severity: 'error' }];
  }
  if (!Array.isArray(docs)) return out;
  for (const doc of docs) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0];
      const end = err.linePos?.[1];
      out.push({ line: pos?.line ?? 1, column: pos?.col ?? 1, endLine: end?.line, endColumn: end?.col,
        message: `YAML syntax: ${err.message.split('\n')[0]}`, severity: 'error' });
    }
  }
  return out;
}
