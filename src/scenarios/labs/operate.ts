// Labs for deploying, scaling and updating, with the troubleshooting labs that belong to those steps.
import { defineScenario } from '../schema';
import { APP, APPLY, BUILD, CREATE_SECRET, DEPLOYED, DEPLOYMENT, LESSON, LINES, LOAD, MANIFEST, READY_TO_APPLY, ROLLOUT, SECRET, SERVICE, START, WAIT_FOR_APP } from '../common';

export const deployEndToEnd = defineScenario({
  id: 'deploy-end-to-end',
  title: 'Capstone: deploy it end to end',
  lesson: LESSON.deploying,
  kind: 'capstone',
  task: 'Start from a bare workstation and follow the deploy steps: start minikube, build and load the image, create the Secret, apply the manifest, then reach the app through a port-forward and through minikube tunnel.',
  goals: [
    { id: 'cluster', title: 'minikube is running', check: { type: 'cluster-running' } },
    { id: 'image', title: 'llmops-app:latest is loaded into minikube', check: { type: 'image-on-node', image: 'llmops-app:latest' } },
    { id: 'secret', title: 'Secret llmops-secrets has GROQ_API_KEY and HUGGINGFACE_API_KEY, and the pod sees them', check: { type: 'secret-keys', name: SECRET, keys: ['GROQ_API_KEY', 'HUGGINGFACE_API_KEY'], seenBy: APP } },
    { id: 'rolled-out', title: 'The rollout of llmops-app is complete', check: { type: 'rollout-complete', name: DEPLOYMENT } },
    { id: 'endpoint', title: 'llmops-service has a ready endpoint on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 1, port: 8501 } },
    { id: 'port-forward', title: 'curl through the port-forward returns the app\'s page', check: { type: 'http', via: 'port-forward', service: SERVICE, path: '/', status: 200 } },
    { id: 'external-ip', title: 'llmops-service has an EXTERNAL-IP (minikube tunnel)', check: { type: 'external-ip', service: SERVICE } },
    { id: 'tunnel', title: 'curl to the EXTERNAL-IP returns the app\'s page', check: { type: 'http', via: 'tunnel', service: SERVICE, path: '/', status: 200 } },
  ],
  hints: [
    'Order matters: the cluster first (minikube start), then the image (docker build, minikube image load), then the Secret, then the manifest.',
    `The Secret: ${CREATE_SECRET}`,
    'After kubectl apply, wait with kubectl rollout status deployment/llmops-app; then kubectl port-forward service/llmops-service 8501:80 & and curl http://localhost:8501.',
    'A LoadBalancer on minikube gets an address only while `minikube tunnel` runs (start it with & here). kubectl get svc then shows the EXTERNAL-IP; curl it on port 80.',
  ],
  solution: [
    { run: START, say: 'A one-node cluster.' },
    { run: 'kubectl cluster-info' },
    { run: BUILD, say: 'Build the image on the workstation…' },
    { run: LOAD, say: '…and copy it into the node, where IfNotPresent finds it.' },
    { run: CREATE_SECRET, say: 'The keys the Deployment\'s envFrom expects.' },
    { run: APPLY },
    { run: 'kubectl get deployments' },
    { run: ROLLOUT },
    { run: 'kubectl get pods' },
    { run: 'kubectl get services' },
    WAIT_FOR_APP,
    { run: 'kubectl port-forward service/llmops-service 8501:80 &' },
    { run: 'curl -s http://localhost:8501/health' },
    { run: 'minikube tunnel &', say: 'Give the LoadBalancer Service an external IP.' },
    { run: 'kubectl get service llmops-service' },
    { run: 'curl -s http://$(kubectl get service llmops-service -o jsonpath={.status.loadBalancer.ingress[0].ip})/health' },
  ],
  debrief: {
    whatBroke: 'Nothing, if you kept the order. Each step feeds the next: no cluster, no kubectl; no image on the node, ImagePullBackOff; no Secret, CreateContainerConfigError.',
    onRealCluster: 'The same commands work on minikube (scripts/ in this repository runs them). `minikube tunnel` keeps running in its own terminal and may ask for sudo to add a route; on Linux the EXTERNAL-IP equals the CLUSTER-IP.',
    commands: ['minikube start', 'docker build -t llmops-app:latest .', 'minikube image load llmops-app:latest', 'kubectl create secret generic llmops-secrets --from-env-file=.env', 'kubectl apply -f llmops-k8s.yaml', 'kubectl rollout status deployment/llmops-app', 'kubectl port-forward service/llmops-service 8501:80', 'minikube tunnel'],
  },
});

export const scaleToThree = defineScenario({
  id: 'scale-to-three',
  title: 'Scale to three replicas',
  lesson: LESSON.scaling,
  kind: 'guided',
  task: 'Run three copies of the app and check that the Service spreads traffic over all three.',
  setup: DEPLOYED,
  goals: [
    { id: 'three-ready', title: '3 pods of llmops-app are Running and Ready', check: { type: 'pods-ready', selector: APP, count: 3 } },
    { id: 'endpoints', title: 'llmops-service has 3 ready endpoints on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 3, port: 8501 } },
    { id: 'declared', title: 'The Deployment declares 3 replicas and its rollout is complete', check: { type: 'rollout-complete', name: DEPLOYMENT, replicas: 3 } },
  ],
  hints: [
    'Replicas live in the manifest: change it there, so the file stays the truth about what runs.',
    'Set `replicas: 3`, save (which applies), and watch kubectl get pods.',
    'kubectl get endpoints llmops-service now lists three addresses on port 8501.',
  ],
  solution: [
    { edit: MANIFEST, replace: [[LINES.replicas, '  replicas: 3\n']], say: 'Declare three replicas.' },
    { run: APPLY },
    { run: ROLLOUT },
    { run: 'kubectl get endpoints llmops-service' },
  ],
  debrief: {
    whatBroke: 'Nothing. The ReplicaSet created two more pods from the same template; as each became Ready the endpoints controller added its IP to the Service.',
    onRealCluster: '`kubectl scale deployment llmops-app --replicas=3` does the same, but the next `kubectl apply` of the file sets it back to what the file says.',
    commands: ['kubectl scale deployment llmops-app --replicas=3', 'kubectl get pods -o wide', 'kubectl get endpoints llmops-service'],
  },
});

const CPU_REQUEST = '        resources:\n          requests:\n            cpu: 500m\n';

export const cpuTooLarge = defineScenario({
  id: 'cpu-too-large',
  title: 'The third pod never gets a node',
  lesson: LESSON.scaling,
  kind: 'troubleshooting',
  optional: true,
  task: 'Three replicas each request half a CPU. One pod stays Pending. Find out why from the scheduler\'s events and change the manifest so all three fit on the node.',
  files: { [MANIFEST]: { from: MANIFEST, replace: [[LINES.replicas, '  replicas: 3\n'], [LINES.envFrom, CPU_REQUEST + LINES.envFrom]] } },
  setup: [...READY_TO_APPLY, APPLY, 'sleep 20'],
  symptom: {
    text: 'Two pods run; the third is Pending with no node and no IP.',
    command: 'kubectl get pods',
    shows: 'Pending',
  },
  goals: [
    { id: 'request', title: 'Each pod requests at most 250m CPU', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.template.spec.containers[0].resources.requests.cpu', atMostCpu: '250m' } },
    { id: 'no-pending', title: 'No llmops-app pod is Pending', check: { type: 'no-pod-reason', selector: APP, reasons: ['Pending'] } },
    { id: 'three-ready', title: '3 pods of llmops-app are Running and Ready', check: { type: 'pods-ready', selector: APP, count: 3 } },
  ],
  hints: [
    'kubectl describe pod on the Pending pod: the Events at the bottom are the scheduler\'s reason.',
    '"Insufficient cpu": the node has 2 CPUs and its system pods already request 750m. kubectl describe node minikube shows what is allocated.',
    'Lower requests.cpu, save, and apply. Mind the rolling update: the old pods keep their 500m until new pods are available, so the new ones must fit next to them. 100m works; 250m gets stuck.',
  ],
  solution: [
    { run: 'kubectl get events --field-selector reason=FailedScheduling' },
    { edit: MANIFEST, replace: [['            cpu: 500m\n', '            cpu: 100m\n']], say: 'Ask for what the app needs, not more — small enough to fit next to the old pods during the rollout.' },
    { run: APPLY },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'The scheduler places a pod only where the sum of requests fits the node\'s allocatable CPU. 750m of system pods + 3 × 500m is more than 2000m, so the third pod had no place: Pending, no IP, no container. The fix rolls out like any template change, so for a while old and new pods share the node: the new request has to fit in what the old pods leave.',
    onRealCluster: 'The event reads `0/1 nodes are available: 1 Insufficient cpu.` followed by a preemption note. Requests are reservations, not usage: a pod asking for 500m blocks 500m even when idle.',
    commands: ['kubectl describe pod <pending-pod>', 'kubectl describe node minikube', 'kubectl get events --field-selector reason=FailedScheduling'],
  },
});

export const rollingUpdate = defineScenario({
  id: 'rolling-update',
  title: 'Ship version v1.1 with a rolling update',
  lesson: LESSON.updating,
  kind: 'guided',
  task: 'Build the image as llmops-app:v1.1, load it into minikube, point the Deployment at it, and watch the rolling update replace the pods.',
  setup: DEPLOYED,
  goals: [
    { id: 'image', title: 'llmops-app:v1.1 is loaded into minikube', check: { type: 'image-on-node', image: 'llmops-app:v1.1' } },
    { id: 'rolled-out', title: 'llmops-app runs llmops-app:v1.1 and its rollout is complete', check: { type: 'rollout-complete', name: DEPLOYMENT, image: 'llmops-app:v1.1' } },
    { id: 'pod-ready', title: 'A pod running llmops-app:v1.1 is Ready', check: { type: 'pods-ready', selector: APP, count: 1, image: 'llmops-app:v1.1' } },
  ],
  hints: [
    'A new version is a new tag: docker build -t llmops-app:v1.1 . and then minikube image load llmops-app:v1.1.',
    'Change the image line of the manifest to llmops-app:v1.1, save, and apply.',
    'kubectl rollout status deployment/llmops-app waits until the new ReplicaSet is complete; kubectl rollout history lists the revisions.',
  ],
  solution: [
    { run: 'docker build -t llmops-app:v1.1 .' },
    { run: 'minikube image load llmops-app:v1.1' },
    { edit: MANIFEST, replace: [[LINES.image, '        image: llmops-app:v1.1\n']], say: 'Point the pod template at the new tag.' },
    { run: APPLY },
    { run: ROLLOUT },
    { run: 'kubectl rollout history deployment/llmops-app' },
  ],
  debrief: {
    whatBroke: 'Nothing. Changing the pod template gave it a new hash, so the Deployment created a new ReplicaSet and moved pods over one at a time (maxSurge 25% rounds up to 1, maxUnavailable 25% rounds down to 0), keeping the app available.',
    onRealCluster: 'Rebuilding under the same :latest tag would not roll anything: the template would be unchanged. That is one reason to give every build its own tag.',
    commands: ['kubectl rollout status deployment/llmops-app', 'kubectl rollout history deployment/llmops-app', 'kubectl get rs -l app=llmops', 'kubectl rollout undo deployment/llmops-app'],
  },
});

export const badTagRollout = defineScenario({
  id: 'bad-tag-rollout',
  title: 'A rollout to a tag that does not exist',
  lesson: LESSON.updating,
  kind: 'troubleshooting',
  optional: true,
  task: 'Someone set the image to llmops-app:v2.0, which was never built. The rollout is stuck, yet the app still answers. Find out why, and bring the Deployment back to a healthy, complete state.',
  setup: [...DEPLOYED, 'kubectl scale deployment llmops-app --replicas=3', ROLLOUT, 'kubectl set image deployment/llmops-app llmops-container=llmops-app:v2.0', 'sleep 30'],
  symptom: {
    text: 'One new pod is stuck pulling llmops-app:v2.0 while the three old pods keep serving.',
    command: 'kubectl get pods',
    shows: 'ErrImagePull|ImagePullBackOff',
  },
  goals: [
    { id: 'no-pull-errors', title: 'No llmops-app pod is stuck pulling its image', check: { type: 'no-pod-reason', selector: APP, reasons: ['ErrImagePull', 'ImagePullBackOff'] } },
    { id: 'rolled-out', title: 'The rollout of llmops-app is complete', check: { type: 'rollout-complete', name: DEPLOYMENT } },
    { id: 'three-pods', title: 'Exactly 3 pods of llmops-app, all Running and Ready', check: { type: 'pods-ready', selector: APP, count: 3, exact: true } },
  ],
  hints: [
    'kubectl rollout status deployment/llmops-app waits forever; kubectl get rs shows two ReplicaSets, the new one not ready.',
    'kubectl describe pod on the new pod: the registry has no llmops-app:v2.0. The old pods stay because maxUnavailable rounds down to 0: the controller never removes an old pod before a new one is available.',
    'Go back to the previous revision: kubectl rollout undo deployment/llmops-app.',
  ],
  solution: [
    { run: 'kubectl rollout history deployment/llmops-app' },
    { run: 'kubectl rollout undo deployment/llmops-app', say: 'Return to the last template that worked.' },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'The new ReplicaSet\'s pod could not pull its image. A rolling update only scales the old ReplicaSet down as new pods become available, so the old pods kept serving and users saw nothing — but the Deployment never finished.',
    onRealCluster: 'After progressDeadlineSeconds (600 s) the Deployment\'s Progressing condition turns False with ProgressDeadlineExceeded and `kubectl rollout status` exits with an error — a good signal for CI. Undo, or build and load the missing tag.',
    commands: ['kubectl rollout status deployment/llmops-app --timeout=60s', 'kubectl get rs -l app=llmops', 'kubectl describe deployment llmops-app', 'kubectl rollout undo deployment/llmops-app'],
  },
});

