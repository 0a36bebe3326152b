/**
 * Image references as Docker/the kubelet parse them (distribution/reference grammar, simplified):
 * `[registry/]path[:tag][@sha256:digest]`, path components lowercase; `docker.io/library/` is implied
 * for single-component names; the tag defaults to `latest`.
 */

export interface ImageRef {
  /** As written in the manifest. */
  raw: string;
  /** `docker.io`, `ghcr.io`, `localhost:5000`, … */
  domain: string;
  /** `library/nginx`, `curlimages/curl`. */
  path: string;
  /** Familiar repository name as `docker` prints it: `nginx`, `curlimages/curl`, `ghcr.io/x/y`. */
  familiar: string;
  tag: string;
  /** True when the reference carries no tag (and no digest). */
  tagOmitted: boolean;
  digest?: string;
  /** Canonical `docker.io/library/nginx:1.27` (tag form; digest form when only a digest was given). */
  canonical: string;
  /** Short form that docker/minikube show for local images: `nginx:1.27`, `llmops-app:latest`. */
  short: string;
}

export type ParseImageResult = { ok: true; ref: ImageRef } | { ok: false; error: string };

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Parses like reference.ParseNormalizedNamed. Error texts follow distribution/reference:
 * `invalid reference format` and `invalid reference format: repository name (library/X) must be lowercase` [M].
 */
export function parseImageRef(raw: string): ParseImageResult {
  const s = raw.trim();
  if (s === '' || s !== raw) return { ok: false, error: 'invalid reference format' };
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, error: 'invalid reference format' };
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, error: 'invalid reference format' };
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (first !== first.toLowerCase() && !first.includes('.') && !first.includes(':') && first !== 'localhost') {
      // An uppercase first component is treated as a (lowercase-required) path component.
    } else {
      domain = first;
      parts.shift();
    }
  }
  if (parts.length === 0) return { ok: false, error: 'invalid reference format' };
  let path = parts.join('/');
  if (domain === 'docker.io' && parts.length === 1) path = `library/${path}`;
  for (const p of parts) {
    if (!COMPONENT.test(p)) {
      if (COMPONENT.test(p.toLowerCase())) {
        return { ok: false, error: `invalid reference format: repository name (${path}) must be lowercase` };
      }
      return { ok: false, error: 'invalid reference format' };
    }
  }
  const familiar = domain === 'docker.io' ? path.replace(/^library\//, '') : `${domain}/${path}`;
  const tagOmitted = tag === undefined && digest === undefined;
  const effTag = tag ?? 'latest';
  const canonical = digest && !tag ? `${domain}/${path}@${digest}` : `${domain}/${path}:${effTag}`;
  const short = digest && !tag ? `${familiar}@${digest}` : `${familiar}:${effTag}`;
  return { ok: true, ref: { raw, domain, path, familiar, tag: effTag, tagOmitted, ...(digest ? { digest } : {}), canonical, short } };
}

/** The default pull policy the API server applies: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const p = parseImageRef(image);
  if (!p.ok) return 'IfNotPresent';
  if (p.ref.digest && !p.ref.raw.includes(':' + p.ref.tag)) return 'IfNotPresent';
  return p.ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
