/**
 * Decoding checks, as the API server's strict JSON decoding (sigs.k8s.io/json, fieldValidation=Strict)
 * does them before any validation: wrong JSON types stop decoding with Go's unmarshal error, and unknown
 * fields are collected (full paths with [i]) into `strict decoding error: unknown field "a", unknown field "b"`.
 */
import { goTypeOf, kindDef, type FieldDef, type ObjectDef } from '../api/fields';
import { QUANTITY_ERROR, tryParseQuantity } from '../api/quantity';
import { isPlainObject } from '../store/json';

export interface TypeError {
  /** field path with indices, for positions: spec.template.spec.containers[0].ports[0].containerPort */
  path: string;
  /** the decoder's text, e.g. `json: cannot unmarshal string into Go struct field … of type int32` */
  message: string;
}
export interface DecodeResult {
  typeError?: TypeError;
  unknown: string[];
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'null';
  return 'object';
}

class Stop extends Error {
  constructor(readonly te: TypeError) {
    super(te.message);
  }
}

/** Check a raw document of a modelled kind. Kinds without a model pass unchecked. */
export function decodeCheck(kind: string, value: unknown): DecodeResult {
  const root = kindDef(kind);
  const unknown: string[] = [];
  if (!root || !isPlainObject(value)) return { unknown };
  try {
    walkObject(root, value, '', '', root.go, unknown);
  } catch (e) {
    if (e instanceof Stop) return { typeError: e.te, unknown: [] };
    throw e;
  }
  return { unknown };
}

function walkObject(def: ObjectDef, v: Record<string, unknown>, path: string, goPath: string, _go: string, unknown: string[]): void {
  for (const [k, x] of Object.entries(v)) {
    const fd = def.fields[k];
    const p = path ? `${path}.${k}` : k;
    const gp = goPath ? `${goPath}.${k}` : k;
    if (!fd) {
      if (!def.open) unknown.push(p);
      continue;
    }
    walkField(fd, x, p, gp, def.go, unknown);
  }
}

function fail(path: string, goPath: string, parentGo: string, v: unknown, fd: FieldDef, extra = ''): never {
  const jt = jsonType(v);
  const shown = jt === 'number' && extra ? `number ${extra}` : jt;
  throw new Stop({ path, message: `json: cannot unmarshal ${shown} into Go struct field ${parentGo}.${goPath} of type ${goTypeOf(fd)}` });
}

function walkField(fd: FieldDef, v: unknown, path: string, goPath: string, parentGo: string, unknown: string[]): void {
  if (v === null || v === undefined) return;
  switch (fd.type) {
    case 'any':
      return;
    case 'string':
    case 'time':
      if (typeof v !== 'string') fail(path, goPath, parentGo, v, fd);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') fail(path, goPath, parentGo, v, fd);
      return;
    case 'int32':
    case 'int64':
    case 'number': {
      if (typeof v !== 'number') fail(path, goPath, parentGo, v, fd);
      if (fd.type === 'number') return;
      const lim = fd.type === 'int32' ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(v) || v >= lim || v < -lim) fail(path, goPath, parentGo, v, fd, String(v));
      return;
    }
    case 'intOrString':
      if (typeof v === 'string') return;
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) return;
      if (typeof v === 'number') throw new Stop({ path, message: `json: cannot unmarshal number ${v} into Go value of type int32` });
      fail(path, goPath, parentGo, v, fd);
      return;
    case 'quantity':
      if (!tryParseQuantity(v)) throw new Stop({ path, message: QUANTITY_ERROR });
      return;
    case 'base64': {
      if (typeof v !== 'string') fail(path, goPath, parentGo, v, fd);
      const bad = firstBadBase64(v as string);
      if (bad >= 0) throw new Stop({ path, message: `illegal base64 data at input byte ${bad}` });
      return;
    }
    case 'object':
      if (!isPlainObject(v)) fail(path, goPath, parentGo, v, fd);
      walkObject(fd.object!, v as Record<string, unknown>, path, goPath, fd.object!.go, unknown);
      return;
    case 'array':
      if (!Array.isArray(v)) fail(path, goPath, parentGo, v, fd);
      (v as unknown[]).forEach((item, i) => {
        if (fd.items) walkField(fd.items, item, `${path}[${i}]`, goPath, parentGo, unknown);
      });
      return;
    case 'map':
      if (!isPlainObject(v)) fail(path, goPath, parentGo, v, fd);
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        if (fd.items) walkField(fd.items, item, `${path}[${k}]`, goPath, parentGo, unknown);
      }
      return;
  }
}

/** Index of the first byte Go's base64.StdEncoding rejects, or -1 when the text decodes. */
function firstBadBase64(s: string): number {
  const clean = s; // Go's decoder skips \r and \n
  let n = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (c === '\r' || c === '\n') continue;
    if (c === '=') {
      // padding only in the last quantum
      const rest = clean.slice(i).replace(/[\r\n]/g, '');
      const pos = n % 4;
      if (!(rest === '=' && pos === 3) && !(rest === '==' && pos === 2)) return i;
      return -1;
    }
    if (!/[A-Za-z0-9+/]/.test(c)) return i;
    n++;
  }
  if (n % 4 !== 0) return clean.length - (n % 4 === 1 ? 1 : 0);
  return -1;
}

/** `strict decoding error: unknown field "a", unknown field "b"` */
export function strictDecodingMessage(unknown: string[]): string {
  return `strict decoding error: ${unknown.map((u) => `unknown field "${u}"`).join(', ')}`;
}
