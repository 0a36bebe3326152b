// JSON schemas per kind for the editor (completion, hover, diagnostics through monaco-yaml). They come from
// engine-api's field model (toJsonSchema(kind)); the compact fallback below only fills in a kind the model does
// not cover. Unknown fields are flagged (additionalProperties: false), which is what the typo quick fix acts on.
import { toJsonSchema, schemaKinds } from '../../sim/api/schema';

type Schema = Record<string, unknown>;

const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const int = (description: string, extra: Schema = {}): Schema => ({ type: 'integer', description, ...extra });
const strMap = (description: string): Schema => ({ type: 'object', description, additionalProperties: { type: ['string'] } });
const obj = (description: string, properties: Schema, extra: Schema = {}): Schema => ({ type: 'object', description, properties, additionalProperties: false, ...extra });
const intOrString = (description: string): Schema => ({ type: ['integer', 'string'], description });

const metadata = obj('Identity of the object: its name, namespace, labels and annotations.', {
  name: str('Name of the object, unique per kind within its namespace (lowercase letters, digits and dashes).'),
  generateName: str('Prefix for a name the API server completes with random characters.'),
  namespace: str('Namespace the object lives in; "default" when left out.'),
  labels: strMap('Key/value pairs that selectors (Services, Deployments) match on.'),
  annotations: strMap('Key/value notes for tools; not used for selection.'),
  uid: str('Set by the API server.'), resourceVersion: str('Set by the API server.'),
  creationTimestamp: { description: 'Set by the API server.' }, generation: int('Set by the API server.'),
  ownerReferences: { type: 'array', description: 'Objects this one belongs to (set by controllers).' },
  finalizers: { type: 'array', items: { type: 'string' } },
});

const selectorLabels = obj('Which pods this selects: every listed label must match.', {
  matchLabels: strMap('Labels a pod must carry, all of them, to be selected.'),
  matchExpressions: { type: 'array', description: 'Set-based requirements (In, NotIn, Exists, DoesNotExist).' },
});

const envVar = obj('One environment variable.', {
  name: str('Variable name.'), value: str('Literal value.'),
  valueFrom: obj('Take the value from a Secret key, a ConfigMap key or a field of the pod.', {
    secretKeyRef: obj('A key of a Secret.', { name: str('Secret name.'), key: str('Key in the Secret.'), optional: { type: 'boolean' } }),
    configMapKeyRef: obj('A key of a ConfigMap.', { name: str('ConfigMap name.'), key: str('Key in the ConfigMap.'), optional: { type: 'boolean' } }),
    fieldRef: obj('A field of the pod, such as metadata.name.', { fieldPath: str('Path of the field.'), apiVersion: str('Version of the schema.') }),
  }),
}, { required: ['name'] });

const probe = obj('A health check the kubelet runs against the container.', {
  httpGet: obj('Probe with an HTTP GET; 200-399 counts as success.', { path: str('URL path, for example /health.'), port: intOrString('Port number or name.'), scheme: str('HTTP or HTTPS.', { enum: ['HTTP', 'HTTPS'] }) }),
  tcpSocket: obj('Probe by opening a TCP connection.', { port: intOrString('Port number or name.') }),
  exec: obj('Probe by running a command in the container.', { command: { type: 'array', items: { type: 'string' } } }),
  initialDelaySeconds: int('Seconds to wait after start before the first probe.'), periodSeconds: int('Seconds between probes (default 10).'),
  timeoutSeconds: int('Seconds before a probe times out (default 1).'), failureThreshold: int('Failures in a row before acting (default 3).'),
  successThreshold: int('Successes in a row to count as passing again (default 1).'),
});

const resources = obj('CPU and memory the container asks for (requests) and may not exceed (limits).', {
  requests: obj('Reserved on the node for scheduling.', { cpu: intOrString('CPU, in cores or millicores (250m).'), memory: intOrString('Memory, for example 256Mi.') }),
  limits: obj('Hard ceiling: past the memory limit the container is OOM-killed.', { cpu: intOrString('CPU limit.'), memory: intOrString('Memory limit.') }),
});

const container = obj('One container of the pod.', {
  name: str('Name of the container, unique within the pod.'),
  image: str('Image to run, for example llmops-app:latest.'),
  imagePullPolicy: str('When the kubelet pulls the image. Default: Always for :latest or no tag, IfNotPresent otherwise.', { enum: ['Always', 'IfNotPresent', 'Never'] }),
  command: { type: 'array', items: { type: 'string' }, description: 'Replaces the image ENTRYPOINT.' },
  args: { type: 'array', items: { type: 'string' }, description: 'Replaces the image CMD.' },
  workingDir: str('Working directory inside the container.'),
  ports: { type: 'array', description: 'Ports the container listens on (informational, but named ports can be targeted).', items: obj('A container port.', {
    containerPort: int('Port number the process listens on.', { minimum: 1, maximum: 65535 }), name: str('Optional name a Service targetPort can refer to.'),
    protocol: str('TCP (default), UDP or SCTP.', { enum: ['TCP', 'UDP', 'SCTP'] }), hostPort: int('Port on the node (rarely needed).'),
  }, { required: ['containerPort'] }) },
  env: { type: 'array', items: envVar, description: 'Environment variables set one by one.' },
  envFrom: { type: 'array', description: 'Import every key of a Secret or ConfigMap as environment variables.', items: obj('A source of variables.', {
    secretRef: obj('Every key of this Secret becomes a variable.', { name: str('Secret name.'), optional: { type: 'boolean', description: 'Start even if the Secret is missing.' } }),
    configMapRef: obj('Every key of this ConfigMap becomes a variable.', { name: str('ConfigMap name.'), optional: { type: 'boolean' } }),
    prefix: str('Prefix added to every variable name.'),
  }) },
  resources, livenessProbe: probe, readinessProbe: probe, startupProbe: probe,
  securityContext: { type: 'object', description: 'Privilege and access settings for the container.' },
  volumeMounts: { type: 'array', description: 'Volumes mounted into the container.' },
}, { required: ['name', 'image'] });

const podSpec = obj('What runs in the pod.', {
  containers: { type: 'array', items: container, minItems: 1, description: 'The containers of the pod (at least one).' },
  initContainers: { type: 'array', items: container },
  restartPolicy: str('Always (default), OnFailure or Never.', { enum: ['Always', 'OnFailure', 'Never'] }),
  nodeName: str('Node the pod runs on (set by the scheduler).'), nodeSelector: strMap('Node labels the pod needs.'),
  serviceAccountName: str('Service account for the pod.'), terminationGracePeriodSeconds: int('Seconds between SIGTERM and SIGKILL (default 30).'),
  volumes: { type: 'array' }, securityContext: { type: 'object' }, imagePullSecrets: { type: 'array' }, affinity: { type: 'object' }, tolerations: { type: 'array' },
});

const template = obj('The pod each replica is made from.', { metadata, spec: podSpec });

const status = { type: 'object', description: 'Written by the cluster; ignored on apply.' };

export function fallbackSchemas(): Record<string, Schema> {
  const top = (apiVersion: string, description: string, extra: Schema): Schema => obj(description, {
    apiVersion: str('API group and version.', { enum: [apiVersion] }), kind: str('Kind of object.'), metadata, ...extra, status,
  }, { required: ['apiVersion', 'kind', 'metadata'] });
  return {
    Deployment: top('apps/v1', 'Keeps a number of identical pods running and rolls out changes to them.', {
      spec: obj('Desired state of the Deployment.', {
        replicas: int('How many pods to run (default 1).', { minimum: 0 }), selector: selectorLabels, template,
        strategy: obj('How pods are replaced on update.', { type: str('RollingUpdate (default) or Recreate.', { enum: ['RollingUpdate', 'Recreate'] }),
          rollingUpdate: obj('Limits during a rolling update.', { maxSurge: intOrString('Extra pods allowed above replicas (default 25%).'), maxUnavailable: intOrString('Pods that may be missing (default 25%).') }) }),
        minReadySeconds: int('Seconds a new pod must be ready before it counts as available.'), revisionHistoryLimit: int('Old ReplicaSets kept for rollback (default 10).'),
        progressDeadlineSeconds: int('Seconds before a stalled rollout is reported (default 600).'), paused: { type: 'boolean' },
      }, { required: ['selector', 'template'] }),
    }),
    Service: top('v1', 'A stable name and address that spreads traffic over the pods its selector matches.', {
      spec: obj('Desired state of the Service.', {
        type: str('ClusterIP (default), NodePort, LoadBalancer or ExternalName.', { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] }),
        selector: strMap('Labels of the pods that receive the traffic.'),
        ports: { type: 'array', items: obj('One port of the Service.', {
          name: str('Needed when there are several ports.'), protocol: str('TCP (default), UDP or SCTP.', { enum: ['TCP', 'UDP', 'SCTP'] }),
          port: int('Port the Service listens on.', { minimum: 1, maximum: 65535 }), targetPort: intOrString('Port (or port name) on the pods; defaults to port.'),
          nodePort: int('Port on every node (30000-32767) for NodePort and LoadBalancer.', { minimum: 30000, maximum: 32767 }), appProtocol: str('Application protocol hint.'),
        }, { required: ['port'] }) },
        clusterIP: str('Virtual IP inside the cluster (assigned when left out).'), externalTrafficPolicy: str('Cluster (default) or Local.', { enum: ['Cluster', 'Local'] }),
        sessionAffinity: str('None (default) or ClientIP.', { enum: ['None', 'ClientIP'] }), externalName: str('DNS name for type ExternalName.'), loadBalancerIP: str('Deprecated.'),
      }),
    }),
    Secret: top('v1', 'Holds small pieces of sensitive data, such as API keys.', {
      type: str('Opaque (default) or a typed secret.'), data: strMap('Values encoded in base64.'), stringData: strMap('Plain values, encoded on write.'), immutable: { type: 'boolean' },
    }),
    ConfigMap: top('v1', 'Holds non-secret configuration as key/value pairs.', {
      data: strMap('Text values.'), binaryData: strMap('Base64 values.'), immutable: { type: 'boolean' },
    }),
    Pod: top('v1', 'One or more containers that run together on a node.', { spec: podSpec }),
    Namespace: top('v1', 'A named scope for objects.', { spec: { type: 'object' } }),
    ReplicaSet: top('apps/v1', 'Keeps a number of pods running (usually managed by a Deployment).', {
      spec: obj('Desired state.', { replicas: int('How many pods.'), selector: selectorLabels, template, minReadySeconds: int('Seconds before a pod counts as available.') }),
    }),
  };
}

/** The schemas the editor uses: the field model's, per kind, and the fallback for kinds it lacks. */
export function labSchemas(): Record<string, Schema> {
  const out: Record<string, Schema> = { ...fallbackSchemas() };
  for (const kind of schemaKinds()) {
    const s = toJsonSchema(kind);
    if (!s) continue;
    // Nested under if/then in one combined schema: drop the document-level keys.
    const { $schema: _drop, ...rest } = s;
    void _drop;
    out[kind] = rest;
  }
  return out;
}
