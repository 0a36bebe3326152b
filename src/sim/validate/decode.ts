/**
 * Decoding checks, as the API server's strict JSON decoding (sigs.k8s.io/json, fieldValidation=Strict)
 * does them before any validation: wrong JSON types stop decoding with Go's unmarshal error, and unknown
 * fields are collected (full paths with [i]) into `strict decoding error: unknown field "a", unknown field "b"`.
 */
import { goTypeOf, kindDef, type FieldDef, type ObjectDef } from '../api/fields';
import { quantityDecodeError } from '../api/quantity';
import { isPlainObject } from '../store/json';

export interface TypeError {
  /** field path with indices, for positions: spec.template.spec.containers[0].ports[0].containerPort */
  path: string;
  /** the decoder's text, e.g. `json: cannot unmarshal string into Go struct field … of type int32` */
  message: string;
  /**
   * The same problem as the API server's unstructured converter words it (the PATCH path: kubectl apply to an
   * existing object), runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation
   * (k8s.io/apimachinery/pkg/runtime/converter.go fromUnstructured): `unrecognized type: int32`,
   * `cannot convert int64 to string`, `cannot restore struct from: string`.
   */
  converterMessage: string;
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

/** The Go kind of a decoded JSON value as the unstructured converter sees it (whole numbers are int64). */
function goKindOf(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'map';
}

/** A decoding error that stops the decoder at once (a json.Unmarshaler's error, e.g. resource.Quantity's). */
class Abort extends Error {
  constructor(readonly te: TypeError) {
    super(te.message);
  }
}

/**
 * Check a raw document of a modelled kind. Kinds without a model pass unchecked.
 *
 * The order is the decoder's: kubectl sends JSON marshalled from a map, so keys arrive sorted (Go sorts map keys
 * byte-wise), and encoding/json (sigs.k8s.io/json) keeps the FIRST UnmarshalTypeError (d.saveError) while it goes
 * on decoding, but returns at once when an Unmarshaler such as resource.Quantity fails. A type error wins over
 * unknown fields (serializer/json/json.go returns the unmarshal error before the strict errors).
 */
export function decodeCheck(kind: string, value: unknown): DecodeResult {
  const root = kindDef(kind);
  const unknown: string[] = [];
  if (!root || !isPlainObject(value)) return { unknown };
  const saved: { te?: TypeError } = {};
  try {
    walkObject(root, value, '', '', root.go, unknown, saved);
  } catch (e) {
    if (e instanceof Abort) return { typeError: e.te, unknown: [] };
    throw e;
  }
  if (saved.te) return { typeError: saved.te, unknown: [] };
  return { unknown };
}

type Saved = { te?: TypeError };

/** Go's sort.Strings order (byte-wise; JS code-unit order is the same for the BMP). */
function sortedEntries(v: Record<string, unknown>): [string, unknown][] {
  return Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function walkObject(def: ObjectDef, v: Record<string, unknown>, path: string, goPath: string, _go: string, unknown: string[], saved: Saved): void {
  for (const [k, x] of sortedEntries(v)) {
    const fd = def.fields[k];
    const p = path ? `${path}.${k}` : k;
    const gp = goPath ? `${goPath}.${k}` : k;
    if (!fd) {
      if (!def.open) unknown.push(p);
      continue;
    }
    walkField(fd, x, p, gp, def.go, unknown, saved);
  }
}

function converterMessage(fd: FieldDef, v: unknown): string {
  const st = goKindOf(v);
  switch (fd.type) {
    case 'object': return `cannot restore struct from: ${st}`;
    case 'array': return `cannot restore slice from ${st}`;
    case 'map': return `cannot restore map from ${st}`;
    default: break;
  }
  const dt = goTypeOf(fd);
  // reflect's ConvertibleTo: numbers convert to numbers and (int → string) to strings; the converter then only
  // accepts number → number (a float only when it is whole) and reports the rest as "cannot convert"
  if (st === 'int64' && dt === 'string') return 'cannot convert int64 to string';
  if (st === 'float64' && (dt === 'int32' || dt === 'int64')) return `cannot convert float64 to ${dt}`;
  return `unrecognized type: ${dt}`;
}

function save(saved: Saved, te: TypeError): void {
  if (!saved.te) saved.te = te;
}

function mismatch(saved: Saved, path: string, goPath: string, parentGo: string, v: unknown, fd: FieldDef, extra = ''): void {
  const jt = jsonType(v);
  const shown = jt === 'number' && extra ? `number ${extra}` : jt;
  save(saved, { path, message: `json: cannot unmarshal ${shown} into Go struct field ${parentGo}.${goPath} of type ${goTypeOf(fd)}`, converterMessage: converterMessage(fd, v) });
}

function walkField(fd: FieldDef, v: unknown, path: string, goPath: string, parentGo: string, unknown: string[], saved: Saved): void {
  if (v === null || v === undefined) return;
  switch (fd.type) {
    case 'any':
      return;
    case 'string':
    case 'time':
      if (typeof v !== 'string') mismatch(saved, path, goPath, parentGo, v, fd);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') mismatch(saved, path, goPath, parentGo, v, fd);
      return;
    case 'int32':
    case 'int64':
    case 'number': {
      if (typeof v !== 'number') return mismatch(saved, path, goPath, parentGo, v, fd);
      if (fd.type === 'number') return;
      const lim = fd.type === 'int32' ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(v) || v >= lim || v < -lim) mismatch(saved, path, goPath, parentGo, v, fd, goNumber(v));
      return;
    }
    case 'intOrString':
      if (typeof v === 'string') return;
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) return;
      // IntOrString.UnmarshalJSON decodes into its int32 itself: a plain Go value error, and it aborts decoding
      throw new Abort({ path, message: `json: cannot unmarshal ${typeof v === 'number' ? `number ${goNumber(v)}` : jsonType(v)} into Go value of type int32`, converterMessage: `json: cannot unmarshal ${typeof v === 'number' ? `number ${goNumber(v)}` : jsonType(v)} into Go value of type int32` });
    case 'quantity': {
      const qe = quantityDecodeError(v);
      if (qe) throw new Abort({ path, message: qe, converterMessage: qe });
      return;
    }
    case 'base64': {
      if (typeof v !== 'string') return mismatch(saved, path, goPath, parentGo, v, fd);
      const bad = firstBadBase64(v as string);
      if (bad >= 0) save(saved, { path, message: `illegal base64 data at input byte ${bad}`, converterMessage: `illegal base64 data at input byte ${bad}` });
      return;
    }
    case 'object':
      if (!isPlainObject(v)) return mismatch(saved, path, goPath, parentGo, v, fd);
      walkObject(fd.object!, v as Record<string, unknown>, path, goPath, fd.object!.go, unknown, saved);
      return;
    case 'array':
      if (!Array.isArray(v)) return mismatch(saved, path, goPath, parentGo, v, fd);
      (v as unknown[]).forEach((item, i) => {
        if (fd.items) walkField(fd.items, item, `${path}[${i}]`, goPath, parentGo, unknown, saved);
      });
      return;
    case 'map':
      if (!isPlainObject(v)) return mismatch(saved, path, goPath, parentGo, v, fd);
      for (const [k, item] of sortedEntries(v as Record<string, unknown>)) {
        if (fd.items) walkField(fd.items, item, `${path}[${k}]`, goPath, parentGo, unknown, saved);
      }
      return;
  }
}

/** A JSON number as Go's encoder writes a float64 (what kubectl sends): 3.5, 1e+21, 100000000000000000000. */
export function goNumber(v: number): string {
  return String(v);
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
