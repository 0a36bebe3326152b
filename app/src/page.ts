// The web page: rendered on the server, works without JavaScript, every dynamic string HTML-escaped.
import type { Recommendation } from './recommender.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface PageState {
  query: string;
  limit: number;
  mode: string;
  results?: Recommendation[];
  reference?: string;
  error?: string;
  notice?: string;
}

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{margin:0 auto;max-width:46rem;padding:1.5rem}
h1{font-size:1.8rem;margin-bottom:.25rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
label{display:block;font-weight:600}
input[type=search]{font:inherit;padding:.5rem;min-width:min(28rem,100%);border:2px solid #555;border-radius:.3rem}
select,button{font:inherit;padding:.5rem .8rem;border-radius:.3rem}
button{border:2px solid #1b4d89;background:#1b4d89;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #e58a00;outline-offset:2px}
ol{padding-left:1.2rem}
li{margin-bottom:1rem}
.meta,.hint{color:#555}
@media (prefers-color-scheme:dark){.meta,.hint{color:#bbb}input[type=search]{border-color:#aaa}}
.error{border-left:4px solid #b00020;padding:.3rem .8rem}
.why{font-style:italic}
`;

function resultItem(r: Recommendation): string {
  const eps = r.episodes === null ? 'ongoing' : r.episodes === 1 ? '1 episode' : `${r.episodes} episodes`;
  return `<li><h3>${escapeHtml(r.title)}</h3>
<p class="meta">${r.year} · ${escapeHtml(r.type)} · ${escapeHtml(eps)} · ${escapeHtml(r.genres.join(', '))}</p>
<p class="why">${escapeHtml(r.why)}</p>
<p>${escapeHtml(r.description)}</p></li>`;
}

export function renderPage(s: PageState): string {
  const limits = [3, 5, 10, 20]
    .map((n) => `<option value="${n}"${n === s.limit ? ' selected' : ''}>${n}</option>`)
    .join('');
  let body = '';
  if (s.error) {
    body = `<p class="error" role="alert">${escapeHtml(s.error)}</p>`;
  } else if (s.results) {
    const heading = s.reference
      ? `Because you asked for something like ${escapeHtml(s.reference)}`
      : `Results for “${escapeHtml(s.query)}”`;
    body =
      `<h2>${heading}</h2>` +
      (s.notice ? `<p class="hint" role="status">${escapeHtml(s.notice)}</p>` : '') +
      (s.results.length === 0
        ? '<p>No title matches that yet. Try a genre ("funny sports") or a title you liked ("like Mushishi").</p>'
        : `<ol>${s.results.map(resultItem).join('\n')}</ol>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Anime Recommender</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Anime Recommender</h1>
<p class="hint">Describe what you feel like watching. Mode: ${escapeHtml(s.mode)}.</p></header>
<main>
<form method="get" action="/" role="search">
<div><label for="q">What are you in the mood for?</label>
<input type="search" id="q" name="q" maxlength="200" required value="${escapeHtml(s.query)}" placeholder="something like Cowboy Bebop but funnier"></div>
<div><label for="limit">How many</label><select id="limit" name="limit">${limits}</select></div>
<button type="submit">Recommend</button>
</form>
<section aria-live="polite">${body}</section>
</main>
</body>
</html>`;
}
