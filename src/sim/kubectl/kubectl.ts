// kubectl 1.34 over the simulated cluster. The command table (table.ts) parses; this file checks that the API
// server is reachable (kubectl before `minikube start` fails as the real one does) and dispatches.
import type { Ctx, Program, ProgramResult } from '../shell/types';
import { parseKubectl, helpText, type Parsed } from './table';
import { GROUP_HELP } from './group-help';
import { cmdPatch } from './patch';
import { cmdEvents } from './events';
import { OPTIONS_TEXT } from './help-texts';
import { klogTime } from '../shell/time';
import { cmdGet, ENDPOINTS_WARNING } from './get';
import { resolveResourceType } from '../api/registry';
import { cmdDescribe } from './describe';
import { cmdApply, cmdCreate, cmdReplace, cmdDelete, cmdScale, cmdSetImage, cmdLabel, cmdRollout, cmdExpose, cmdEdit } from './mutate';
import { cmdLogs, cmdExec, cmdPortForward, cmdRun, cmdWait } from './pods';
import { cmdVersion, cmdClusterInfo, cmdConfig, cmdApiResources, cmdExplain, cmdTop } from './info';

export const KUBECTL_CLIENT_VERSION = 'v1.34.1';
export const KUSTOMIZE_VERSION = 'v5.7.1';

export interface Kctx extends Ctx {
  p: Parsed;
  ns: string;
  flag(name: string): string | undefined;
  bool(name: string): boolean;
  list(name: string): string[];
}

/**
 * What kubectl prints when no API server answers (reproduced command by command with the kubectl 1.32 client and no
 * kubeconfig): discovery's memcache.go lines — how many depends on the command (5 for the builder commands, 4 for
 * logs/exec/port-forward/rollout/set/wait, 2 for explain, 1 for run, none for top or create namespace) — then
 * "The connection … was refused"; the create generators and apply/create -f fail on their first request instead.
 */
export function connectionRefused(ctx: Ctx, p?: Parsed): void {
  const w = ctx.world;
  const stopped = w.kubeContext !== undefined;
  const base = stopped ? 'https://192.168.49.2:8443' : 'http://localhost:8080';
  const url = `${base}/api?timeout=32s`;
  const dial = stopped ? 'dial tcp 192.168.49.2:8443: connect: connection refused' : 'dial tcp [::1]:8080: connect: connection refused';
  const refused = `The connection to the server ${stopped ? '192.168.49.2:8443' : 'localhost:8080'} was refused - did you specify the right host or port?\n`;
  const path = p?.path ?? [];
  const top = path[0] ?? '';
  const flagList = (n: string): string[] => { const v = p?.flags.get(n); return Array.isArray(v) ? v : typeof v === 'string' ? [v] : []; };
  const files = flagList('filename');
  const ns = (p?.flags.get('namespace') as string | undefined) ?? 'default';
  const post = (what: string, colon: boolean, apiPath: string) =>
    `error: failed to create ${what}${colon ? ':' : ''} Post "${base}${apiPath}?fieldManager=kubectl-create&fieldValidation=Strict": ${dial}\n`;
  let memcache = 5;
  let tail = refused;
  let before = '';
  // the files are read before anything is sent: a missing path fails first, as with a cluster
  const missing = files.find((f) => f !== '-' && !/^https?:\/\//.test(f) && !w.vfs.isFile(ctx.resolve(f)) && !w.vfs.isDir(ctx.resolve(f)));
  if (['apply', 'create', 'delete', 'replace'].includes(top) && missing !== undefined) { ctx.io.err(`error: the path "${missing}" does not exist\n`); return; }
  if ((top === 'apply' || (top === 'create' && path.length === 1)) && files.length) {
    const src = files[0] === '-' ? 'STDIN' : files[0];
    ctx.io.err(`error: error validating "${src}": error validating data: failed to download openapi: Get "${base}/openapi/v2?timeout=32s": ${dial}; if you choose to ignore these errors, turn validation off with --validate=false\n`);
    return;
  }
  if (top === 'create' && path[1] === 'deployment') { ctx.io.err(post('deployment', true, `/apis/apps/v1/namespaces/${ns}/deployments`)); return; }
  if (top === 'create' && path[1] === 'secret') { ctx.io.err(post('secret', false, `/api/v1/namespaces/${ns}/secrets`)); return; }
  if (top === 'create' && path[1] === 'configmap') { ctx.io.err(post('configmap', true, `/api/v1/namespaces/${ns}/configmaps`)); return; }
  if (top === 'create' && path[1] === 'service' && path[2]) {
    const t = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' }[path[2]] ?? path[2];
    ctx.io.err(post(`${t} service`, true, `/api/v1/namespaces/${ns}/services`)); return;
  }
  if (top === 'delete' && files.length) { memcache = 1; tail = `error: unable to recognize "${files[0] === '-' ? 'STDIN' : files[0]}": Get "${url}": ${dial}\n`; }
  else if (['logs', 'exec', 'port-forward', 'rollout', 'set', 'wait'].includes(top)) memcache = 4;
  else if (top === 'explain') memcache = 2;
  else if (top === 'run' || top === 'api-resources') memcache = 1;
  else if (top === 'top' || top === 'version' || (top === 'create' && path[1] === 'namespace')) memcache = 0;
  if (top === 'api-resources') before = 'NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n';
  if (top === 'cluster-info') before = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  const pid = w.nextPid();
  let out = '';
  for (let i = 0; i < memcache; i++) {
    out += `E${klogTime(w.nowMs + i * 2)}   ${String(pid).padStart(5)} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"${url}\\": ${dial}"\n`;
  }
  ctx.io.err(out);
  if (before) ctx.io.out(before);
  ctx.io.err(tail);
}

/**
 * The kubernetes.io/change-cause value `--record` writes (genericclioptions RecordFlags parseCommandArguments): the
 * command path, its arguments, then every flag given as --name=value, e.g.
 * `kubectl set image deployment/web nginx=nginx:1.27 --record=true`.
 */
export function changeCause(p: Parsed): string {
  let flags = '';
  for (const [name, v] of p.flags) {
    for (const one of Array.isArray(v) ? v : [v]) flags += ` --${name}=${one === true ? 'true' : one === false ? 'false' : one}`;
  }
  return ['kubectl', ...p.path, ...p.args].join(' ') + flags;
}

function touchesEndpoints(args: string[]): boolean {
  const types = args.some((a) => a.includes('/')) ? args.filter((a) => a.includes('/')).map((a) => a.slice(0, a.indexOf('/'))) : (args[0] ?? '').split(',');
  return types.some((t) => resolveResourceType(t)?.kind === 'Endpoints');
}

export function clusterUp(ctx: Ctx): boolean {
  return ctx.world.minikube === 'running' && ctx.world.cluster !== undefined && ctx.world.kubeContext !== undefined;
}

const CLIENT_ONLY = new Set(['config', 'version']);

/** kubectl 1.34's other commands (`kubectl --help`). */
const NOT_SIMULATED = new Set(['alpha', 'api-versions', 'attach', 'auth', 'autoscale', 'certificate', 'completion', 'cordon', 'cp', 'debug', 'diff', 'drain', 'kustomize', 'plugin', 'proxy', 'taint', 'uncordon']);

/** cmd.MarkFlagRequired in kubectl 1.34: scale.go (replicas), run.go (image), create_deployment.go (image). */
const REQUIRED_FLAGS: Record<string, string> = { scale: 'replicas', run: 'image', 'create deployment': 'image' };

export const kubectl: Program = (argv, ctx): ProgramResult => {
  if (argv[1] === 'options' && argv.length === 2) { ctx.io.out(OPTIONS_TEXT); return 0; }
  // commands kubectl 1.34 has but this lab does not model: say so rather than claim they do not exist
  if (argv[1] !== undefined && NOT_SIMULATED.has(argv[1])) {
    ctx.io.err(`error: "kubectl ${argv[1]}" exists in kubectl 1.34 but is not simulated in this lab\n`);
    return 1;
  }
  const r = parseKubectl(argv.slice(1));
  if (!r.ok) { ctx.io.err(r.error + '\n'); return 1; }
  const p = r.parsed;
  // pflag's MarkDeprecated: the flag still works and the warning comes first
  if (p.flags.has('record')) ctx.io.err('Flag --record has been deprecated, --record will be removed in the future\n');
  if (p.flags.get('help') === true || p.path.length === 0) {
    if (p.path.length === 0 && p.args.length === 0 && p.flags.get('help') !== true && argv.length > 1) {
      ctx.io.err(helpText(p.spec, p.path));
      return 1;
    }
    ctx.io.out(helpText(p.spec, p.path));
    return 0;
  }
  if (p.spec.sub?.length && !p.spec.args) {
    // a group without its subcommand: cmdutil.DefaultSubCommandRun prints the group's help and exits 1
    const real = GROUP_HELP[p.path.join(' ')];
    if (real) { ctx.io.out(real); return 1; }
    ctx.io.out(helpText(p.spec, p.path));
    return 0;
  }
  // cobra checks MarkFlagRequired flags after parsing, before the command runs (and before any server request)
  const required = REQUIRED_FLAGS[p.path.join(' ')];
  if (required && !p.flags.has(required)) { ctx.io.err(`error: required flag(s) "${required}" not set\n`); return 1; }
  const k: Kctx = {
    ...ctx, p,
    ns: (p.flags.get('namespace') as string | undefined) ?? 'default',
    flag: (n) => { const v = p.flags.get(n); return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined; },
    bool: (n) => p.flags.get(n) === true,
    list: (n) => { const v = p.flags.get(n); return Array.isArray(v) ? v : typeof v === 'string' ? [v] : []; },
  };
  const top = p.path[0]!;
  const dryClient = k.flag('dry-run') === 'client';
  // usage errors that kubectl finds before it talks to the server
  const usageOnly = (top === 'create' && p.path.length > 2 - (p.path[1] === 'deployment' || p.path[1] === 'namespace' || p.path[1] === 'configmap' ? 1 : 0) && p.args.length !== 1)
    || ((top === 'get' || top === 'describe') && p.args.length === 0 && !p.flags.has('filename'));
  const needsServer = !CLIENT_ONLY.has(top) && !usageOnly && !(top === 'create' && dryClient && p.path.length > 1);
  if (needsServer && !clusterUp(ctx)) {
    if (top === 'version') return cmdVersion(k);
    connectionRefused(ctx, p);
    return 1;
  }
  // every request to v1 Endpoints carries the API server's deprecation warning (get and describe print it themselves)
  if (['delete', 'label', 'annotate', 'patch', 'edit', 'wait'].includes(top) && touchesEndpoints(p.args)) k.io.err(ENDPOINTS_WARNING);
  switch (top) {
    case 'get': return cmdGet(k);
    case 'describe': return cmdDescribe(k);
    case 'apply': return cmdApply(k);
    case 'create': return cmdCreate(k);
    case 'delete': return cmdDelete(k);
    case 'scale': return cmdScale(k);
    case 'set': return cmdSetImage(k);
    case 'label': return cmdLabel(k, 'labels');
    case 'annotate': return cmdLabel(k, 'annotations');
    case 'rollout': return cmdRollout(k);
    case 'expose': return cmdExpose(k);
    case 'edit': return cmdEdit(k);
    case 'patch': return cmdPatch(k);
    case 'replace': return cmdReplace(k);
    case 'events': return cmdEvents(k);
    case 'logs': return cmdLogs(k);
    case 'exec': return cmdExec(k);
    case 'port-forward': return cmdPortForward(k);
    case 'run': return cmdRun(k);
    case 'wait': return cmdWait(k);
    case 'version': return cmdVersion(k);
    case 'cluster-info': return cmdClusterInfo(k);
    case 'config': return cmdConfig(k);
    case 'api-resources': return cmdApiResources(k);
    case 'explain': return cmdExplain(k);
    case 'top': return cmdTop(k);
    default:
      ctx.io.err(`error: unknown command "${top}" for "kubectl"\n`);
      return 1;
  }
};
