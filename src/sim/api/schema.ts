/**
 * JSON Schemas for the Monaco editor (monaco-yaml), generated from the field model: descriptions, enums,
 * required fields and `additionalProperties: false` wherever the API server decodes strictly.
 */
import { KIND_DEFS, kindDef, type FieldDef, type ObjectDef } from './fields';
import { resourceForKind } from './registry';

export type JsonSchema = { [k: string]: unknown };

function fieldSchema(fd: FieldDef, depth: number): JsonSchema {
  const base: JsonSchema = fd.description ? { description: fd.description } : {};
  switch (fd.type) {
    case 'string':
      return { ...base, type: 'string', ...(fd.enum ? { enum: fd.enum } : {}) };
    case 'time':
      return { ...base, type: 'string', format: 'date-time' };
    case 'base64':
      return { ...base, type: 'string', contentEncoding: 'base64' };
    case 'int32':
    case 'int64':
      return { ...base, type: 'integer', ...(fd.type === 'int32' ? { minimum: -2147483648, maximum: 2147483647 } : {}) };
    case 'number':
      return { ...base, type: 'number' };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'intOrString':
      return { ...base, anyOf: [{ type: 'integer' }, { type: 'string' }] };
    case 'quantity':
      return { ...base, anyOf: [{ type: 'number' }, { type: 'string', pattern: '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' }] };
    case 'array':
      return { ...base, type: 'array', items: fd.items ? fieldSchema(fd.items, depth + 1) : {} };
    case 'map':
      return { ...base, type: 'object', additionalProperties: fd.items ? fieldSchema(fd.items, depth + 1) : true };
    case 'object':
      return { ...objectSchema(fd.object!, depth + 1), ...base };
    default:
      return { ...base };
  }
}

function objectSchema(def: ObjectDef, depth: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [k, fd] of Object.entries(def.fields)) {
    properties[k] = fieldSchema(fd, depth);
    if (fd.required) required.push(k);
  }
  return {
    type: 'object',
    ...(def.description ? { description: def.description } : {}),
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: def.open ? true : false,
  };
}

/** JSON Schema for one kind (undefined for kinds without a model). */
export function toJsonSchema(kind: string): JsonSchema | undefined {
  const def = kindDef(kind);
  if (!def) return undefined;
  const rt = resourceForKind(kind);
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: `${kind} (${rt?.apiVersion ?? ''})`, ...objectSchema(def, 0) };
}

/** Kinds with a schema. */
export function schemaKinds(): string[] {
  return Object.keys(KIND_DEFS);
}
