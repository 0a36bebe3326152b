/**
 * Resource quantities (`250m`, `1.5`, `512Mi`, `1G`, `1e3`) as k8s.io/apimachinery/pkg/api/resource parses
 * them. The value is kept as a float in base units (cores, bytes); `milli` is the value ×1000 rounded up,
 * which is what the scheduler compares for CPU. Reusable by the scheduler and `kubectl describe node`.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
export interface Quantity {
  /** value in base units (1 = one core, or one byte) */
  value: number;
  /** ceil(value × 1000) */
  milli: number;
  format: QuantityFormat;
}

export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
/** The error Quantity's JSON decoding returns for a malformed string. */
export const QUANTITY_ERROR = `quantities must match the regular expression '${QUANTITY_REGEX}'`;

const BIN: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DEC: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export class QuantityError extends Error {
  constructor() {
    super(QUANTITY_ERROR);
    this.name = 'QuantityError';
  }
}

/** Parse a quantity string or a JSON number. Throws QuantityError with the API's message. */
export function parseQuantity(input: string | number): Quantity {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new QuantityError();
    return { value: input, milli: Math.ceil(input * 1000 - 1e-9), format: 'DecimalSI' };
  }
  const s = input.trim();
  const m = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(s);
  if (!m) throw new QuantityError(); // Quantity.UnmarshalJSON trims spaces before parsing
  const num = m[1]!;
  const suf = m[2]!;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) throw new QuantityError();
  let mult: number;
  let format: QuantityFormat;
  if (suf in BIN) {
    mult = BIN[suf]!;
    format = 'BinarySI';
  } else if (suf in DEC) {
    mult = DEC[suf]!;
    format = 'DecimalSI';
  } else if (/^[eE][-+]?\d+$/.test(suf)) {
    mult = 10 ** Number(suf.slice(1));
    format = 'DecimalExponent';
  } else throw new QuantityError();
  const value = Number(num) * mult;
  if (!Number.isFinite(value)) throw new QuantityError();
  return { value, milli: Math.ceil(value * 1000 - 1e-9), format };
}

/** resource.ErrSuffix: the characters after the number are all suffix letters but not a known suffix (`500mi`). */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/**
 * The error Quantity.UnmarshalJSON returns for a JSON value (k8s.io/apimachinery/pkg/api/resource/quantity.go:
 * TrimSpace, then ParseQuantity = parseQuantityString + quantitySuffixer.interpret), or undefined when it parses.
 * `1Gb` / `1.5.3` are ErrFormatWrong (a character outside the suffix alphabet), `500mi` / `2K` ErrSuffix.
 */
export function quantityDecodeError(input: unknown): string | undefined {
  if (input === null) return undefined;
  if (typeof input === 'number') return Number.isFinite(input) ? undefined : QUANTITY_ERROR;
  if (typeof input !== 'string') return QUANTITY_ERROR;
  const str = input.trim();
  if (str.length === 0) return QUANTITY_ERROR;
  if (str === '0') return undefined;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && /[0-9]/.test(str[pos]!)) pos++;
  if (pos < end && str[pos] === '.') {
    pos++;
    while (pos < end && /[0-9]/.test(str[pos]!)) pos++;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (pos < end) {
    if (str[pos] === '-' || str[pos] === '+') pos++;
    while (pos < end && /[0-9]/.test(str[pos]!)) pos++;
    if (pos < end) return QUANTITY_ERROR;
  }
  const suf = str.slice(suffixStart);
  const ok = suf === '' || suf in BIN || suf in DEC || /^[eE][-+]?[0-9]+$/.test(suf);
  return ok ? undefined : QUANTITY_SUFFIX_ERROR;
}

export function tryParseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  try {
    return parseQuantity(input);
  } catch {
    return undefined;
  }
}

/** Canonical text as Quantity.String() prints it (`1500m`, `1Gi`, `512Mi`, `2`, `1G`). */
export function formatQuantity(q: Quantity): string {
  const v = q.value;
  if (v === 0) return '0';
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  if (q.format === 'BinarySI' && Number.isInteger(a)) {
    for (const [suf, m] of Object.entries(BIN).reverse()) if (a >= m && a % m === 0) return `${sign}${a / m}${suf}`;
    if (a < 1024) return `${sign}${a}`;
  }
  // decimal: the largest SI suffix that keeps an integer mantissa
  const order: [string, number][] = [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3], ['', 1], ['m', 1e-3], ['u', 1e-6], ['n', 1e-9]];
  for (const [suf, m] of order) {
    const x = a / m;
    const r = Math.round(x);
    if (a >= m && Math.abs(x - r) < 1e-9 * Math.max(1, r)) {
      if (q.format === 'DecimalExponent' && suf !== '' && suf !== 'm') return `${sign}${r}e${Math.round(Math.log10(m))}`;
      return `${sign}${r}${suf}`;
    }
  }
  return `${sign}${Math.ceil(a / 1e-9)}n`;
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const d = a.value - b.value;
  if (Math.abs(d) <= 1e-12 * Math.max(Math.abs(a.value), Math.abs(b.value), 1)) return 0;
  return d < 0 ? -1 : 1;
}

/** CPU in millicores (rounded up, as the scheduler counts). */
export function cpuMillis(v: unknown): number {
  return tryParseQuantity(v)?.milli ?? 0;
}
/** Memory (or any byte quantity) in bytes, rounded up. */
export function bytesOf(v: unknown): number {
  const q = tryParseQuantity(v);
  return q ? Math.ceil(q.value) : 0;
}
