// Optional LLM re-ranking through Groq's OpenAI-compatible chat completions API.
// The offline candidates are sent as context; the model may only pick among titles that exist in the data set.
// Any failure (network, HTTP status, timeout, unusable answer) is reported to the caller, which falls back.
import type { Recommender, Recommendation } from './recommender.js';

export interface GroqOptions {
  apiKey: string;
  baseUrl: string;
  model: string;
  timeoutMs: number;
  /** Replaceable for tests. */
  fetchImpl?: typeof fetch;
}

export class GroqError extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'network' | 'http' | 'bad-response' | 'no-known-titles',
  ) {
    super(message);
  }
}

interface ChatResponse {
  choices?: Array<{ message?: { content?: unknown } }>;
}

const SYSTEM_PROMPT =
  'You recommend anime. Choose only from the candidate list you are given, never any other title. ' +
  'Answer with JSON only: {"recommendations":[{"title":"<exact candidate title>","why":"<one short sentence>"}]}.';

function candidateLine(r: Recommendation): string {
  return `- ${r.title} (${r.year}, ${r.type}; genres: ${r.genres.join(', ')}; themes: ${r.themes.join(', ')}): ${r.description}`;
}

/** Pulls the JSON object out of a model answer, tolerating a Markdown code fence around it. */
function parseAnswer(content: string): Array<{ title: string; why?: string }> {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end <= start) throw new GroqError('the model answer holds no JSON object', 'bad-response');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.slice(start, end + 1));
  } catch {
    throw new GroqError('the model answer is not valid JSON', 'bad-response');
  }
  const list = (parsed as { recommendations?: unknown }).recommendations;
  if (!Array.isArray(list)) throw new GroqError('the model answer has no recommendations list', 'bad-response');
  return list
    .filter((x): x is { title: string; why?: unknown } => typeof x === 'object' && x !== null && typeof x.title === 'string')
    .map((x) => ({ title: x.title, why: typeof x.why === 'string' ? x.why : undefined }));
}

export async function groqRecommend(
  opts: GroqOptions,
  recommender: Recommender,
  query: string,
  candidates: Recommendation[],
  limit: number,
): Promise<Recommendation[]> {
  const doFetch = opts.fetchImpl ?? fetch;
  const body = {
    model: opts.model,
    temperature: 0.2,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      {
        role: 'user',
        content: `Request: ${query}\nPick up to ${limit} titles, best first.\nCandidates:\n${candidates.map(candidateLine).join('\n')}`,
      },
    ],
  };
  let res: Response;
  try {
    res = await doFetch(`${opts.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.apiKey}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new GroqError(`no answer within ${opts.timeoutMs} ms`, 'timeout');
    throw new GroqError('could not reach the Groq API', 'network');
  }
  let json: ChatResponse;
  try {
    if (!res.ok) throw new GroqError(`the Groq API answered HTTP ${res.status}`, 'http');
    json = (await res.json()) as ChatResponse;
  } catch (err) {
    if (err instanceof GroqError) throw err;
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new GroqError(`no answer within ${opts.timeoutMs} ms`, 'timeout');
    throw new GroqError('the Groq API answer is not JSON', 'bad-response');
  }
  const content = json.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new GroqError('the Groq API answer has no message content', 'bad-response');
  const picked: Recommendation[] = [];
  const seen = new Set<string>();
  const byTitle = new Map(candidates.map((c) => [c.title, c]));
  for (const choice of parseAnswer(content)) {
    // Made-up titles are dropped: only titles in the data set survive.
    const known = recommender.findTitle(choice.title);
    if (!known || seen.has(known.title)) continue;
    seen.add(known.title);
    const base = byTitle.get(known.title);
    const why = choice.why?.trim().slice(0, 300) || base?.why || 'Suggested by the language model';
    picked.push({
      title: known.title,
      year: known.year,
      type: known.type,
      episodes: known.episodes,
      genres: known.genres,
      themes: known.themes,
      description: known.description,
      why,
      score: base?.score ?? 0,
    });
    if (picked.length >= limit) break;
  }
  if (picked.length === 0) throw new GroqError('the model named no title from the data set', 'no-known-titles');
  return picked;
}
