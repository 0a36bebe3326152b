// Labs for the first lessons: what a manifest does, YAML, the Deployment, the Service, the request path.
import { defineScenario } from '../schema';
import { APP, APPLY, DEPLOYED, DEPLOYMENT, LESSON, LINES, MANIFEST, READY_TO_APPLY, ROLLOUT, SERVICE } from '../common';

export const overviewReconcile = defineScenario({
  id: 'overview-reconcile',
  title: 'Declare it, and let Kubernetes keep it true',
  lesson: LESSON.overview,
  kind: 'guided',
  task: 'The cluster is up, the image is loaded and the Secret exists. Apply the manifest, then delete the pod and watch the Deployment put a new one in its place.',
  setup: READY_TO_APPLY,
  goals: [
    { id: 'deployment', title: 'Deployment llmops-app exists', check: { type: 'object-exists', kind: 'Deployment', name: DEPLOYMENT } },
    { id: 'service', title: 'Service llmops-service exists', check: { type: 'object-exists', kind: 'Service', name: SERVICE } },
    { id: 'pod-ready', title: '1 pod of llmops-app is Running and Ready', check: { type: 'pods-ready', selector: APP, count: 1 } },
  ],
  hints: [
    'One command sends the whole file to the API server: kubectl apply with -f and the file name.',
    `Run: ${APPLY}`,
    'Then kubectl get pods, copy the pod name, delete it with kubectl delete pod <name>, and run kubectl get pods again: a pod with a new name is there.',
  ],
  solution: [
    { run: APPLY, say: 'Send the desired state to the cluster.' },
    { run: ROLLOUT, say: 'Wait until the Deployment reports its pod available.' },
    { run: 'kubectl delete pod -l app=llmops', say: 'Remove the pod by hand…' },
    { run: ROLLOUT, say: '…and the ReplicaSet has already created a replacement.' },
    { run: 'kubectl get pods' },
  ],
  debrief: {
    whatBroke: 'Nothing broke: you told the cluster what should exist, and its controllers made it so — twice. Deleting a pod is a change in the actual state; the ReplicaSet compares it with the desired state (1 replica) and creates a new pod with a new name.',
    onRealCluster: 'Exactly the same on minikube: the new pod gets a different random suffix and a new IP, which is why clients talk to the Service instead of to pods.',
    commands: ['kubectl apply -f llmops-k8s.yaml', 'kubectl get pods -w', 'kubectl delete pod -l app=llmops', 'kubectl get events --sort-by=.lastTimestamp'],
  },
});

export const yamlIndentation = defineScenario({
  id: 'yaml-indentation',
  title: 'Fix a YAML indentation error',
  lesson: LESSON.yaml,
  kind: 'troubleshooting',
  task: 'Someone shifted one line of the manifest two spaces to the left. Find it, fix it, and apply the file.',
  files: { [MANIFEST]: { from: MANIFEST, replace: [[LINES.ports, '      ports:\n']] } },
  setup: READY_TO_APPLY,
  symptom: {
    text: 'kubectl apply refuses the file before anything reaches the cluster: the YAML itself does not parse.',
    command: APPLY,
    shows: 'error',
  },
  goals: [
    { id: 'parses', title: 'manifests/llmops-k8s.yaml is valid YAML', check: { type: 'file-valid-yaml', path: MANIFEST } },
    { id: 'deployment', title: 'Deployment llmops-app exists', check: { type: 'object-exists', kind: 'Deployment', name: DEPLOYMENT } },
    { id: 'pod-ready', title: '1 pod of llmops-app is Running and Ready', check: { type: 'pods-ready', selector: APP, count: 1 } },
  ],
  hints: [
    'The error names a line and a column. Open the manifest in the editor and look at that line and the ones just above it.',
    'Inside one mapping every key must start in the same column. The keys of the container (name, image, imagePullPolicy, ports, envFrom) all start at column 9.',
    '`ports:` starts at column 7. Indent it by two more spaces, save, and apply.',
  ],
  solution: [
    { edit: MANIFEST, replace: [['      ports:\n          - containerPort', LINES.ports + '          - containerPort']], say: 'Put ports: back in line with the other container keys.' },
    { run: APPLY },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'One key was indented less than its siblings, so the YAML parser could not tell which mapping it belonged to. Nothing was sent to the API server: parse errors are caught by kubectl on your machine.',
    onRealCluster: 'kubectl prints `error: error parsing llmops-k8s.yaml: error converting YAML to JSON: yaml: line N: …` and creates nothing. A key indented to the wrong (but valid) level is worse: it parses, and the API server rejects it as an unknown field under strict validation.',
    commands: ['kubectl apply -f llmops-k8s.yaml --dry-run=client', 'kubectl apply -f llmops-k8s.yaml --dry-run=server', 'kubectl explain deployment.spec.template.spec.containers'],
  },
});

export const deploymentReplicas = defineScenario({
  id: 'deployment-replicas',
  title: 'Two replicas, found by their label',
  lesson: LESSON.deployment,
  kind: 'guided',
  task: 'Change the Deployment so it runs two copies of the app, apply it, and list the pods by their label app=llmops.',
  setup: READY_TO_APPLY,
  goals: [
    { id: 'replicas', title: 'The Deployment asks for 2 replicas', check: { type: 'field', kind: 'Deployment', name: DEPLOYMENT, path: 'spec.replicas', equals: 2 } },
    { id: 'two-ready', title: 'Exactly 2 pods with app=llmops are Running and Ready', check: { type: 'pods-ready', selector: APP, count: 2, exact: true } },
    { id: 'rolled-out', title: 'The rollout of llmops-app is complete', check: { type: 'rollout-complete', name: DEPLOYMENT, replicas: 2 } },
  ],
  hints: [
    'spec.replicas is the number of pods the Deployment keeps alive.',
    'Change `replicas: 1` to `replicas: 2` in the editor and save (saving applies the file).',
    'kubectl get pods -l app=llmops --show-labels lists the pods the selector matches, with the pod-template-hash label the ReplicaSet added.',
  ],
  solution: [
    { edit: MANIFEST, replace: [[LINES.replicas, '  replicas: 2\n']], say: 'Ask for two replicas.' },
    { run: APPLY },
    { run: ROLLOUT },
    { run: 'kubectl get pods -l app=llmops --show-labels' },
  ],
  debrief: {
    whatBroke: 'Nothing: the Deployment\'s selector (app=llmops) and its pod template\'s labels agree, so the ReplicaSet it created counts both pods as its own.',
    onRealCluster: 'On minikube the second pod starts in a second or two because the image is already on the node (imagePullPolicy: IfNotPresent).',
    commands: ['kubectl get deploy llmops-app', 'kubectl get rs -l app=llmops', 'kubectl get pods -l app=llmops --show-labels'],
  },
});

export const pullPolicyLatest = defineScenario({
  id: 'pull-policy-latest',
  title: 'imagePullPolicy removed, tag :latest',
  lesson: LESSON.deployment,
  kind: 'troubleshooting',
  optional: true,
  task: 'The image is loaded into minikube, yet the pod cannot get it. Someone deleted one line of the Deployment. Find out why the pull happens at all, and fix the manifest.',
  files: { [MANIFEST]: { from: MANIFEST, replace: [[LINES.pullPolicy, '']] } },
  setup: [...READY_TO_APPLY, APPLY, 'sleep 30'],
  symptom: {
    text: 'The pod never starts: its image pull fails although `minikube image ls` lists llmops-app:latest.',
    command: 'kubectl get pods',
    shows: 'ErrImagePull|ImagePullBackOff',
  },
  goals: [
    { id: 'no-pull-errors', title: 'No llmops-app pod is stuck pulling its image', check: { type: 'no-pod-reason', selector: APP, reasons: ['ErrImagePull', 'ImagePullBackOff'] } },
    { id: 'pod-ready', title: '1 pod of llmops-app is Running and Ready', check: { type: 'pods-ready', selector: APP, count: 1 } },
    { id: 'rolled-out', title: 'The rollout of llmops-app is complete', check: { type: 'rollout-complete', name: DEPLOYMENT } },
  ],
  hints: [
    'kubectl describe pod shows the events: the kubelet is "Pulling image" from Docker Hub. Why would it pull an image the node already has?',
    'kubectl get deploy llmops-app -o yaml | grep imagePullPolicy: the API server filled in a default. For a :latest tag (or no tag) the default is Always.',
    'Put `imagePullPolicy: IfNotPresent` back under the image line, save, and apply.',
  ],
  solution: [
    { edit: MANIFEST, replace: [[LINES.image, LINES.image + LINES.pullPolicy]], say: 'Restore the pull policy that lets the node use its own copy.' },
    { run: APPLY },
    { run: ROLLOUT },
  ],
  debrief: {
    whatBroke: 'Without imagePullPolicy the API server defaults it: Always for :latest or untagged images, IfNotPresent otherwise. With Always the kubelet asks the registry first, and docker.io/library/llmops-app does not exist, so the loaded copy was never used.',
    onRealCluster: 'Events show `Pulling image "llmops-app:latest"`, then `Failed to pull image … pull access denied, repository does not exist or may require \'docker login\'`, then `Back-off pulling image`. Better than restoring IfNotPresent: give the image a real version tag.',
    commands: ['kubectl describe pod -l app=llmops', 'kubectl get deploy llmops-app -o jsonpath={.spec.template.spec.containers[0].imagePullPolicy}', 'minikube image ls | grep llmops'],
  },
});

export const servicePortForward = defineScenario({
  id: 'service-port-forward',
  title: 'Reach the app through its Service',
  lesson: LESSON.service,
  kind: 'guided',
  task: 'The app is deployed. Check that the Service found the pod (its endpoints), then forward local port 8501 to the Service\'s port 80 and fetch the page.',
  setup: DEPLOYED,
  goals: [
    { id: 'endpoint', title: 'llmops-service has 1 ready endpoint on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 1, port: 8501 } },
    { id: 'port-forward', title: 'curl through the port-forward returns the app\'s page', check: { type: 'http', via: 'port-forward', service: SERVICE, path: '/', status: 200 } },
  ],
  hints: [
    'kubectl get endpoints llmops-service shows which pod IPs and ports the Service sends traffic to.',
    'kubectl port-forward service/llmops-service 8501:80 maps localhost:8501 to the Service\'s port 80 (end the line with & to keep the terminal).',
    'Then: curl http://localhost:8501',
  ],
  solution: [
    { run: 'kubectl get endpoints llmops-service' },
    { run: 'kubectl port-forward service/llmops-service 8501:80 &', say: 'Forward local 8501 to the Service port 80, in the background.' },
    { run: 'curl -s http://localhost:8501/health' },
  ],
  debrief: {
    whatBroke: 'Nothing: the selector app=llmops matched the pod, and the Service\'s port 80 forwards to targetPort 8501, the port the container listens on.',
    onRealCluster: 'port-forward is the quickest way in on any cluster. It picks one pod behind the Service and tunnels to it through the API server, so it does not spread load.',
    commands: ['kubectl get svc llmops-service', 'kubectl get endpoints llmops-service', 'kubectl port-forward service/llmops-service 8501:80', 'curl http://localhost:8501'],
  },
});

export const selectorTypo = defineScenario({
  id: 'selector-typo',
  title: 'A Service that selects nothing',
  lesson: LESSON.service,
  kind: 'troubleshooting',
  optional: true,
  task: 'The pod is Running and Ready, but the Service has no endpoints, so nothing reaches the app. Find the mismatch and fix it.',
  files: { [MANIFEST]: { from: MANIFEST, replace: [[LINES.serviceSelector, '  selector:\n    app: llmosp\n  ports:\n']] } },
  setup: [...READY_TO_APPLY, APPLY, ROLLOUT, 'sleep 5'],
  symptom: {
    text: 'The pod is 1/1 Running, yet the Service has no endpoints.',
    command: 'kubectl get endpoints llmops-service',
    shows: '<none>',
  },
  goals: [
    { id: 'endpoint', title: 'llmops-service has 1 ready endpoint on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 1, port: 8501 } },
    { id: 'in-cluster', title: 'A request to llmops-service from inside the cluster gets the app', check: { type: 'http', via: 'in-cluster', service: SERVICE, path: '/', status: 200 } },
  ],
  hints: [
    'Compare what the Service looks for with what the pods carry: kubectl describe svc llmops-service (Selector) and kubectl get pods --show-labels.',
    'The selector says app=llmosp; the pods are labelled app=llmops.',
    'Fix the selector in the Service part of the manifest, save, and apply. The endpoints fill in at once.',
  ],
  solution: [
    { run: 'kubectl get pods --show-labels' },
    { edit: MANIFEST, replace: [['    app: llmosp\n', '    app: llmops\n']], say: 'Make the Service select the label the pods really have.' },
    { run: APPLY },
    { run: 'kubectl get endpoints llmops-service' },
  ],
  debrief: {
    whatBroke: 'A Service finds its pods only through its selector. With a typo it matches no pod, so its endpoints are empty and every request through it fails, while the pods themselves are perfectly healthy.',
    onRealCluster: '`kubectl get endpoints llmops-service` prints `<none>` and `kubectl describe svc` shows an empty Endpoints line. A port-forward to the Service fails, and in-cluster curl gets "Connection refused" (kube-proxy rejects traffic to a Service with no endpoints).',
    commands: ['kubectl describe svc llmops-service', 'kubectl get pods --show-labels', 'kubectl get endpointslices -l kubernetes.io/service-name=llmops-service'],
  },
});

export const requestPath = defineScenario({
  id: 'request-path',
  title: 'Follow one request from your laptop to the container',
  lesson: LESSON.workflow,
  kind: 'guided',
  task: 'Send requests to the app three ways: from a pod inside the cluster by the Service name, through a port-forward, and through the node port that minikube exposes.',
  setup: DEPLOYED,
  goals: [
    { id: 'in-cluster', title: 'From inside the cluster, http://llmops-service answers', check: { type: 'http', via: 'in-cluster', service: SERVICE, path: '/', status: 200 } },
    { id: 'port-forward', title: 'curl through the port-forward returns the app\'s page', check: { type: 'http', via: 'port-forward', service: SERVICE, path: '/', status: 200 } },
    { id: 'node-port', title: 'The node port on $(minikube ip) answers', check: { type: 'http', via: 'node-port', service: SERVICE, path: '/', status: 200 } },
  ],
  hints: [
    'Inside the cluster a Service is a DNS name: run a throw-away pod with curl in it and ask for http://llmops-service.',
    'kubectl run tmp --rm -it --restart=Never --image=curlimages/curl -- curl -s http://llmops-service/health',
    'A LoadBalancer Service is also a NodePort Service: minikube service llmops-service --url prints the address. And port-forward works as in the Service lesson.',
  ],
  solution: [
    { run: 'kubectl run tmp --rm -it --restart=Never --image=curlimages/curl -- curl -s http://llmops-service/health', say: 'Service name → ClusterIP:80 → pod:8501.' },
    { run: 'kubectl port-forward service/llmops-service 8501:80 &' },
    { run: 'curl -s http://localhost:8501/health', say: 'localhost:8501 → the API server → pod:8501.' },
    { run: 'minikube service llmops-service --url', say: 'The node\'s IP and the NodePort kube-proxy opened.' },
  ],
  debrief: {
    whatBroke: 'Nothing. Each way in ends at the same place: the container listening on 8501. Only the first hop differs — cluster DNS and the ClusterIP, the API server\'s port-forward tunnel, or the node port on the minikube node.',
    onRealCluster: 'On a cloud cluster the LoadBalancer adds one more hop in front of the node port. On minikube the external IP stays <pending> until `minikube tunnel` runs.',
    commands: ['kubectl get svc llmops-service -o wide', 'kubectl get endpoints llmops-service', 'minikube service llmops-service --url', 'kubectl run tmp --rm -it --restart=Never --image=curlimages/curl -- curl -s http://llmops-service'],
  },
});

export const targetPortWrong = defineScenario({
  id: 'target-port-wrong',
  title: 'targetPort points where nothing listens',
  lesson: LESSON.workflow,
  kind: 'troubleshooting',
  optional: true,
  task: 'The pod is Ready and the Service has an endpoint, but every request is refused. Follow the ports from the Service to the container and fix the one that is wrong.',
  files: { [MANIFEST]: { from: MANIFEST, replace: [[LINES.targetPort, '      targetPort: 8080\n']] } },
  setup: [...READY_TO_APPLY, APPLY, ROLLOUT, 'sleep 5'],
  symptom: {
    text: 'Requests are refused: the Service sends traffic to port 8080 of the pod, where nothing listens.',
    command: 'kubectl get endpoints llmops-service',
    shows: ':8080',
  },
  goals: [
    { id: 'endpoint', title: 'llmops-service has 1 ready endpoint on port 8501', check: { type: 'endpoints-ready', service: SERVICE, count: 1, port: 8501 } },
    { id: 'in-cluster', title: 'From inside the cluster, http://llmops-service answers', check: { type: 'http', via: 'in-cluster', service: SERVICE, path: '/', status: 200 } },
  ],
  hints: [
    'kubectl get endpoints llmops-service: which port does the Service send traffic to?',
    'The container listens on 8501 (containerPort, and the app\'s own log says so: kubectl logs deploy/llmops-app).',
    'Set targetPort back to 8501 in the Service, save, and apply.',
  ],
  solution: [
    { run: 'kubectl get endpoints llmops-service' },
    { edit: MANIFEST, replace: [['      targetPort: 8080\n', LINES.targetPort]], say: 'Send traffic to the port the app listens on.' },
    { run: APPLY },
    { run: 'kubectl run tmp --rm -it --restart=Never --image=curlimages/curl -- curl -s http://llmops-service/health' },
  ],
  debrief: {
    whatBroke: 'A numeric targetPort is used as it is: Kubernetes does not check it against the container\'s ports. The endpoint 10.244.0.x:8080 looks fine, the pod stays 1/1 Ready (no probe tests that port), and the connection is refused at the pod.',
    onRealCluster: 'curl prints `Failed to connect to llmops-service port 80 … Connection refused`; a port-forward logs `connect: connection refused` for each connection. Naming the container port (name: http) and using targetPort: http makes this mistake hard to make.',
    commands: ['kubectl get endpoints llmops-service', 'kubectl describe svc llmops-service', 'kubectl get pod -l app=llmops -o jsonpath={.items[0].spec.containers[0].ports}'],
  },
});
