/**
 * Behaviour models: what a container started from a given image does. A model is an
 * event-driven "process" that the kubelet runs on the virtual clock: it logs, listens on
 * ports, uses memory, answers HTTP requests, and exits (by itself or on a signal).
 */
import type { Millis } from '../clock/index';
import { rfc3339 } from '../clock/index';

export interface HttpRequest {
  method: string;
  /** path plus query, e.g. `/api/recommend?q=mecha` */
  path: string;
  headers: Record<string, string>;
  /** Remote address as the process sees it. */
  remoteAddr: string;
  body?: string;
}
export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}
export interface ExecResult { stdout: string; stderr: string; exitCode: number }

/** What the kubelet gives a running process. */
export interface ProcessHost {
  now(): Millis;
  log(line: string, stream?: 'stdout' | 'stderr'): void;
  /** The process ends by itself with this exit code. */
  exit(code: number): void;
  /** Runs `fn` after `ms` of virtual time unless the process has ended. */
  after(ms: number, fn: () => void): void;
  /** Resident memory; the kubelet OOM-kills the container when it exceeds the memory limit. */
  setMemory(bytes: number): void;
  listen(port: number, protocol?: 'TCP' | 'UDP'): void;
  /** An HTTP request from inside the pod (curl images); resolved by the cluster network. */
  request(url: string, opts: { method?: string; headers?: Record<string, string>; timeoutMs?: number }): OutboundResult;
  readonly env: Readonly<Record<string, string>>;
  /** Effective argv: command (or the image entrypoint) followed by args (or the image CMD). */
  readonly argv: readonly string[];
  readonly podName: string;
  readonly namespace: string;
  readonly podIP: string;
}

export type OutboundResult =
  | { ok: true; response: HttpResponse; remote: string }
  | { ok: false; curlExit: number; error: string };

export interface Process {
  /** HTTP on a listening port (the network checks the port is listened on first). */
  http?(port: number, req: HttpRequest): HttpResponse;
  exec?(argv: string[]): ExecResult;
  /** SIGTERM (the kubelet, docker stop) or SIGINT (Ctrl-C on a foreground `docker run`): most processes exit
   *  shortly after; some ignore it until SIGKILL. */
  terminate(signal?: 'SIGTERM' | 'SIGINT'): void;
}

export interface ImageModel {
  name: string;
  /** Image ENTRYPOINT and CMD. */
  entrypoint: string[];
  cmd: string[];
  /** Ports the image EXPOSEs (informational). */
  exposed: number[];
  /** The image's ENV: the runtime puts these in every container's environment (the container's own env wins). */
  env?: Record<string, string>;
  start(host: ProcessHost): Process;
}

export const MiB = 1024 * 1024;

export function response(status: number, body: string, contentType = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): HttpResponse {
  return { status, statusText: STATUS_TEXT[status] ?? '', headers: { 'Content-Type': contentType, 'Content-Length': String(utf8Length(body)), ...extra }, body };
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Common exec commands every Linux image answers (env, hostname, cat /etc/resolv.conf …). */
export function baseExec(host: ProcessHost, argv: string[]): ExecResult | undefined {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'env':
    case 'printenv': {
      if (cmd === 'printenv' && rest.length > 0) {
        // every named variable that is set, one per line; exit 1 when any is not (GNU/busybox printenv)
        const vals = rest.map((n) => host.env[n]);
        return { stdout: vals.filter((v) => v !== undefined).map((v) => v + '\n').join(''), stderr: '', exitCode: vals.every((v) => v !== undefined) ? 0 : 1 };
      }
      const lines = Object.entries(host.env).map(([k, v]) => `${k}=${v}`);
      return { stdout: lines.join('\n') + '\n', stderr: '', exitCode: 0 };
    }
    case 'hostname':
      return { stdout: host.podName + '\n', stderr: '', exitCode: 0 };
    case 'echo':
      return { stdout: rest.join(' ') + '\n', stderr: '', exitCode: 0 };
    case 'true':
      return { stdout: '', stderr: '', exitCode: 0 };
    case 'false':
      return { stdout: '', stderr: '', exitCode: 1 };
    case 'cat':
      if (rest[0] === '/etc/resolv.conf') {
        return {
          stdout: `nameserver 10.96.0.10\nsearch ${host.namespace}.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n`,
          stderr: '', exitCode: 0,
        };
      }
      if (rest[0] === '/etc/hostname') return { stdout: host.podName + '\n', stderr: '', exitCode: 0 };
      return { stdout: '', stderr: `cat: can't open '${rest[0] ?? ''}': No such file or directory\n`, exitCode: 1 };
    default:
      return undefined;
  }
}

export function notFoundExec(argv: string[]): ExecResult {
  // The runtime's message when the binary does not exist (docker exec / cri-dockerd) [M].
  return {
    stdout: '',
    stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown\n`,
    exitCode: 126,
  };
}

