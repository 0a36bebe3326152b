/**
 * What a fresh `minikube start` (v1.37, Kubernetes v1.34) already has: namespaces, the node, the
 * `kubernetes` and `kube-dns` Services, and the kube-system pods with their requests
 * (reference §9 and kubectl-layouts §2.4: 750m CPU and 170Mi memory requested in total).
 * The API layer seeds namespaces, Services and the kube-system pods (api/seed.ts); the Node object
 * (capacity/allocatable, node/node.ts) is created here.
 */
import type { KObject, Node, Pod } from '../api/types';
import { seedMinikube as apiSeed } from '../api/seed';
import type { Store } from '../store/store';
import { rfc3339, type Millis } from '../clock/index';
import { NODE_ALLOCATABLE, NODE_CAPACITY, NODE_IP, NODE_NAME, NODE_POD_CIDR } from '../node/node';
import { NODE_LABELS } from '../controllers/scheduler';

function ensure(store: Store, o: KObject): KObject {
  return store.get(o.kind, o.metadata.namespace, o.metadata.name ?? '') ?? store.create(o);
}

/** Creates the system objects; returns the uids of the system pods (the kubelet does not run them). */
export function seedMinikube(store: Store, now: Millis): Set<string> {
  if (!store.get('Namespace', '', 'kube-system')) apiSeed(store, { nodeIP: NODE_IP, nodeName: NODE_NAME });
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
  const uids = new Set<string>();
  for (const p of store.list<Pod>('Pod', { namespace: 'kube-system' })) uids.add(p.metadata.uid ?? '');
  return uids;
}
