/**
 * The objects a fresh `minikube start` (v1.37, Kubernetes v1.34, docker driver) has: the four namespaces,
 * the `kubernetes` Service (10.96.0.1:443) and its endpoints, kube-dns (10.96.0.10), and the kube-system pods
 * with the CPU/memory requests `kubectl describe node minikube` lists (750m CPU, 170Mi memory in total;
 * reference: shared/reference/k8s-semantics.md §9 and kubectl-layouts.md §2.4).
 *
 * The Node object itself (capacity, allocatable) belongs to engine-runtime's node model and is not created here.
 */
import type { KObject, Pod } from './types';
import type { Store } from '../store/store';
import { createObject } from './server';

export interface SeedOptions {
  /** the node's InternalIP (minikube docker driver: 192.168.49.2) */
  nodeIP?: string;
  nodeName?: string;
  /**
   * Also create the coredns Deployment and its ReplicaSet `coredns-66bc5c9577` (pods then carry an ownerReference).
   * A deployment controller must find that ReplicaSet by comparing templates ignoring pod-template-hash, as the
   * real one does, or it will start a second ReplicaSet.
   */
  coreDnsDeployment?: boolean;
}

export interface SystemPodSpec {
  name: string;
  image: string;
  cpu?: string;
  memory?: string;
  memoryLimit?: string;
  hostNetwork: boolean;
  labels: Record<string, string>;
  priorityClassName: string;
}

/** kube-system pods of a fresh minikube, with their requests. Random suffixes are drawn from the store's PRNG. */
export function systemPods(store: Store): SystemPodSpec[] {
  return [
    { name: `coredns-66bc5c9577-${store.randomSuffix()}`, image: 'registry.k8s.io/coredns/coredns:v1.12.1', cpu: '100m', memory: '70Mi', memoryLimit: '170Mi', hostNetwork: false, labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '66bc5c9577' }, priorityClassName: 'system-cluster-critical' },
    { name: 'etcd-minikube', image: 'registry.k8s.io/etcd:3.6.4-0', cpu: '100m', memory: '100Mi', hostNetwork: true, labels: { component: 'etcd', tier: 'control-plane' }, priorityClassName: 'system-node-critical' },
    { name: 'kube-apiserver-minikube', image: 'registry.k8s.io/kube-apiserver:v1.34.0', cpu: '250m', hostNetwork: true, labels: { component: 'kube-apiserver', tier: 'control-plane' }, priorityClassName: 'system-node-critical' },
    { name: 'kube-controller-manager-minikube', image: 'registry.k8s.io/kube-controller-manager:v1.34.0', cpu: '200m', hostNetwork: true, labels: { component: 'kube-controller-manager', tier: 'control-plane' }, priorityClassName: 'system-node-critical' },
    { name: `kube-proxy-${store.randomSuffix()}`, image: 'registry.k8s.io/kube-proxy:v1.34.0', hostNetwork: true, labels: { 'k8s-app': 'kube-proxy' }, priorityClassName: 'system-node-critical' },
    { name: 'kube-scheduler-minikube', image: 'registry.k8s.io/kube-scheduler:v1.34.0', cpu: '100m', hostNetwork: true, labels: { component: 'kube-scheduler', tier: 'control-plane' }, priorityClassName: 'system-node-critical' },
    { name: 'storage-provisioner', image: 'gcr.io/k8s-minikube/storage-provisioner:v5', hostNetwork: true, labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', 'integration-test': 'storage-provisioner' }, priorityClassName: '' },
  ];
}

type OwnerRef = { apiVersion: string; kind: string; name: string; uid: string; controller: boolean; blockOwnerDeletion: boolean };

/** The four namespaces the API server creates when it first starts. */
export function seedNamespaces(store: Store): KObject[] {
  const out: KObject[] = [];
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    if (!store.get('Namespace', '', ns)) out.push(createObject(store, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }));
  }
  return out;
}

/** The `kubernetes` Service (10.96.0.1:443), created by the API server's bootstrap controller, with its Endpoints and slice. */
export function seedApiServerService(store: Store, nodeIP = '192.168.49.2'): KObject[] {
  return [
    createObject(store, {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }] },
    } as KObject),
    createObject(store, {
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: nodeIP }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }],
    } as KObject),
    createObject(store, {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [nodeIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
    } as KObject),
  ];
}

/** The `kube-dns` Service (10.96.0.10), created by kubeadm's CoreDNS addon phase. */
export function seedKubeDnsService(store: Store): KObject {
  return createObject(store, {
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      name: 'kube-dns', namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  } as KObject);
}

function coreTemplate(labels: Record<string, string>) {
  return {
    metadata: { labels },
    spec: {
      priorityClassName: 'system-cluster-critical',
      containers: [{
        name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.12.1', args: ['-conf', '/etc/coredns/Corefile'],
        ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }],
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
      }],
    },
  };
}

export const COREDNS_RS = 'coredns-66bc5c9577';

/**
 * The coredns Deployment (kubeadm's CoreDNS addon: maxUnavailable 1) and its ReplicaSet `coredns-66bc5c9577`.
 * `replicas` is the Deployment's size now (minikube scales kubeadm's 2 down to 1 on a single-node cluster).
 */
export function seedCoreDnsDeployment(store: Store, replicas = 1): { deployment: KObject; replicaSet: KObject; ownerRef: OwnerRef } {
  const d = createObject(store, {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: { replicas, selector: { matchLabels: { 'k8s-app': 'kube-dns' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } }, template: coreTemplate({ 'k8s-app': 'kube-dns' }) },
  } as KObject);
  const rs = createObject(store, {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: COREDNS_RS, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '66bc5c9577' },
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)), 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'coredns', uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, selector: { matchLabels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '66bc5c9577' } }, template: coreTemplate({ 'k8s-app': 'kube-dns', 'pod-template-hash': '66bc5c9577' }) },
  } as KObject);
  return { deployment: d, replicaSet: rs, ownerRef: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true } };
}

/**
 * One kube-system pod, Running and Ready since the store's current time. `podIP` is the node IP for host-network pods.
 * `ownerRef`: the ReplicaSet (coredns) or DaemonSet (kube-proxy) that controls it.
 */
export function createSystemPod(store: Store, p: SystemPodSpec, opts: { nodeName: string; nodeIP: string; podIP: string; ownerRef?: OwnerRef }): KObject {
  const requests: Record<string, string> = {};
  if (p.cpu) requests.cpu = p.cpu;
  if (p.memory) requests.memory = p.memory;
  const resources = { ...(Object.keys(requests).length ? { requests } : {}), ...(p.memoryLimit ? { limits: { memory: p.memoryLimit } } : {}) };
  const pod = createObject(store, {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: p.name, namespace: 'kube-system', labels: p.labels, ...(opts.ownerRef ? { ownerReferences: [opts.ownerRef] } : {}) },
    spec: {
      nodeName: opts.nodeName, hostNetwork: p.hostNetwork,
      ...(p.priorityClassName ? { priorityClassName: p.priorityClassName, priority: p.priorityClassName === 'system-node-critical' ? 2000001000 : 2000000000 } : {}),
      containers: [{ name: systemContainerName(p.name), image: p.image, resources }],
    },
  } as Pod);
  const ip = opts.podIP;
  const now = store.timestamp();
  const c = (pod.spec as Pod['spec']).containers[0]!;
  return store.updateStatus({
    ...pod,
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: now })),
      hostIP: opts.nodeIP, hostIPs: [{ ip: opts.nodeIP }], podIP: ip, podIPs: [{ ip }], startTime: now,
      qosClass: (pod.status as Pod['status'])?.qosClass ?? 'BestEffort',
      containerStatuses: [{
        name: c.name, ready: true, restartCount: 0, started: true, image: p.image, imageID: `docker-pullable://${p.image.split(':')[0]}@sha256:${'0'.repeat(64)}`,
        containerID: `docker://${store.newUid().replace(/-/g, '')}${store.newUid().replace(/-/g, '').slice(0, 32)}`,
        state: { running: { startedAt: now } },
      }],
    },
  } as Pod);
}

/** `coredns-66bc5c9577-x2k9p` → `coredns`, `etcd-minikube` → `etcd`, `kube-proxy-8w6jd` → `kube-proxy`. */
export function systemContainerName(podName: string): string {
  return podName.replace(/-minikube$/, '').replace(/-[a-z0-9]{5}$/, '').replace(/-66bc5c9577$/, '');
}

/** Create the seed objects, all at the store's current time. Returns what was created (in creation order). */
export function seedMinikube(store: Store, opts: SeedOptions = {}): KObject[] {
  const nodeIP = opts.nodeIP ?? '192.168.49.2';
  const nodeName = opts.nodeName ?? 'minikube';
  const out: KObject[] = [...seedNamespaces(store), ...seedApiServerService(store, nodeIP), seedKubeDnsService(store)];
  const pods = systemPods(store);
  let rsRef: OwnerRef | undefined;
  if (opts.coreDnsDeployment) {
    const c = seedCoreDnsDeployment(store);
    out.push(c.deployment, c.replicaSet);
    rsRef = c.ownerRef;
  }
  let podIP = 2;
  for (const p of pods) {
    const isDns = p.labels['k8s-app'] === 'kube-dns';
    const ip = p.hostNetwork ? nodeIP : `10.244.0.${podIP++}`;
    out.push(createSystemPod(store, p, { nodeName, nodeIP, podIP: ip, ...(isDns && rsRef ? { ownerRef: rsRef } : {}) }));
  }
  return out;
}
