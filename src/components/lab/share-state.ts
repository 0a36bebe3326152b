// The playground's state as a string: what the learner did (files written, commands run, at which virtual
// time), so opening a link or reloading replays it into the same cluster. Versioned and validated: anything
// that does not decode is rejected with a reason, never half-applied.
import { deflateSync, inflateSync, strToU8, strFromU8 } from 'fflate';
import { z } from 'zod';

export const STATE_VERSION = 1;
export const STATE_PREFIX = 'lab1.';
export const MAX_STATE_CHARS = 400_000;

const step = z.union([
  z.object({ t: z.number().int().nonnegative(), run: z.string().max(20_000) }),
  z.object({ t: z.number().int().nonnegative(), write: z.string().min(1).max(300), content: z.string().max(200_000) }),
  /** a kubectl edit session ended: `content` is the text its editor tab was saved (or cancelled) with */
  z.object({ t: z.number().int().nonnegative(), edit: z.string().min(1).max(300), content: z.string().max(200_000) }),
]);

export const labStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  app: z.literal('manifest-lab'),
  seed: z.number().int().nonnegative(),
  /** Virtual milliseconds elapsed since the lab started, at save time. */
  elapsed: z.number().int().nonnegative(),
  steps: z.array(step).max(2000),
  /** The editor buffers at save time (only files that differ from the start). */
  files: z.record(z.string().min(1).max(300), z.string().max(200_000)),
  active: z.string().max(300).optional(),
});

export type LabState = z.infer<typeof labStateSchema>;
export type LabStep = LabState['steps'][number];

export function emptyState(seed = 1): LabState {
  return { v: STATE_VERSION, app: 'manifest-lab', seed, elapsed: 0, steps: [], files: {} };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeState(state: LabState): string {
  const json = JSON.stringify(labStateSchema.parse(state));
  return STATE_PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

export type DecodeResult = { ok: true; state: LabState } | { ok: false; reason: string };

export function decodeState(text: string | null | undefined): DecodeResult {
  if (!text) return { ok: false, reason: 'empty' };
  if (text.length > MAX_STATE_CHARS) return { ok: false, reason: 'too large' };
  if (!text.startsWith(STATE_PREFIX)) {
    const m = /^lab(\d+)\./.exec(text);
    return { ok: false, reason: m ? `made by a different version of the lab (format ${m[1]})` : 'not a lab state' };
  }
  let json: unknown;
  try {
    const bytes = inflateSync(fromBase64Url(text.slice(STATE_PREFIX.length)));
    if (bytes.length > 4 * MAX_STATE_CHARS) return { ok: false, reason: 'too large' };
    json = JSON.parse(strFromU8(bytes));
  } catch {
    return { ok: false, reason: 'damaged (it does not decompress)' };
  }
  const parsed = labStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `not a lab state (${issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'invalid'})` };
  }
  const steps = parsed.data.steps;
  for (let i = 1; i < steps.length; i++) if (steps[i]!.t < steps[i - 1]!.t) return { ok: false, reason: 'steps out of order' };
  return { ok: true, state: parsed.data };
}

/** Reads `#state=...` from a location hash. */
export function stateFromHash(hash: string): string | null {
  const m = /(?:^#|&)state=([^&]+)/.exec(hash);
  return m ? decodeURIComponent(m[1]!) : null;
}
