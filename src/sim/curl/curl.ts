// curl 8.5 (Ubuntu 24.04's) on the workstation: reaches port-forwards and `docker run -p` ports on localhost,
// NodePorts on the minikube IP and LoadBalancer IPs while `minikube tunnel` runs, through the cluster network
// model. Error lines and exit codes as curl prints them (kubectl-layouts.md §7).
import type { Ctx, Program } from '../shell/types';
import { parseCurlArgs } from '../images/models';
import { parseUrl, type NetResult } from '../net/index';
import type { HttpResponse } from '../images/process';
import { httpDate } from '../shell/time';
import { utf8Bytes } from '../api/base64';

export const CURL_VERSION = '8.5.0';
const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '::1']);

interface Outcome { ok: boolean; response?: HttpResponse; curlExit: number; curlError: string; ip: string }

function resolveIp(host: string): string {
  return host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, '');
}

function request(ctx: Ctx, url: string, method: string, headers: Record<string, string>, timeoutMs: number | undefined, body?: string): Outcome {
  const u = parseUrl(url);
  if (!u) return { ok: false, curlExit: 3, curlError: `curl: (3) URL rejected: Malformed input to a URL function`, ip: '' };
  if (u.scheme === 'https') {
    // nothing in this course serves TLS to the workstation; the app speaks plain HTTP
    if (LOCAL.has(u.host)) {
      const fwd = ctx.world.portForwards.get(u.port) ?? ctx.world.containers.find((c) => c.exited === undefined && c.ports.some((p) => p.host === u.port));
      if (fwd) return { ok: false, curlExit: 35, curlError: 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number', ip: '127.0.0.1' };
    }
  }
  // docker run -p on the workstation
  if (LOCAL.has(u.host)) {
    const c = ctx.world.containers.find((x) => x.exited === undefined && x.ports.some((p) => p.host === u.port));
    if (c) {
      const pm = c.ports.find((p) => p.host === u.port)!;
      const res = c.http(pm.container, { method, path: u.path, headers: { Host: `${u.host}:${u.port}`, ...headers }, remoteAddr: '172.17.0.1', ...(body !== undefined ? { body } : {}) });
      if (!res) return { ok: false, curlExit: 56, curlError: 'curl: (56) Recv failure: Connection reset by peer', ip: '127.0.0.1' };
      return { ok: true, response: res, curlExit: 0, curlError: '', ip: '127.0.0.1' };
    }
  }
  const cluster = ctx.world.minikube === 'running' ? ctx.world.cluster : undefined;
  if (cluster) {
    // `body` reaches the process once the network model forwards it (NetRequest has no body field yet)
    const req = { from: { kind: 'workstation' as const }, url, method, headers, ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(body !== undefined ? { body } : {}) };
    const r: NetResult = cluster.request(req);
    if (r.trace.some((h) => h.kind === 'port-forward')) ctx.world.portForwards.get(u.port)?.onConnection();
    return { ok: r.ok, ...(r.response ? { response: r.response } : {}), curlExit: r.curlExit, curlError: r.curlError, ip: resolveIp(u.host) };
  }
  // no cluster: nothing listens locally; the minikube IP does not answer; other names do not resolve offline
  if (LOCAL.has(u.host)) return { ok: false, curlExit: 7, curlError: `curl: (7) Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`, ip: '127.0.0.1' };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(u.host)) {
    if (timeoutMs !== undefined) return { ok: false, curlExit: 28, curlError: `curl: (28) Connection timed out after ${timeoutMs + 1} milliseconds`, ip: u.host };
    return { ok: false, curlExit: 7, curlError: `curl: (7) Failed to connect to ${u.host} port ${u.port} after 3074 ms: Couldn't connect to server`, ip: u.host };
  }
  return { ok: false, curlExit: 6, curlError: `curl: (6) Could not resolve host: ${u.host}`, ip: '' };
}

export const curl: Program = (argv, ctx) => {
  const args = argv.slice(1);
  if (args.includes('--version') || args.includes('-V')) {
    ctx.io.out(`curl ${CURL_VERSION} (x86_64-pc-linux-gnu) libcurl/${CURL_VERSION} OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7\nRelease-Date: 2023-12-06\n`);
    return 0;
  }
  // -o FILE and -w FORMAT are handled here; the rest of the flags by the shared curl parser
  let outFile: string | undefined;
  let writeOut: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') outFile = args[++i];
    else if (a === '-w' || a === '--write-out') writeOut = args[++i];
    else if (a.startsWith('--output=')) outFile = a.slice(9);
    else if (a.startsWith('--write-out=')) writeOut = a.slice(12);
    else rest.push(a);
  }
  const c = parseCurlArgs(rest);
  if (c.error) { ctx.io.err(c.error + '\n'); return 2; }
  if (!c.url) { ctx.io.err("curl: try 'curl --help' or 'curl --manual' for more information\n"); return 2; }
  const u = parseUrl(c.url);
  // request body: -d values joined with `&` (`@file` reads the file, newlines dropped as curl -d does), --json
  let reqBody: string | undefined;
  if (c.data) {
    const parts: string[] = [];
    for (const d of c.data) {
      if (d.startsWith('@')) {
        const t = ctx.world.vfs.read(ctx.resolve(d.slice(1)));
        if (t === undefined) { ctx.io.err(`Warning: Couldn't read data from file "${d.slice(1)}", this makes an empty\nWarning: POST.\n`); parts.push(''); continue; }
        parts.push(c.json ? t : t.replace(/[\r\n]/g, ''));
      } else parts.push(d);
    }
    reqBody = parts.join('&');
  }
  // header order as curl sends it (reproduced with curl 7.88 -v): User-Agent, Accept unless given, the -H headers
  // (--json adds Content-Type then Accept as -H would), then Content-Length, then the default Content-Type of -d
  const custom: Record<string, string> = c.json ? { 'Content-Type': 'application/json', Accept: 'application/json', ...c.headers } : { ...c.headers };
  const has = (name: string) => Object.keys(custom).some((k) => k.toLowerCase() === name.toLowerCase());
  const headers: Record<string, string> = { 'User-Agent': `curl/${CURL_VERSION}`, ...(has('accept') ? {} : { Accept: '*/*' }), ...custom };
  if (reqBody !== undefined) {
    headers['Content-Length'] = String(utf8Bytes(reqBody).length);
    if (!has('content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const r = request(ctx, c.url, c.method, headers, c.maxTimeMs, reqBody);
  // --connect-timeout expiring while the SYN is unanswered: `Failed to connect to H port P after N ms: Timeout was
  // reached` (kubectl-layouts §7.1); -m expiring then: `Connection timed out after N milliseconds`
  const timedOut = /^curl: \(28\) Connection timed out after (\d+) milliseconds$/.exec(r.curlError);
  if (c.connectTimeoutOnly && timedOut && u) r.curlError = `curl: (28) Failed to connect to ${u.host} port ${u.port} after ${Number(timedOut[1]) + 1} ms: Timeout was reached`;
  const verbose = c.verbose;
  if (verbose && u) {
    ctx.io.err(`*   Trying ${r.ip || u.host}:${u.port}...\n`);
    if (r.ok || r.curlExit === 52 || r.curlExit === 56) {
      ctx.io.err(`* Connected to ${u.host} (${r.ip || u.host}) port ${u.port}\n> ${c.method} ${u.path} HTTP/1.1\n> Host: ${u.host}:${u.port}\n${Object.entries(headers).map(([k, v]) => `> ${k}: ${v}\n`).join('')}> \n`);
    }
  }
  if (!r.ok || !r.response) {
    if (verbose && u) {
      // `localhost` resolves to 127.0.0.1 and then ::1 (curl's built-in localhost); after a refusal curl tries the
      // next address before giving up (reproduced with curl 7.88: `connect to 127.0.0.1 … failed` / `Trying [::1]` /
      // `connect to ::1 … failed`; 8.x adds `from <addr> port <n>` to those lines)
      if (r.curlExit === 7) {
        const port = ctx.world.rng.int(33000, 60000);
        let t = `* connect to ${r.ip} port ${u.port} from ${r.ip === '127.0.0.1' ? '127.0.0.1' : '192.168.49.1'} port ${port} failed: Connection refused\n`;
        if (u.host === 'localhost') t += `*   Trying [::1]:${u.port}...\n* connect to ::1 port ${u.port} from ::1 port ${port + 1} failed: Connection refused\n`;
        ctx.io.err(t + `* Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server\n* Closing connection\n`);
      }
      else if (r.curlExit !== 6) ctx.io.err(`* Closing connection\n`);
    }
    if (writeOut !== undefined) ctx.io.out(writeOut.replace(/%\{http_code\}|%\{response_code\}/g, '000').replace(/%\{size_download\}/g, '0').replace(/\\n/g, '\n'));
    if (!c.silent || args.some((a) => a === '-S' || a === '--show-error' || /^-[a-zA-Z]*S/.test(a))) ctx.io.err(r.curlError + '\n');
    return r.curlExit;
  }
  const res = r.response;
  const headLines = [`HTTP/1.1 ${res.status} ${res.statusText}`, ...Object.entries({ ...res.headers, Date: res.headers.Date ?? httpDate(ctx.world.nowMs) }).map(([k, v]) => `${k}: ${v}`)];
  if (verbose) ctx.io.err(headLines.map((l) => `< ${l}\n`).join('') + '< \n');
  let body = '';
  if (c.include || c.head) body += headLines.join('\n') + '\n\n';
  if (!c.head) body += res.body;
  if (outFile === undefined || outFile === '-') ctx.io.out(body);
  else if (outFile !== '/dev/null') ctx.world.vfs.write(ctx.resolve(outFile), body);
  if (writeOut !== undefined) {
    ctx.io.out(writeOut.replace(/%\{http_code\}|%\{response_code\}/g, String(res.status)).replace(/%\{size_download\}/g, String(utf8Bytes(res.body).length)).replace(/\\n/g, '\n'));
  }
  if (verbose) ctx.io.err(`* Connection #0 to host ${u?.host ?? ''} left intact\n`);
  if (!c.silent && (!ctx.stdoutIsTty || (outFile !== undefined && outFile !== '-')) && !verbose) {
    // curl shows its progress meter on stderr when the output goes to a pipe or a file
    const n = utf8Bytes(res.body).length;
    ctx.io.err(`  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${String(n).padStart(5)}  100 ${String(n).padStart(5)}    0     0   ${String(Math.max(1, Math.round(n / 2.1))).padStart(4)}k      0 --:--:-- --:--:-- --:--:--  ${String(Math.max(1, Math.round(n / 1.3))).padStart(4)}k\n`);
  }
  if (args.includes('-f') || args.includes('--fail')) {
    if (res.status >= 400) { if (!c.silent) ctx.io.err(`curl: (22) The requested URL returned error: ${res.status}\n`); return 22; }
  }
  return 0;
};
