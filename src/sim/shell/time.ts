// Calendar formatting from a virtual timestamp (ms since the Unix epoch, UTC) without touching the Date
// object, so nothing here can read the real clock. Days-from-civil per Howard Hinnant's public-domain algorithm.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Civil { y: number; m: number; d: number; hh: number; mm: number; ss: number; ms: number; weekday: number }

export function civil(epochMs: number): Civil {
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const totalSec = Math.floor(epochMs / 1000);
  const days = Math.floor(totalSec / 86400);
  const secOfDay = totalSec - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d, hh: Math.floor(secOfDay / 3600), mm: Math.floor((secOfDay % 3600) / 60), ss: secOfDay % 60, ms, weekday: ((days % 7) + 11) % 7 };
}

export function epochFromCivil(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return ((days * 86400) + hh * 3600 + mm * 60 + ss) * 1000;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in UTC: `Mon, 15 Sep 2025 15:52:27 +0000` (kubectl describe). */
export function rfc1123z(epochMs: number): string {
  const c = civil(epochMs);
  return `${DAYS[c.weekday]}, ${p2(c.d)} ${MONTHS[c.m - 1]} ${c.y} ${p2(c.hh)}:${p2(c.mm)}:${p2(c.ss)} +0000`;
}

/** RFC 3339 in UTC with a Z: `2025-09-15T15:52:27Z` (metadata timestamps, restartedAt). */
export function rfc3339(epochMs: number): string {
  const c = civil(epochMs);
  return `${c.y}-${p2(c.m)}-${p2(c.d)}T${p2(c.hh)}:${p2(c.mm)}:${p2(c.ss)}Z`;
}

/** HTTP date: `Mon, 15 Sep 2025 10:21:07 GMT`. */
export function httpDate(epochMs: number): string {
  const c = civil(epochMs);
  return `${DAYS[c.weekday]}, ${p2(c.d)} ${MONTHS[c.m - 1]} ${c.y} ${p2(c.hh)}:${p2(c.mm)}:${p2(c.ss)} GMT`;
}

/** klog header time: `1126 16:11:45.693634` (MMDD hh:mm:ss.micro). */
export function klogTime(epochMs: number): string {
  const c = civil(epochMs);
  return `${p2(c.m)}${p2(c.d)} ${p2(c.hh)}:${p2(c.mm)}:${p2(c.ss)}.${String(c.ms * 1000).padStart(6, '0')}`;
}
