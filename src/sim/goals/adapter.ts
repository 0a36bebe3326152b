// Builds the goal layer's GoalWorld from the terminal's World (src/sim/world.ts): objects from the engine's store,
// images from the workstation's docker and the node, files from the VFS, requests through the network model.
// Structural types keep this adapter honest about exactly what it reads.
import type { GoalWorld, HttpOutcome, HttpVia, KObject } from './types';

export interface StoreLike {
  list(kind: string, opts?: { namespace?: string }): KObject[];
  get(kind: string, namespace: string | undefined, name: string): KObject | undefined;
}

export interface WorldLike {
  minikube: string;
  cluster?: {
    store: StoreLike;
    nodeImages?: { has(ref: string): boolean };
    request?(req: { url: string; from?: { kind: 'workstation' } | { kind: 'pod'; namespace: string; name: string } }): NetResultLike;
    engine?: { explain?(ref: { kind: string; namespace?: string; name: string }): string | undefined };
  } | undefined;
  docker: { has(ref: string): boolean };
  vfs: { read(path: string): string | undefined };
  portForwards: Map<number, { localPort: number; target: string; namespace: string; podName: string; remotePort: number }>;
  tunnel?: unknown;
}

/** The parts of the network model's NetResult (src/sim/net) a goal reads. */
export interface NetResultLike {
  ok: boolean;
  response?: { status: number; body?: string };
  curlError?: string;
  trace: { ok: boolean; text: string }[];
}

/** Turns a network result into a goal's outcome: the first failing hop says where and why it stopped. */
export function outcomeOf(r: NetResultLike): HttpOutcome {
  const stop = r.trace.find((h) => !h.ok);
  if (!r.response) return { ok: false, explanation: stop?.text ?? (r.curlError || 'no response') };
  return { ok: true, status: r.response.status, body: r.response.body ?? '', explanation: r.trace.map((h) => h.text).join(' → ') };
}

/** Sends one request through the network model without printing anything; provided by the engine's net layer. */
export type Requester = (from: 'workstation' | { pod: string; namespace: string }, url: string) => HttpOutcome;

export const PROJECT_DIR = '/home/learner/llmops';
export const MINIKUBE_IP = '192.168.49.2';

function serviceOf(store: StoreLike, name: string, ns: string): KObject | undefined {
  return store.get('Service', ns, name);
}

/** Where a request for `via` goes: the URL a learner would curl, or why there is none yet. */
export function targetUrl(world: WorldLike, via: HttpVia, service: string, path: string, ns: string): { url?: string; from: 'workstation' | { pod: string; namespace: string }; why?: string } {
  const store = world.cluster?.store;
  const svc = store ? serviceOf(store, service, ns) : undefined;
  if (!store || !svc) return { from: 'workstation', why: `service ${service} not found` };
  const port: { port?: number; nodePort?: number } = svc.spec?.ports?.[0] ?? {};
  switch (via) {
    case 'port-forward': {
      for (const pf of world.portForwards.values()) {
        const t = pf.target.replace(/^(svc|services?)\//, 'service/');
        if (pf.namespace === ns && (t === `service/${service}`)) return { from: 'workstation', url: `http://localhost:${pf.localPort}${path}` };
      }
      return { from: 'workstation', why: `no kubectl port-forward to service/${service} is running` };
    }
    case 'tunnel': {
      const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip;
      if (!world.tunnel) return { from: 'workstation', why: 'minikube tunnel is not running' };
      if (!ip) return { from: 'workstation', why: `${service} has no EXTERNAL-IP yet` };
      return { from: 'workstation', url: `http://${ip}:${port.port ?? 80}${path}` };
    }
    case 'node-port': {
      if (!port.nodePort) return { from: 'workstation', why: `${service} has no nodePort (type ${svc.spec?.type ?? 'ClusterIP'})` };
      return { from: 'workstation', url: `http://${MINIKUBE_IP}:${port.nodePort}${path}` };
    }
    case 'in-cluster': {
      const client = store.list('Pod', { namespace: ns }).find((p) => p.status?.phase === 'Running' && p.metadata.deletionTimestamp == null);
      return { from: { pod: client?.metadata.name ?? 'goal-probe', namespace: ns }, url: `http://${service}.${ns}.svc.cluster.local:${port.port ?? 80}${path}` };
    }
  }
}

export function goalWorldFromShell(world: WorldLike, request?: Requester, extras: Pick<GoalWorld, 'explain' | 'podEnv'> = {}): GoalWorld {
  const send: Requester | undefined = request ?? ((from, url) => {
    const c = world.cluster;
    if (!c?.request) return { ok: false, explanation: 'the network model is not available' };
    return outcomeOf(c.request({ url, from: from === 'workstation' ? { kind: 'workstation' } : { kind: 'pod', namespace: from.namespace, name: from.pod } }));
  });
  const explain: GoalWorld['explain'] = extras.explain ?? ((kind, name, namespace) => {
    try { return world.cluster?.engine?.explain?.({ kind, namespace, name }) || undefined; } catch { return undefined; }
  });
  const store = (): StoreLike | undefined => (world.minikube === 'running' ? world.cluster?.store : undefined);
  return {
    clusterRunning: () => world.minikube === 'running' && !!world.cluster,
    list: (kind, namespace) => store()?.list(kind, namespace ? { namespace } : {}) ?? [],
    get: (kind, name, namespace) => store()?.get(kind, namespace ?? 'default', name),
    hasNodeImage: (ref) => world.cluster?.nodeImages?.has(ref) ?? false,
    hasLocalImage: (ref) => world.docker.has(ref),
    readFile: (path) => world.vfs.read(path.startsWith('/') ? path : `${PROJECT_DIR}/${path}`),
    request(via, service, path, ns) {
      const t = targetUrl(world, via, service, path, ns);
      if (!t.url) return { ok: false, explanation: t.why ?? 'no route' };
      return send(t.from, t.url);
    },
    ...extras,
    explain,
  };
}
