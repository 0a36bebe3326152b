/**
 * Test helpers and fixtures for the simulator (no Node APIs: usable in browser tests too).
 */
import type { Pod, Secret, KEvent } from '../api/types';
import type { Cluster } from '../runtime/cluster';
import type { ImageStore } from '../images/store';
import { fakeSha256 } from '../images/registry';
import { controllerRef } from '../controllers/util';

/** What `docker build -t llmops-app:latest .` + `minikube image load llmops-app:latest` leave on the node. */
export function loadLocalImage(images: ImageStore, ref = 'llmops-app:latest', model = 'llmops-app', now = 0): void {
  images.add(ref, { id: `sha256:${fakeSha256('build:' + ref)}`, sizeBytes: 187_000_000, created: now, model });
}

/** `kubectl create secret generic name --from-literal=K=V …` */
export function createSecret(cluster: Cluster, name: string, data: Record<string, string>, namespace = 'default'): Secret {
  const enc: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) enc[k] = base64(v);
  const s = cluster.store.create<Secret>({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'Opaque', data: enc });
  cluster.settle();
  return s;
}

function base64(s: string): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += A[(n >> 18) & 63]! + A[(n >> 12) & 63]! + (i + 1 < bytes.length ? A[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? A[n & 63]! : '=');
  }
  return out;
}

/** Application pods (not kube-system) of a namespace. */
export function appPods(cluster: Cluster, namespace = 'default'): Pod[] {
  return cluster.store.list<Pod>('Pod', { namespace }).filter((p) => !cluster.isSystemPod(p));
}

/** The STATUS column of `kubectl get pods` (printPod rules, reference §1.1). */
export function podStatusColumn(p: Pod): string {
  let reason: string = p.status?.reason ?? p.status?.phase ?? 'Pending';
  const cs = p.status?.containerStatuses ?? [];
  let hasRunning = false;
  for (let i = cs.length - 1; i >= 0; i--) {
    const c = cs[i]!;
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state?.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = p.status?.conditions?.find((x) => x.type === 'Ready')?.status === 'True' ? 'Running' : 'NotReady';
  if (p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') reason = 'Terminating';
  return reason;
}

/** `reason: message` lines of an object's events, oldest first, with counts. */
export function eventLines(cluster: Cluster, kind: string, name: string, namespace = 'default'): string[] {
  return cluster.eventsFor(kind, namespace, name).map((e: KEvent) => `${e.type} ${e.reason} ${e.message}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`);
}

export function ownerName(p: Pod): string | undefined {
  return controllerRef(p)?.name;
}

/** The taught manifest (manifests/llmops-k8s.yaml), kept here for browser-side tests and the benchmark. */
export const SEED_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: llmops-app
  labels:
    app: llmops
spec:
  replicas: 1
  selector:
    matchLabels:
      app: llmops
  template:
    metadata:
      labels:
        app: llmops
    spec:
      containers:
      - name: llmops-container
        image: llmops-app:latest
        imagePullPolicy: IfNotPresent
        ports:
          - containerPort: 8501
        envFrom:
          - secretRef:
              name: llmops-secrets
---
apiVersion: v1
kind: Service
metadata:
  name: llmops-service
spec:
  type: LoadBalancer
  selector:
    app: llmops
  ports:
    - protocol: TCP
      port: 80
      targetPort: 8501
`;
