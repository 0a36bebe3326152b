/**
 * The field model: one description of the API fields the simulator accepts, written here in our own words.
 * It is the single source for strict unknown-field detection and type checks (validate/decode.ts),
 * `kubectl explain` (explainField), and the JSON Schemas given to the Monaco editor (toJsonSchema).
 *
 * Field names, types and enum values follow the Kubernetes v1.34 API (k8s.io/api core/v1, apps/v1, batch/v1);
 * `go` names the Go struct, because the API server's type errors name it
 * (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`).
 */

export type ScalarType = 'string' | 'int32' | 'int64' | 'number' | 'boolean' | 'intOrString' | 'quantity' | 'time' | 'base64';
export interface FieldDef {
  type: ScalarType | 'object' | 'array' | 'map' | 'any';
  description: string;
  enum?: string[];
  required?: boolean;
  /** object fields */
  object?: ObjectDef;
  /** array items / map values */
  items?: FieldDef;
  /** the Go type as the API server's messages print it (`[]v1.Container`, `map[string]string`, `int32`) */
  goType?: string;
  /** list merge key (strategic merge) */
  mergeKey?: string;
  /** set by the server, not by users */
  readOnly?: boolean;
}
export interface ObjectDef {
  go: string;
  description?: string;
  fields: Record<string, FieldDef>;
  /** any keys accepted (status blobs we do not model) */
  open?: boolean;
}

type Opts = { enum?: string[]; required?: boolean; readOnly?: boolean };
const f = (type: FieldDef['type'], description: string, o: Opts = {}): FieldDef => ({ type, description, ...o });
const str = (d: string, o?: Opts) => f('string', d, o);
const i32 = (d: string, o?: Opts) => f('int32', d, o);
const i64 = (d: string, o?: Opts) => f('int64', d, o);
const bool = (d: string, o?: Opts) => f('boolean', d, o);
const ios = (d: string, o?: Opts) => f('intOrString', d, o);
const time = (d: string) => f('time', d, { readOnly: true });
const obj = (object: ObjectDef, d?: string, o?: Opts): FieldDef => ({ type: 'object', description: d ?? object.description ?? '', object, ...o });
const arr = (items: FieldDef, d: string, o: Opts & { mergeKey?: string } = {}): FieldDef => ({ type: 'array', description: d, items, ...o });
const strMap = (d: string): FieldDef => ({ type: 'map', description: d, items: str(''), goType: 'map[string]string' });
const qtyMap = (d: string): FieldDef => ({ type: 'map', description: d, items: f('quantity', ''), goType: 'v1.ResourceList' });
const strList = (d: string): FieldDef => arr(str(''), d);
const def = (go: string, description: string, fields: Record<string, FieldDef>, open = false): ObjectDef => ({ go, description, fields, open });

// ------------------------------------------------------------------ metadata
export const OwnerReferenceDef = def('OwnerReference', 'Points at the object that owns this one; deleting the owner garbage-collects the dependent.', {
  apiVersion: str('API version of the owner.', { required: true }),
  kind: str('Kind of the owner.', { required: true }),
  name: str('Name of the owner.', { required: true }),
  uid: str('UID of the owner; the reference only counts when it matches.', { required: true }),
  controller: bool('True when the owner is the managing controller.'),
  blockOwnerDeletion: bool('With foreground deletion, the owner waits for this dependent to go first.'),
});
export const ObjectMetaDef = def('ObjectMeta', 'Identity and bookkeeping shared by every object: name, namespace, labels, annotations and server-set fields.', {
  name: str('Unique name within the namespace (and kind). Usually a DNS subdomain; Services need a DNS-1035 label.'),
  generateName: str('Prefix for a server-generated name; five random characters are appended when name is empty.'),
  namespace: str('Namespace the object lives in. Empty means the namespace of the request (default).'),
  uid: str('Unique id given by the server at creation; never reused.', { readOnly: true }),
  resourceVersion: str('Opaque version the server bumps on every change; used for optimistic concurrency.', { readOnly: true }),
  generation: i64('Counter of changes to the desired state (spec), set by the server.', { readOnly: true }),
  creationTimestamp: time('When the server stored the object.'),
  deletionTimestamp: time('When deletion was requested; the object is terminating until finalizers and grace period end.'),
  deletionGracePeriodSeconds: i64('Seconds allowed for graceful termination once deletion started.', { readOnly: true }),
  labels: strMap('Key/value tags that selectors (Services, ReplicaSets, kubectl -l) match against.'),
  annotations: strMap('Free-form key/value notes for tools and people; not used for selection.'),
  ownerReferences: arr(obj(OwnerReferenceDef), 'Objects this one depends on; used by garbage collection.', { mergeKey: 'uid' }),
  finalizers: strList('Tokens that must be removed before the object is deleted from storage.'),
  managedFields: arr(f('any', ''), 'Server-side apply ownership records.'),
});
const meta = (d = 'Standard object metadata: name, namespace, labels, annotations.') => obj(ObjectMetaDef, d);

export const LabelSelectorRequirementDef = def('LabelSelectorRequirement', 'One set-based rule: a label key, an operator and values.', {
  key: str('The label key the rule applies to.', { required: true }),
  operator: str('How the key relates to the values.', { required: true, enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }),
  values: strList('Values for In and NotIn; must be empty for Exists and DoesNotExist.'),
});
export const LabelSelectorDef = def('LabelSelector', 'Chooses objects by label; all rules must hold. An empty selector matches everything.', {
  matchLabels: strMap('Labels that must all be present with exactly these values.'),
  matchExpressions: arr(obj(LabelSelectorRequirementDef), 'Set-based rules, ANDed with matchLabels.'),
});

// ------------------------------------------------------------------ container
const KeySelector = (go: string, what: string) =>
  def(go, `Selects one key of a ${what}.`, {
    name: str(`Name of the ${what} in the pod's namespace.`),
    key: str(`The key inside the ${what}.`, { required: true }),
    optional: bool(`When true, a missing ${what} or key is skipped instead of blocking the container.`),
  });
export const EnvVarSourceDef = def('EnvVarSource', 'Where an environment variable takes its value from.', {
  secretKeyRef: obj(KeySelector('SecretKeySelector', 'Secret'), 'Take the value from one key of a Secret.'),
  configMapKeyRef: obj(KeySelector('ConfigMapKeySelector', 'ConfigMap'), 'Take the value from one key of a ConfigMap.'),
  fieldRef: obj(def('ObjectFieldSelector', 'Selects a field of the pod.', {
    apiVersion: str('Version of the schema the path is written in (v1).'),
    fieldPath: str('Path of the pod field, e.g. metadata.name or status.podIP.', { required: true }),
  }), 'Take the value from a field of the pod itself.'),
  resourceFieldRef: obj(def('ResourceFieldSelector', 'Selects a container resource.', {
    containerName: str('Container whose resources are read.'),
    resource: str('Resource to expose, e.g. limits.memory.', { required: true }),
    divisor: f('quantity', 'Unit to express the value in.'),
  }), "Take the value from a container's requests or limits."),
});
export const EnvVarDef = def('EnvVar', 'One environment variable for the container.', {
  name: str('Variable name.', { required: true }),
  value: str('Literal value; $(VAR) references to earlier variables are expanded.'),
  valueFrom: obj(EnvVarSourceDef, 'Take the value from a Secret, ConfigMap or pod field instead of a literal.'),
});
const envRef = (go: string, what: string) =>
  def(go, `Imports every key of a ${what} as environment variables.`, {
    name: str(`Name of the ${what}.`),
    optional: bool(`When true, a missing ${what} is not an error.`),
  });
export const EnvFromSourceDef = def('EnvFromSource', 'A whole Secret or ConfigMap turned into environment variables.', {
  prefix: str('Text put in front of every imported variable name.'),
  secretRef: obj(envRef('SecretEnvSource', 'Secret'), 'The Secret to import.'),
  configMapRef: obj(envRef('ConfigMapEnvSource', 'ConfigMap'), 'The ConfigMap to import.'),
});
export const ContainerPortDef = def('ContainerPort', 'A port the container listens on (informational, but named ports can be targeted by Services and probes).', {
  name: str('Optional IANA_SVC_NAME (max 15 chars, lowercase letters, digits and dashes) others can refer to.'),
  containerPort: i32('Port number inside the pod, 1-65535.', { required: true }),
  hostPort: i32('Port opened on the node for this container (rarely needed).'),
  hostIP: str('Node IP to bind the host port to.'),
  protocol: str('Transport protocol.', { enum: ['SCTP', 'TCP', 'UDP'] }),
});
const HTTPHeaderDef = def('HTTPHeader', 'A header sent with an HTTP probe.', {
  name: str('Header name.', { required: true }),
  value: str('Header value.', { required: true }),
});
const probeHandlerFields = {
  exec: obj(def('ExecAction', 'Runs a command in the container; exit code 0 is success.', { command: strList('Command and arguments, run without a shell.') }), 'Run a command inside the container.'),
  httpGet: obj(def('HTTPGetAction', 'An HTTP GET against the pod; status 200-399 is success.', {
    path: str('Request path (default /).'),
    port: ios('Port number or the name of a container port.', { required: true }),
    host: str('Host to connect to; defaults to the pod IP.'),
    scheme: str('HTTP or HTTPS (default HTTP).', { enum: ['HTTP', 'HTTPS'] }),
    httpHeaders: arr(obj(HTTPHeaderDef), 'Extra request headers.'),
  }), 'Send an HTTP GET request.'),
  tcpSocket: obj(def('TCPSocketAction', 'Opens a TCP connection; success if it connects.', {
    port: ios('Port number or the name of a container port.', { required: true }),
    host: str('Host to connect to; defaults to the pod IP.'),
  }), 'Open a TCP connection.'),
  grpc: obj(def('GRPCAction', 'Calls the gRPC health checking protocol.', {
    port: i32('Port number of the gRPC service.', { required: true }),
    service: str('Service name passed in the health request.'),
  }), 'Call a gRPC health check.'),
};
export const ProbeDef = def('Probe', 'A periodic health check run by the kubelet.', {
  ...probeHandlerFields,
  initialDelaySeconds: i32('Seconds to wait after start before the first check (default 0).'),
  timeoutSeconds: i32('Seconds before one check times out (default 1).'),
  periodSeconds: i32('Seconds between checks (default 10).'),
  successThreshold: i32('Consecutive successes needed to count as passing (default 1; must be 1 for liveness and startup).'),
  failureThreshold: i32('Consecutive failures needed to count as failing (default 3).'),
  terminationGracePeriodSeconds: i64('Grace period used when this probe kills the container.'),
});
export const ResourceRequirementsDef = def('ResourceRequirements', 'CPU and memory the container asks for and may not exceed.', {
  limits: qtyMap('Maximum allowed: going over the memory limit gets the container OOM-killed; CPU is throttled.'),
  requests: qtyMap('Amount reserved for scheduling; a pod only lands on a node with this much free.'),
});
export const SecurityContextDef = def('SecurityContext', 'Privilege and access settings for one container.', {
  runAsUser: i64('User id the process runs as.'),
  runAsGroup: i64('Primary group id of the process.'),
  runAsNonRoot: bool('Refuse to start the container if it would run as root (uid 0).'),
  readOnlyRootFilesystem: bool("Mount the container's root file system read-only."),
  allowPrivilegeEscalation: bool('Whether a process may gain more privileges than its parent (setuid).'),
  privileged: bool('Run with nearly all host privileges; avoid.'),
  capabilities: obj(def('Capabilities', 'Linux capabilities to add or drop.', { add: strList('Capabilities to add.'), drop: strList('Capabilities to drop, e.g. ALL.') }), 'Linux capabilities to add or drop.'),
  seccompProfile: obj(def('SeccompProfile', 'The seccomp filter applied to the process.', {
    type: str('Which kind of profile.', { required: true, enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }),
    localhostProfile: str('Profile file on the node, for type Localhost.'),
  }), 'The seccomp filter applied to the process.'),
});
export const VolumeMountDef = def('VolumeMount', 'Where a pod volume appears inside the container.', {
  name: str('Name of a volume declared in the pod spec.', { required: true }),
  mountPath: str('Directory in the container to mount at.', { required: true }),
  readOnly: bool('Mount read-only.'),
  subPath: str('Mount only this sub-path of the volume.'),
});
export const ContainerDef = def('Container', 'One container of a pod: image, command, ports, environment, resources and probes.', {
  name: str('Container name, unique in the pod (DNS-1123 label).', { required: true }),
  image: str('Image reference, e.g. llmops-app:latest or nginx:1.27.'),
  imagePullPolicy: str('When the kubelet pulls the image. Default: Always for :latest or no tag, otherwise IfNotPresent.', { enum: ['Always', 'IfNotPresent', 'Never'] }),
  command: strList("Replaces the image's ENTRYPOINT."),
  args: strList("Replaces the image's CMD."),
  workingDir: str('Working directory of the process.'),
  ports: arr(obj(ContainerPortDef), 'Ports the container listens on.', { mergeKey: 'containerPort' }),
  env: arr(obj(EnvVarDef), 'Environment variables, set one by one.', { mergeKey: 'name' }),
  envFrom: arr(obj(EnvFromSourceDef), 'Import all keys of Secrets or ConfigMaps as environment variables.'),
  resources: obj(ResourceRequirementsDef, 'CPU and memory requests and limits.'),
  livenessProbe: obj(ProbeDef, 'Restart the container when this check keeps failing.'),
  readinessProbe: obj(ProbeDef, 'Keep the pod out of Service endpoints while this check fails.'),
  startupProbe: obj(ProbeDef, 'Hold off the other probes until the app has started.'),
  securityContext: obj(SecurityContextDef, 'Privilege and access settings for this container.'),
  volumeMounts: arr(obj(VolumeMountDef), 'Volumes to mount into the container.', { mergeKey: 'mountPath' }),
  terminationMessagePath: str('File the container may write its last words to (default /dev/termination-log).'),
  terminationMessagePolicy: str('Where the termination message comes from.', { enum: ['FallbackToLogsOnError', 'File'] }),
  stdin: bool('Keep a stdin buffer open for the container.'),
  stdinOnce: bool('Close stdin after the first attach ends.'),
  tty: bool('Allocate a terminal.'),
});

// ------------------------------------------------------------------ pod spec
const keyToPath = def('KeyToPath', 'Maps one key to a file path in the volume.', {
  key: str('The key to project.', { required: true }),
  path: str('Relative file path to write it to.', { required: true }),
  mode: i32('File mode bits.'),
});
export const VolumeDef = def('Volume', 'Storage that containers of the pod can mount.', {
  name: str('Volume name, referenced by volumeMounts (DNS-1123 label).', { required: true }),
  emptyDir: obj(def('EmptyDirVolumeSource', 'A scratch directory that lives as long as the pod.', {
    medium: str('Storage medium; "Memory" uses a tmpfs.'),
    sizeLimit: f('quantity', 'Maximum size of the directory.'),
  }), 'A scratch directory that lives as long as the pod.'),
  secret: obj(def('SecretVolumeSource', 'Files made from the keys of a Secret.', {
    secretName: str('Name of the Secret.'),
    items: arr(obj(keyToPath), 'Only these keys, at these paths.'),
    defaultMode: i32('Mode bits of the files (default 0644).'),
    optional: bool('Mount nothing instead of failing when the Secret is missing.'),
  }), 'Files made from the keys of a Secret.'),
  configMap: obj(def('ConfigMapVolumeSource', 'Files made from the keys of a ConfigMap.', {
    name: str('Name of the ConfigMap.'),
    items: arr(obj(keyToPath), 'Only these keys, at these paths.'),
    defaultMode: i32('Mode bits of the files (default 0644).'),
    optional: bool('Mount nothing instead of failing when the ConfigMap is missing.'),
  }), 'Files made from the keys of a ConfigMap.'),
  persistentVolumeClaim: obj(def('PersistentVolumeClaimVolumeSource', 'A claim on persistent storage.', {
    claimName: str('Name of the PersistentVolumeClaim.', { required: true }),
    readOnly: bool('Mount read-only.'),
  }), 'A claim on persistent storage.'),
  hostPath: obj(def('HostPathVolumeSource', 'A directory of the node itself.', {
    path: str('Path on the node.', { required: true }),
    type: str('What must exist at the path.'),
  }), 'A directory of the node itself (avoid outside tests).'),
  projected: f('any', 'Several sources merged into one directory.'),
  downwardAPI: f('any', 'Pod fields exposed as files.'),
  nfs: f('any', 'An NFS export.'),
});
const TolerationDef = def('Toleration', 'Lets the pod run on nodes with a matching taint.', {
  key: str('Taint key to match.'),
  operator: str('Exists or Equal (default Equal).', { enum: ['Equal', 'Exists'] }),
  value: str('Taint value to match with Equal.'),
  effect: str('Taint effect to match; empty matches all.', { enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }),
  tolerationSeconds: i64('For NoExecute: how long the pod stays after the taint appears.'),
});
const PodSecurityContextDef = def('PodSecurityContext', 'Privilege settings applied to every container of the pod.', {
  runAsUser: i64('User id all containers run as unless they override it.'),
  runAsGroup: i64('Primary group id of the processes.'),
  runAsNonRoot: bool('Refuse to start containers that would run as root.'),
  fsGroup: i64('Group that owns mounted volumes.'),
  supplementalGroups: arr(i64(''), 'Extra groups for the processes.'),
  seccompProfile: SecurityContextDef.fields.seccompProfile!,
});
export const PodSpecDef = def('PodSpec', 'What runs in a pod: its containers, volumes and scheduling and restart rules.', {
  containers: arr(obj(ContainerDef), 'The containers of the pod; at least one.', { required: true, mergeKey: 'name' }),
  initContainers: arr(obj(ContainerDef), 'Containers that run to completion, in order, before the main ones start.', { mergeKey: 'name' }),
  volumes: arr(obj(VolumeDef), 'Volumes the containers can mount.', { mergeKey: 'name' }),
  restartPolicy: str('What the kubelet does when a container exits. Deployments allow only Always.', { enum: ['Always', 'Never', 'OnFailure'] }),
  terminationGracePeriodSeconds: i64('Seconds between SIGTERM and SIGKILL on deletion (default 30).'),
  activeDeadlineSeconds: i64('Seconds the pod may run before it is failed (not for Deployments).'),
  dnsPolicy: str('How DNS is set up in the pod (default ClusterFirst: cluster DNS first).', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }),
  nodeSelector: strMap('Node labels the pod requires.'),
  nodeName: str('Node the pod is bound to; set by the scheduler.'),
  serviceAccountName: str('Service account whose identity the pod uses (default "default").'),
  serviceAccount: str('Deprecated alias of serviceAccountName.'),
  automountServiceAccountToken: bool('Whether an API token is mounted into the pod.'),
  hostNetwork: bool("Use the node's network namespace."),
  securityContext: obj(PodSecurityContextDef, 'Privilege settings for the whole pod.'),
  imagePullSecrets: arr(obj(def('LocalObjectReference', 'A reference by name to an object in the same namespace.', { name: str('Name of the referenced object.') })), 'Secrets with registry credentials for pulling images.', { mergeKey: 'name' }),
  schedulerName: str('Scheduler that places the pod (default default-scheduler).'),
  priority: i32('Priority value, filled in from priorityClassName.'),
  priorityClassName: str('Name of a PriorityClass.'),
  preemptionPolicy: str('Whether this pod may preempt lower-priority pods.', { enum: ['Never', 'PreemptLowerPriority'] }),
  enableServiceLinks: bool('Inject environment variables describing Services (default true).'),
  tolerations: arr(obj(TolerationDef), 'Taints this pod tolerates.'),
  affinity: f('any', 'Node and pod affinity rules.'),
  hostname: str('Hostname inside the pod (default: the pod name).'),
  subdomain: str('Subdomain for a pod DNS name under a headless Service.'),
  shareProcessNamespace: bool('Let the containers see each other\'s processes.'),
});
export const PodTemplateSpecDef = def('PodTemplateSpec', 'The blueprint for the pods a controller creates: their labels and spec.', {
  metadata: meta('Labels and annotations every created pod gets; the labels must satisfy the selector.'),
  spec: obj(PodSpecDef, 'The spec of every created pod.'),
});

// ------------------------------------------------------------------ status (kept open: written by controllers)
const ConditionDef = def('Condition', 'One aspect of the current state.', {
  type: str('Condition name.'), status: str('True, False or Unknown.'), reason: str('One-word reason.'), message: str('Human-readable details.'),
  lastTransitionTime: time('When the status last changed.'), lastUpdateTime: time('When the condition was last updated.'),
  lastProbeTime: time('When the condition was last probed.'), observedGeneration: i64('Generation the condition was computed for.'),
}, true);
const openStatus = (go: string, d: string) => obj(def(go, d, { conditions: arr(obj(ConditionDef), 'Current conditions.') }, true), d, { readOnly: true });

// ------------------------------------------------------------------ kinds
const typeMetaFields = (apiVersion: string, kind: string) => ({
  apiVersion: str(`Versioned schema of this object: ${apiVersion}.`, { required: true, enum: [apiVersion] }),
  kind: str(`Object type: ${kind}.`, { required: true, enum: [kind] }),
});

export const DeploymentSpecDef = def('DeploymentSpec', 'Desired state of a Deployment.', {
  replicas: i32('How many pods to run (default 1).'),
  selector: obj(LabelSelectorDef, 'Which pods belong to this Deployment. Must match the template labels; cannot change after creation.', { required: true }),
  template: obj(PodTemplateSpecDef, 'The pods to create.', { required: true }),
  strategy: obj(def('DeploymentStrategy', 'How old pods are replaced by new ones.', {
    type: str('RollingUpdate (default) replaces pods gradually; Recreate stops all old pods first.', { enum: ['Recreate', 'RollingUpdate'] }),
    rollingUpdate: obj(def('RollingUpdateDeployment', 'Limits of a rolling update.', {
      maxUnavailable: ios('Pods that may be unavailable during the update: a number or a percentage, rounded down (default 25%).'),
      maxSurge: ios('Pods that may exist above replicas during the update: a number or a percentage, rounded up (default 25%).'),
    }), 'Limits of a rolling update; only with type RollingUpdate.'),
  }), 'How old pods are replaced by new ones.'),
  minReadySeconds: i32('Seconds a new pod must stay ready before it counts as available (default 0).'),
  revisionHistoryLimit: i32('How many old ReplicaSets to keep for rollback (default 10).'),
  paused: bool('Stop rolling out template changes until resumed.'),
  progressDeadlineSeconds: i32('Seconds without progress before the rollout is reported as failed (default 600).'),
});
export const ReplicaSetSpecDef = def('ReplicaSetSpec', 'Desired state of a ReplicaSet.', {
  replicas: i32('How many pods to keep running (default 1).'),
  minReadySeconds: i32('Seconds a new pod must stay ready before it counts as available.'),
  selector: obj(LabelSelectorDef, 'Which pods this ReplicaSet counts; must match the template labels.', { required: true }),
  template: obj(PodTemplateSpecDef, 'The pods to create when there are too few.'),
});
export const JobSpecDef = def('JobSpec', 'Desired state of a Job.', {
  template: obj(PodTemplateSpecDef, 'The pods that do the work; restartPolicy must be OnFailure or Never.', { required: true }),
  parallelism: i32('Pods running at the same time (default 1).'),
  completions: i32('Successful pods needed to finish (default 1).'),
  backoffLimit: i32('Retries before the Job is failed (default 6).'),
  activeDeadlineSeconds: i64('Seconds the Job may run in total.'),
  ttlSecondsAfterFinished: i32('Delete the Job this many seconds after it finishes.'),
  selector: obj(LabelSelectorDef, 'Pods of this Job; generated by the server unless manualSelector.'),
  manualSelector: bool('Let you set the selector yourself.'),
  completionMode: str('NonIndexed or Indexed.', { enum: ['Indexed', 'NonIndexed'] }),
  suspend: bool('Pause the Job: no new pods are created.'),
});
export const ServicePortDef = def('ServicePort', 'One port the Service exposes and where it forwards to.', {
  name: str('Port name (IANA_SVC_NAME); required when the Service has more than one port.'),
  protocol: str('Transport protocol (default TCP).', { enum: ['SCTP', 'TCP', 'UDP'] }),
  appProtocol: str('Application protocol hint, e.g. http.'),
  port: i32('Port the Service listens on (its ClusterIP port).', { required: true }),
  targetPort: ios('Port on the pods to forward to: a number or a container port name (default: same as port).'),
  nodePort: i32('Port opened on every node for NodePort and LoadBalancer Services (30000-32767; allocated when empty).'),
});
export const ServiceSpecDef = def('ServiceSpec', 'Desired state of a Service.', {
  type: str('How the Service is exposed (default ClusterIP).', { enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] }),
  selector: strMap('Pods with all these labels become endpoints of the Service.'),
  ports: arr(obj(ServicePortDef), 'The ports the Service exposes.', { mergeKey: 'port' }),
  clusterIP: str('Virtual IP inside the cluster; allocated when empty, "None" for a headless Service. Cannot change.'),
  clusterIPs: strList('The cluster IPs, one per IP family; the first equals clusterIP.'),
  externalIPs: strList('Extra IPs, routed to the nodes, that the Service accepts traffic for.'),
  externalName: str('DNS name returned as a CNAME, for type ExternalName.'),
  sessionAffinity: str('ClientIP keeps a client on the same pod; None spreads requests (default).', { enum: ['ClientIP', 'None'] }),
  externalTrafficPolicy: str('Cluster (default) may forward to pods on other nodes; Local keeps the client IP.', { enum: ['Cluster', 'Local'] }),
  internalTrafficPolicy: str('Cluster (default) or Local routing for traffic from inside the cluster.', { enum: ['Cluster', 'Local'] }),
  ipFamilyPolicy: str('Single or dual stack (default SingleStack).', { enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'] }),
  ipFamilies: arr(str('', { enum: ['IPv4', 'IPv6'] }), 'IP families of the Service, e.g. [IPv4].'),
  allocateLoadBalancerNodePorts: bool('Whether a LoadBalancer also gets node ports (default true).'),
  loadBalancerIP: str('Requested load-balancer IP (deprecated).'),
  loadBalancerClass: str('Which load-balancer implementation handles the Service.'),
  loadBalancerSourceRanges: strList('Client CIDRs allowed through the load balancer.'),
  healthCheckNodePort: i32('Node port for load-balancer health checks with externalTrafficPolicy Local.'),
  publishNotReadyAddresses: bool('List pods as endpoints even when not ready.'),
  sessionAffinityConfig: f('any', 'Settings of ClientIP affinity.'),
  trafficDistribution: str('Preference for routing traffic, e.g. PreferClose.'),
});

const kind = (go: string, apiVersion: string, k: string, d: string, fields: Record<string, FieldDef>): ObjectDef =>
  def(go, d, { ...typeMetaFields(apiVersion, k), metadata: meta(), ...fields });

export const KIND_DEFS: Record<string, ObjectDef> = {
  Deployment: kind('Deployment', 'apps/v1', 'Deployment', 'Keeps a number of identical pods running and rolls out changes to them gradually.', {
    spec: obj(DeploymentSpecDef, 'Desired state: replicas, selector, pod template and update strategy.'),
    status: openStatus('DeploymentStatus', 'Observed state, written by the deployment controller.'),
  }),
  ReplicaSet: kind('ReplicaSet', 'apps/v1', 'ReplicaSet', 'Keeps a set number of pods matching its selector; Deployments manage these for you.', {
    spec: obj(ReplicaSetSpecDef, 'Desired state: replicas, selector and pod template.'),
    status: openStatus('ReplicaSetStatus', 'Observed state, written by the replicaset controller.'),
  }),
  Pod: kind('Pod', 'v1', 'Pod', 'One or more containers scheduled together on a node, sharing network and volumes.', {
    spec: obj(PodSpecDef, 'Desired state of the pod.'),
    status: openStatus('PodStatus', 'Observed state, written by the kubelet.'),
  }),
  Job: kind('Job', 'batch/v1', 'Job', 'Runs pods until a number of them finish successfully.', {
    spec: obj(JobSpecDef, 'Desired state of the Job.'),
    status: openStatus('JobStatus', 'Observed state of the Job.'),
  }),
  Service: kind('Service', 'v1', 'Service', 'A stable virtual IP and DNS name that load-balances over the pods its selector matches.', {
    spec: obj(ServiceSpecDef, 'Desired state: type, selector and ports.'),
    status: obj(def('ServiceStatus', 'Observed state, e.g. the load balancer address.', { loadBalancer: f('any', 'Load-balancer ingress points.'), conditions: arr(obj(ConditionDef), 'Current conditions.') }, true), 'Observed state, e.g. the load balancer address.', { readOnly: true }),
  }),
  Secret: kind('Secret', 'v1', 'Secret', 'Holds small pieces of sensitive data such as API keys, base64-encoded in data.', {
    type: str('What the Secret holds (default Opaque); some types require certain keys.'),
    data: { type: 'map', description: 'Keys and base64-encoded values.', items: f('base64', ''), goType: 'map[string][]uint8' },
    stringData: strMap('Plain-text values for convenience; the server encodes them into data. Write-only.'),
    immutable: bool('When true, data can no longer be changed.'),
  }),
  ConfigMap: kind('ConfigMap', 'v1', 'ConfigMap', 'Holds non-secret configuration as key/value pairs.', {
    data: strMap('Configuration values as text.'),
    binaryData: { type: 'map', description: 'Binary values, base64-encoded.', items: f('base64', ''), goType: 'map[string][]uint8' },
    immutable: bool('When true, the data can no longer be changed.'),
  }),
  Namespace: kind('Namespace', 'v1', 'Namespace', 'A scope for names; most objects live in one.', {
    spec: obj(def('NamespaceSpec', 'Desired state of the namespace.', { finalizers: strList('Finalizers that must run before the namespace is removed.') }), 'Desired state of the namespace.'),
    status: obj(def('NamespaceStatus', 'Observed state.', { phase: str('Active or Terminating.'), conditions: arr(obj(ConditionDef), 'Current conditions.') }, true), 'Observed state.', { readOnly: true }),
  }),
  Endpoints: kind('Endpoints', 'v1', 'Endpoints', 'The addresses behind a Service (deprecated in favour of EndpointSlice since 1.33).', {
    subsets: arr(f('any', ''), 'Groups of addresses sharing the same ports.'),
  }),
  EndpointSlice: kind('EndpointSlice', 'discovery.k8s.io/v1', 'EndpointSlice', 'A slice of the endpoints behind a Service.', {
    addressType: str('IPv4, IPv6 or FQDN.', { required: true, enum: ['FQDN', 'IPv4', 'IPv6'] }),
    endpoints: arr(f('any', ''), 'The endpoints in this slice.', { required: true }),
    ports: arr(f('any', ''), 'Ports exposed by every endpoint.'),
  }),
  Event: def('Event', 'A report of something that happened to an object.', {
    ...typeMetaFields('v1', 'Event'), metadata: meta(),
  }, true),
  Node: def('Node', 'A machine that runs pods.', { ...typeMetaFields('v1', 'Node'), metadata: meta() }, true),
};

/** The field model for a kind, or undefined for kinds the simulator does not model. */
export function kindDef(k: string): ObjectDef | undefined {
  return KIND_DEFS[k];
}

/** The Go type name of a field as the API server's type errors print it. */
export function goTypeOf(fd: FieldDef): string {
  if (fd.goType) return fd.goType;
  switch (fd.type) {
    case 'string': return 'string';
    case 'int32': return 'int32';
    case 'int64': return 'int64';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'intOrString': return 'intstr.IntOrString';
    case 'quantity': return 'resource.Quantity';
    case 'time': return 'v1.Time';
    case 'base64': return '[]uint8';
    case 'object': return `v1.${fd.object?.go ?? 'Object'}`;
    case 'array': return `[]${fd.items ? goTypeOf(fd.items) : 'interface {}'}`;
    case 'map': return `map[string]${fd.items ? goTypeOf(fd.items) : 'interface {}'}`;
    default: return 'interface {}';
  }
}

/** Walk a path (`spec.template.spec.containers`, indices allowed and ignored) through the model. */
export function fieldAt(k: string, path: string): { field: FieldDef | undefined; parent: ObjectDef | undefined } {
  const root = kindDef(k);
  if (!root) return { field: undefined, parent: undefined };
  const segs = path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean);
  let cur: FieldDef = { type: 'object', description: root.description ?? '', object: root };
  let parent: ObjectDef | undefined;
  for (const s of segs) {
    while (cur.type === 'array' && cur.items) cur = cur.items;
    if (cur.type !== 'object' || !cur.object) return { field: undefined, parent };
    const next: FieldDef | undefined = cur.object.fields[s];
    if (!next) return { field: undefined, parent: cur.object };
    parent = cur.object;
    cur = next;
  }
  return { field: cur, parent };
}
