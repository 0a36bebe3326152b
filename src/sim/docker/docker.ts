// The workstation's Docker CLI (Docker Engine 28, BuildKit): build, images, rmi, run, tag, version.
// Layouts: kubectl-layouts.md §6. `docker build` reads the real Dockerfile from the virtual file system and
// keeps a layer cache keyed by the instruction and the content it copies, so an unchanged rebuild says CACHED.
import type { Ctx, LongRunning, Program } from '../shell/types';
import { parseImageRef } from '../images/ref';
import { Registry, fakeSha256 } from '../images/registry';
import { basename, normalize } from '../shell/vfs';
import { startWorkstationContainer } from './run';
import { utf8Length } from '../images/process';

const registry = new Registry();
const WIDTH = 80;

interface Instr { op: string; args: string; line: number }
interface Stage { base: string; name?: string; instrs: Instr[]; index: number }

/** Splits a Dockerfile into stages and instructions (continuation lines joined, comments dropped). */
export function parseDockerfile(text: string): { stages: Stage[]; error?: string } {
  const stages: Stage[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let buf = '';
  let startLine = 0;
  const push = (full: string, line: number): string | undefined => {
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(full);
    if (!m) return undefined;
    const op = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    if (op === 'FROM') {
      const fm = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!fm) return `Dockerfile:${line}\nERROR: failed to solve: dockerfile parse error on line ${line}: FROM requires either one or three arguments`;
      stages.push({ base: fm[1]!, ...(fm[2] ? { name: fm[2] } : {}), instrs: [], index: stages.length });
      return undefined;
    }
    if (stages.length === 0) {
      if (op === 'ARG') return undefined;
      return `ERROR: failed to solve: no build stage in current context`;
    }
    stages[stages.length - 1]!.instrs.push({ op, args, line });
    return undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (buf === '' && /^\s*#/.test(raw)) continue;
    if (buf === '') startLine = i + 1;
    if (/\\\s*$/.test(raw)) { buf += raw.replace(/\\\s*$/, ' '); continue; }
    buf += raw;
    if (buf.trim() !== '') {
      const err = push(buf, startLine);
      if (err) return { stages, error: err };
    }
    buf = '';
  }
  if (buf.trim()) { const err = push(buf, startLine); if (err) return { stages, error: err }; }
  if (stages.length === 0) return { stages, error: 'ERROR: failed to solve: the Dockerfile (Dockerfile) cannot be empty' };
  return { stages };
}

function fmtSecs(ms: number): string { return (ms / 1000).toFixed(1) + 's'; }

function vertexLine(prefix: string, text: string, ms: number): string {
  const t = fmtSecs(ms);
  const room = WIDTH - prefix.length - t.length - 1;
  const shown = [...text].length > room ? [...text].slice(0, room).join('') : text;
  return prefix + shown + ' '.repeat(Math.max(1, WIDTH - prefix.length - [...shown].length - t.length)) + t;
}

function humanSize(bytes: number): string {
  // go-units HumanSizeWithPrecision(size, 3): decimal units, %.4g-like
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${Number(v.toPrecision(3))}${units[i]}`;
}

/** go-units HumanDuration + " ago" (docker images CREATED). */
export function dockerAgo(seconds: number): string {
  const s = Math.floor(seconds);
  let r: string;
  if (s < 1) r = 'Less than a second';
  else if (s === 1) r = '1 second';
  else if (s < 60) r = `${s} seconds`;
  else if (Math.floor(s / 60) === 1) r = 'About a minute';
  else if (s < 3600) r = `${Math.floor(s / 60)} minutes`;
  else {
    const h = Math.round(s / 3600);
    if (h === 1) r = 'About an hour';
    else if (h < 48) r = `${h} hours`;
    else if (h < 24 * 14) r = `${Math.floor(h / 24)} days`;
    else if (h < 24 * 60) r = `${Math.floor(h / 24 / 7)} weeks`;
    else if (h < 24 * 365 * 2) r = `${Math.floor(h / 24 / 30)} months`;
    else r = `${Math.floor(s / 3600 / 24 / 365)} years`;
  }
  return r + ' ago';
}

function dockerignore(ctx: Ctx, dir: string): (rel: string) => boolean {
  const text = ctx.world.vfs.read(dir + '/.dockerignore') ?? '';
  const pats = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const res = pats.map((p) => {
    const neg = p.startsWith('!');
    const body = (neg ? p.slice(1) : p).replace(/^\/+/, '').replace(/\/+$/, '');
    const re = new RegExp('^' + body.replace(/^\*\*\//, '\u0000').split('**').map((s) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('.*').replace('\u0000', '(?:.*/)?') + '(/.*)?$');
    return { neg, re };
  });
  return (rel) => {
    let ignored = false;
    for (const r of res) if (r.re.test(rel)) ignored = !r.neg;
    return ignored;
  };
}

function build(args: string[], ctx: Ctx): number {
  let tag: string | undefined;
  let file: string | undefined;
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t' || a === '--tag') tag = args[++i];
    else if (a.startsWith('--tag=')) tag = a.slice(6);
    else if (a.startsWith('-t') && a.length > 2) tag = a.slice(2);
    else if (a === '-f' || a === '--file') file = args[++i];
    else if (a === '-q' || a === '--quiet' || a === '--no-cache' || a === '--pull') { /* accepted */ }
    else if (a.startsWith('--progress') || a.startsWith('--platform')) { if (!a.includes('=')) i++; }
    else if (a.startsWith('-')) { ctx.io.err(`unknown flag: ${a}\nSee 'docker buildx build --help'.\n`); return 125; }
    else pos.push(a);
  }
  if (pos.length !== 1) {
    ctx.io.err(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n`);
    return 1;
  }
  if (tag !== undefined) {
    const p = parseImageRef(tag);
    if (!p.ok) { ctx.io.err(`ERROR: failed to build: invalid tag "${tag}": ${p.error}\n`); return 1; }
  }
  const noCache = args.includes('--no-cache');
  const dir = ctx.resolve(pos[0]!);
  if (!ctx.world.vfs.isDir(dir)) {
    ctx.io.err(`ERROR: failed to build: unable to prepare context: path "${pos[0]}" not found\n`);
    return 1;
  }
  const dfPath = file ? ctx.resolve(file) : dir + '/Dockerfile';
  const dfName = file ? basename(file) : 'Dockerfile';
  const text = ctx.world.vfs.read(dfPath);
  const out: string[] = [];
  const rng = ctx.world.rng;
  let total = 0;
  let count = 0;
  const v = (name: string, ms: number, subs: Array<[string, number]> = []) => {
    out.push(vertexLine(' => ', name, ms));
    for (const [s, sm] of subs) out.push(vertexLine(' => => ', s, sm));
    total += ms;
    count++;
  };
  const header = (done: number, all: number, finished: boolean) => {
    const left = `[+] Building ${fmtSecs(total)} (${done}/${all})${finished ? ' FINISHED' : ''}`;
    const right = 'docker:default';
    return left + ' '.repeat(Math.max(1, WIDTH + 14 - left.length - right.length)) + right;
  };
  if (text === undefined) {
    v(`[internal] load build definition from ${dfName}`, 0, [['transferring dockerfile: 2B', 0]]);
    ctx.io.out([header(1, 1, true), ...out].join('\n') + '\n');
    ctx.io.err(`ERROR: failed to solve: failed to read dockerfile: open ${dfName}: no such file or directory\n`);
    return 1;
  }
  const parsed = parseDockerfile(text);
  if (parsed.error) {
    v(`[internal] load build definition from ${dfName}`, 0, [[`transferring dockerfile: ${utf8(text)}B`, 0]]);
    ctx.io.out([header(1, 1, true), ...out].join('\n') + '\n');
    ctx.io.err(parsed.error + '\n');
    return 1;
  }
  const stages = parsed.stages;
  v(`[internal] load build definition from ${dfName}`, 0, [[`transferring dockerfile: ${utf8(text)}B`, 0]]);
  const bases = [...new Set(stages.map((s) => s.base).filter((b) => !stages.some((s) => s.name === b)))];
  for (const b of bases) {
    const p = parseImageRef(b);
    if (!p.ok) { ctx.io.out([header(count, count, true), ...out].join('\n') + '\n'); ctx.io.err(`ERROR: failed to solve: failed to parse stage name "${b}": invalid reference format\n`); return 1; }
    // the workstation reaches Docker Hub: official images and known repositories resolve; a repository the
    // registry model does not know is only refused when it is not an official (library/) image
    const img = registry.pull(b);
    if (!img.ok && p.ref.path.startsWith('library/') === false) {
      out.push(vertexLine(' => ERROR ', `[internal] load metadata for ${p.ref.canonical}`, 900));
      ctx.io.out([header(count, count + 1, false), ...out].join('\n') + '\n');
      ctx.io.err(`ERROR: failed to solve: ${p.ref.familiar}:${p.ref.tag}: failed to resolve source metadata for ${p.ref.canonical}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n`);
      return 1;
    }
    v(`[internal] load metadata for ${p.ref.canonical}`, rng.int(600, 1600));
    void img;
  }
  const ignoreText = ctx.world.vfs.read(dir + '/.dockerignore');
  v('[internal] load .dockerignore', 0, [[`transferring context: ${ignoreText === undefined ? 2 : utf8(ignoreText)}B`, 0]]);
  const ignored = dockerignore(ctx, dir);
  const contextFiles = ctx.world.vfs.walk(dir).map((f) => f.slice(dir.length + 1)).filter((rel) => !ignored(rel));
  const ctxBytes = contextFiles.reduce((n, rel) => n + utf8(ctx.world.vfs.read(dir + '/' + rel) ?? ''), 0);
  const cache = ctx.world.dockerBuildCache;
  const stageKeys = new Map<string, string>();
  let lastKey = '';
  let loadedContext = false;
  let baseSize = 0;
  for (const st of stages) {
    const steps = st.instrs.filter((x) => ['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(x.op));
    const n = steps.length + 1;
    const label = (i: number) => `[${st.name ?? (stages.length > 1 ? `stage-${st.index}` : '')}${st.name || stages.length > 1 ? ' ' : ''}${i}/${n}]`;
    const fromStage = stageKeys.get(st.base);
    let key: string;
    if (fromStage) key = fromStage;
    else {
      const img = registry.pull(st.base);
      const pr = parseImageRef(st.base);
      const canonical = img.ok ? img.image.canonical : pr.ok ? pr.ref.canonical : st.base;
      key = fakeSha256('from:' + canonical);
      baseSize = img.ok ? img.image.sizeBytes : 75_000_000;
      const digest = img.ok ? img.image.digest : `sha256:${fakeSha256('digest:' + canonical)}`;
      const cached = cache.has(key) && !noCache;
      v(`${label(1)} FROM ${canonical}@${digest}`, cached ? 0 : rng.int(1500, 4000), cached ? [] : [[`resolve ${canonical}@${digest}`, 0]]);
      cache.add(key);
    }
    let cachedSoFar = !noCache;
    st.instrs.forEach((ins) => {
      if (!['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(ins.op)) { key = fakeSha256(key + ins.op + ins.args); return; }
      const k = steps.indexOf(ins);
      let content = '';
      if (ins.op === 'COPY' || ins.op === 'ADD') {
        const from = /--from=(\S+)/.exec(ins.args);
        if (from) content = stageKeys.get(from[1]!) ?? from[1]!;
        else {
          if (!loadedContext) {
            v('[internal] load build context', 0, [[`transferring context: ${kb(ctxBytes)}`, rng.int(0, 200)]]);
            loadedContext = true;
          }
          const srcs = ins.args.replace(/--\S+/g, '').trim().split(/\s+/).slice(0, -1);
          for (const s of srcs) {
            const re = new RegExp('^' + normalize('/' + s).slice(1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '(/.*)?$');
            const matched = s === '.' || s === './' ? contextFiles : contextFiles.filter((f) => re.test(f));
            if (matched.length === 0) {
              out.push(vertexLine(' => ERROR ', `${label(k + 2)} ${ins.op} ${ins.args}`, 0));
              ctx.io.out([header(count, count + 1, false), ...out].join('\n') + '\n');
              ctx.io.err(`------\n > ${label(k + 2)} ${ins.op} ${ins.args}:\n------\n${dfName}:${ins.line}\nERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref ${rng.hex(8)}-${rng.hex(4)}::${rng.hex(25)}: "/${s.replace(/^\.?\//, '')}": not found\n`);
              return;
            }
            content += matched.map((f) => f + ':' + contentHash(ctx.world.vfs.read(dir + '/' + f) ?? '')).join(',');
          }
        }
      }
      key = fakeSha256(key + '|' + ins.op + ' ' + ins.args + '|' + contentHash(content));
      const hit = cachedSoFar && cache.has(key);
      cachedSoFar = hit;
      const ms = hit ? 0 : ins.op === 'RUN' ? (/npm (ci|install)|pip install|apt-get|apk add/.test(ins.args) ? rng.int(6000, 21000) : rng.int(300, 2500)) : rng.int(40, 300);
      v(`${hit ? 'CACHED ' : ''}${label(k + 2)} ${ins.op} ${ins.args}`, ms);
      cache.add(key);
    });
    if (out.some((l) => l.startsWith(' => ERROR'))) return 1;
    stageKeys.set(st.name ?? String(st.index), key);
    lastKey = key;
  }
  const id = 'sha256:' + fakeSha256('image:' + lastKey);
  const subs: Array<[string, number]> = [['exporting layers', rng.int(100, 900)], [`writing image ${id}`, 0]];
  const ref = tag !== undefined ? parseImageRef(tag) : undefined;
  if (ref?.ok) subs.push([`naming to ${ref.ref.canonical}`, 0]);
  v('exporting to image', subs.reduce((n, [, m]) => n + m, 0) + 20, subs);
  ctx.io.out([header(count, count, true), ...out].join('\n') + '\n');
  if (ref?.ok) {
    // the app's layers over the base: node_modules of the production dependencies (~1.3 MB) plus what was copied
    ctx.world.docker.add(tag!, { id, sizeBytes: baseSize + 1_300_000 + ctxBytes, created: ctx.world.nowMs, model: 'llmops-app' });
  }
  return 0;
}

/** One FNV-1a pass (two lanes) over a file's text: a cheap content key for the layer cache. */
function contentHash(text: string): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function utf8(s: string): number { return utf8Length(s); }
function kb(n: number): string { return n < 1000 ? `${n}B` : `${(n / 1000).toFixed(2)}kB`; }

function images(args: string[], ctx: Ctx): number {
  const quiet = args.includes('-q') || args.includes('--quiet');
  const filter = args.find((a) => !a.startsWith('-'));
  const rows = ctx.world.docker.list()
    .map(({ ref, image }) => ({ p: parseImageRef(ref), image }))
    .filter((r) => r.p.ok)
    .map(({ p, image }) => ({ repo: (p as { ok: true; ref: { familiar: string; tag: string } }).ref.familiar, tag: (p as { ok: true; ref: { tag: string } }).ref.tag, image }))
    .filter((r) => !filter || r.repo === filter || `${r.repo}:${r.tag}` === filter)
    .sort((a, b) => b.image.created - a.image.created || (a.repo < b.repo ? -1 : 1));
  if (quiet) { ctx.io.out(rows.map((r) => r.image.id.slice(7, 19)).join('\n') + (rows.length ? '\n' : '')); return 0; }
  const table = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...rows.map((r) => [r.repo, r.tag, r.image.id.slice(7, 19), dockerAgo((ctx.world.nowMs - r.image.created) / 1000), humanSize(r.image.sizeBytes)])];
  // docker's formatter: tabwriter minwidth 10, padding 3
  const widths = table[0]!.map((_, i) => Math.max(10, ...table.map((r) => r[i]!.length + 3)));
  ctx.io.out(table.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join('')).join('\n') + '\n');
  return 0;
}

function rmi(args: string[], ctx: Ctx): number {
  let rc = 0;
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    const img = ctx.world.docker.get(name) ?? ctx.world.docker.list().find((e) => e.image.id.slice(7).startsWith(name))?.image;
    if (!img) { ctx.io.err(`Error response from daemon: No such image: ${name}${name.includes(':') ? '' : ':latest'}\n`); rc = 1; continue; }
    const p = parseImageRef(name);
    const refs = p.ok && ctx.world.docker.get(name) ? [p.ref.canonical] : [...img.refs];
    for (const r of refs) {
      const pr = parseImageRef(r);
      ctx.world.docker.remove(r);
      ctx.io.out(`Untagged: ${pr.ok ? pr.ref.short : r}\n`);
    }
    if (img.refs.length === 0) ctx.io.out(`Deleted: ${img.id}\n`);
  }
  return rc;
}

function tagCmd(args: string[], ctx: Ctx): number {
  const [src, dst] = args.filter((a) => !a.startsWith('-'));
  if (!src || !dst) { ctx.io.err('"docker tag" requires exactly 2 arguments.\nSee \'docker tag --help\'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n'); return 1; }
  const img = ctx.world.docker.get(src);
  if (!img) { ctx.io.err(`Error response from daemon: No such image: ${src}${src.includes(':') ? '' : ':latest'}\n`); return 1; }
  const p = parseImageRef(dst);
  if (!p.ok) { ctx.io.err(`Error parsing reference: "${dst}" is not a valid repository/tag: ${p.error}\n`); return 1; }
  ctx.world.docker.add(dst, { id: img.id, sizeBytes: img.sizeBytes, created: img.created, model: img.model });
  return 0;
}

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  ps          List containers
  build       Build an image from a Dockerfile
  exec        Execute a command in a running container
  images      List images
  logs        Fetch the logs of a container
  stop        Stop one or more running containers
  kill        Kill one or more running containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  version     Show the Docker version information

Run 'docker COMMAND --help' for more information on a command.
`;

export const DOCKER_COMMANDS = ['build', 'images', 'rmi', 'run', 'tag', 'version', 'image', 'ps', 'logs', 'stop', 'kill', 'rm', 'exec'];

/** docker logs|stop|kill|rm NAME-or-ID…: containers started with `docker run` on the workstation (Docker 28 texts). */
function containerCmd(cmd: 'logs' | 'stop' | 'kill' | 'rm', args: string[], ctx: Ctx): number {
  const force = cmd === 'rm' && (args.includes('-f') || args.includes('--force'));
  const names = args.filter((a) => !a.startsWith('-') && !(cmd === 'stop' && /^\d+$/.test(a)));
  if (names.length === 0) {
    ctx.io.err(`docker: '${cmd}' requires ${cmd === 'logs' ? 'exactly 1 argument' : 'at least 1 argument'}.\nSee 'docker ${cmd} --help'.\n\nUsage:  docker ${cmd} [OPTIONS] CONTAINER${cmd === 'logs' ? '' : ' [CONTAINER...]'}\n`);
    return 1;
  }
  const world = ctx.world;
  let rc = 0;
  for (const n of names) {
    const c = world.containers.find((x) => x.name === n || x.id === n) ?? (n.length >= 1 ? world.containers.find((x) => x.id.startsWith(n)) : undefined);
    if (!c) { ctx.io.err(`Error response from daemon: No such container: ${n}\n`); rc = 1; continue; }
    if (cmd === 'logs') { ctx.io.out(c.logs.map((l) => l + '\n').join('')); continue; }
    if (cmd === 'stop') { c.stop('SIGTERM'); ctx.io.out(n + '\n'); continue; }
    if (cmd === 'kill') {
      if (c.exited !== undefined) { ctx.io.err(`Error response from daemon: cannot kill container: ${n}: container ${c.id} is not running\n`); rc = 1; continue; }
      c.kill(); ctx.io.out(n + '\n'); continue;
    }
    if (c.exited === undefined && !force) {
      ctx.io.err(`Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`);
      rc = 1;
      continue;
    }
    c.kill();
    world.containers.splice(world.containers.indexOf(c), 1);
    ctx.io.out(n + '\n');
  }
  return rc;
}

/** `eval $(minikube docker-env)` points the docker CLI at the Docker daemon inside the minikube node. */
export function dockerEnvActive(env: Map<string, string>): boolean {
  return env.get('MINIKUBE_ACTIVE_DOCKERD') === 'minikube' && (env.get('DOCKER_HOST') ?? '') !== '';
}

export const docker: Program = (argv, outerCtx): number | LongRunning => {
  const [sub, ...rest] = argv.slice(1);
  let ctx = outerCtx;
  if (dockerEnvActive(outerCtx.env) && sub !== undefined && !['--help', 'version', '--version', '-v'].includes(sub)) {
    const w = outerCtx.world;
    if (w.minikube !== 'running' || !w.cluster) {
      // the node's daemon is down with the cluster [M for the wording after "Cannot connect"]
      outerCtx.io.err(`Cannot connect to the Docker daemon at ${outerCtx.env.get('DOCKER_HOST')}. Is the docker daemon running?\n`);
      return 1;
    }
    if (!['build', 'buildx', 'images', 'image', 'rmi', 'tag'].includes(sub)) {
      outerCtx.io.err(`docker ${sub}: with minikube's docker-env the CLI talks to the Docker daemon inside the node; only build, images, rmi and tag are simulated there (run 'eval $(minikube docker-env -u)' to use the workstation's Docker again)\n`);
      return 1;
    }
    // the same commands, over the node's image store (what the kubelet pulls from)
    const nodeImages = w.cluster.nodeImages;
    ctx = { ...outerCtx, world: Object.create(w, { docker: { value: nodeImages } }) as typeof w };
  }
  switch (sub) {
    case undefined: case '--help': ctx.io.out(USAGE); return 0;
    case 'build': return build(rest, ctx);
    case 'buildx': return rest[0] === 'build' ? build(rest.slice(1), ctx) : (ctx.io.err(`docker: 'buildx ${rest[0] ?? ''}' is not a docker command.\n`), 1);
    case 'images': return images(rest, ctx);
    case 'image':
      if (rest[0] === 'ls' || rest[0] === 'list') return images(rest.slice(1), ctx);
      if (rest[0] === 'rm') return rmi(rest.slice(1), ctx);
      if (rest[0] === 'build') return build(rest.slice(1), ctx);
      ctx.io.err(`docker: 'image ${rest[0] ?? ''}' is not a docker command.\nSee 'docker --help'\n`); return 1;
    case 'rmi': return rmi(rest, ctx);
    case 'tag': return tagCmd(rest, ctx);
    case 'run': return startWorkstationContainer(rest, ctx);
    case 'ps': ctx.io.out(ctx.world.containersTable(rest.includes('-a') || rest.includes('--all'))); return 0;
    case 'logs': return containerCmd('logs', rest, ctx);
    case 'stop': return containerCmd('stop', rest, ctx);
    case 'kill': return containerCmd('kill', rest, ctx);
    case 'rm': return containerCmd('rm', rest, ctx);
    case 'exec': {
      // docker exec [-i] [-t] NAME CMD…: the command in the running container (its image model answers)
      let i = 0;
      while (i < rest.length && rest[i]!.startsWith('-')) i++;
      const name = rest[i];
      const cmd = rest.slice(i + 1);
      if (name === undefined || cmd.length === 0) { ctx.io.err(`docker: 'docker exec' requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n`); return 1; }
      const c = ctx.world.containers.find((x) => x.name === name || x.id.startsWith(name));
      if (!c) { ctx.io.err(`Error response from daemon: No such container: ${name}\n`); return 1; }
      if (c.exited !== undefined) { ctx.io.err(`Error response from daemon: container ${c.id} is not running\n`); return 1; }
      const r = c.process?.exec?.(cmd);
      if (!r) { ctx.io.err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd[0]}": executable file not found in $PATH: unknown\n`); return 126; }
      ctx.io.out(r.stdout);
      ctx.io.err(r.stderr);
      return r.exitCode;
    }
    case 'version': case '--version': case '-v':
      ctx.io.out('Docker version 28.4.0, build d8eb465\n');
      return 0;
    default:
      ctx.io.err(`docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`);
      return 1;
  }
};
