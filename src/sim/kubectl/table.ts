// The one kubectl command table: it drives parsing (pflag rules), `--help`, usage errors and tab completion.
// Help texts are short summaries written for this course; flag names and defaults are kubectl 1.34's.

import { HELP_TEXTS } from './help-texts';

export type FlagType = 'bool' | 'string' | 'int' | 'strings';
export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  def?: string;
  help: string;
  /** values offered by completion */
  values?: readonly string[];
}
export interface CommandSpec {
  name: string;
  aliases?: string[];
  summary: string;
  usage: string;
  flags: FlagSpec[];
  sub?: CommandSpec[];
  /** what positional arguments complete to */
  args?: 'type-name' | 'type' | 'pod' | 'deploy' | 'file' | 'field' | 'none';
  examples?: string;
  /** the rest of the real command's flags (from its --help): parsed, not acted on, not offered by completion */
  realFlags?: FlagSpec[];
}

const f = (name: string, type: FlagType, help: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({ name, type, help, ...extra });

export const OUTPUTS = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'custom-columns=', 'go-template='] as const;
const output = f('output', 'string', 'Output format: json|yaml|name|wide|jsonpath=…|custom-columns=…', { short: 'o', values: OUTPUTS });
const filename = f('filename', 'strings', 'File, directory or - (stdin) holding the objects', { short: 'f' });
const selector = f('selector', 'string', 'Label selector, e.g. -l app=llmops', { short: 'l' });
const allNs = f('all-namespaces', 'bool', 'List across all namespaces', { short: 'A' });
const dryRun = f('dry-run', 'string', 'none|client|server: only print what would be sent', { def: 'none', values: ['none', 'client', 'server'] });
const recursive = f('recursive', 'bool', 'Process the directory in -f recursively', { short: 'R' });
const timeout = f('timeout', 'string', 'How long to wait (e.g. 60s, 5m)');
const all = f('all', 'bool', 'Select all objects of the type');
const overwrite = f('overwrite', 'bool', 'Allow replacing existing values');
const container = f('container', 'string', 'Container name', { short: 'c' });
/** --record: deprecated but still accepted (pflag prints the deprecation on stderr); not shown in --help */
const record = f('record', 'bool', 'Record the command in kubernetes.io/change-cause (deprecated)');

export const GLOBAL_FLAGS: FlagSpec[] = [
  f('namespace', 'string', 'Namespace for this request', { short: 'n' }),
  f('context', 'string', 'Kubeconfig context to use'),
  f('kubeconfig', 'string', 'Path to the kubeconfig file'),
  f('help', 'bool', 'Help for the command', { short: 'h' }),
  f('v', 'string', 'Log verbosity', { short: 'v' }),
  f('request-timeout', 'string', 'Time to wait for a server response'),
];

export const KUBECTL: CommandSpec = {
  name: 'kubectl',
  summary: 'kubectl talks to the Kubernetes API server of the current context (here: the simulated minikube).',
  usage: 'kubectl [flags] [options]',
  flags: [],
  sub: [
    { name: 'get', summary: 'List objects in a table, or print them as YAML/JSON.', usage: 'kubectl get TYPE[.VERSION][.GROUP] [NAME | -l label] [flags]', args: 'type-name',
      flags: [output, selector, allNs, f('watch', 'bool', 'Keep watching and print changes', { short: 'w' }), f('show-labels', 'bool', 'Add a LABELS column'), filename,
        f('sort-by', 'string', 'Sort by a JSONPath, e.g. .metadata.creationTimestamp'), f('no-headers', 'bool', 'Omit the header row'), f('field-selector', 'string', 'Filter on fields, e.g. status.phase=Running'), f('label-columns', 'strings', 'Add a column per label key', { short: 'L' })],
      examples: '  kubectl get pods\n  kubectl get deploy,svc -o wide\n  kubectl get svc llmops-service -o yaml' },
    { name: 'describe', summary: 'Show an object in detail, with its events.', usage: 'kubectl describe TYPE [NAME_PREFIX | -l label] [flags]', args: 'type-name',
      flags: [selector, allNs, filename, f('show-events', 'bool', 'Show events', { def: 'true' })] },
    { name: 'apply', summary: 'Create or update objects from files (declarative).', usage: 'kubectl apply -f FILENAME [flags]', args: 'none',
      flags: [record, filename, recursive, dryRun, output, f('validate', 'string', 'strict|warn|ignore', { def: 'strict', values: ['strict', 'warn', 'ignore'] }), f('prune', 'bool', 'Delete objects not in the files'), f('server-side', 'bool', 'Apply on the server')] },
    { name: 'create', summary: 'Create objects from a file or from arguments.', usage: 'kubectl create -f FILENAME | kubectl create TYPE NAME [flags]', args: 'none',
      flags: [record, filename, dryRun, output, f('save-config', 'bool', 'Keep the last-applied annotation')],
      sub: [
        { name: 'secret', summary: 'Create a Secret.', usage: 'kubectl create secret generic NAME [--from-literal=K=V] [--from-env-file=FILE] [--from-file=[K=]PATH]', flags: [],
          sub: [{ name: 'generic', summary: 'Create a Secret from literals, files or an env file.', usage: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]', args: 'none',
            flags: [f('from-literal', 'strings', 'A key and literal value, e.g. --from-literal=GROQ_API_KEY=…'), f('from-env-file', 'strings', 'A file of KEY=value lines (kubectl\'s env-file rules)'), f('from-file', 'strings', 'A file (key = its name, or key=path)'), f('type', 'string', 'Secret type'), dryRun, output, f('append-hash', 'bool', 'Append a hash of the content to the name')] }] },
        { name: 'deployment', aliases: ['deploy'], summary: 'Create a Deployment.', usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]', args: 'none',
          flags: [f('image', 'strings', 'Image(s) to run'), f('replicas', 'int', 'Number of replicas', { short: 'r', def: '1' }), f('port', 'int', 'Container port', { def: '-1' }), dryRun, output] },
        { name: 'service', aliases: ['svc'], summary: 'Create a Service.', usage: 'kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=port:targetPort', flags: [],
          sub: ['clusterip', 'nodeport', 'loadbalancer'].map((t) => ({ name: t, summary: `Create a ${t} Service.`, usage: `kubectl create service ${t} NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]`, args: 'none' as const,
            flags: [f('tcp', 'strings', 'Port pairs <port>:<targetPort>'), ...(t === 'nodeport' ? [f('node-port', 'int', 'Port used to expose the service on each node')] : []), ...(t === 'clusterip' ? [f('clusterip', 'string', 'Assign your own ClusterIP or None')] : []), dryRun, output] })) },
        { name: 'job', summary: 'Create a Job.', usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]', args: 'none',
          flags: [f('image', 'string', 'Image to run'), f('from', 'string', 'The cronjob to create the Job from'), dryRun, output] },
        { name: 'namespace', aliases: ['ns'], summary: 'Create a Namespace.', usage: 'kubectl create namespace NAME', args: 'none', flags: [dryRun, output] },
        { name: 'configmap', aliases: ['cm'], summary: 'Create a ConfigMap.', usage: 'kubectl create configmap NAME [--from-literal=K=V] [--from-env-file=FILE]', args: 'none',
          flags: [f('from-literal', 'strings', 'Key and literal value'), f('from-env-file', 'strings', 'Env file'), f('from-file', 'strings', 'A file'), dryRun, output] },
      ] },
    { name: 'expose', summary: 'Create a Service for a Deployment, Pod or Service.', usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--target-port=n] [--type=type] [--name=name]', args: 'type-name',
      flags: [record, f('port', 'string', 'Service port'), f('target-port', 'string', 'Container port to send to'), f('type', 'string', 'ClusterIP|NodePort|LoadBalancer', { values: ['ClusterIP', 'NodePort', 'LoadBalancer'] }), f('name', 'string', 'Service name'), f('protocol', 'string', 'TCP|UDP'), f('selector', 'string', 'Selector to use'), dryRun, output] },
    { name: 'run', summary: 'Start a single pod from an image.', usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--rm] [-it] [--restart=Never] [-- COMMAND [args...]]', args: 'none',
      flags: [f('image', 'string', 'Image to run'), f('rm', 'bool', 'Delete the pod when the command ends'), f('stdin', 'bool', 'Keep stdin open', { short: 'i' }), f('tty', 'bool', 'Allocate a TTY', { short: 't' }),
        f('restart', 'string', 'Always|OnFailure|Never', { def: 'Always', values: ['Always', 'OnFailure', 'Never'] }), f('env', 'strings', 'Environment variables'), f('port', 'string', 'Container port'), f('labels', 'string', 'Labels', { short: 'l' }), f('command', 'bool', 'Use the args after -- as the command'), dryRun, output] },
    { name: 'delete', summary: 'Delete objects by file, name or label.', usage: 'kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)])', args: 'type-name',
      flags: [filename, selector, all, allNs, recursive, f('grace-period', 'int', 'Seconds to wait for graceful termination', { def: '-1' }), f('force', 'bool', 'Delete immediately'), f('now', 'bool', 'Grace period 1s'), f('wait', 'bool', 'Wait for the objects to be gone', { def: 'true' }), f('ignore-not-found', 'bool', 'No error when absent'), dryRun, output] },
    { name: 'logs', summary: 'Print a container\'s log.', usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]', args: 'pod',
      flags: [f('follow', 'bool', 'Keep streaming', { short: 'f' }), f('previous', 'bool', 'The previous (crashed) container', { short: 'p' }), container, f('tail', 'int', 'Last N lines', { def: '-1' }), f('timestamps', 'bool', 'Prefix lines with timestamps'), selector, f('all-containers', 'bool', 'All containers'), f('since', 'string', 'Only newer than (e.g. 5m)')] },
    { name: 'scale', summary: 'Set the number of replicas.', usage: 'kubectl scale [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)', args: 'type-name',
      flags: [record, f('replicas', 'int', 'New number of replicas', { def: '-1' }), f('current-replicas', 'int', 'Only if the current count is this', { def: '-1' }), filename, selector, all, dryRun, output] },
    { name: 'set', summary: 'Change specific fields of objects.', usage: 'kubectl set SUBCOMMAND', flags: [],
      sub: [{ name: 'image', summary: 'Change a container\'s image.', usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ...', args: 'type-name', flags: [record, filename, selector, all, dryRun, output] }] },
    { name: 'rollout', summary: 'Manage a Deployment\'s rollouts.', usage: 'kubectl rollout SUBCOMMAND', flags: [],
      sub: [
        { name: 'status', summary: 'Watch a rollout until it finishes.', usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]', args: 'type-name', flags: [f('watch', 'bool', 'Keep watching', { short: 'w', def: 'true' }), timeout, f('revision', 'int', 'Revision to watch')] },
        { name: 'history', summary: 'List the revisions.', usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]', args: 'type-name', flags: [f('revision', 'int', 'Show one revision\'s template'), output] },
        { name: 'undo', summary: 'Go back to an earlier revision.', usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]', args: 'type-name', flags: [f('to-revision', 'int', 'Revision to go back to (0 = previous)', { def: '0' }), dryRun] },
        { name: 'restart', summary: 'Restart all pods with a new rollout.', usage: 'kubectl rollout restart RESOURCE', args: 'type-name', flags: [selector] },
        { name: 'pause', summary: 'Pause rollouts of a Deployment.', usage: 'kubectl rollout pause RESOURCE', args: 'type-name', flags: [] },
        { name: 'resume', summary: 'Resume a paused Deployment.', usage: 'kubectl rollout resume RESOURCE', args: 'type-name', flags: [] },
      ] },
    { name: 'wait', summary: 'Wait for a condition on objects.', usage: 'kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|delete|condition=available|jsonpath=...]', args: 'type-name',
      flags: [f('for', 'string', 'condition=Ready, condition=Available, delete, jsonpath=…'), timeout, selector, all, filename] },
    { name: 'port-forward', summary: 'Forward local ports to a pod (or a Service\'s / Deployment\'s pod).', usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]', args: 'pod',
      flags: [f('address', 'strings', 'Addresses to listen on', { def: 'localhost' }), f('pod-running-timeout', 'string', 'Wait for a running pod', { def: '1m0s' })] },
    { name: 'exec', summary: 'Run a command in a container.', usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]', args: 'pod',
      flags: [container, f('stdin', 'bool', 'Pass stdin', { short: 'i' }), f('tty', 'bool', 'Allocate a TTY', { short: 't' })] },
    { name: 'label', summary: 'Add, change or remove labels.', usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N', args: 'type-name', flags: [record, overwrite, all, selector, filename, dryRun, output, f('list', 'bool', 'List the labels')] },
    { name: 'annotate', summary: 'Add, change or remove annotations.', usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N', args: 'type-name', flags: [record, overwrite, all, selector, filename, dryRun, output] },
    { name: 'replace', summary: 'Replace objects by file (a PUT of the whole object).', usage: 'kubectl replace -f FILENAME', args: 'none',
      flags: [filename, recursive, dryRun, output, f('validate', 'string', 'strict|warn|ignore', { def: 'strict', values: ['strict', 'warn', 'ignore'] }), f('force', 'bool', 'Delete and re-create')] },
    { name: 'patch', summary: 'Update fields of an object with a strategic merge, JSON merge or JSON patch.', usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]', args: 'type-name',
      flags: [record, f('patch', 'string', 'The patch (JSON or YAML)', { short: 'p' }), f('patch-file', 'string', 'A file holding the patch'), f('type', 'string', 'strategic|merge|json', { def: 'strategic', values: ['json', 'merge', 'strategic'] }), filename, dryRun, output] },
    { name: 'edit', summary: 'Edit an object in your editor and apply the change.', usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME)', args: 'type-name', flags: [record, filename, output] },
    { name: 'explain', summary: 'Show the documentation of a resource or field.', usage: 'kubectl explain TYPE[.FIELD]...', args: 'field', flags: [f('recursive', 'bool', 'Print all nested fields'), f('api-version', 'string', 'API version')] },
    { name: 'events', summary: 'List events, oldest first.', usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]', args: 'none',
      flags: [allNs, f('for', 'string', 'Only events about TYPE/NAME'), f('types', 'strings', 'Normal and/or Warning'), f('no-headers', 'bool', 'Omit the header row'), output, f('watch', 'bool', 'Keep watching', { short: 'w' })] },
    { name: 'cluster-info', summary: 'Show the control plane and service addresses.', usage: 'kubectl cluster-info [flags]', args: 'none', flags: [] },
    { name: 'version', summary: 'Print the client and server versions.', usage: 'kubectl version [flags]', args: 'none', flags: [f('client', 'bool', 'Client version only'), output] },
    { name: 'config', summary: 'Look at kubeconfig.', usage: 'kubectl config SUBCOMMAND', flags: [],
      sub: [
        { name: 'current-context', summary: 'Print the current context.', usage: 'kubectl config current-context', args: 'none', flags: [] },
        { name: 'get-contexts', summary: 'List the contexts.', usage: 'kubectl config get-contexts', args: 'none', flags: [] },
        { name: 'view', summary: 'Show the kubeconfig.', usage: 'kubectl config view', args: 'none', flags: [f('minify', 'bool', 'Only the current context'), f('raw', 'bool', 'Show certificates')] },
        { name: 'use-context', summary: 'Switch context.', usage: 'kubectl config use-context CONTEXT_NAME', args: 'none', flags: [] },
      ] },
    { name: 'api-resources', summary: 'List the resource types the server knows.', usage: 'kubectl api-resources [flags]', args: 'none', flags: [output, f('namespaced', 'string', 'true|false'), f('api-group', 'string', 'Only this group')] },
    { name: 'top', summary: 'Show CPU and memory use (needs metrics-server).', usage: 'kubectl top (node | pod)', flags: [],
      sub: [
        { name: 'pod', aliases: ['pods', 'po'], summary: 'CPU and memory of pods.', usage: 'kubectl top pod [NAME | -l label]', args: 'pod',
          flags: [allNs, selector, f('containers', 'bool', 'Show containers'), f('sort-by', 'string', 'cpu or memory'), f('no-headers', 'bool', 'Omit the header row'), f('field-selector', 'string', 'Field selector'), f('sum', 'bool', 'Print the sum'), f('use-protocol-buffers', 'bool', 'Use protocol buffers', { def: 'true' })] },
        { name: 'node', aliases: ['nodes', 'no'], summary: 'CPU and memory of nodes.', usage: 'kubectl top node [NAME | -l label]', args: 'none',
          flags: [selector, f('sort-by', 'string', 'cpu or memory'), f('no-headers', 'bool', 'Omit the header row'), f('show-capacity', 'bool', 'Show capacity'), f('use-protocol-buffers', 'bool', 'Use protocol buffers', { def: 'true' })] },
      ] },
  ],
};

/**
 * Every flag the real command accepts (its --help, help-texts.ts) is parsed as pflag would — with its type read from
 * the help's default (`=false` bool, `=[]` list, a number int, otherwise a string) — so a real flag the simulator does
 * not act on is accepted instead of failing with `unknown flag`. Flags written in the table above keep their spec.
 */
function addRealFlags(spec: CommandSpec, path: string[]): void {
  const help = HELP_TEXTS[path.join(' ')];
  if (help && path.length) {
    const have = new Set(spec.flags.map((x) => x.name));
    for (const m of help.matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=(.*):\n\t(.*)$/gm)) {
      const [, short, name, def, text] = m as unknown as [string, string | undefined, string, string, string];
      if (have.has(name!) || GLOBAL_FLAGS.some((g) => g.name === name)) continue;
      const type: FlagType = def === 'false' || def === 'true' ? 'bool' : def === '[]' ? 'strings' : /^-?\d+$/.test(def!) ? 'int' : 'string';
      (spec.realFlags ??= []).push({ name: name!, type, help: text!, ...(short ? { short } : {}), ...(type === 'bool' && def === 'true' ? { def: 'true' } : {}) });
      have.add(name!);
    }
  }
  for (const s of spec.sub ?? []) addRealFlags(s, [...path, s.name]);
}
addRealFlags(KUBECTL, []);

export function findSub(spec: CommandSpec, name: string): CommandSpec | undefined {
  return spec.sub?.find((s) => s.name === name || s.aliases?.includes(name));
}

// ------------------------------------------------------------------------------------------ parsing (pflag)

export interface Parsed {
  /** the command path, e.g. ['create', 'secret', 'generic'] */
  path: string[];
  spec: CommandSpec;
  flags: Map<string, string | boolean | string[]>;
  args: string[];
  /** arguments after `--` */
  dashArgs: string[] | undefined;
}

export type ParseOutcome = { ok: true; parsed: Parsed } | { ok: false; error: string; path: string[] };

function cmdPath(path: string[]): string { return ['kubectl', ...path].join(' '); }

/** Finds the subcommand from the words (flags may come anywhere), then parses the flags against it (pflag rules). */
export function parseKubectl(argv: string[]): ParseOutcome {
  const flags = new Map<string, string | boolean | string[]>();
  const args: string[] = [];
  let dashArgs: string[] | undefined;
  let spec = KUBECTL;
  const path: string[] = [];
  const flagTokens: string[][] = [];
  // pass 1: command path and positional words; a flag's value is taken along when the flag (as known so far) needs one
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { dashArgs = argv.slice(i + 1); break; }
    if (a.startsWith('-') && a.length > 1) {
      const known = [...spec.flags, ...(spec.realFlags ?? []), ...GLOBAL_FLAGS];
      let takesNext = false;
      if (a.startsWith('--')) {
        const fs = known.find((x) => x.name === a.slice(2));
        takesNext = !a.includes('=') && fs !== undefined && fs.type !== 'bool';
      } else {
        // the cluster's last shorthand takes the next word when it needs a value and has none attached
        for (let j = 1; j < a.length; j++) {
          const fs = known.find((x) => x.short === a[j]);
          if (!fs) break;
          if (fs.type !== 'bool') { takesNext = j === a.length - 1; break; }
        }
      }
      if (takesNext && i + 1 < argv.length) { flagTokens.push([a, argv[i + 1]!]); i++; } else flagTokens.push([a]);
      continue;
    }
    if (spec.sub && args.length === 0) {
      const next = findSub(spec, a);
      if (next) { spec = next; path.push(next.name); continue; }
      if (path.length === 0) return { ok: false, error: unknownCommand(a), path };
      // a group's Run is cmdutil.DefaultSubCommandRun: RequireNoArguments → UsageErrorf(c, "unknown command %q")
      if (!spec.args) return { ok: false, error: `error: unknown command "${a}"\nSee '${cmdPath(path)} -h' for help and examples`, path };
    }
    args.push(a);
  }
  // pass 2: flags against the command that was found
  const allFlags = [...spec.flags, ...(spec.realFlags ?? []), ...GLOBAL_FLAGS];
  const see = `\nSee '${cmdPath(path)} --help' for usage.`;
  for (const tok of flagTokens) {
    const a = tok[0]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const fs = allFlags.find((x) => x.name === name);
      if (!fs) return { ok: false, error: `error: unknown flag: --${name}${see}`, path };
      let v: string | undefined = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (fs.type === 'bool') {
        if (v !== undefined && !['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(v)) {
          return { ok: false, error: `error: invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax${see}`, path };
        }
        setFlag(flags, fs, v === undefined ? true : ['true', '1', 't', 'TRUE', 'True'].includes(v));
        if (tok[1] !== undefined) args.push(tok[1]);
        continue;
      }
      if (v === undefined) {
        v = tok[1];
        if (v === undefined) return { ok: false, error: `error: flag needs an argument: --${name}${see}`, path };
      }
      const err = checkValue(fs, v, `--${name}`, path);
      if (err) return { ok: false, error: err, path };
      setFlag(flags, fs, v);
      continue;
    }
    let j = 1;
    while (j < a.length) {
      const c = a[j]!;
      const fs = allFlags.find((x) => x.short === c);
      if (!fs) return { ok: false, error: `error: unknown shorthand flag: '${c}' in ${a}${see}`, path };
      if (fs.type === 'bool') { setFlag(flags, fs, true); j++; if (j >= a.length && tok[1] !== undefined) args.push(tok[1]); continue; }
      let v = a.slice(j + 1);
      if (v.startsWith('=')) v = v.slice(1);
      if (v === '' && j + 1 >= a.length) {
        if (tok[1] === undefined) return { ok: false, error: `error: flag needs an argument: '${c}' in -${c}${see}`, path };
        v = tok[1];
      }
      const err = checkValue(fs, v, `-${c}, --${fs.name}`, path);
      if (err) return { ok: false, error: err, path };
      setFlag(flags, fs, v);
      break;
    }
  }
  return { ok: true, parsed: { path, spec, flags, args, dashArgs } };
}

function checkValue(fs: FlagSpec, v: string, shown: string, path: string[]): string | undefined {
  if (fs.type === 'int' && !/^-?\d+$/.test(v)) {
    return `error: invalid argument "${v}" for "${shown}" flag: strconv.ParseInt: parsing "${v}": invalid syntax\nSee '${cmdPath(path)} --help' for usage.`;
  }
  return undefined;
}

function setFlag(flags: Map<string, string | boolean | string[]>, fs: FlagSpec, v: string | boolean): void {
  if (fs.type === 'strings') {
    const prev = (flags.get(fs.name) as string[] | undefined) ?? [];
    // pflag StringSlice splits on commas; StringArray does not. --from-literal and --from-env-file are arrays.
    const arrays = ['from-literal', 'from-env-file', 'from-file', 'env', 'filename'];
    const parts = arrays.includes(fs.name) ? [String(v)] : String(v).split(',');
    flags.set(fs.name, [...prev, ...parts]);
  } else flags.set(fs.name, v);
}

const TOP_NAMES = () => (KUBECTL.sub ?? []).map((s) => s.name);

function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** cobra's unknown-command error with its "Did you mean this?" suggestions (distance ≤ 2 or prefix). */
export function unknownCommand(word: string): string {
  const sugg = TOP_NAMES().filter((n) => levenshtein(n, word.toLowerCase()) <= 2 || n.startsWith(word.toLowerCase()));
  return `error: unknown command "${word}" for "kubectl"` + (sugg.length ? `\n\nDid you mean this?\n${sugg.map((s) => '\t' + s).join('\n')}` : '');
}

/** `kubectl X --help`: summary, usage, flags (our wording; flag names and defaults as kubectl's). */
export function helpText(spec: CommandSpec, path: string[]): string {
  // the real client's text when we have it (help-texts.ts); the table's own summary otherwise
  const real = HELP_TEXTS[path.join(' ')];
  if (real !== undefined) return real;
  let out = spec.summary + '\n';
  if (spec.examples) out += `\nExamples:\n${spec.examples}\n`;
  if (spec.sub?.length) {
    out += `\nAvailable Commands:\n`;
    const w = Math.max(...spec.sub.map((s) => s.name.length)) + 2;
    for (const s of spec.sub) out += `  ${s.name.padEnd(w)}${s.summary}\n`;
  }
  if (spec.flags.length) {
    out += `\nOptions:\n`;
    for (const fl of spec.flags) {
      out += `    ${fl.short ? `-${fl.short}, ` : ''}--${fl.name}${fl.type === 'bool' ? `=${fl.def ?? 'false'}` : fl.def !== undefined ? `='${fl.def}'` : `=${fl.type === 'strings' ? '[]' : "''"}`}:\n\t${fl.help}\n\n`;
    }
  }
  out += `\nUsage:\n  ${spec.usage}\n`;
  out += path.length === 0
    ? `\nUse "kubectl <command> --help" for more information about a given command.\n`
    : `\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return out;
}
