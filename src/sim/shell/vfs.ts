// The workstation's file system: a flat map of absolute paths to text. Directories exist implicitly
// (a path is a directory when some file lives under it) or explicitly (mkdir). Pure data, no Node APIs,
// so the browser editor and the terminal share it.

export const HOME = '/home/learner';
export const PROJECT_DIR = '/home/learner/llmops';

export type VfsEvent = { type: 'write' | 'delete'; path: string };

export class Vfs {
  private files = new Map<string, string>();
  private dirs = new Set<string>(['/', '/home', HOME, PROJECT_DIR, '/tmp']);
  private listeners = new Set<(e: VfsEvent) => void>();

  constructor(files: Record<string, string> = {}, base = PROJECT_DIR) {
    for (const [p, text] of Object.entries(files)) this.write(resolvePath(base, p), text);
  }

  /** Subscribe to writes and deletes (the editor refreshes its buffers from this). */
  onChange(cb: (e: VfsEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  read(path: string): string | undefined { return this.files.get(normalize(path)); }
  exists(path: string): boolean { const p = normalize(path); return this.files.has(p) || this.isDir(p); }
  isFile(path: string): boolean { return this.files.has(normalize(path)); }
  isDir(path: string): boolean {
    const p = normalize(path);
    if (this.dirs.has(p)) return true;
    const prefix = p === '/' ? '/' : p + '/';
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return true;
    return false;
  }

  write(path: string, text: string): void {
    const p = normalize(path);
    this.files.set(p, text);
    let d = parentOf(p);
    while (d && !this.dirs.has(d)) { this.dirs.add(d); d = parentOf(d); }
    for (const l of this.listeners) l({ type: 'write', path: p });
  }

  mkdir(path: string): void {
    let d: string | undefined = normalize(path);
    while (d && !this.dirs.has(d)) { this.dirs.add(d); d = parentOf(d); }
  }

  remove(path: string): boolean {
    const p = normalize(path);
    const had = this.files.delete(p);
    if (had) for (const l of this.listeners) l({ type: 'delete', path: p });
    return had;
  }

  /** Entries directly inside a directory: names, directories with a trailing '/'. Sorted like `ls`. */
  list(dir: string): string[] {
    const d = normalize(dir);
    const prefix = d === '/' ? '/' : d + '/';
    const names = new Set<string>();
    for (const f of this.files.keys()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash < 0 ? rest : rest.slice(0, slash) + '/');
    }
    for (const x of this.dirs) {
      if (x !== d && x.startsWith(prefix) && !x.slice(prefix.length).includes('/')) names.add(x.slice(prefix.length) + '/');
    }
    return [...names].sort((a, b) => lsKey(a).localeCompare(lsKey(b)));
  }

  /** All files under a directory (recursive), sorted. */
  walk(dir: string): string[] {
    const d = normalize(dir);
    const prefix = d === '/' ? '/' : d + '/';
    return [...this.files.keys()].filter((f) => f.startsWith(prefix)).sort();
  }

  /** Every file, as absolute path → text (for sharing a lab's state). */
  snapshot(): Record<string, string> { return Object.fromEntries([...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))); }
}

function lsKey(name: string): string { return name.replace(/^[._]+/, '').replace(/\/$/, '').toLowerCase(); }

export function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { out.pop(); continue; }
    out.push(seg);
  }
  return '/' + out.join('/');
}

export function resolvePath(cwd: string, path: string): string {
  if (path === '~') return HOME;
  if (path.startsWith('~/')) return normalize(HOME + path.slice(1));
  return normalize(path.startsWith('/') ? path : cwd + '/' + path);
}

export function parentOf(p: string): string | undefined {
  if (p === '/') return undefined;
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(p: string): string { return p.slice(p.lastIndexOf('/') + 1); }

/** Path as the user would see it relative to cwd (for messages). */
export function displayPath(cwd: string, abs: string): string {
  const prefix = cwd === '/' ? '/' : cwd + '/';
  return abs.startsWith(prefix) ? abs.slice(prefix.length) : abs;
}

/** Glob for `*` and `?` in the last segments, against the vfs. Returns matches sorted, or [] when none. */
export function glob(vfs: Vfs, cwd: string, pattern: string): string[] {
  if (!/[*?]/.test(pattern)) return [];
  const abs = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let bases: string[] = [abs ? '/' : cwd];
  const rel: string[] = [''];
  let rels = rel;
  for (const seg of segs) {
    if (seg === '') continue;
    const nextBases: string[] = [];
    const nextRels: string[] = [];
    bases.forEach((b, k) => {
      const r = rels[k] ?? '';
      if (!/[*?]/.test(seg)) {
        nextBases.push(normalize(b + '/' + seg));
        nextRels.push(r ? r + '/' + seg : seg);
        return;
      }
      const re = new RegExp('^' + seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
      for (const e of vfs.list(b)) {
        const name = e.replace(/\/$/, '');
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(name)) { nextBases.push(normalize(b + '/' + name)); nextRels.push(r ? r + '/' + name : name); }
      }
    });
    bases = nextBases;
    rels = nextRels;
  }
  const out: string[] = [];
  bases.forEach((b, k) => { if (vfs.exists(b)) out.push(abs ? b : (rels[k] ?? b)); });
  return out.sort();
}
