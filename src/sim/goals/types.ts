// Goal predicates: what a scenario asks of the simulated world, as plain data.
// A goal is checked against the state of the cluster and the workstation (objects in the API store, images on the
// node, files on disk, requests through the network model) — never against what the learner typed.

/** A label selector in its simplest form (matchLabels). */
export type Labels = Record<string, string>;

export type HttpVia =
  /** curl http://localhost:<port> through an active `kubectl port-forward` to the service. */
  | 'port-forward'
  /** curl http://<EXTERNAL-IP>:<port> once `minikube tunnel` gave the LoadBalancer an ingress IP. */
  | 'tunnel'
  /** curl http://$(minikube ip):<nodePort>. */
  | 'node-port'
  /** curl http://<service>:<port> from a pod inside the cluster. */
  | 'in-cluster';

export type GoalCheck =
  /** `minikube start` has run and the node is up. */
  | { type: 'cluster-running' }
  /** An image is in the node's image store (what `minikube image ls` lists). */
  | { type: 'image-on-node'; image: string }
  /** An image is in the workstation's docker image store (what `docker images` lists). */
  | { type: 'image-built'; image: string }
  /** A file on the workstation parses as YAML (every document) and each document has apiVersion and kind. */
  | { type: 'file-valid-yaml'; path: string }
  /** An object exists in the API. */
  | { type: 'object-exists'; kind: string; name: string; namespace?: string }
  /** An object does not exist (any more). */
  | { type: 'object-absent'; kind: string; name: string; namespace?: string }
  /** At least `count` pods matching `selector` are Running with every container Ready (exactly `count` if `exact`).
   *  With `image`, only pods whose containers run that image count. */
  | { type: 'pods-ready'; selector: Labels; count: number; exact?: boolean; image?: string; namespace?: string }
  /** The Deployment's rollout is complete: the controller saw the latest spec and every replica is updated and available. */
  | { type: 'rollout-complete'; name: string; replicas?: number; image?: string; namespace?: string }
  /** The Service has `count` ready endpoints (at least), on `port` if given. */
  | { type: 'endpoints-ready'; service: string; count: number; port?: number; namespace?: string }
  /** The Secret holds every key; with `seenBy`, every running pod matching the selector has them as environment variables. */
  | { type: 'secret-keys'; name: string; keys: string[]; seenBy?: Labels; namespace?: string }
  /** A request through the network model reaches the app and gets `status` (and a body containing `bodyIncludes`). */
  | { type: 'http'; via: HttpVia; service: string; path?: string; status?: number; bodyIncludes?: string; namespace?: string }
  /** A LoadBalancer Service has an external IP (minikube tunnel is running). */
  | { type: 'external-ip'; service: string; namespace?: string }
  /** A field of an object has a value. `path` is dotted with [n] indexes, e.g. spec.template.spec.containers[0].image.
   *  `equals` compares as strings; `absent: true` wants the field unset; `atMostCpu` compares a CPU quantity. */
  | { type: 'field'; kind: string; name: string; path: string; equals?: string | number | boolean; absent?: boolean; atMostCpu?: string; namespace?: string }
  /** No pod matching the selector is waiting or terminated with one of these reasons (ImagePullBackOff, …). */
  | { type: 'no-pod-reason'; selector: Labels; reasons: string[]; namespace?: string };

export type GoalCheckType = GoalCheck['type'];

export interface Goal {
  id: string;
  /** Shown to the learner, e.g. "3 pods of llmops-app are Running and Ready". */
  title: string;
  check: GoalCheck;
}

export interface GoalResult {
  id: string;
  title: string;
  met: boolean;
  /** One line: why it is met, or what is still missing and why (the engine's explanation where it has one). */
  detail: string;
}

/** A minimal Kubernetes object as the API returns it (plain JSON). */
export interface KObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; deletionTimestamp?: unknown; generation?: number; [k: string]: unknown };
  spec?: any;
  status?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  [k: string]: unknown;
}

export interface HttpOutcome {
  /** True when an HTTP response came back (any status). */
  ok: boolean;
  status?: number;
  body?: string;
  /** Where and why the request stopped, or the hops it went through (the network model's trace, one line). */
  explanation: string;
}

/**
 * What the goal layer needs from the simulated world. src/sim/goals/adapter.ts builds one from a cluster + shell;
 * tests can build one from plain objects.
 */
export interface GoalWorld {
  clusterRunning(): boolean;
  list(kind: string, namespace?: string): KObject[];
  get(kind: string, name: string, namespace?: string): KObject | undefined;
  /** The minikube node's container runtime has the image (any reference form). */
  hasNodeImage(ref: string): boolean;
  /** The workstation's docker image store has the image. */
  hasLocalImage(ref: string): boolean;
  readFile(path: string): string | undefined;
  /** Sends a request the way `via` describes; never changes the world except for the request's own effects. */
  request(via: HttpVia, service: string, path: string, namespace: string): HttpOutcome;
  /** The environment the pod's first container was started with, when the engine knows it. */
  podEnv?(pod: KObject): Record<string, string> | undefined;
  /** The engine's one-line explanation of an object's state (e.g. why a pod is not ready). */
  explain?(kind: string, name: string, namespace: string): string | undefined;
}
