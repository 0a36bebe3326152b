/**
 * Field errors worded as k8s.io/apimachinery/pkg/util/validation/field/errors.go prints them (v1.34):
 * strings quoted (%q), numbers and booleans bare, null for nil, anything else as JSON.
 */
import type { FieldCause } from '../api/errors';

export function fmtValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
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
