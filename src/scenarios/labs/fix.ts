// Labs for the troubleshooting lesson, the best practices and the summary.
import { defineScenario } from '../schema';
import { APP, APPLY, BUILD, CREATE_SECRET, DEPLOYMENT, LESSON, LINES, LOAD, MANIFEST, READY_TO_APPLY, ROLLOUT, SECRET, SERVICE, START, WAIT_FOR_APP } from '../common';

const SECRET_KEYS = ['GROQ_API_KEY', 'HUGGINGFACE_API_KEY'];

export const secretMissing = defineScenario({
  id: 'secret-missing',
  title: 'The Secret was never created',
  lesson: LESSON.troubleshooting,
  kind: 'troubleshooting',
  task: 'The manifest was applied before anyone created the Secret. Diagnose the pod with kubectl and make the app run — without editing the manifest.',
  setup: [START, BUILD, LOAD, APPLY, 'sleep 20'],
  symptom: {
    text: 'The pod is stuck before its container starts: CreateContainerConfigError.',
    command: 'kubectl get pods',
    shows: 'CreateContainerConfigError',
  },
  goals: [
    { id: 'secret', title: 'Secret llmops-secrets has GROQ_API_KEY and HUGGINGFACE_API_KEY, and the pod sees them', check: { type: 'secret-keys', name: SECRET, keys: SECRET_KEYS, seenBy: APP } },
    { id: 'pod-ready', title: '1 pod of llmops-app is Running and Ready', check: { type: 'pods-ready', selector: APP, count: 1 } },
    { id: 'endpoint', title: 'llmops-service has a ready endpoint on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 1, port: 8501 } },
  ],
  hints: [
    'kubectl describe pod -l app=llmops and read the Events at the bottom.',
    'The kubelet says `Error: secret "llmops-secrets" not found`. The Deployment\'s envFrom needs it before the container can be created.',
    `Create it: ${CREATE_SECRET} — then wait; the kubelet retries on its own.`,
  ],
  solution: [
    { run: 'kubectl describe pod -l app=llmops' },
    { run: CREATE_SECRET, say: 'Create the Secret the pod is waiting for.' },
    { run: ROLLOUT, say: 'The kubelet retries by itself; no restart needed.' },
    { run: 'kubectl get pods' },
  ],
  debrief: {
    whatBroke: 'envFrom.secretRef names a Secret that did not exist. The pod was scheduled and got an IP, but the kubelet could not build the container\'s environment, so it never created the container (RESTARTS stays 0).',
    onRealCluster: 'STATUS shows CreateContainerConfigError and describe shows `Warning  Failed  … Error: secret "llmops-secrets" not found`. Secrets are looked up when the container starts, not at apply time, so kubectl apply succeeded. Once the Secret exists the kubelet\'s next retry starts the pod.',
    commands: ['kubectl get pods', 'kubectl describe pod -l app=llmops', 'kubectl get secrets', 'kubectl create secret generic llmops-secrets --from-env-file=.env'],
  },
});

export const crashloopNoKey = defineScenario({
  id: 'crashloop-no-key',
  title: 'The app crashes without its key',
  lesson: LESSON.troubleshooting,
  kind: 'troubleshooting',
  optional: true,
  task: 'The Deployment now sets RECOMMENDER_MODE=llm, and the pod keeps restarting. Read its logs, find what it is missing, and fix the Secret — not the manifest.',
  files: { [MANIFEST]: { from: MANIFEST, replace: [[LINES.envFrom, '        env:\n          - name: RECOMMENDER_MODE\n            value: llm\n' + LINES.envFrom]] } },
  setup: [START, BUILD, LOAD, 'kubectl create secret generic llmops-secrets --from-literal=HUGGINGFACE_API_KEY=hf_demo_only', APPLY, 'sleep 60'],
  symptom: {
    text: 'The pod starts, exits at once, and is restarted again and again: CrashLoopBackOff.',
    command: 'kubectl get pods',
    shows: 'CrashLoopBackOff|Error',
  },
  goals: [
    { id: 'secret', title: 'Secret llmops-secrets has GROQ_API_KEY and HUGGINGFACE_API_KEY, and the pod sees them', check: { type: 'secret-keys', name: SECRET, keys: SECRET_KEYS, seenBy: APP } },
    { id: 'no-crash', title: 'No llmops-app pod is in CrashLoopBackOff', check: { type: 'no-pod-reason', selector: APP, reasons: ['CrashLoopBackOff', 'Error'] } },
    { id: 'pod-ready', title: '1 pod of llmops-app is Running and Ready', check: { type: 'pods-ready', selector: APP, count: 1 } },
  ],
  hints: [
    'kubectl logs deploy/llmops-app (add --previous to read the last crashed container) shows why the process exits.',
    'It wants GROQ_API_KEY in LLM mode; kubectl describe secret llmops-secrets lists only HUGGINGFACE_API_KEY.',
    `Recreate the Secret with both keys (kubectl delete secret llmops-secrets, then ${CREATE_SECRET}), then kubectl rollout restart deployment/llmops-app so new pods read it.`,
  ],
  solution: [
    { run: 'kubectl logs deploy/llmops-app' },
    { run: 'kubectl describe secret llmops-secrets' },
    { run: 'kubectl delete secret llmops-secrets' },
    { run: CREATE_SECRET, say: 'Both keys this time.' },
    { run: 'kubectl rollout restart deployment/llmops-app', say: 'Environment variables are read when a container starts: restart to pick them up.' },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'The container started and the app exited because LLM mode needs GROQ_API_KEY, which the Secret lacked. With restartPolicy Always the kubelet restarts it after a back-off that doubles from 10 s up to 5 minutes: CrashLoopBackOff.',
    onRealCluster: 'RESTARTS climbs, describe shows `Last State: Terminated, Reason: Error, Exit Code: 1` and `Back-off restarting failed container`. `kubectl logs --previous` is the key command: the current container may not have logged anything yet.',
    commands: ['kubectl logs deploy/llmops-app --previous', 'kubectl describe pod -l app=llmops', 'kubectl describe secret llmops-secrets', 'kubectl rollout restart deployment/llmops-app'],
  },
});

export const imageNotLoaded = defineScenario({
  id: 'image-not-loaded',
  title: 'The image never reached minikube',
  lesson: LESSON.troubleshooting,
  kind: 'troubleshooting',
  optional: true,
  task: 'The image was built on the workstation and the manifest applied, but the pod cannot get its image. Find out where the kubelet is looking and get the image there.',
  setup: [START, BUILD, CREATE_SECRET, APPLY, 'sleep 30'],
  symptom: {
    text: 'The pod is stuck pulling its image: ErrImagePull, then ImagePullBackOff.',
    command: 'kubectl get pods',
    shows: 'ErrImagePull|ImagePullBackOff',
  },
  goals: [
    { id: 'image', title: 'llmops-app:latest is loaded into minikube', check: { type: 'image-on-node', image: 'llmops-app:latest' } },
    { id: 'no-pull-errors', title: 'No llmops-app pod is stuck pulling its image', check: { type: 'no-pod-reason', selector: APP, reasons: ['ErrImagePull', 'ImagePullBackOff'] } },
    { id: 'pod-ready', title: '1 pod of llmops-app is Running and Ready', check: { type: 'pods-ready', selector: APP, count: 1 } },
  ],
  hints: [
    'docker images lists llmops-app:latest — but that is the workstation\'s Docker. Which image store does the minikube node use?',
    'minikube image ls shows what the node has. IfNotPresent only helps when the image is on the node.',
    'minikube image load llmops-app:latest, then replace the pod (kubectl rollout restart deployment/llmops-app) instead of waiting out the back-off.',
  ],
  solution: [
    { run: 'minikube image ls' },
    { run: LOAD, say: 'Copy the image into the node\'s container runtime.' },
    { run: 'kubectl rollout restart deployment/llmops-app', say: 'A new pod tries at once instead of waiting for the back-off.' },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'minikube runs its own container runtime; the image you build with your workstation\'s Docker is not in it. With IfNotPresent the kubelet found no local copy and tried Docker Hub, where llmops-app does not exist.',
    onRealCluster: 'describe shows `Failed to pull image "llmops-app:latest": … pull access denied, repository does not exist or may require \'docker login\'` and `Back-off pulling image`. Retries back off up to 5 minutes, so after loading the image, delete the pod or restart the rollout.',
    commands: ['docker images | grep llmops-app', 'minikube image ls | grep llmops-app', 'minikube image load llmops-app:latest', 'kubectl describe pod -l app=llmops'],
  },
});

const READINESS_WRONG = '        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: 8501\n          periodSeconds: 5\n';

export const readinessProbeFailing = defineScenario({
  id: 'readiness-probe-failing',
  title: 'A readiness probe that never passes',
  lesson: LESSON.bestPractices,
  kind: 'troubleshooting',
  optional: true,
  task: 'A readiness probe was added, and now the pod is Running but never Ready, and the Service has no ready endpoint. Find what the probe asks for and fix it.',
  files: { [MANIFEST]: { from: MANIFEST, replace: [[LINES.envFrom, READINESS_WRONG + LINES.envFrom]] } },
  setup: [...READY_TO_APPLY, APPLY, 'sleep 30'],
  symptom: {
    text: 'READY shows 0/1 although STATUS is Running, and the Service sends no traffic to the pod.',
    command: 'kubectl get pods',
    shows: '0/1',
  },
  goals: [
    { id: 'probe-path', title: 'The readiness probe checks /ready', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.template.spec.containers[0].readinessProbe.httpGet.path', equals: '/ready' } },
    { id: 'pod-ready', title: '1 pod of llmops-app is Running and Ready', check: { type: 'pods-ready', selector: APP, count: 1 } },
    { id: 'endpoint', title: 'llmops-service has a ready endpoint on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 1, port: 8501 } },
  ],
  hints: [
    'kubectl describe pod -l app=llmops: look for Unhealthy events.',
    '`Readiness probe failed: HTTP probe failed with statuscode: 404` — the app has no /healthz. It serves /health (alive) and /ready (ready to take traffic).',
    'Change the probe path to /ready, save, and apply.',
  ],
  solution: [
    { run: 'kubectl describe pod -l app=llmops' },
    { edit: MANIFEST, replace: [['            path: /healthz\n', '            path: /ready\n']], say: 'Probe the endpoint the app really serves.' },
    { run: APPLY },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'A failing readiness probe does not restart anything: it keeps the pod out of the Service\'s ready endpoints. So the container ran fine while no traffic could reach it, and the rollout could never complete.',
    onRealCluster: 'kubectl get pods shows 0/1 Running, describe shows repeated `Warning Unhealthy … Readiness probe failed: HTTP probe failed with statuscode: 404`, and `kubectl get endpoints` shows an empty list. A liveness probe with the same mistake would also restart the container every ~30 s.',
    commands: ['kubectl describe pod -l app=llmops', 'kubectl get endpoints llmops-service', 'kubectl get events --field-selector reason=Unhealthy'],
  },
});

const HARDENED_BLOCK =
  '        resources:\n          requests:\n            cpu: 100m\n            memory: 256Mi\n          limits:\n            cpu: 500m\n            memory: 512Mi\n' +
  '        readinessProbe:\n          httpGet:\n            path: /ready\n            port: 8501\n' +
  '        livenessProbe:\n          httpGet:\n            path: /health\n            port: 8501\n          initialDelaySeconds: 10\n';

export const hardenManifest = defineScenario({
  id: 'harden-manifest',
  title: 'Harden the manifest: a pinned tag, resources, probes',
  lesson: LESSON.bestPractices,
  kind: 'guided',
  task: 'Give the image a version tag (build and load llmops-app:v1.0), set CPU and memory requests and limits, and add a readiness probe on /ready and a liveness probe on /health. Apply, and make sure it still runs.',
  setup: [...READY_TO_APPLY, APPLY, ROLLOUT],
  goals: [
    { id: 'pinned', title: 'The Deployment runs llmops-app:v1.0, not :latest', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.template.spec.containers[0].image', equals: 'llmops-app:v1.0' } },
    { id: 'requests', title: 'The container requests CPU and memory', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.template.spec.containers[0].resources.requests.memory' } },
    { id: 'limits', title: 'The container has a memory limit', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.template.spec.containers[0].resources.limits.memory' } },
    { id: 'readiness', title: 'A readiness probe checks /ready', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.template.spec.containers[0].readinessProbe.httpGet.path', equals: '/ready' } },
    { id: 'liveness', title: 'A liveness probe checks /health', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.template.spec.containers[0].livenessProbe.httpGet.path', equals: '/health' } },
    { id: 'rolled-out', title: 'The hardened Deployment is rolled out and Ready', check: { type: 'rollout-complete', name: DEPLOYMENT, image: 'llmops-app:v1.0' } },
  ],
  hints: [
    'Start with the tag: docker build -t llmops-app:v1.0 . and minikube image load llmops-app:v1.0, then change the image line.',
    'resources, readinessProbe and livenessProbe all sit in the container, at the same indentation as image and ports.',
    'Requests around cpu 100m / memory 256Mi and limits cpu 500m / memory 512Mi are reasonable for this app; probes use httpGet with path and port 8501.',
  ],
  solution: [
    { run: 'docker build -t llmops-app:v1.0 .' },
    { run: 'minikube image load llmops-app:v1.0' },
    { edit: MANIFEST, replace: [[LINES.image, '        image: llmops-app:v1.0\n'], [LINES.envFrom, HARDENED_BLOCK + LINES.envFrom]], say: 'Pin the tag, declare resources, add both probes.' },
    { run: APPLY },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'Nothing — but each addition closes a failure mode: a pinned tag makes rollouts and rollbacks mean something, requests let the scheduler place pods honestly, limits stop one pod from starving the node, readiness keeps traffic away from a pod that is not ready, liveness restarts one that hung.',
    onRealCluster: 'kubectl describe pod now shows the Limits, Requests, Liveness and Readiness lines and QoS Class: Burstable. The hardened manifest in manifests/ goes further (securityContext, more labels).',
    commands: ['kubectl describe pod -l app=llmops', 'kubectl get pod -l app=llmops -o jsonpath={.items[0].status.qosClass}', 'kubectl rollout history deployment/llmops-app'],
  },
});

export const reviewAll = defineScenario({
  id: 'review-all',
  title: 'Review: from an empty cluster to a public address',
  lesson: LESSON.summary,
  kind: 'capstone',
  task: 'A running cluster with the image loaded, and nothing else. Put everything from the course together: the Secret, the manifest with two replicas, and the app reachable at the LoadBalancer\'s external IP.',
  setup: [START, BUILD, LOAD],
  goals: [
    { id: 'secret', title: 'Secret llmops-secrets has both keys, and the pods see them', check: { type: 'secret-keys', name: SECRET, keys: SECRET_KEYS, seenBy: APP } },
    { id: 'two-ready', title: '2 pods of llmops-app are Running and Ready', check: { type: 'pods-ready', selector: APP, count: 2 } },
    { id: 'endpoints', title: 'llmops-service has 2 ready endpoints on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 2, port: 8501 } },
    { id: 'external-ip', title: 'llmops-service has an EXTERNAL-IP', check: { type: 'external-ip', service: SERVICE } },
    { id: 'tunnel', title: 'curl to the EXTERNAL-IP returns the app\'s page', check: { type: 'http', via: 'tunnel', service: SERVICE, path: '/', status: 200 } },
  ],
  hints: [
    'Secret first, so the pods can start on the first try.',
    'replicas: 2 in the manifest, then apply and wait for the rollout.',
    'minikube tunnel & gives the Service its external IP; kubectl get svc shows it.',
  ],
  solution: [
    { run: CREATE_SECRET },
    { edit: MANIFEST, replace: [[LINES.replicas, '  replicas: 2\n']] },
    { run: APPLY },
    { run: ROLLOUT },
    WAIT_FOR_APP,
    { run: 'minikube tunnel &' },
    { run: 'kubectl get svc llmops-service' },
    { run: 'curl -s http://$(kubectl get service llmops-service -o jsonpath={.status.loadBalancer.ingress[0].ip})/health' },
  ],
  debrief: {
    whatBroke: 'Nothing, if each piece was in place: Secret → pods start; labels match → endpoints; tunnel → external IP → Service → pods.',
    onRealCluster: 'This is the whole deploy on minikube. On a cloud cluster the tunnel step disappears: the provider\'s load balancer fills in the EXTERNAL-IP.',
    commands: ['kubectl get all', 'kubectl get endpoints llmops-service', 'minikube tunnel', 'kubectl get svc llmops-service'],
  },
});
