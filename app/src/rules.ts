// The HTTP contract of the service that does not need Node.js: limits, input checks, error texts and the headers
// every answer carries. Pure TypeScript with no Node.js imports: the course's browser simulator imports it so
// the simulated llmops-app container answers exactly as this one does (src/sim/images/llmops-app.ts).

export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 20;
export const DEFAULT_LIMIT = 5;
export const MAX_BODY_BYTES = 1024 * 1024;

/** Sent with /api/recommend answers while the index is not built yet (status 503, retry-after: 1). */
export const STILL_BUILDING = 'the recommendation index is still being built; retry shortly';
/** The `warning` of an answer that fell back to the offline ranking because the language model failed. */
export const LLM_FALLBACK_WARNING = 'The language model was unavailable; these are the offline recommendations.';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

export function noSuchPath(pathname: string): HttpError {
  return new HttpError(404, `no such path: ${pathname.slice(0, 100)}`);
}

/** `allow` lists the route's methods (HEAD is added when GET is there). */
export function methodNotAllowed(method: string, pathname: string, allow: string[]): HttpError {
  return new HttpError(405, `method ${method.slice(0, 20)} is not allowed on ${pathname}`, { allow: allow.join(', ') });
}

/** Checks q and limit the same way for the query string, a JSON body and the web page. */
export function checkParams(q: unknown, limit: unknown): { q: string; limit: number } {
  if (q === undefined || q === null) throw new HttpError(400, 'q is required: say what you would like to watch');
  if (typeof q !== 'string') throw new HttpError(400, 'q must be a string');
  const query = q.trim();
  if (query === '') throw new HttpError(400, 'q must not be empty');
  if (query.length > MAX_QUERY_LENGTH) throw new HttpError(400, `q must be at most ${MAX_QUERY_LENGTH} characters`);
  let n = DEFAULT_LIMIT;
  if (limit !== undefined && limit !== null && limit !== '') {
    const text = typeof limit === 'number' ? String(limit) : limit;
    if (typeof text !== 'string' || !/^\d{1,3}$/.test(text.trim()))
      throw new HttpError(400, `limit must be a whole number from 1 to ${MAX_LIMIT}`);
    n = Number(text.trim());
    if (n < 1 || n > MAX_LIMIT) throw new HttpError(400, `limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return { q: query, limit: n };
}

