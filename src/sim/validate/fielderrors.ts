/**
 * Field errors worded as k8s.io/apimachinery/pkg/util/validation/field/errors.go prints them (v1.34):
 * strings quoted (%q), numbers and booleans bare, null for nil, anything else as JSON.
 */
import type { FieldCause } from '../api/errors';

export function fmtValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(goJsonOrder(v));
}

/**
 * Go's json.Marshal writes map keys sorted and struct fields in declaration order. The values the validators
 * print are maps (labels, selectors' matchLabels, annotations) or a few structs, recognised by their field set.
 */
const STRUCT_FIELDS: Array<{ fields: string[]; omitEmpty: string[] }> = [
  { fields: ['matchLabels', 'matchExpressions'], omitEmpty: ['matchLabels', 'matchExpressions'] }, // metav1.LabelSelector
  { fields: ['key', 'operator', 'values'], omitEmpty: ['values'] }, // LabelSelectorRequirement
  { fields: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'], omitEmpty: ['controller', 'blockOwnerDeletion'] }, // OwnerReference
  { fields: ['Name', 'Protocol', 'AppProtocol', 'Port', 'TargetPort', 'NodePort'], omitEmpty: [] }, // internal core.ServicePort
];
const isEmpty = (x: unknown) => x === null || (Array.isArray(x) && x.length === 0) || (typeof x === 'object' && x !== null && Object.keys(x).length === 0);
function goJsonOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(goJsonOrder);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  let keys = Object.keys(o).filter((k) => o[k] !== undefined);
  const struct = STRUCT_FIELDS.find((f) => keys.length > 0 && keys.every((k) => f.fields.includes(k)));
  // `json:",omitempty"` drops empty maps and lists of those structs
  if (struct) keys = keys.filter((k) => !(struct.omitEmpty.includes(k) && isEmpty(o[k])));
  const ordered = struct ? struct.fields.filter((k) => keys.includes(k)) : [...keys].sort();
  const out: Record<string, unknown> = {};
  for (const k of ordered) out[k] = goJsonOrder(o[k]);
  return out;
}

export const fe = {
  required(field: string, detail = ''): FieldCause {
    return { field, message: detail ? `Required value: ${detail}` : 'Required value' };
  },
  invalid(field: string, value: unknown, detail: string): FieldCause {
    return { field, message: `Invalid value: ${fmtValue(value)}${detail ? `: ${detail}` : ''}` };
  },
  notSupported(field: string, value: unknown, supported: string[]): FieldCause {
    const d = supported.length ? `: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '';
    return { field, message: `Unsupported value: ${fmtValue(value)}${d}` };
  },
  duplicate(field: string, value: unknown): FieldCause {
    return { field, message: `Duplicate value: ${fmtValue(value)}` };
  },
  forbidden(field: string, detail: string): FieldCause {
    return { field, message: `Forbidden: ${detail}` };
  },
  notFound(field: string, value: unknown): FieldCause {
    return { field, message: `Not found: ${fmtValue(value)}` };
  },
  tooLong(field: string, max: number): FieldCause {
    return { field, message: `Too long: may not be more than ${max} bytes` };
  },
  tooMany(field: string, actual: number, max: number): FieldCause {
    return { field, message: `Too many: ${actual}: must have at most ${max} items` };
  },
};
