/**
 * The behaviour models of the images the simulator knows (nginx, busybox, curlimages/curl,
 * node, python, llmops-app). Shared types live in process.ts.
 */
import type { Millis } from '../clock/index';
import { rfc3339 } from '../clock/index';
import { LLMOPS_APP } from './llmops-app';
import { MiB, baseExec, notFoundExec, response, utf8Length, type ExecResult, type ImageModel, type ProcessHost } from './process';

export * from './process';

/** `2025/09/15 15:52:30` as nginx error logs print times. */
function nginxTime(ms: Millis): string {
  return rfc3339(ms).replace('T', ' ').replace('Z', '').replace(/-/g, '/');
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `15/Sep/2025:15:52:40 +0000` as nginx access logs print times. */
function clfTime(ms: Millis): string {
  const s = rfc3339(ms);
  return `${s.slice(8, 10)}/${MONTHS[+s.slice(5, 7) - 1]}/${s.slice(0, 4)}:${s.slice(11, 19)} +0000`;
}

// ------------------------------------------------------------------------------------ nginx
const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

const nginx: ImageModel = {
  name: 'nginx',
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  exposed: [80],
  start(host) {
    const t = host.now();
    for (const l of [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ]) host.log(l);
    host.log(`${nginxTime(t)} [notice] 1#1: using the "epoll" event method`, 'stderr');
    host.log(`${nginxTime(t)} [notice] 1#1: start worker processes`, 'stderr');
    host.setMemory(9 * MiB);
    host.after(80, () => host.listen(80));
    return {
      http(_port, req) {
        const path = req.path.split('?')[0] ?? '/';
        const res = path === '/' || path === '/index.html'
          ? response(200, NGINX_INDEX, 'text/html', { Server: 'nginx/1.27.5' })
          : response(404, '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n', 'text/html', { Server: 'nginx/1.27.5' });
        host.log(`${req.remoteAddr} - - [${clfTime(host.now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${utf8Length(res.body)} "-" "${req.headers['User-Agent'] ?? '-'}" "-"`);
        return res;
      },
      exec: (argv) => baseExec(host, argv) ?? notFoundExec(argv),
      terminate() {
        host.log(`${nginxTime(host.now())} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`, 'stderr');
        host.after(100, () => host.exit(0));
      },
    };
  },
};

// ------------------------------------------------------------------------------------ busybox / shell
/**
 * A tiny `sh -c` interpreter for the commands learners give busybox: `echo`, `sleep N`,
 * `while true; do …; sleep N; done`, `exit N`, joined with `;` or `&&`.
 */
function runScript(host: ProcessHost, script: string, done: (code: number) => void): void {
  const loop = /^\s*while\s+true\s*;\s*do\s+(.*?)\s*;?\s*done\s*$/s.exec(script);
  const steps = loop ? splitSteps(loop[1]!) : splitSteps(script);
  let i = 0;
  const next = (): void => {
    if (i >= steps.length) {
      if (loop && steps.length > 0) { i = 0; host.after(0, next); return; }
      done(0);
      return;
    }
    const step = steps[i++]!.trim();
    const words = step.split(/\s+/).filter(Boolean);
    const [cmd, ...rest] = words;
    if (!cmd) return next();
    if (cmd === 'sleep') {
      const n = Number(rest[0] ?? '0');
      if (!Number.isFinite(n) || n < 0) { host.log(`sleep: invalid number '${rest[0] ?? ''}'`, 'stderr'); done(1); return; }
      host.after(n * 1000, next);
      return;
    }
    if (cmd === 'exit') { done(Number(rest[0] ?? '0') || 0); return; }
    if (cmd === 'echo') { host.log(rest.join(' ').replace(/^["']|["']$/g, '')); return next(); }
    if (cmd === 'date') { host.log(rfc3339(host.now())); return next(); }
    if (cmd === 'true' || cmd === ':') return next();
    if (cmd === 'false') { done(1); return; }
    const r = baseExec(host, words);
    if (r) { if (r.stdout) host.log(r.stdout.replace(/\n$/, '')); if (r.stderr) host.log(r.stderr.replace(/\n$/, ''), 'stderr'); return next(); }
    host.log(`sh: ${cmd}: not found`, 'stderr');
    done(127);
  };
  next();
}

function splitSteps(s: string): string[] {
  return s.split(/;|&&|\n/).map((x) => x.trim()).filter(Boolean);
}

const busybox: ImageModel = {
  name: 'busybox',
  entrypoint: [],
  cmd: ['sh'],
  exposed: [],
  start(host) {
    host.setMemory(1 * MiB);
    const argv = [...host.argv];
    const finish = (code: number): void => host.after(5, () => host.exit(code));
    if (argv.length === 0 || ((argv[0] === 'sh' || argv[0] === '/bin/sh') && argv.length === 1)) {
      // No TTY and no stdin: the shell reads EOF and exits 0 at once.
      finish(0);
    } else if ((argv[0] === 'sh' || argv[0] === '/bin/sh') && argv[1] === '-c') {
      runScript(host, argv.slice(2).join(' '), finish);
    } else {
      runScript(host, argv.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' '), finish);
    }
    return {
      exec: (a) => baseExec(host, a) ?? (a[0] === 'wget' || a[0] === 'nslookup' ? { stdout: '', stderr: `${a[0]}: not modelled in this simulator\n`, exitCode: 1 } : notFoundExec(a)),
      // PID 1 shells ignore SIGTERM (no handler installed), so they run until SIGKILL.
      terminate() {},
    };
  },
};

// ------------------------------------------------------------------------------------ curl
/** Parses the curl flags the lessons use: -s -S -i -I -v -m N --max-time N --connect-timeout N -X M -H h. */
export interface CurlArgs {
  url?: string; silent: boolean; include: boolean; head: boolean; verbose: boolean; maxTimeMs?: number; method: string; headers: Record<string, string>; error?: string;
  /** -d/--data/--data-raw/--data-binary/--json values in order (curl joins them with `&`; `@file` is read by the caller) */
  data?: string[];
  /** --json: Content-Type and Accept application/json */
  json?: boolean;
  /** -X was given (it wins over the POST that -d implies) */
  explicitMethod?: boolean;
  /** the time limit came from --connect-timeout alone (curl words its expiry differently from -m) */
  connectTimeoutOnly?: boolean;
}
export function parseCurlArgs(args: readonly string[]): CurlArgs {
  const out: CurlArgs = { silent: false, include: false, head: false, verbose: false, method: 'GET', headers: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const dataFlag = /^(-d|--data|--data-raw|--data-binary|--data-ascii|--json)(?:=(.*))?$/s.exec(a) ?? (/^-d(.+)$/s.exec(a) ? ['', '-d', a.slice(2)] : null);
    if (dataFlag) {
      const v = dataFlag[2] ?? args[++i];
      if (v === undefined) { out.error = `curl: option ${dataFlag[1]}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information`; continue; }
      (out.data ??= []).push(v);
      if (dataFlag[1] === '--json') out.json = true;
      if (!out.explicitMethod) out.method = 'POST';
      continue;
    }
    if (a === '-s' || a === '--silent') out.silent = true;
    else if (a === '-S' || a === '--show-error' || a === '-f' || a === '--fail' || a === '-L' || a === '--location' || a === '-k') { /* accepted */ }
    else if (a === '-i' || a === '--include') out.include = true;
    else if (a === '-I' || a === '--head') { out.head = true; out.method = 'HEAD'; }
    else if (a === '-v' || a === '--verbose') out.verbose = true;
    else if (a === '-m' || a === '--max-time') { out.maxTimeMs = Number(args[++i]) * 1000; out.connectTimeoutOnly = false; }
    else if (a === '--connect-timeout') { const ms = Number(args[++i]) * 1000; if (out.maxTimeMs === undefined || ms < out.maxTimeMs) { out.maxTimeMs = ms; out.connectTimeoutOnly ??= true; } }
    else if (a === '-X' || a === '--request') { out.method = args[++i] ?? 'GET'; out.explicitMethod = true; }
    else if (a === '-H' || a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) out.headers[h.slice(0, c).trim()] = h.slice(c + 1).trim();
    } else if (/^-[sSiIvfLk]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 's') out.silent = true;
        if (ch === 'i') out.include = true;
        if (ch === 'I') { out.head = true; out.method = 'HEAD'; }
        if (ch === 'v') out.verbose = true;
      }
    } else if (a.startsWith('-')) {
      out.error = `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`;
    } else out.url = a;
  }
  return out;
}

export const CURL_VERSION = '8.16.0';

const curl: ImageModel = {
  name: 'curl',
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl'],
  exposed: [],
  start(host) {
    host.setMemory(4 * MiB);
    let argv = [...host.argv];
    if (argv[0] === '/entrypoint.sh') argv = argv.slice(1);
    if (argv[0] === 'curl') argv = argv.slice(1);
    else if (argv.length > 0 && argv[0] !== undefined && !argv[0].startsWith('-') && !/^https?:|\./.test(argv[0])) {
      // Another command (e.g. `sleep 3600`): the entrypoint runs it as a shell command.
      runScript(host, argv.join(' '), (code) => host.after(5, () => host.exit(code)));
      return { exec: (a) => (a[0] === 'curl' ? curlExec(host, a.slice(1)) : baseExec(host, a) ?? notFoundExec(a)), terminate() {} };
    }
    const r = curlExec(host, argv);
    if (r.stdout) host.log(r.stdout.replace(/\n$/, ''));
    if (r.stderr) host.log(r.stderr.replace(/\n$/, ''), 'stderr');
    host.after(30, () => host.exit(r.exitCode));
    return { exec: (a) => (a[0] === 'curl' ? curlExec(host, a.slice(1)) : baseExec(host, a) ?? notFoundExec(a)), terminate() {} };
  },
};

/** Runs curl inside a pod and renders its output (stdout body, stderr errors) like curl 8.x. */
export function curlExec(host: Pick<ProcessHost, 'request'>, args: readonly string[]): ExecResult {
  const c = parseCurlArgs(args);
  if (c.error) return { stdout: '', stderr: c.error + '\n', exitCode: 2 };
  if (!c.url) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const r = host.request(c.url, { method: c.method, headers: { 'User-Agent': `curl/${CURL_VERSION}`, Accept: '*/*', ...c.headers }, ...(c.maxTimeMs !== undefined ? { timeoutMs: c.maxTimeMs } : {}) });
  if (!r.ok) return { stdout: '', stderr: r.error + '\n', exitCode: r.curlExit };
  let stdout = '';
  if (c.include || c.head) {
    stdout += `HTTP/1.1 ${r.response.status} ${r.response.statusText}\r\n`;
    for (const [k, v] of Object.entries(r.response.headers)) stdout += `${k}: ${v}\r\n`;
    stdout += '\r\n';
  }
  if (!c.head) stdout += r.response.body;
  return { stdout, stderr: '', exitCode: 0 };
}

// ------------------------------------------------------------------------------------ generic runtimes
/** node / python base images: with no command they start an interpreter that exits at once without a TTY. */
function interpreter(name: string, entry: string[]): ImageModel {
  return {
    name,
    entrypoint: [],
    cmd: entry,
    exposed: [],
    start(host) {
      host.setMemory(name === 'node' ? 40 * MiB : 12 * MiB);
      const argv = host.argv;
      if (argv[0] === 'sleep' || argv[0] === 'sh') runScript(host, argv[0] === 'sh' ? argv.slice(2).join(' ') : argv.join(' '), (c) => host.exit(c));
      else host.after(200, () => host.exit(0));
      return { exec: (a) => baseExec(host, a) ?? notFoundExec(a), terminate() { host.after(10, () => host.exit(143)); } };
    },
  };
}

export const MODELS: Record<string, ImageModel> = {
  nginx,
  busybox,
  curl,
  node: interpreter('node', ['node']),
  python: interpreter('python', ['python3']),
  'llmops-app': LLMOPS_APP,
};

/** The model for an image reference: by image record first, then by repository name. */
export function modelFor(modelName: string | undefined, familiar: string): ImageModel {
  if (modelName && MODELS[modelName]) return MODELS[modelName]!;
  const base = familiar.split('/').pop() ?? familiar;
  if (MODELS[base]) return MODELS[base]!;
  if (familiar === 'curlimages/curl') return curl;
  // Unknown local images behave like a generic long-running server that logs nothing.
  return {
    name: 'generic',
    entrypoint: [],
    cmd: [],
    exposed: [],
    start(host) {
      host.setMemory(20 * MiB);
      return { exec: (a) => baseExec(host, a) ?? notFoundExec(a), terminate() { host.after(50, () => host.exit(0)); } };
    },
  };
}

