// Commands that reach into pods: logs, exec, port-forward, run, wait.
import type { KObject, Pod, Service, Deployment, ReplicaSet } from '../api/types';
import { resolveResourceType, qualifiedPlural, qualifiedSingular } from '../api/registry';
import type { LongRunning, ProgramResult } from '../shell/types';
import type { Kctx } from './kubectl';
import { createObject } from './write';
import { parseTimeout } from './mutate';
import { formatApiError } from './errors';
import { jsonpathTemplate, toYaml, toJson } from './output';
import { rfc3339 } from '../shell/time';

function podsFor(k: Kctx, o: KObject): Pod[] {
  const store = k.world.cluster!.store;
  const ns = o.metadata.namespace ?? k.ns;
  let sel: Record<string, string> | undefined;
  if (o.kind === 'Service') sel = (o as Service).spec.selector;
  else if (o.kind === 'Deployment' || o.kind === 'ReplicaSet' || o.kind === 'Job') sel = (o as Deployment).spec.selector?.matchLabels;
  if (!sel || Object.keys(sel).length === 0) return [];
  const pods = store.list<Pod>('Pod', { namespace: ns }).filter((p) => Object.entries(sel!).every(([a, b]) => p.metadata.labels?.[a] === b) && !p.metadata.deletionTimestamp);
  // kubectl's "most active" order: running and ready first, then newest
  const score = (p: Pod) => (p.status?.phase === 'Running' ? 2 : 0) + ((p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 1 : 0);
  return pods.sort((a, b) => score(b) - score(a) || (Date.parse(b.metadata.creationTimestamp ?? '') - Date.parse(a.metadata.creationTimestamp ?? '')));
}

/** `POD`, `pod/POD`, `deploy/NAME`, `svc/NAME` → a pod (with kubectl's messages). */
function resolvePod(k: Kctx, arg: string | undefined, verb: string): { pod?: Pod; owner?: KObject; rc: number } {
  const store = k.world.cluster!.store;
  if (!arg) {
    k.io.err(verb === 'logs' ? "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"
      : verb === 'exec' ? "error: pod, type/name or --filename must be specified\n" : "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    return { rc: 1 };
  }
  const slash = arg.indexOf('/');
  if (slash < 0) {
    const p = store.get<Pod>('Pod', k.ns, arg);
    if (!p) { k.io.err(`Error from server (NotFound): pods "${arg}" not found\n`); return { rc: 1 }; }
    return { pod: p, rc: 0 };
  }
  const rt = resolveResourceType(arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  if (!rt) { k.io.err(`error: the server doesn't have a resource type "${arg.slice(0, slash)}"\n`); return { rc: 1 }; }
  const o = store.get(rt.kind, k.ns, name);
  if (!o) { k.io.err(`Error from server (NotFound): ${qualifiedPlural(rt)} "${name}" not found\n`); return { rc: 1 }; }
  if (o.kind === 'Pod') return { pod: o as Pod, rc: 0 };
  if (!['Service', 'Deployment', 'ReplicaSet', 'Job'].includes(o.kind)) { k.io.err(`error: cannot attach to ${o.kind}: selector for ${o.kind} not implemented\n`); return { rc: 1 }; }
  const pods = podsFor(k, o);
  if (pods.length === 0) {
    k.io.err(verb === 'logs' ? `error: timed out waiting for the condition\n` : `error: timed out waiting for the condition\n`);
    return { rc: 1 };
  }
  if (verb === 'logs' && pods.length > 1) k.io.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n`);
  return { pod: pods[0]!, owner: o, rc: 0 };
}

/**
 * `kubectl logs -l SELECTOR` (logs.go): the pods of the list in the API's (name) order, one after the other, each
 * from its default container; --tail defaults to 10 with a selector; a POD argument as well is a usage error.
 */
function logsBySelector(k: Kctx): ProgramResult {
  if (k.p.args.length > 0) { k.io.err("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"); return 1; }
  const cluster = k.world.cluster!;
  let pods: Pod[];
  try { pods = cluster.store.list<Pod>('Pod', { namespace: k.ns, labelSelector: k.flag('selector')! }); } catch (e) { k.io.err(formatApiError(e) + '\n'); return 1; }
  if (pods.length === 0) { k.io.err(`No resources found in ${k.ns} namespace.\n`); return 0; }
  pods = [...pods].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const tail = Number(k.flag('tail') ?? -1) < 0 ? 10 : Number(k.flag('tail'));
  const fmt = (l: { ts: number; text: string }) => (k.bool('timestamps') ? `${rfc3339(l.ts).replace('Z', '.000000000Z')} ` : '') + l.text + '\n';
  const seen = new Map<string, number>();
  let rc = 0;
  for (const pod of pods) {
    const container = k.flag('container');
    const r = cluster.logs(pod.metadata.namespace ?? k.ns, pod.metadata.name ?? '', { ...(container ? { container } : {}), previous: k.bool('previous') });
    if ('error' in r) { k.io.err(r.error + '\n'); rc = 1; continue; }
    const pfx = k.bool('prefix') ? `[pod/${pod.metadata.name}/${container ?? pod.spec.containers[0]!.name}] ` : '';
    for (const l of tail >= 0 ? r.lines.slice(Math.max(0, r.lines.length - tail)) : r.lines) k.io.out(pfx + fmt(l));
    seen.set(pod.metadata.name ?? '', r.lines.length);
  }
  if (!k.bool('follow') || rc) return rc;
  const off = k.world.onTick(() => {
    for (const pod of pods) {
      const cur = cluster.logs(pod.metadata.namespace ?? k.ns, pod.metadata.name ?? '', {});
      if ('error' in cur) continue;
      for (const l of cur.lines.slice(seen.get(pod.metadata.name ?? '') ?? 0)) k.later(fmt(l));
      seen.set(pod.metadata.name ?? '', cur.lines.length);
    }
  });
  return { longRunning: true, stop() { off(); } };
}

export function cmdLogs(k: Kctx): ProgramResult {
  // logs.go Complete: more than POD [CONTAINER] is the usage error
  if (k.p.args.length > 2) { k.io.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"); return 1; }
  if (k.flag('selector') !== undefined) return logsBySelector(k);
  const { pod, rc } = resolvePod(k, k.p.args[0], 'logs');
  if (!pod) return rc;
  const cluster = k.world.cluster!;
  const container = k.flag('container') ?? k.p.args[1];
  if (!container && pod.spec.containers.length > 1) {
    k.io.err(`Defaulted container "${pod.spec.containers[0]!.name}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}\n`);
  }
  const r = cluster.logs(pod.metadata.namespace ?? k.ns, pod.metadata.name ?? '', { ...(container ? { container } : {}), previous: k.bool('previous') });
  if ('error' in r) { k.io.err(r.error + '\n'); return 1; }
  const tail = Number(k.flag('tail') ?? -1);
  // --prefix: `[pod/NAME/CONTAINER] ` before each line (logs.go), then --timestamps
  const pfx = k.bool('prefix') ? `[pod/${pod.metadata.name}/${container ?? pod.spec.containers[0]!.name}] ` : '';
  const fmt = (l: { ts: number; text: string }) => pfx + (k.bool('timestamps') ? `${rfc3339(l.ts).replace('Z', '.000000000Z')} ` : '') + l.text + '\n';
  let lines = r.lines;
  if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  for (const l of lines) k.io.out(fmt(l));
  if (!k.bool('follow')) return 0;
  // -f: keep printing new lines as virtual time passes (the browser's clock); Ctrl-C stops
  let seen = r.lines.length;
  const ns = pod.metadata.namespace ?? k.ns;
  const name = pod.metadata.name ?? '';
  const off = k.world.onTick(() => {
    const cur = cluster.logs(ns, name, container ? { container } : {});
    if ('error' in cur) return;
    for (const l of cur.lines.slice(seen)) k.later(fmt(l));
    seen = cur.lines.length;
  });
  return { longRunning: true, stop() { off(); } };
}

export function cmdExec(k: Kctx): ProgramResult {
  const argv = k.p.dashArgs;
  // exec.go Validate: the pod is checked before the command
  if (k.p.args.length === 0 && k.list('filename').length === 0) { k.io.err('error: pod, type/name or --filename must be specified\n'); return 1; }
  if (!argv || argv.length === 0) {
    if (k.p.args.length > 1) { k.io.err(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n`); return 1; }
    k.io.err("error: you must specify at least one command for the container\n");
    return 1;
  }
  const { pod, rc } = resolvePod(k, k.p.args[0], 'exec');
  if (!pod) return rc;
  const interactiveShell = ['sh', 'bash', '/bin/sh', '/bin/bash', 'ash'].includes(argv[0]!) && argv.length === 1;
  if (interactiveShell) {
    k.io.err(`error: an interactive shell inside the container is not simulated; run single commands instead, e.g. kubectl exec ${pod.metadata.name} -- env\n`);
    return 1;
  }
  const r = k.world.cluster!.exec(pod.metadata.namespace ?? k.ns, pod.metadata.name ?? '', argv, k.flag('container'));
  if ('error' in r) { k.io.err(r.error + '\n'); return 1; }
  k.io.out(r.stdout);
  if (r.stderr) k.io.err(r.stderr);
  if (r.exitCode !== 0) { k.io.err(`command terminated with exit code ${r.exitCode}\n`); return r.exitCode; }
  return 0;
}

export function cmdPortForward(k: Kctx): ProgramResult {
  const [target, ...portArgs] = k.p.args;
  if (!target || portArgs.length === 0) {
    k.io.err("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    return 1;
  }
  const store = k.world.cluster!.store;
  const { pod, owner, rc } = resolvePod(k, target, 'port-forward');
  if (!pod) return rc;
  const maps: Array<{ local: number; remote: number; shownRemote: number }> = [];
  for (const spec of portArgs) {
    const m = /^(\d*):?(\S+)?$/.exec(spec);
    const parts = spec.split(':');
    if (!m || parts.length > 2 || parts.some((p, i) => (i === 0 && parts.length === 2 ? p !== '' && !/^\d+$/.test(p) : !/^\w[\w-]*$/.test(p)))) {
      k.io.err(`error: Error parsing local port '${parts[0]}': strconv.ParseUint: parsing "${parts[0]}": invalid syntax\n`);
      return 1;
    }
    const localStr = parts.length === 2 ? parts[0]! : parts[0]!;
    const remoteStr = parts.length === 2 ? parts[1]! : parts[0]!;
    let remote: number;
    if (owner?.kind === 'Service') {
      const svc = owner as Service;
      const sp = (svc.spec.ports ?? []).find((p) => String(p.port) === remoteStr || p.name === remoteStr);
      if (!sp) { k.io.err(`error: Service ${svc.metadata.name} does not have a service port ${remoteStr}\n`); return 1; }
      const tp = sp.targetPort ?? sp.port;
      if (typeof tp === 'string' && !/^\d+$/.test(tp)) {
        const cp = pod.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === tp);
        if (!cp) { k.io.err(`error: Pod '${pod.metadata.name}' does not have a named port '${tp}'\n`); return 1; }
        remote = cp.containerPort;
      } else remote = Number(tp);
    } else if (/^\d+$/.test(remoteStr)) remote = Number(remoteStr);
    else {
      const cp = pod.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === remoteStr);
      if (!cp) { k.io.err(`error: Pod '${pod.metadata.name}' does not have a named port '${remoteStr}'\n`); return 1; }
      remote = cp.containerPort;
    }
    const local = parts.length === 2 ? (localStr === '' ? k.world.rng.int(32768, 60999) : Number(localStr)) : /^\d+$/.test(remoteStr) ? Number(remoteStr) : remote;
    maps.push({ local, remote, shownRemote: remote });
  }
  const phase = pod.status?.phase ?? 'Pending';
  if (phase !== 'Running') { k.io.err(`error: unable to forward port because pod is not running. Current status=${phase}\n`); return 1; }
  for (const m of maps) {
    if (k.world.portForwards.has(m.local) || k.world.containers.some((c) => c.exited === undefined && c.ports.some((p) => p.host === m.local))) {
      k.io.err(`Unable to listen on port ${m.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${m.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${m.local}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${m.local} ${m.remote}}]\n`);
      return 1;
    }
  }
  const ns = pod.metadata.namespace ?? k.ns;
  const podName = pod.metadata.name ?? '';
  const uid = pod.metadata.uid;
  for (const m of maps) {
    k.io.out(`Forwarding from 127.0.0.1:${m.local} -> ${m.remote}\nForwarding from [::1]:${m.local} -> ${m.remote}\n`);
    k.world.portForwards.set(m.local, {
      localPort: m.local, target, namespace: ns, podName, remotePort: m.remote,
      onConnection: () => k.later(`Handling connection for ${m.local}\n`),
    });
    k.world.cluster!.addPortForward(m.local, ns, podName, m.remote, target);
  }
  const handle: LongRunning = {
    longRunning: true,
    stop() { cleanup(); },
  };
  const cleanup = () => {
    unwatch();
    for (const m of maps) {
      if (k.world.portForwards.get(m.local)?.podName === podName) { k.world.portForwards.delete(m.local); k.world.cluster?.removePortForward(m.local); }
    }
  };
  // kubectl port-forward ends when its pod goes away ("lost connection to pod")
  const unwatch = store.watch((ev) => {
    if (ev.object.kind !== 'Pod' || ev.object.metadata.uid !== uid) return;
    if (ev.type === 'DELETED' || ev.object.metadata.deletionTimestamp) {
      cleanup();
      k.later('error: lost connection to pod\n');
      handle.ended = { exitCode: 1 };
    }
  }, 'Pod');
  return handle;
}

const BANNER = 'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don\'t see a command prompt, try pressing enter.\n';

export function cmdRun(k: Kctx): ProgramResult {
  const name = k.p.args[0];
  if (!name) { k.io.err("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"); return 1; }
  const image = k.flag('image');
  if (!image) { k.io.err(`error: required flag(s) "image" not set\n`); return 1; }
  const restart = k.flag('restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) { k.io.err(`error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples\n`); return 1; }
  const attach = k.bool('stdin') && k.bool('tty');
  const rm = k.bool('rm');
  if (rm && !attach && !k.bool('stdin')) { k.io.err('error: --rm should only be used for attached containers\n'); return 1; }
  const cmd = k.p.dashArgs ?? [];
  const labels: Record<string, string> = k.flag('labels') ? Object.fromEntries(k.flag('labels')!.split(',').map((kv) => kv.split('=') as [string, string])) : { run: name };
  const env = k.list('env').map((e) => ({ name: e.slice(0, e.indexOf('=')), value: e.slice(e.indexOf('=') + 1) }));
  // generate/versioned/run.go BasicPod: the container named after the pod, resources {}, dnsPolicy ClusterFirst
  const container: Record<string, unknown> = { name, image };
  if (cmd.length) container[k.bool('command') ? 'command' : 'args'] = cmd;
  if (k.flag('port')) container.ports = [{ containerPort: Number(k.flag('port')) }];
  if (env.length) container.env = env;
  container.resources = {};
  if (k.bool('stdin')) { container.stdin = true; container.stdinOnce = true; }
  if (k.bool('tty')) container.tty = true;
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart }, status: {} } as unknown as KObject;
  const dry = k.flag('dry-run');
  const store = k.world.cluster!.store;
  let created: KObject = pod;
  try {
    created = createObject(store, pod, k.ns, dry === 'client' || dry === 'server');
  } catch (e) { k.io.err(formatApiError(e) + '\n'); return 1; }
  // -o yaml|json|name prints the object instead of the `created` line: the generated one for a client dry run
  const out = k.flag('output');
  const printed = dry === 'client' ? pod : created;
  if (out === 'yaml' || out === 'json' || out === 'name') {
    k.io.out(out === 'yaml' ? toYaml(printed) : out === 'json' ? toJson(printed) : `pod/${name}\n`);
    if (dry === 'client' || dry === 'server') return 0;
    k.world.settle();
    if (!attach && !k.bool('stdin')) return 0;
  }
  if (dry === 'client' || dry === 'server') { k.io.out(`pod/${name} created${dry === 'client' ? ' (dry run)' : ' (server dry run)'}\n`); return 0; }
  k.world.settle();
  if (!attach && !k.bool('stdin')) { k.io.out(`pod/${name} created\n`); return 0; }
  const cluster = k.world.cluster!;
  const ns = k.ns;
  const cur = () => store.get<Pod>('Pod', ns, name);
  const finished = (p: Pod | undefined) => p?.status?.phase === 'Succeeded' || p?.status?.phase === 'Failed';
  const running = (p: Pod | undefined) => p?.status?.phase === 'Running' || finished(p);
  // kubectl waits (--pod-running-timeout, 1m) for the pod to run, then attaches
  const ok = cluster.advanceUntil(() => running(cur()), 60);
  k.world.advance(0);
  let exit = 0;
  const del = () => {
    if (!rm) return;
    store.delete('Pod', ns, name, { gracePeriodSeconds: 0 });
    cluster.advanceUntil(() => !cur(), 60);
    k.world.advance(0);
    k.io.out(`pod "${name}" deleted from ${ns} namespace\n`);
  };
  if (!ok) {
    del();
    k.io.err('error: timed out waiting for the condition\n');
    return 1;
  }
  if (restart !== 'Never' || !finished(cur())) k.io.err(BANNER);
  // let the attached process run to its end (a curl takes milliseconds; a server keeps running)
  cluster.advanceUntil(() => finished(cur()) || (restart !== 'Never' && (cur()?.status?.containerStatuses?.[0]?.restartCount ?? 0) > 0) || (cur()?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'), 2);
  k.world.advance(0);
  const logs = cluster.logs(ns, name, {});
  const lines = 'lines' in logs ? logs.lines : [];
  const prevLogs = lines.length === 0 ? cluster.logs(ns, name, { previous: true }) : undefined;
  const shown = lines.length ? lines : prevLogs && 'lines' in prevLogs ? prevLogs.lines : [];
  for (const l of shown) k.io.out(l.text + '\n');
  const p = cur();
  const term = p?.status?.containerStatuses?.[0]?.state?.terminated ?? p?.status?.containerStatuses?.[0]?.lastState?.terminated;
  if (!finished(p) && !term) {
    // a long-running process (nginx, the app): the session stays attached until Ctrl-C
    return {
      longRunning: true,
      stop() {
        k.later(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`);
        if (rm) { store.delete('Pod', ns, name, { gracePeriodSeconds: 0 }); cluster.advanceUntil(() => !cur(), 60); k.later(`pod "${name}" deleted from ${ns} namespace\n`); }
      },
    };
  }
  if (restart !== 'Never') k.io.err(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`);
  exit = term?.exitCode ?? 0;
  del();
  if (restart === 'Never' && exit !== 0) {
    k.io.err(`pod ${ns}/${name} terminated (${term?.reason ?? 'Error'})\n`);
    return exit;
  }
  return 0;
}

export function cmdWait(k: Kctx): ProgramResult {
  const forSpec = k.flag('for');
  // wait.go conditionFuncFor: an empty --for falls through to the last error
  if (!forSpec) { k.io.err('error: unrecognized condition: ""\n'); return 1; }
  const timeout = parseTimeout(k.flag('timeout'), 30);
  const store = k.world.cluster!.store;
  const args = k.p.args;
  const targets: Array<{ kind: string; plural: string; singular: string; ns: string; name: string }> = [];
  const addAll = (typeArg: string) => {
    const rt = resolveResourceType(typeArg);
    if (!rt) { k.io.err(`error: the server doesn't have a resource type "${typeArg}"\n`); return false; }
    const sel = k.flag('selector');
    const objs = store.list(rt.kind, { namespace: k.ns, ...(sel ? { labelSelector: sel } : {}) });
    if (objs.length === 0) { k.io.err(`error: no matching resources found\n`); return false; }
    for (const o of objs) targets.push({ kind: rt.kind, plural: qualifiedPlural(rt), singular: qualifiedSingular(rt), ns: k.ns, name: o.metadata.name ?? '' });
    return true;
  };
  if (args.length === 0) { k.io.err("error: resource(s) were provided, but no name was specified\n"); return 1; }
  for (const a of args) {
    if (a.includes('/')) {
      const rt = resolveResourceType(a.slice(0, a.indexOf('/')));
      if (!rt) { k.io.err(`error: the server doesn't have a resource type "${a.slice(0, a.indexOf('/'))}"\n`); return 1; }
      targets.push({ kind: rt.kind, plural: qualifiedPlural(rt), singular: qualifiedSingular(rt), ns: k.ns, name: a.slice(a.indexOf('/') + 1) });
    } else if (targets.length === 0 && (k.flag('selector') || k.bool('all')) && args.length === 1) { if (!addAll(a)) return 1; }
    else {
      const rt = resolveResourceType(args[0]!);
      if (!rt) { k.io.err(`error: the server doesn't have a resource type "${args[0]}"\n`); return 1; }
      for (const n of args.slice(1)) targets.push({ kind: rt.kind, plural: qualifiedPlural(rt), singular: qualifiedSingular(rt), ns: k.ns, name: n });
      break;
    }
  }
  let check: (o: KObject | undefined) => boolean;
  if (forSpec === 'delete') check = (o) => !o;
  else if (forSpec === 'create') check = (o) => !!o;
  else if (forSpec.startsWith('condition=')) {
    const [cond = '', want = 'True'] = forSpec.slice(10).split('=');
    check = (o) => !!o && ((o.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []).some((c) => c.type.toLowerCase() === cond.toLowerCase() && c.status.toLowerCase() === want.toLowerCase());
  } else if (forSpec.startsWith('jsonpath=')) {
    const body = forSpec.slice(9);
    const m = /^'?(\{[^}]*\})'?(?:=(.*))?$/.exec(body);
    if (!m) { k.io.err(`error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n`); return 1; }
    check = (o) => { if (!o) return false; const r = jsonpathTemplate(m[1]!, o); return r.ok && (m[2] === undefined ? r.text !== '' : r.text === m[2]); };
  } else { k.io.err(`error: unrecognized condition: "${forSpec}"\n`); return 1; }
  const get = (t: (typeof targets)[number]) => store.get(t.kind, t.ns, t.name);
  for (const t of targets) {
    if (forSpec !== 'delete' && forSpec !== 'create' && !get(t)) { k.io.err(`Error from server (NotFound): ${t.plural} "${t.name}" not found\n`); return 1; }
  }
  let rc = 0;
  // --for=delete: the finder ignores NotFound (wait.go RunWait: IgnoreErrors(IsNotFound) when isForDelete), so an
  // object already gone is never visited: no line, exit 0
  for (const t of forSpec === 'delete' ? targets.filter((x) => get(x)) : targets) {
    const ok = k.world.cluster!.advanceUntil(() => check(get(t)), timeout);
    k.world.advance(0);
    if (ok) k.io.out(`${t.singular}/${t.name} condition met\n`);
    else { k.io.err(`error: timed out waiting for the condition on ${t.plural.split('.')[0]}/${t.name}\n`); rc = 1; }
  }
  return rc;
}

export type { ReplicaSet };
