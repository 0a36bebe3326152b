/**
 * What a fresh `minikube start` (v1.37, Kubernetes v1.34) already has when the command returns: namespaces, the
 * node, the `kubernetes` and `kube-dns` Services, the coredns Deployment and ReplicaSet `coredns-66bc5c9577`, and
 * the kube-system pods with their requests (reference §9 and kubectl-layouts §2.4: 750m CPU and 170Mi memory in
 * total), plus the events a real boot leaves behind.
 *
 * The control plane boots about half a minute before `minikube start` prints `Done!`, so the objects are created
 * along a boot timeline that ends at `readyAt` (the cluster's start time): `kubectl get pods -A` right after start
 * shows ages of ~20–30 s, not 0 s. The timeline (offsets from readyAt) [M: the order follows kubeadm init and
 * minikube's start.go; the exact seconds vary run to run]:
 *
 *   -32 s  API server up: namespaces, Service `kubernetes` (bootstrap controller); the kubelet's startup events:
 *          `Starting kubelet.`, NodeAllocatableEnforced, NodeHasSufficientMemory/NoDiskPressure (x8) and
 *          NodeHasSufficientPID (x7) while it retries registration (kubectl-layouts §2.4)
 *   -30 s  Node `minikube` registered (NotReady until the runtime network is up)
 *   -29 s  mirror pods of the static control-plane pods (etcd, apiserver, controller-manager, scheduler)
 *   -26 s  node Ready: `NodeReady`
 *   -25 s  controller-manager: RegisteredNode; kubeadm addons: Service kube-dns, Deployment coredns with 2
 *          replicas (kubeadm's default) and DaemonSet kube-proxy; their pods are scheduled
 *   -24 s  minikube scales coredns to 1 (node/start.go: "scale down CoreDNS from default 2 to 1 replica")
 *   -23 s  kube-proxy and coredns containers start; kube-proxy's `Starting` event
 *   -22 s  minikube's storage-provisioner addon pod
 *
 * The objects that existed before this timeline was modelled (namespaces, Services, the seven pods, the Node) draw
 * from the store's PRNG exactly as before; everything added with it (Deployment, ReplicaSet, the scaled-away coredns
 * pod, events) draws from a side PRNG (`boot.side`), so user-visible names after start (pod suffixes) do not move.
 */
import type { KObject, Node, Pod, KEvent } from '../api/types';
import {
  seedNamespaces, seedApiServerService, seedKubeDnsService, seedCoreDnsDeployment, systemPods, createSystemPod, systemContainerName, COREDNS_RS,
} from '../api/seed';
import type { Store } from '../store/store';
import { rfc3339, type Millis } from '../clock/index';
import { NODE_ALLOCATABLE, NODE_CAPACITY, NODE_IP, NODE_NAME, NODE_POD_CIDR } from '../node/node';
import { NODE_LABELS } from '../controllers/scheduler';
import { SOURCES, containerFieldPath, type EventRecorder } from '../events/index';

/** minikube v1.37.0's commit (the `minikube.k8s.io/commit` node label; kubectl-layouts §2.4). */
export const MINIKUBE_COMMIT = '65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3';

/** Seconds before `minikube start` returns at which each boot step happens (see the file comment). */
export const BOOT = {
  apiServer: 32,
  kubeletStart: 32,
  nodeRegistered: 30,
  staticPods: 29,
  nodeReady: 26,
  addons: 25,
  corednsScaledDown: 24,
  containersStarted: 23,
  storageProvisioner: 22,
} as const;

/** How long before `minikube start` returns the boot timeline begins. */
export const BOOT_SECONDS = BOOT.apiServer;

export interface BootHooks {
  store: Store;
  events: EventRecorder;
  /** moves the virtual clock forward to `ms` */
  setTime(ms: Millis): void;
  /** runs `fn` with the store drawing from the side PRNG */
  side<T>(fn: () => T): T;
  /** runs the endpoints controller for a Service now (its Endpoints/EndpointSlice then carry boot-time ages) */
  syncEndpoints?(key: string): void;
}

/** Creates the system objects along the boot timeline; returns the uids of the system pods (the kubelet does not run them). */
export function seedMinikube(boot: BootHooks, readyAt: Millis): Set<string> {
  const { store, events, side } = boot;
  const at = (secondsBefore: number, extraMs = 0) => boot.setTime(readyAt - secondsBefore * 1000 + extraMs);
  const uids = new Set<string>();
  if (store.get('Namespace', '', 'kube-system')) {
    for (const p of store.list<Pod>('Pod', { namespace: 'kube-system' })) uids.add(p.metadata.uid ?? '');
    return uids;
  }
  const kubelet = SOURCES.kubelet;

  at(BOOT.apiServer);
  seedNamespaces(store);
  seedApiServerService(store, NODE_IP);
  const kubeDns = () => seedKubeDnsService(store);
  // the pod names are drawn first and the node's uid last, as before, so the PRNG sequence is unchanged
  const specs = systemPods(store);
  const spec = (prefix: string) => specs.find((s) => s.name.startsWith(prefix))!;
  const nodeUid = store.newUid();
  const nodeRef = { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE_NAME, uid: nodeUid } } as KObject;

  side(() => {
    // The kubelet's node events (pkg/kubelet: BirthCry "Starting kubelet."; cm/node_container_manager_linux.go
    // "Updated Node Allocatable limit across pods"; kubelet_node_status.go recordNodeStatusEvent
    // "Node %s status is now: %s"). Registration is retried while the API server comes up, so the pressure
    // events are aggregated: x8, x8, x7 (kubectl-layouts §2.4).
    // (The real involvedObject.uid is the node name — the kubelet's nodeRef — and kubectl describe node searches
    // by both; the node's uid is used here because the simulator's describe matches by uid.)
    at(BOOT.kubeletStart, 200);
    events.record(kubelet, nodeRef, 'Normal', 'Starting', 'Starting kubelet.');
    events.record(kubelet, nodeRef, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    for (let i = 0; i < 8; i++) {
      at(BOOT.kubeletStart, 300 + i * 80);
      for (const s of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
        if (s === 'NodeHasSufficientPID' && i === 7) continue;
        events.record(kubelet, nodeRef, 'Normal', s, `Node ${NODE_NAME} status is now: ${s}`);
      }
    }
  });

  // ---- the node registers (NotReady until the runtime network is up)
  at(BOOT.nodeRegistered);
  const registered = rfc3339(readyAt - BOOT.nodeRegistered * 1000);
  const readySince = rfc3339(readyAt - BOOT.nodeReady * 1000);
  const updatedAt = updatedAtLabel(readyAt - BOOT.addons * 1000);
  const node = store.create<Node>({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: NODE_NAME,
      labels: { ...NODE_LABELS, 'minikube.k8s.io/commit': MINIKUBE_COMMIT, 'minikube.k8s.io/updated_at': updatedAt },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: NODE_POD_CIDR, podCIDRs: [NODE_POD_CIDR] },
    status: {
      capacity: { ...NODE_CAPACITY },
      allocatable: { ...NODE_ALLOCATABLE },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: readySince, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastTransitionTime: registered },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: readySince, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastTransitionTime: registered },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: readySince, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastTransitionTime: registered },
        { type: 'Ready', status: 'True', lastHeartbeatTime: readySince, reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: readySince },
      ],
      addresses: [{ type: 'InternalIP', address: NODE_IP }, { type: 'Hostname', address: NODE_NAME }],
      nodeInfo: {
        architecture: 'amd64', containerRuntimeVersion: 'docker://28.4.0', kernelVersion: '6.8.0-79-generic', kubeletVersion: 'v1.34.0',
        kubeProxyVersion: '', operatingSystem: 'linux', osImage: 'Ubuntu 22.04.5 LTS',
      },
    },
  } as unknown as Node, { uid: nodeUid });

  // ---- mirror pods of the static control-plane pods
  at(BOOT.staticPods);
  const created = new Map<string, KObject>();
  for (const name of ['etcd-minikube', 'kube-apiserver-minikube', 'kube-controller-manager-minikube', 'kube-scheduler-minikube']) {
    created.set(name, createSystemPod(store, spec(name), { nodeName: NODE_NAME, nodeIP: NODE_IP, podIP: NODE_IP }));
  }

  at(BOOT.nodeReady);
  side(() => events.record(kubelet, node, 'Normal', 'NodeReady', `Node ${NODE_NAME} status is now: NodeReady`));

  // ---- controller-manager and kubeadm's addons
  at(BOOT.addons);
  side(() => events.record(SOURCES.nodeController, node, 'Normal', 'RegisteredNode', `Node ${NODE_NAME} event: Registered Node ${NODE_NAME} in Controller`));
  kubeDns();
  const dns = side(() => seedCoreDnsDeployment(store, 1));
  const dnsSpec = spec('coredns-');
  const proxySpec = spec('kube-proxy-');
  const daemonSet = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'kube-proxy', namespace: 'kube-system', uid: side(() => store.newUid()) } } as KObject;
  const scaledAway = side(() => `${COREDNS_RS}-${store.randomSuffix()}`);
  side(() => {
    // kubeadm creates coredns with 2 replicas; the deployment controller creates the RS (sync.go getNewReplicaSet)
    events.record(SOURCES.deployment, dns.deployment, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${COREDNS_RS} from 0 to 2`);
    for (const p of [dnsSpec.name, scaledAway]) events.record(SOURCES.replicaset, dns.replicaSet, 'Normal', 'SuccessfulCreate', `Created pod: ${p}`);
    events.record(SOURCES.daemonset, daemonSet, 'Normal', 'SuccessfulCreate', `Created pod: ${proxySpec.name}`);
  });
  const dnsPod = createSystemPod(store, dnsSpec, { nodeName: NODE_NAME, nodeIP: NODE_IP, podIP: '10.244.0.2', ownerRef: dns.ownerRef });
  const proxyPod = createSystemPod(store, proxySpec, {
    nodeName: NODE_NAME, nodeIP: NODE_IP, podIP: NODE_IP,
    ownerRef: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: daemonSet.metadata.uid!, controller: true, blockOwnerDeletion: true },
  });
  created.set(dnsSpec.name, dnsPod);
  created.set(proxySpec.name, proxyPod);
  // the endpoint and endpointslice controllers fill kube-dns as soon as coredns has an IP
  boot.syncEndpoints?.('kube-system/kube-dns');
  side(() => {
    const gone = { ...dnsPod, metadata: { ...dnsPod.metadata, name: scaledAway, uid: store.newUid() } } as KObject;
    for (const p of [dnsPod, gone, proxyPod]) scheduled(events, p);
    at(BOOT.corednsScaledDown);
    events.record(SOURCES.deployment, dns.deployment, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${COREDNS_RS} from 2 to 1`);
    events.record(SOURCES.replicaset, dns.replicaSet, 'Normal', 'SuccessfulDelete', `Deleted pod: ${scaledAway}`);
    at(BOOT.containersStarted);
    containerStarted(events, proxyPod, proxySpec.image);
    containerStarted(events, dnsPod, dnsSpec.image);
    // kube-proxy's birthCry goes through the events.k8s.io API: no source/firstTimestamp/count, only
    // eventTime and reportingController (cmd/kube-proxy/app/server.go: Eventf(nodeRef, nil, Normal, "Starting", "StartKubeProxy", ""))
    at(BOOT.containersStarted, 600);
    newStyleEvent(store, node, 'Starting', 'StartKubeProxy', 'kube-proxy', `kube-proxy-${NODE_NAME}`, boot);
  });

  // ---- minikube's storage-provisioner addon (a bare pod)
  at(BOOT.storageProvisioner);
  const sp = spec('storage-provisioner');
  const spPod = createSystemPod(store, sp, { nodeName: NODE_NAME, nodeIP: NODE_IP, podIP: NODE_IP });
  created.set(sp.name, spPod);
  side(() => {
    scheduled(events, spPod);
    at(BOOT.storageProvisioner - 1);
    containerStarted(events, spPod, sp.image);
  });

  // Deployment and ReplicaSet status as the controllers left them once coredns was available.
  side(() => {
    const since = rfc3339(readyAt - BOOT.addons * 1000);
    const avail = rfc3339(readyAt - BOOT.containersStarted * 1000);
    const full = { replicas: 1, readyReplicas: 1, availableReplicas: 1 };
    store.updateStatus({ ...store.get('ReplicaSet', 'kube-system', COREDNS_RS)!, status: { ...full, fullyLabeledReplicas: 1, observedGeneration: 1 } } as KObject);
    const d = store.get('Deployment', 'kube-system', 'coredns')!;
    store.updateStatus({
      ...d,
      status: {
        observedGeneration: d.metadata.generation ?? 1, ...full, updatedReplicas: 1,
        conditions: [
          { type: 'Available', status: 'True', lastUpdateTime: avail, lastTransitionTime: avail, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
          { type: 'Progressing', status: 'True', lastUpdateTime: avail, lastTransitionTime: since, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${COREDNS_RS}" has successfully progressed.` },
        ],
      },
    } as KObject);
  });

  boot.setTime(readyAt);
  for (const p of store.list<Pod>('Pod', { namespace: 'kube-system' })) uids.add(p.metadata.uid ?? '');
  return uids;
}

function scheduled(events: EventRecorder, pod: KObject): void {
  events.record(SOURCES.scheduler, pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${NODE_NAME}`);
}

function containerStarted(events: EventRecorder, pod: KObject, image: string): void {
  const c = systemContainerName(pod.metadata.name ?? '');
  const fp = containerFieldPath(c);
  events.record(SOURCES.kubelet, pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, fp);
  events.record(SOURCES.kubelet, pod, 'Normal', 'Created', `Created container: ${c}`, fp);
  events.record(SOURCES.kubelet, pod, 'Normal', 'Started', `Started container ${c}`, fp);
}

/**
 * An event written through the events.k8s.io/v1 API, as core/v1 shows it: eventTime (MicroTime) and
 * reportingComponent/Instance set, no source, no first/lastTimestamp, no count; named `<object>.<hex nanoseconds>`.
 */
function newStyleEvent(store: Store, o: KObject, reason: string, action: string, controller: string, instance: string, boot: BootHooks): void {
  const ms = store.now();
  const ev = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${o.metadata.name}.${(BigInt(ms) * 1_000_000n + 1n).toString(16)}`, namespace: 'default' },
    involvedObject: { kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, apiVersion: o.apiVersion },
    reason,
    message: '',
    source: {},
    type: 'Normal',
    eventTime: microTime(ms),
    action,
    reportingComponent: controller,
    reportingInstance: instance,
  } as unknown as KEvent;
  void boot;
  store.create(ev);
}

/** metav1.MicroTime as JSON: RFC 3339 with microseconds. */
function microTime(ms: Millis): string {
  return rfc3339(ms).replace(/Z$/, `.${String(ms % 1000).padStart(3, '0')}000Z`);
}

/** minikube's `minikube.k8s.io/updated_at` label: Go layout `2006_01_02T15_04_05_0700` in UTC. */
function updatedAtLabel(ms: Millis): string {
  return rfc3339(ms).replace(/[-:]/g, '_').replace(/Z$/, '_0000');
}
