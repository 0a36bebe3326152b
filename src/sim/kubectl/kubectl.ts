// kubectl 1.34 over the simulated cluster. The command table (table.ts) parses; this file checks that the API
// server is reachable (kubectl before `minikube start` fails as the real one does) and dispatches.
import type { Ctx, Program, ProgramResult } from '../shell/types';
import { parseKubectl, helpText, type Parsed } from './table';
import { GROUP_HELP } from './group-help';
import { OPTIONS_TEXT } from './help-texts';
import { klogTime } from '../shell/time';
import { cmdGet } from './get';
import { cmdDescribe } from './describe';
import { cmdApply, cmdCreate, cmdDelete, cmdScale, cmdSetImage, cmdLabel, cmdRollout, cmdExpose, cmdEdit } from './mutate';
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

/** The error lines kubectl prints when no API server answers (reproduced with kubectl 1.32 and no kubeconfig). */
export function connectionRefused(ctx: Ctx): void {
  const w = ctx.world;
  const stopped = w.kubeContext !== undefined;
  const url = stopped ? 'https://192.168.49.2:8443/api?timeout=32s' : 'http://localhost:8080/api?timeout=32s';
  const dial = stopped ? 'dial tcp 192.168.49.2:8443: connect: connection refused' : 'dial tcp [::1]:8080: connect: connection refused';
  const pid = w.nextPid();
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += `E${klogTime(w.nowMs + i * 2)}   ${String(pid).padStart(5)} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"${url}\\": ${dial}"\n`;
  }
  out += `The connection to the server ${stopped ? '192.168.49.2:8443' : 'localhost:8080'} was refused - did you specify the right host or port?\n`;
  ctx.io.err(out);
}

export function clusterUp(ctx: Ctx): boolean {
  return ctx.world.minikube === 'running' && ctx.world.cluster !== undefined && ctx.world.kubeContext !== undefined;
}

const CLIENT_ONLY = new Set(['config', 'version']);

/** cmd.MarkFlagRequired in kubectl 1.34: scale.go (replicas), run.go (image), create_deployment.go (image). */
const REQUIRED_FLAGS: Record<string, string> = { scale: 'replicas', run: 'image', 'create deployment': 'image' };

export const kubectl: Program = (argv, ctx): ProgramResult => {
  if (argv[1] === 'options' && argv.length === 2) { ctx.io.out(OPTIONS_TEXT); return 0; }
  const r = parseKubectl(argv.slice(1));
  if (!r.ok) { ctx.io.err(r.error + '\n'); return 1; }
  const p = r.parsed;
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
    connectionRefused(ctx);
    return 1;
  }
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
