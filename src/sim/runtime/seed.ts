/**
 * What a fresh `minikube start` (v1.37, Kubernetes v1.34) already has: namespaces, the node, the
 * `kubernetes` and `kube-dns` Services, and the kube-system pods with their requests
 * (reference §9 and kubectl-layouts §2.4: 750m CPU and 170Mi memory requested in total).
 * Objects that already exist (seeded by the API layer) are left alone.
 */
import type { Endpoints, KObject, Node, Pod, Service } from '../api/types';
import type { Store } from '../store/store';
import { rfc3339, type Millis } from '../clock/index';
import { NODE_ALLOCATABLE, NODE_CAPACITY, NODE_IP, NODE_NAME, NODE_POD_CIDR } from '../node/node';
import { NODE_LABELS } from '../controllers/scheduler';

export interface SystemPodSpec { name: string; cpu?: string; memory?: string; memoryLimit?: string; image: string; hostNetwork: boolean; ip?: string; owner?: string }

export const SYSTEM_PODS: SystemPodSpec[] = [
  { name: 'coredns-66bc5c9577-7lqzg', cpu: '100m', memory: '70Mi', memoryLimit: '170Mi', image: 'registry.k8s.io/coredns/coredns:v1.12.1', hostNetwork: false, ip: '10.244.0.2', owner: 'coredns-66bc5c9577' },
  { name: 'etcd-minikube', cpu: '100m', memory: '100Mi', image: 'registry.k8s.io/etcd:3.6.4-0', hostNetwork: true },
  { name: 'kube-apiserver-minikube', cpu: '250m', image: 'registry.k8s.io/kube-apiserver:v1.34.0', hostNetwork: true },
  { name: 'kube-controller-manager-minikube', cpu: '200m', image: 'registry.k8s.io/kube-controller-manager:v1.34.0', hostNetwork: true },
  { name: 'kube-proxy-8w6jd', image: 'registry.k8s.io/kube-proxy:v1.34.0', hostNetwork: true },
  { name: 'kube-scheduler-minikube', cpu: '100m', image: 'registry.k8s.io/kube-scheduler:v1.34.0', hostNetwork: true },
  { name: 'storage-provisioner', image: 'gcr.io/k8s-minikube/storage-provisioner:v5', hostNetwork: true },
];

function ensure(store: Store, o: KObject): KObject {
  const existing = store.get(o.kind, o.metadata.namespace, o.metadata.name ?? '');
  return existing ?? store.create(o);
}

/** Creates the system objects; returns the uids of the system pods (the kubelet does not run them). */
export function seedMinikube(store: Store, now: Millis): Set<string> {
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    ensure(store, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  const ts = rfc3339(now);
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: NODE_NAME, labels: { ...NODE_LABELS }, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
    spec: { podCIDR: NODE_POD_CIDR, podCIDRs: [NODE_POD_CIDR] },
    status: {
      capacity: { ...NODE_CAPACITY },
      allocatable: { ...NODE_ALLOCATABLE },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastTransitionTime: ts },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastTransitionTime: ts },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastTransitionTime: ts },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: ts },
      ],
      addresses: [{ type: 'InternalIP', address: NODE_IP }, { type: 'Hostname', address: NODE_NAME }],
      nodeInfo: {
        architecture: 'amd64', containerRuntimeVersion: 'docker://28.4.0', kernelVersion: '6.8.0-79-generic', kubeletVersion: 'v1.34.0',
        kubeProxyVersion: '', operatingSystem: 'linux', osImage: 'Ubuntu 22.04.5 LTS',
      },
    },
  };
  ensure(store, node);
  const svc = (name: string, ns: string, ip: string, ports: Service['spec']['ports'], selector?: Record<string, string>, labels?: Record<string, string>): Service => ({
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace: ns, ...(labels ? { labels } : {}) },
    spec: { type: 'ClusterIP', clusterIP: ip, clusterIPs: [ip], ports, ...(selector ? { selector } : {}), sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' },
    status: { loadBalancer: {} },
  });
  ensure(store, svc('kubernetes', 'default', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }], undefined, { component: 'apiserver', provider: 'kubernetes' }));
  if (!store.get('Endpoints', 'default', 'kubernetes')) {
    store.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: NODE_IP }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }] });
  }
  ensure(store, svc('kube-dns', 'kube-system', '10.96.0.10', [
    { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
    { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
    { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
  ], { 'k8s-app': 'kube-dns' }, { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }));
  const uids = new Set<string>();
  for (const sp of SYSTEM_PODS) {
    const existing = store.get<Pod>('Pod', 'kube-system', sp.name);
    if (existing) { uids.add(existing.metadata.uid ?? ''); continue; }
    const requests: Record<string, string> = {};
    if (sp.cpu) requests.cpu = sp.cpu;
    if (sp.memory) requests.memory = sp.memory;
    const resources = { ...(Object.keys(requests).length ? { requests } : {}), ...(sp.memoryLimit ? { limits: { memory: sp.memoryLimit } } : {}) };
    const container = sp.name.replace(/-minikube$/, '').replace(/-[a-z0-9]{5}$/, '').replace(/-[a-z0-9]{9,10}$/, '');
    const pod: Pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        name: sp.name, namespace: 'kube-system',
        labels: sp.name.startsWith('coredns') ? { 'k8s-app': 'kube-dns', 'pod-template-hash': '66bc5c9577' } : { component: container, tier: 'control-plane' },
      },
      spec: {
        containers: [{ name: container, image: sp.image, imagePullPolicy: 'IfNotPresent', resources }],
        nodeName: NODE_NAME, priority: 2000001000, restartPolicy: 'Always', hostNetwork: sp.hostNetwork,
        schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst',
      },
    };
    const created = store.create(pod);
    const ip = sp.ip ?? NODE_IP;
    store.updateStatus<Pod>({
      ...created,
      status: {
        phase: 'Running',
        conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' as const, lastProbeTime: null, lastTransitionTime: ts })),
        hostIP: NODE_IP, hostIPs: [{ ip: NODE_IP }], podIP: ip, podIPs: [{ ip }], startTime: ts,
        containerStatuses: [{ name: container, state: { running: { startedAt: ts } }, lastState: {}, ready: true, restartCount: 0, image: sp.image, imageID: `docker-pullable://${sp.image.replace(/:[^:]*$/, '')}@sha256:${'0'.repeat(64)}`, containerID: `docker://${'0'.repeat(64)}`, started: true }],
        qosClass: sp.memoryLimit ? 'Burstable' : sp.cpu ? 'Burstable' : 'BestEffort',
      },
    });
    uids.add(created.metadata.uid ?? '');
  }
  return uids;
}
