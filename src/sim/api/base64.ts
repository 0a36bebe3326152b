/** UTF-8 + base64 without TextEncoder/btoa (not available to the simulator's type environment). */
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function utf8Decode(b: number[]): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const x = b[i++]!;
    let c: number;
    if (x < 0x80) c = x;
    else if (x >= 0xf0) c = ((x & 7) << 18) | ((b[i++]! & 63) << 12) | ((b[i++]! & 63) << 6) | (b[i++]! & 63);
    else if (x >= 0xe0) c = ((x & 15) << 12) | ((b[i++]! & 63) << 6) | (b[i++]! & 63);
    else c = ((x & 31) << 6) | (b[i++]! & 63);
    s += String.fromCodePoint(Number.isFinite(c) ? c : 0xfffd);
  }
  return s;
}

export function base64Encode(s: string): string {
  const b = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHA[(n >> 18) & 63]! + ALPHA[(n >> 12) & 63]!;
    out += i + 1 < b.length ? ALPHA[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? ALPHA[n & 63]! : '=';
  }
  return out;
}

/** Decode standard base64 (padding optional). Returns undefined for text that is not base64. */
export function base64DecodeBytes(s: string): number[] | undefined {
  const clean = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) return undefined;
  if (clean.includes('=') && clean.length % 4 !== 0) return undefined;
  const body = clean.replace(/=+$/, '');
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of body) {
    buf = (buf << 6) | ALPHA.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 255);
    }
  }
  return out;
}
export function base64Decode(s: string): string | undefined {
  const b = base64DecodeBytes(s);
  return b ? utf8Decode(b) : undefined;
}
