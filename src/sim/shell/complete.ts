// Tab completion as data: commands, kubectl subcommands and flags (from the one command table), resource types,
// object names from the cluster, minikube/docker subcommands, image names and file paths.
import type { Shell } from './shell';
import type { Completion } from './types';
import { KUBECTL, GLOBAL_FLAGS, findSub, OUTPUTS, type CommandSpec } from '../kubectl/table';
import { RESOURCE_TYPES, resolveResourceType } from '../api/registry';
import { MINIKUBE_COMMANDS } from '../minikube/minikube';
import { DOCKER_COMMANDS } from '../docker/docker';
import { resolvePath } from './vfs';
import { kindDef } from '../api/fields';
import { parseImageRef } from '../images/ref';

interface Tok { text: string; start: number }

function tokens(s: string): Tok[] {
  const out: Tok[] = [];
  const re = /(?:[^\s"']+|"[^"]*"?|'[^']*'?)+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ text: m[0].replace(/["']/g, ''), start: m.index });
  return out;
}

export function completeLine(shell: Shell, line: string, cursor: number): Completion {
  const before = line.slice(0, cursor);
  // only the last command of a pipeline / list matters
  const cut = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&&') + 1, before.lastIndexOf('$(') + 1);
  const seg = cut > 0 ? before.slice(cut + 1) : before;
  const offset = cut > 0 ? cut + 1 : 0;
  const toks = tokens(seg);
  const endsWithSpace = seg === '' || /\s$/.test(seg);
  const cur: Tok = endsWithSpace ? { text: '', start: seg.length } : toks[toks.length - 1]!;
  const words = (endsWithSpace ? toks : toks.slice(0, -1)).map((t) => t.text);
  const start = offset + cur.start;
  const pick = (cands: Iterable<string>) => ({ start, candidates: [...new Set(cands)].filter((c) => c.startsWith(cur.text)).sort() });
  if (words.length === 0) {
    if (cur.text.includes('/')) return pick(paths(shell, cur.text));
    return pick(shell.commandNames());
  }
  const cmd = words[0]!;
  if (cmd === 'kubectl') return pick(kubectlCandidates(shell, words.slice(1), cur.text));
  if (cmd === 'minikube') {
    if (words.length === 1) return pick(MINIKUBE_COMMANDS);
    if (words[1] === 'image' && words.length === 2) return pick(['load', 'ls', 'rm']);
    if (words[1] === 'image' && words[2] === 'load') return pick(shell.world.docker.list().map((e) => { const p = parseImageRef(e.ref); return p.ok ? p.ref.short : e.ref; }));
    if (words[1] === 'addons' && words.length === 2) return pick(['list', 'enable', 'disable']);
    if (words[1] === 'service') return pick([...serviceNames(shell), '--url', '--namespace']);
    return pick([]);
  }
  if (cmd === 'docker') {
    if (words.length === 1) return pick(DOCKER_COMMANDS);
    if (words[1] === 'rmi' || words[1] === 'run' || words[1] === 'tag') return pick(shell.world.docker.list().map((e) => { const p = parseImageRef(e.ref); return p.ok ? p.ref.short : e.ref; }));
    if (words[1] === 'build' && cur.text.startsWith('-')) return pick(['-t', '--tag', '-f', '--file', '--no-cache']);
    return pick(paths(shell, cur.text));
  }
  return pick(paths(shell, cur.text));
}

function serviceNames(shell: Shell): string[] {
  return shell.world.cluster?.store.list('Service', { namespace: 'default' }).map((s) => s.metadata.name ?? '') ?? [];
}

function paths(shell: Shell, word: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const abs = resolvePath(shell.cwd, dirPart || '.');
  if (!shell.world.vfs.isDir(abs)) return [];
  return shell.world.vfs.list(abs).filter((n) => !n.startsWith('.') || word.slice(slash + 1).startsWith('.')).map((n) => dirPart + n);
}

const TYPE_WORDS = (): string[] => RESOURCE_TYPES.flatMap((r) => [r.plural, ...r.shortNames, r.singular]).concat(['all']);

function kubectlCandidates(shell: Shell, words: string[], curText: string): string[] {
  let spec: CommandSpec = KUBECTL;
  const args: string[] = [];
  let prevFlag: string | undefined;
  for (const w of words) {
    if (w === '--') { prevFlag = undefined; continue; }
    if (w.startsWith('-')) { prevFlag = w.includes('=') ? undefined : w; continue; }
    if (prevFlag && flagTakesValue(spec, prevFlag)) { prevFlag = undefined; continue; }
    prevFlag = undefined;
    const next = args.length === 0 ? findSub(spec, w) : undefined;
    if (next) { spec = next; continue; }
    args.push(w);
  }
  if (prevFlag && flagTakesValue(spec, prevFlag)) return flagValues(shell, spec, prevFlag, curText);
  if (curText.startsWith('-')) {
    const eq = curText.indexOf('=');
    if (eq > 0) return flagValues(shell, spec, curText.slice(0, eq), curText.slice(eq + 1)).map((v) => curText.slice(0, eq + 1) + v);
    return [...spec.flags, ...GLOBAL_FLAGS].flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
  }
  if (spec.sub?.length && args.length === 0) return spec.sub.map((s) => s.name);
  switch (spec.args) {
    case 'type-name': {
      if (args.length === 0) {
        if (curText.includes('/')) return objectNames(shell, curText.slice(0, curText.indexOf('/'))).map((n) => `${curText.slice(0, curText.indexOf('/'))}/${n}`);
        return TYPE_WORDS();
      }
      return objectNames(shell, args[0]!.split(',')[0]!);
    }
    case 'pod':
      if (args.length === 0) {
        if (curText.includes('/')) return objectNames(shell, curText.slice(0, curText.indexOf('/'))).map((n) => `${curText.slice(0, curText.indexOf('/'))}/${n}`);
        return [...objectNames(shell, 'pods'), 'deployment/', 'service/', 'pod/'];
      }
      return [];
    case 'field': {
      if (!curText.includes('.')) return TYPE_WORDS().filter((t) => t !== 'all');
      const parts = curText.split('.');
      const rt = resolveResourceType(parts[0]!);
      if (!rt) return [];
      let def = kindDef(rt.kind);
      for (const p of parts.slice(1, -1)) {
        let fd = def?.fields[p];
        while (fd && fd.type === 'array' && fd.items) fd = fd.items;
        def = fd?.object;
      }
      return Object.keys(def?.fields ?? {}).map((f) => [...parts.slice(0, -1), f].join('.'));
    }
    case 'file': return paths(shell, curText);
    default: return [];
  }
}

function flagTakesValue(spec: CommandSpec, flag: string): boolean {
  const name = flag.replace(/^--?/, '');
  const f = [...spec.flags, ...GLOBAL_FLAGS].find((x) => (flag.startsWith('--') ? x.name === name : x.short === name));
  return !!f && f.type !== 'bool';
}

function flagValues(shell: Shell, spec: CommandSpec, flag: string, curText: string): string[] {
  const name = flag.replace(/^--?/, '');
  const f = [...spec.flags, ...GLOBAL_FLAGS].find((x) => (flag.startsWith('--') ? x.name === name : x.short === name));
  if (!f) return [];
  if (f.name === 'output') return [...OUTPUTS];
  if (f.name === 'namespace') return shell.world.cluster?.store.list('Namespace').map((n) => n.metadata.name ?? '') ?? ['default'];
  if (['filename', 'from-env-file', 'from-file'].includes(f.name)) return paths(shell, curText);
  if (f.name === 'for') return ['condition=Ready', 'condition=Available', 'condition=Progressing', 'delete', 'jsonpath='];
  if (f.name === 'image') return shell.world.docker.list().map((e) => { const p = parseImageRef(e.ref); return p.ok ? p.ref.short : e.ref; }).concat(['nginx', 'busybox', 'curlimages/curl']);
  return [...(f.values ?? [])];
}

function objectNames(shell: Shell, typeWord: string): string[] {
  const rt = resolveResourceType(typeWord);
  const store = shell.world.cluster?.store;
  if (!rt || !store || shell.world.minikube !== 'running') return [];
  return store.list(rt.kind, rt.namespaced ? { namespace: 'default' } : {}).map((o) => o.metadata.name ?? '');
}
