/**
 * A minimal `kubectl apply` used until the API layer's apply (src/sim/api, engine-api) lands:
 * parse → default → validate → create or replace. It gives `created` / `configured` / `unchanged`
 * by comparing the defaulted object with the stored one; the real three-way merge with the
 * last-applied annotation belongs to the API layer.
 */
import type { KObject, Service } from '../api/types';
import type { Store } from '../store/store';
import { parseYaml } from '../yaml/parse';
import { defaultObject } from '../api/defaults';
import { validateObject } from '../validate/objects';
import { ApiError, formatKubectlError, invalid } from '../api/errors';
import { resourceForKind, qualifiedSingular } from '../api/registry';
import { allocateServiceFields } from '../api/alloc';
import { deepEqual, type Plain } from '../store/json';

export interface ApplyLine { ok: boolean; text: string; object?: KObject }

export function simpleApply(store: Store, text: string, fileName: string): ApplyLine[] {
  const out: ApplyLine[] = [];
  const parsed = parseYaml(text);
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    return [{ ok: false, text: `error: error parsing ${fileName}: error converting YAML to JSON: yaml: line ${e.line}: ${e.message}` }];
  }
  for (const doc of parsed.docs) {
    if (doc.empty || doc.value === undefined || doc.value === null) continue;
    const raw = doc.value as KObject;
    try {
      const obj = defaultObject(raw);
      const name = obj.metadata?.name ?? '';
      const r = resourceForKind(obj.kind);
      if (!r) { out.push({ ok: false, text: `error: resource mapping not found for name: "${name}" namespace: "" from "${fileName}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"` }); continue; }
      if (r.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
      const cur = store.get(obj.kind, obj.metadata.namespace, name);
      const errs = validateObject(obj as unknown as Plain, cur as unknown as Plain | undefined);
      if (errs.length) throw invalid(obj.kind, name, errs);
      const label = `${qualifiedSingular(r)}/${name}`;
      if (!cur) {
        if (obj.kind === 'Service') allocateServiceFields(store, obj as Service);
        const created = store.create(obj);
        out.push({ ok: true, text: `${label} created`, object: created });
        continue;
      }
      if (obj.kind === 'Service') allocateServiceFields(store, obj as Service, cur as Service);
      const next = { ...obj, metadata: { ...cur.metadata, labels: obj.metadata.labels, annotations: obj.metadata.annotations, resourceVersion: undefined } } as KObject;
      if (next.metadata.labels === undefined) delete next.metadata.labels;
      if (next.metadata.annotations === undefined) delete next.metadata.annotations;
      // keep controller-written annotations (revision) that apply does not own
      const rev = cur.metadata.annotations?.['deployment.kubernetes.io/revision'];
      if (rev) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': rev };
      if (deepEqual({ ...next, status: undefined, metadata: { ...next.metadata, resourceVersion: cur.metadata.resourceVersion } }, { ...cur, status: undefined })) {
        out.push({ ok: true, text: `${label} unchanged`, object: cur });
        continue;
      }
      const updated = store.update(next);
      out.push({ ok: true, text: `${label} ${updated === cur ? 'unchanged' : 'configured'}`, object: updated });
    } catch (e) {
      if (e instanceof ApiError) out.push({ ok: false, text: formatKubectlError(e) });
      else out.push({ ok: false, text: `error: ${(e as Error).message}` });
    }
  }
  return out;
}
