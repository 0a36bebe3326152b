// `docker run` on the workstation: runs an image's behaviour model (images/models.ts) outside the cluster, with
// published ports (-p HOST:CONTAINER) that curl on the workstation can reach.
import type { Ctx, LongRunning } from '../shell/types';
import { modelFor, type HttpRequest, type HttpResponse, type Process, type ProcessHost } from '../images/models';
import { parseImageRef } from '../images/ref';
import { Registry } from '../images/registry';

const registry = new Registry();
/** The container's first moments (start-up logs) are shown right away; the app is listening within this time. */
const STARTUP_MS = 2000;

export interface WorkstationContainer {
  id: string;
  name: string;
  image: string;
  command: string;
  createdMs: number;
  ports: Array<{ host: number; container: number }>;
  listening: Set<number>;
  process: Process | undefined;
  exited: number | undefined;
  /** when it exited (docker ps -a `Exited (0) 5 seconds ago`) */
  exitedMs?: number;
  /** everything the process logged (`docker logs`) */
  logs: string[];
  /** SIGKILL: exit 137 at once */
  kill(): void;
  http(port: number, req: HttpRequest): HttpResponse | undefined;
  stop(signal?: 'SIGTERM' | 'SIGINT'): void;
}

export function startWorkstationContainer(args: string[], ctx: Ctx): number | LongRunning {
  const ports: Array<{ host: number; container: number }> = [];
  const env: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: '' };
  let detach = false;
  let name: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) break;
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '-d' || a === '--detach') detach = true;
    else if (a === '--rm' || a === '-it' || a === '-i' || a === '-t' || a === '-ti') { /* accepted */ }
    else if (a === '-p' || a.startsWith('--publish') || a.startsWith('-p')) {
      const v = a.startsWith('-p') && a.length > 2 && a !== '-p' ? a.slice(2) : val();
      const m = /^(?:[\d.]+:)?(\d+):(\d+)(?:\/tcp)?$/.exec(v ?? '');
      if (!m) { ctx.io.err(`docker: invalid containerPort: ${v ?? ''}\n\nRun 'docker run --help' for more information\n`); return 125; }
      ports.push({ host: Number(m[1]), container: Number(m[2]) });
    } else if (a === '-e' || a.startsWith('--env=') || a === '--env') {
      const v = val() ?? '';
      const eq = v.indexOf('=');
      if (eq > 0) env[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (a === '--env-file' || a.startsWith('--env-file=')) {
      const f = val() ?? '';
      const t = ctx.world.vfs.read(ctx.resolve(f));
      if (t === undefined) { ctx.io.err(`docker: open ${f}: no such file or directory\n\nRun 'docker run --help' for more information\n`); return 125; }
      for (const line of t.split(/\r?\n/)) {
        if (!line.trim() || line.trim().startsWith('#')) continue;
        const eq = line.indexOf('=');
        if (eq > 0) env[line.slice(0, eq).trim()] = line.slice(eq + 1);
      }
    } else if (a === '--name' || a.startsWith('--name=')) name = val();
    else { ctx.io.err(`unknown flag: ${a}\nSee 'docker run --help'.\n`); return 125; }
  }
  const imageName = args[i];
  if (!imageName) { ctx.io.err(`docker: 'docker run' requires at least 1 argument.\nSee 'docker run --help'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n`); return 125; }
  const cmdArgs = args.slice(i + 1);
  const p = parseImageRef(imageName);
  if (!p.ok) { ctx.io.err(`docker: invalid reference format.\nSee 'docker run --help'.\n`); return 125; }
  let img = ctx.world.docker.get(imageName);
  if (!img) {
    ctx.io.err(`Unable to find image '${p.ref.short}' locally\n`);
    const pulled = registry.pull(imageName);
    if (!pulled.ok) { ctx.io.err(`docker: ${pulled.error}\n\nRun 'docker run --help' for more information\n`); return 125; }
    ctx.io.err(`${p.ref.tag}: Pulling from ${p.ref.path}\nDigest: ${pulled.image.digest}\nStatus: Downloaded newer image for ${p.ref.short}\n`);
    ctx.world.docker.add(imageName, { id: pulled.image.id, sizeBytes: pulled.image.sizeBytes, created: ctx.world.nowMs, model: pulled.image.model });
    img = ctx.world.docker.get(imageName)!;
  }
  const cname = name ?? `${ctx.world.rng.pick(['eager', 'brave', 'calm', 'quirky', 'crazy', 'festive'])}_${ctx.world.rng.pick(['turing', 'hopper', 'lovelace', 'ritchie', 'kirch', 'noether'])}`;
  const id = ctx.world.rng.hex(64);
  for (const pt of ports) {
    // Docker 28 (real outputs): the container is created (-d prints its id first), then networking fails.
    // A port another container published: docker's own allocator refuses it; one a host program holds (kubectl
    // port-forward on 127.0.0.1): the bind fails.
    const taken = ctx.world.containers.some((c) => c.exited === undefined && c.ports.some((q) => q.host === pt.host));
    if (taken || ctx.world.portForwards.has(pt.host)) {
      if (detach) ctx.io.out(id + '\n');
      const why = taken ? `Bind for 0.0.0.0:${pt.host} failed: port is already allocated` : `failed to bind host port for 0.0.0.0:${pt.host}:172.17.0.2:${pt.container}/tcp: address already in use`;
      ctx.io.err(`docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint ${cname} (${ctx.world.rng.hex(64)}): ${why}\n\nRun 'docker run --help' for more information\n`);
      return 125;
    }
  }
  env.HOSTNAME = id.slice(0, 12);
  const model = modelFor(img.model, p.ref.familiar);
  // the image's ENV under the -e/--env-file values (Docker merges them, the container's own win)
  for (const [k, v] of Object.entries(model.env ?? {})) if (!(k in env)) env[k] = v;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const startMs = ctx.world.nowMs;
  let clock = startMs;
  const world = ctx.world;
  let foreground = !detach;
  const logs: string[] = [];
  const c: WorkstationContainer = {
    id, name: cname,
    image: p.ref.short, command: [...model.entrypoint, ...(cmdArgs.length ? cmdArgs : model.cmd)].join(' '),
    createdMs: startMs, ports, listening: new Set(), process: undefined, exited: undefined,
    http(port, req) { return c.exited === undefined && c.listening.has(port) ? c.process?.http?.(port, req) : undefined; },
    logs,
    stop(signal = 'SIGTERM') {
      if (c.exited !== undefined) return;
      c.process?.terminate(signal);
      runTimers(clock + 10_000);
      if (c.exited === undefined) { c.exited = 137; c.exitedMs = world.nowMs; }
    },
    kill() { if (c.exited === undefined) { c.exited = 137; c.exitedMs = world.nowMs; } },
  };
  const host: ProcessHost = {
    now: () => clock,
    log: (line) => { logs.push(line); if (foreground) ctx.later(line + '\n'); },
    exit: (code) => { c.exited = code; c.exitedMs = world.nowMs; },
    after: (ms, fn) => { timers.push({ at: clock + ms, fn }); },
    setMemory: () => {},
    listen: (port) => { c.listening.add(port); },
    request: () => ({ ok: false, curlExit: 6, error: 'curl: (6) Could not resolve host' }),
    env, argv: [...model.entrypoint, ...(cmdArgs.length ? cmdArgs : model.cmd)], podName: id.slice(0, 12), namespace: 'default', podIP: '172.17.0.2',
  };
  function runTimers(until: number) {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > until || c.exited !== undefined) break;
      timers.shift();
      clock = Math.max(clock, t.at);
      t.fn();
    }
    clock = Math.max(clock, Math.min(until, Math.max(clock, until)));
  }
  c.process = model.start(host);
  world.containers.push(c);
  if (detach) { ctx.io.out(id + '\n'); foreground = false; }
  // the start-up moments happen at once, so the first log lines show before the prompt returns
  const saveLater = ctx.later;
  void saveLater;
  runTimers(startMs + STARTUP_MS);
  const off = world.onTick((now) => runTimers(now + STARTUP_MS));
  if (detach) return 0;
  if (c.exited !== undefined) { off(); return c.exited; }
  return {
    longRunning: true,
    stop(sig) { c.stop(sig === 'INT' ? 'SIGINT' : 'SIGTERM'); off(); foreground = false; },
    get ended() { return c.exited !== undefined ? { exitCode: c.exited } : undefined; },
  };
}
