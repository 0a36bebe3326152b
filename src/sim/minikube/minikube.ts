// minikube v1.37.0 (docker driver, Linux) as the terminal shows it. Texts: kubectl-layouts.md §5 (each string is
// from kubernetes/minikube@v1.37.0 sources unless marked [M] there). Emoji prefixes are followed by two spaces.
import type { Ctx, LongRunning, Program } from '../shell/types';
import { MINIKUBE_SYSTEM_IMAGES } from '../images/registry';
import { parseImageRef } from '../images/ref';
import { kubectl } from '../kubectl/kubectl';

export const MINIKUBE_VERSION = 'v1.37.0';
export const MINIKUBE_COMMIT = '65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3';
export const K8S_VERSION = 'v1.34.0';
export const NODE_IP = '192.168.49.2';

// pkg/minikube/mustload/mustload.go (Partial, running): out.Styled → stdout; exitTip exits with the reason's code
// (ExGuestNotFound 85, ExGuestNotRunning 83 — pkg/minikube/reason/exitcodes.go).
const NO_PROFILE = '🤷  Profile "minikube" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start"\n';
const HOST_STOPPED = '🤷  The control-plane node minikube host is not running: state=Stopped\n👉  To start a cluster, run: "minikube start"\n';

/** mustload.Running/Healthy: checks the cluster runs; prints minikube's message and returns the exit code otherwise. */
function needRunning(ctx: Ctx): number | undefined {
  if (ctx.world.minikube === 'absent') { ctx.io.out(NO_PROFILE); return 85; }
  if (ctx.world.minikube === 'stopped') { ctx.io.out(HOST_STOPPED); return 83; }
  return undefined;
}

const USAGE = `minikube provisions and manages local Kubernetes clusters optimized for development workflows.

Basic Commands:
  start            Starts a local Kubernetes cluster
  status           Gets the status of a local Kubernetes cluster
  stop             Stops a running local Kubernetes cluster
  delete           Deletes a local Kubernetes cluster
  dashboard        Access the Kubernetes dashboard running within the minikube cluster
  pause            pause Kubernetes
  unpause          unpause Kubernetes

Images Commands:
  docker-env       Provides instructions to point your terminal's docker-cli to the Docker Engine inside minikube. (Useful for building docker images directly inside minikube)
  podman-env       Configure environment to use minikube's Podman service
  cache            Manage cache for images
  image            Manage images

Configuration and Management Commands:
  addons           Enable or disable a minikube addon
  config           Modify persistent configuration values
  profile          Get or list the current profiles (clusters)
  update-context   Update kubeconfig in case of an IP or port change

Networking and Connectivity Commands:
  service          Returns a URL to connect to a service
  tunnel           Connect to LoadBalancer services

Advanced Commands:
  mount            Mounts the specified directory into minikube
  ssh              Log into the minikube environment (for debugging)
  kubectl          Run a kubectl binary matching the cluster version
  node             Add, remove, or list additional nodes
  cp               Copy the specified file into minikube

Troubleshooting Commands:
  ssh-key          Retrieve the ssh identity key path of the specified node
  ssh-host         Retrieve the ssh host key of the specified node
  ip               Retrieves the IP address of the specified node
  logs             Returns logs to debug a local Kubernetes cluster
  update-check     Print current and latest version number
  version          Print the version of minikube
  options          Show a list of global command-line options (applies to all commands).

Other Commands:
  completion       Generate command completion for a shell
  license          Outputs the licenses of dependencies to a directory

Use "minikube <command> --help" for more information about a given command.
`;

/** Real minikube commands the simulator does not model: a clear message instead of "unknown command". */
const NOT_MODELLED = new Set(['pause', 'unpause', 'podman-env', 'cache', 'config', 'profile', 'update-context', 'mount', 'ssh', 'node', 'cp', 'ssh-key', 'ssh-host', 'logs', 'update-check', 'options', 'completion', 'license']);

export const MINIKUBE_COMMANDS = ['start', 'status', 'stop', 'delete', 'ip', 'image', 'service', 'tunnel', 'addons', 'dashboard', 'version', 'kubectl'];

export const minikube: Program = (argv, ctx) => {
  const args = argv.slice(1);
  const positional = args.filter((a) => !a.startsWith('-'));
  const sub = positional[0];
  if (!sub || args.includes('--help') || args.includes('-h')) { ctx.io.out(USAGE); return 0; }
  switch (sub) {
    case 'start': return start(ctx, args);
    case 'status': return status(ctx, args);
    case 'stop': return stop(ctx, args);
    case 'delete': return del(ctx);
    case 'ip': { const rc = needRunning(ctx); if (rc !== undefined) return rc; ctx.io.out(NODE_IP + '\n'); return 0; }
    case 'version':
      // cmd/version.go: --short prints the version alone
      ctx.io.out(args.includes('--short') ? `${MINIKUBE_VERSION}\n` : `minikube version: ${MINIKUBE_VERSION}\ncommit: ${MINIKUBE_COMMIT}\n`);
      return 0;
    case 'image': return image(positional.slice(1), args, ctx);
    case 'docker-env': return dockerEnv(args, ctx);
    case 'service': return service(positional.slice(1), args, ctx);
    case 'tunnel': return tunnel(ctx);
    case 'addons': return addons(positional.slice(1), ctx);
    case 'dashboard': {
      const rc = needRunning(ctx); if (rc !== undefined) return rc;
      ctx.io.out('The Kubernetes dashboard is not part of this simulator. The lab\'s cluster view shows the same objects:\nDeployments, ReplicaSets, Pods, Services and their endpoints, live. On a real minikube, `minikube dashboard`\nenables the addon and opens it in your browser.\n');
      return 0;
    }
    case 'kubectl': {
      const dd = args.indexOf('--');
      return kubectl(['kubectl', ...(dd >= 0 ? args.slice(dd + 1) : args.slice(1))], ctx);
    }
    default:
      if (NOT_MODELLED.has(sub)) {
        ctx.io.err(`minikube ${sub}: this command exists in minikube ${MINIKUBE_VERSION} but is not simulated here (the lab models start, status, stop, delete, ip, image, service, tunnel, addons list, version and kubectl)\n`);
        return 1;
      }
      ctx.io.err(`Error: unknown command "${sub}" for "minikube"\nRun 'minikube --help' for usage.\n`);
      return 1;
  }
};

function start(ctx: Ctx, args: string[]): number {
  const w = ctx.world;
  const driverFlag = args.find((a) => a.startsWith('--driver=') || a.startsWith('--vm-driver='))?.split('=')[1];
  if (driverFlag && driverFlag !== 'docker') {
    ctx.io.out(`😄  minikube ${MINIKUBE_VERSION} on Ubuntu 24.04\n`);
    ctx.io.err(`❌  Exiting due to DRV_NOT_DETECTED: The "${driverFlag}" driver is not available in this simulator: it models minikube's docker driver only.\n`);
    return 1;
  }
  const o = (s: string) => ctx.io.out(s + '\n');
  o(`😄  minikube ${MINIKUBE_VERSION} on Ubuntu 24.04`);
  const firstRun = w.minikube === 'absent';
  if (firstRun && driverFlag === 'docker') {
    o('✨  Using the docker driver based on user configuration');
    o('📌  Using Docker driver with root privileges');
  } else if (firstRun) {
    o('✨  Automatically selected the docker driver. Other choices: virtualbox, none, ssh');
    o('📌  Using Docker driver with root privileges');
  } else {
    o('✨  Using the docker driver based on existing profile');
    // cmd/start.go validateChangedMemoryFlags / CPU check: an existing cluster keeps its size (warnings on stderr)
    const mem = memoryMB(flagValue(args, 'memory'));
    const cpus = flagValue(args, 'cpus');
    if (mem !== undefined && mem !== w.minikubeSize.memoryMB) ctx.io.err('❗  You cannot change the memory size for an existing minikube cluster. Please first delete the cluster.\n');
    if (cpus !== undefined && Number(cpus) !== w.minikubeSize.cpus) ctx.io.err('❗  You cannot change the number of CPUs for an existing minikube cluster. Please first delete the cluster.\n');
  }
  o('👍  Starting "minikube" primary control-plane node in "minikube" cluster');
  o('🚜  Pulling base image v0.0.48 ...');
  if (firstRun && w.minikubeCreatedAt === undefined) {
    o(`💾  Downloading Kubernetes ${K8S_VERSION} preload ...`);
    o('    > gcr.io/k8s-minikube/kicbase...:  488.51 MiB / 488.52 MiB  100.00% 2.05 Mi');
    o('    > preloaded-images-k8s-v18-v1...:  337.07 MiB / 337.07 MiB  100.00% 1.02 Mi');
  }
  if (firstRun) {
    // defaults: 2 CPUs, 25 % of a 16 GB host rounded down to 100 MB (kubectl-layouts §5.1)
    const cpus = Number(flagValue(args, 'cpus') ?? 2);
    w.minikubeSize = { cpus: Number.isInteger(cpus) && cpus > 0 ? cpus : 2, memoryMB: memoryMB(flagValue(args, 'memory')) ?? 3900 };
    o(`🔥  Creating docker container (CPUs=${w.minikubeSize.cpus}, Memory=${w.minikubeSize.memoryMB}MB) ...`);
  }
  else if (w.minikube === 'stopped') o('🔄  Restarting existing docker container for "minikube" ...');
  else o('🏃  Updating the running docker "minikube" container ...');
  o(`🐳  Preparing Kubernetes ${K8S_VERSION} on Docker 28.4.0 ...`);
  if (firstRun) o('🔗  Configuring bridge CNI (Container Networking Interface) ...');
  o('🔎  Verifying Kubernetes components...');
  o('    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5');
  o(`🌟  Enabled addons: ${firstRun ? 'storage-provisioner, default-storageclass' : 'default-storageclass, storage-provisioner'}`);
  w.startCluster();
  o('🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default');
  return 0;
}

function status(ctx: Ctx, args: string[]): number {
  const w = ctx.world;
  if (w.minikube === 'absent') { ctx.io.out(NO_PROFILE); return 85; }
  const s = w.minikube === 'running' ? 'Running' : 'Stopped';
  const kubeconfig = w.minikube === 'running' ? 'Configured' : 'Stopped';
  const oi = args.findIndex((a) => a === '-o' || a === '--output');
  const format = oi >= 0 ? args[oi + 1] : args.find((a) => a.startsWith('--output=') || a.startsWith('-o='))?.replace(/^(--output|-o)=/, '');
  // cmd/status.go statusJSON: the Status struct marshalled (one object for a single node)
  if (format === 'json') ctx.io.out(JSON.stringify({ Name: 'minikube', Host: s, Kubelet: s, APIServer: s, Kubeconfig: kubeconfig, Worker: false }) + '\n');
  // cmd/status.go: a `docker-env: in-use` line while this shell points docker at the node
  else ctx.io.out(`minikube\ntype: Control Plane\nhost: ${s}\nkubelet: ${s}\napiserver: ${s}\nkubeconfig: ${kubeconfig}\n${ctx.env.get('MINIKUBE_ACTIVE_DOCKERD') === 'minikube' && w.minikube === 'running' ? 'docker-env: in-use\n' : ''}\n`);
  return w.minikube === 'running' ? 0 : 7;
}

/** `--memory=4096`, `--memory 8g`, `--memory=4gb`: minikube's memory flag in MB (plain numbers are MB). */
function flagValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
function memoryMB(v: string | undefined): number | undefined {
  const m = /^(\d+)\s*([kmgt]?)i?b?$/i.exec(v ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return unit === 'g' ? n * 1024 : unit === 't' ? n * 1024 * 1024 : unit === 'k' ? Math.floor(n / 1024) : n;
}

function stop(ctx: Ctx, args: string[]): number {
  const w = ctx.world;
  if (w.minikube === 'absent') { ctx.io.out(NO_PROFILE); return 85; }
  // cmd/stop.go: the "Powering off" step only when the host is running (machine/stop.go trySSHPowerOff); then,
  // unless --keep-context-active, kubeconfig.DeleteContext removes the "minikube" context, so kubectl falls back
  // to localhost:8080 afterwards.
  const keepContext = args.some((a) => a === '--keep-context-active' || a === '--keep-context-active=true');
  if (w.minikube === 'stopped') ctx.io.out('✋  Stopping node "minikube"  ...\n🛑  1 node stopped.\n');
  else {
    ctx.io.out('✋  Stopping node "minikube"  ...\n🛑  Powering off "minikube" via SSH ...\n🛑  1 node stopped.\n');
    w.stopCluster();
  }
  if (!keepContext) w.kubeContext = undefined;
  return 0;
}

/** cmd/docker-env.go (bash shell, docker driver): the exports for the node's daemon (its port 2376 published on
 *  127.0.0.1:32771 — see `docker ps`), or with --unset/-u the matching unsets. */
function dockerEnv(args: string[], ctx: Ctx): number {
  if (args.includes('--unset') || args.includes('-u')) {
    ctx.io.out('unset DOCKER_TLS_VERIFY;\nunset DOCKER_HOST;\nunset DOCKER_CERT_PATH;\nunset MINIKUBE_ACTIVE_DOCKERD;\n');
    return 0;
  }
  const rc = needRunning(ctx); if (rc !== undefined) return rc;
  ctx.io.out('export DOCKER_TLS_VERIFY="1"\nexport DOCKER_HOST="tcp://127.0.0.1:32771"\nexport DOCKER_CERT_PATH="/home/learner/.minikube/certs"\nexport MINIKUBE_ACTIVE_DOCKERD="minikube"\n\n# To point your shell to minikube\'s docker-daemon, run:\n# eval $(minikube -p minikube docker-env)\n');
  return 0;
}

function del(ctx: Ctx): number {
  const w = ctx.world;
  if (w.minikube === 'absent') {
    // cmd/delete.go: config.LoadProfile fails → out.ErrT(style.Meh, …) on stderr, then the leftovers are removed
    ctx.io.err('🙄  "minikube" profile does not exist, trying anyways.\n');
    ctx.io.out('💀  Removed all traces of the "minikube" cluster.\n');
    return 0;
  }
  ctx.io.out('🔥  Deleting "minikube" in docker ...\n🔥  Deleting container "minikube" ...\n🔥  Removing /home/learner/.minikube/machines/minikube ...\n💀  Removed all traces of the "minikube" cluster.\n');
  w.deleteCluster();
  return 0;
}

function image(pos: string[], args: string[], ctx: Ctx): number {
  const sub = pos[0];
  if (sub === undefined) {
    ctx.io.out('Manage images\n\nAvailable Commands:\n  load        Load an image into minikube\n  ls          List images\n  rm          Remove one or more images\n\nUse "minikube image <command> --help" for more information about a given command.\n');
    return 0;
  }
  const rc = needRunning(ctx); if (rc !== undefined) return rc;
  const cluster = ctx.world.cluster!;
  const node = cluster.nodeImages;
  if (sub === 'load') {
    const name = pos[1];
    if (!name) { ctx.io.err('❌  Exiting due to MK_USAGE: Please provide an image in your local daemon to load into minikube via <minikube image load IMAGE_NAME>\n'); return 64; }
    const local = ctx.world.docker.get(name);
    if (!local) {
      const p = parseImageRef(name);
      const shown = p.ok ? p.ref.short : name;
      // [M] minikube falls back to the remote registry, which does not have the image either
      ctx.io.err(`❌  Exiting due to GUEST_IMAGE_LOAD: Failed to load image: save to dir: caching images: caching image "/home/learner/.minikube/cache/images/amd64/${shown.replace(':', '_')}": write: unable to calculate manifest: GET https://index.docker.io/v2/library/${shown.split(':')[0]}/manifests/${p.ok ? p.ref.tag : 'latest'}: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:library/${shown.split(':')[0]} Type:repository]]\n`);
      return 80;
    }
    node.add(name, { id: local.id, sizeBytes: local.sizeBytes, created: local.created, model: local.model });
    return 0; // no output on success (kubectl-layouts §5.4)
  }
  if (sub === 'ls' || sub === 'list') {
    const refs = node.list().map((e) => e.ref).sort().reverse();
    ctx.io.out(refs.join('\n') + '\n');
    return 0;
  }
  if (sub === 'rm') {
    for (const name of pos.slice(1)) node.remove(name);
    return 0;
  }
  void args;
  ctx.io.err(`Error: unknown command "${sub}" for "minikube image"\nRun 'minikube image --help' for usage.\n`);
  return 1;
}

function service(pos: string[], args: string[], ctx: Ctx): number {
  const name = pos[0];
  const rc = needRunning(ctx); if (rc !== undefined) return rc;
  if (name === 'list') {
    const rows = ctx.world.cluster!.serviceUrls().map((s) => [s.namespace, s.name, s.targetPorts, s.urls.join('\n') || 'No node port']);
    ctx.io.out(boxTable(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], rows));
    return 0;
  }
  if (!name) { ctx.io.err('❌  Exiting due to MK_USAGE: You must specify service name(s) or --all\n'); return 64; }
  let ns = 'default';
  const ni = args.findIndex((a) => a === '-n' || a === '--namespace');
  if (ni >= 0 && args[ni + 1]) ns = args[ni + 1]!;
  const nsEq = args.find((a) => a.startsWith('--namespace='));
  if (nsEq) ns = nsEq.slice(12);
  const svc = ctx.world.cluster!.serviceUrls().find((s) => s.name === name && s.namespace === ns);
  if (!svc) {
    ctx.io.err(`❌  Exiting due to SVC_NOT_FOUND: Service '${name}' was not found in '${ns}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'\n`);
    return 1;
  }
  if (!svc.hasRunningPod) {
    ctx.io.err(`❌  Exiting due to SVC_UNREACHABLE: service not available: no running pod for service ${name} found\n`);
    return 115;
  }
  if (svc.urls.length === 0) {
    ctx.io.out(boxTable(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[ns, name, 'No node port', '']]));
    ctx.io.err(`😿  service ${ns}/${name} has no node port\n`);
    return 0;
  }
  if (args.includes('--url')) { ctx.io.out(svc.urls.join('\n') + '\n'); return 0; }
  ctx.io.out(boxTable(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[ns, name, svc.targetPorts, svc.urls.join('\n')]]));
  ctx.io.out(`🎉  Opening service ${ns}/${name} in default browser...\n`);
  return 0;
}

/** Terminal columns of a string: emoji and other wide characters take two (as go-runewidth counts them). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfe0f || (c >= 0x300 && c <= 0x36f)) continue;
    n += (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x2600 && c <= 0x27bf && [0x2705, 0x274c, 0x2728, 0x26a1, 0x2b50].includes(c)) || (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff00 && c <= 0xff60) ? 2 : 1;
  }
  return n;
}

/** tablewriter-style box: headers upper-case and centred, cells left-aligned (kubectl-layouts §5.6). */
export function boxTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map((x) => displayWidth(x))))));
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r + '\n';
  const center = (s: string, w: number) => { const left = Math.floor((w - s.length) / 2); return ' '.repeat(left) + s + ' '.repeat(w - s.length - left); };
  let out = line('┌', '┬', '┐');
  out += '│' + headers.map((h, i) => ' ' + center(h, widths[i]!) + ' ').join('│') + '│\n';
  out += line('├', '┼', '┤');
  for (const r of rows) {
    const height = Math.max(...r.map((c) => c.split('\n').length));
    for (let k = 0; k < height; k++) {
      out += '│' + widths.map((w, i) => { const cell = (r[i] ?? '').split('\n')[k] ?? ''; return ' ' + cell + ' '.repeat(Math.max(0, w - displayWidth(cell))) + ' '; }).join('│') + '│\n';
    }
  }
  out += line('└', '┴', '┘');
  return out;
}

function tunnel(ctx: Ctx): number | LongRunning {
  const rc = needRunning(ctx); if (rc !== undefined) return rc;
  const w = ctx.world;
  if (w.tunnel) {
    ctx.io.err('❌  Exiting due to SVC_TUNNEL_ALREADY_RUNNING: Another tunnel process is already running, terminate the existing instance to start a new one\n');
    return 1;
  }
  const pid = ctx.pid;
  w.tunnel = { pid };
  w.cluster!.setTunnel(true);
  const services = w.cluster!.loadBalancerServices();
  // Linux route-based tunnel: a status block with literal tabs (kubectl-layouts §5.7)
  ctx.io.out(`Status:\t\n\tmachine: minikube\n\tpid: ${pid}\n\troute: 10.96.0.0/12 -> ${NODE_IP}\n\tminikube: Running\n\tservices: [${services.join(', ')}]\n    errors: \n\t\tminikube: no errors\n\t\trouter: no errors\n\t\tloadbalancer emulator: no errors\n`);
  const handle: LongRunning = {
    longRunning: true,
    stop() {
      if (w.tunnel?.pid === pid) { w.tunnel = undefined; w.cluster?.setTunnel(false); }
    },
  };
  return handle;
}

const ADDONS: Array<[string, boolean, string]> = [
  // `minikube addons list` of a recent release (a real transcript with kubetail and volcano [D]; the v1.37 list may
  // differ by an addon or two [M]): name, enabled on a fresh cluster, maintainer
  ['ambassador', false, '3rd party (Ambassador)'],
  ['amd-gpu-device-plugin', false, '3rd party (AMD)'],
  ['auto-pause', false, 'minikube'],
  ['cloud-spanner', false, 'Google'],
  ['csi-hostpath-driver', false, 'Kubernetes'],
  ['dashboard', false, 'Kubernetes'],
  ['default-storageclass', true, 'Kubernetes'],
  ['efk', false, '3rd party (Elastic)'],
  ['freshpod', false, 'Google'],
  ['gcp-auth', false, 'Google'],
  ['gvisor', false, 'minikube'],
  ['headlamp', false, '3rd party (kinvolk.io)'],
  ['inaccel', false, '3rd party (InAccel [info@inaccel.com])'],
  ['ingress', false, 'Kubernetes'],
  ['ingress-dns', false, 'minikube'],
  ['inspektor-gadget', false, '3rd party (inspektor-gadget.io)'],
  ['istio', false, '3rd party (Istio)'],
  ['istio-provisioner', false, '3rd party (Istio)'],
  ['kong', false, '3rd party (Kong HQ)'],
  ['kubeflow', false, '3rd party'],
  ['kubetail', false, '3rd party (kubetail.com)'],
  ['kubevirt', false, '3rd party (KubeVirt)'],
  ['logviewer', false, '3rd party (unknown)'],
  ['metallb', false, '3rd party (MetalLB)'],
  ['metrics-server', false, 'Kubernetes'],
  ['nvidia-device-plugin', false, '3rd party (NVIDIA)'],
  ['nvidia-driver-installer', false, '3rd party (NVIDIA)'],
  ['nvidia-gpu-device-plugin', false, '3rd party (NVIDIA)'],
  ['olm', false, '3rd party (Operator Framework)'],
  ['pod-security-policy', false, '3rd party (unknown)'],
  ['portainer', false, '3rd party (Portainer.io)'],
  ['registry', false, 'minikube'],
  ['registry-aliases', false, '3rd party (unknown)'],
  ['registry-creds', false, '3rd party (UPMC Enterprises)'],
  ['storage-provisioner', true, 'minikube'],
  ['storage-provisioner-gluster', false, '3rd party (Gluster)'],
  ['storage-provisioner-rancher', false, '3rd party (Rancher)'],
  ['volcano', false, 'third-party (volcano)'],
  ['volumesnapshots', false, 'Kubernetes'],
  ['yakd', false, '3rd party (marcnuri.com)'],
];

function addons(pos: string[], ctx: Ctx): number {
  const sub = pos[0];
  if (sub !== 'list') {
    if (sub === 'enable' || sub === 'disable') {
      ctx.io.err(`❗  Addons are not simulated: the lab has no ${pos[1] ?? 'such'} addon. \`minikube addons list\` shows what a fresh cluster has.\n`);
      return 1;
    }
    ctx.io.out('addons modifies minikube addons files using subcommands like "minikube addons enable dashboard"\n\nAvailable Commands:\n  disable     Disables the addon w/ADDON_NAME within minikube\n  enable      Enables the addon w/ADDON_NAME within minikube\n  list        Lists all available minikube addons as well as their current statuses (enabled/disabled)\n');
    return 0;
  }
  if (ctx.world.minikube === 'absent') { ctx.io.err(NO_PROFILE); return 85; }
  ctx.io.out(boxTable(['ADDON NAME', 'PROFILE', 'STATUS', 'MAINTAINER'], ADDONS.map(([n, on, m]) => [n, 'minikube', on ? 'enabled ✅' : 'disabled', m])));
  return 0;
}

export { MINIKUBE_SYSTEM_IMAGES };
