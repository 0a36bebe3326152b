// Building blocks shared by the scenario files: the usual setup steps and the fragments of the seed manifest that
// broken scenarios edit. Scenarios never carry a copy of the manifest: they name the project file and the exact
// text to replace, and the loader refuses an edit that does not match exactly once (so the manifest cannot drift
// away from the labs unnoticed).

export const MANIFEST = 'manifests/llmops-k8s.yaml';
export const APP = { app: 'llmops' } as const;
export const DEPLOYMENT = 'llmops-app';
export const SERVICE = 'llmops-service';
export const SECRET = 'llmops-secrets';
export const IMAGE = 'llmops-app:latest';

/** Demo values only: the simulated app accepts any non-empty key. */
export const CREATE_SECRET =
  'kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_demo_only --from-literal=HUGGINGFACE_API_KEY=hf_demo_only';

export const START = 'minikube start';
export const BUILD = 'docker build -t llmops-app:latest .';
export const LOAD = 'minikube image load llmops-app:latest';
export const APPLY = `kubectl apply -f ${MANIFEST}`;
export const ROLLOUT = 'kubectl rollout status deployment/llmops-app --timeout=120s';

/** A cluster with the image loaded and the Secret created: everything but the manifest. */
export const READY_TO_APPLY = [START, BUILD, LOAD, CREATE_SECRET];
/** The app deployed and answering, as the deploy lesson leaves it (a few seconds later: the app listens ~0.4 s after start). */
export const DEPLOYED = [...READY_TO_APPLY, APPLY, ROLLOUT, 'sleep 5'];
/** Pause in a solution before the first request: the container is Running before the app inside it listens. */
export const WAIT_FOR_APP = { run: 'sleep 2', say: 'Give the app a moment: the container runs before the process inside listens.' } as const;

/** Lines of the seed manifest that scenarios edit (each occurs exactly once in the file). */
export const LINES = {
  replicas: '  replicas: 1\n',
  image: '        image: llmops-app:latest\n',
  pullPolicy: '        imagePullPolicy: IfNotPresent\n',
  containerPort: '          - containerPort: 8501\n',
  envFrom: '        envFrom:\n',
  serviceSelector: '  selector:\n    app: llmops\n  ports:\n',
  targetPort: '      targetPort: 8501\n',
  ports: '        ports:\n',
} as const;

export const NOTE_DEMO_KEYS = 'The keys here are placeholders; on a real cluster create the Secret from your .env file.';

/** Lesson slugs (file names in src/content/lessons without .mdx), in course order. */
export const LESSON = {
  overview: '01-overview',
  yaml: '02-yaml',
  deployment: '03-deployment',
  service: '04-service',
  workflow: '05-request-path',
  deploying: '06-deploying',
  scaling: '07-scaling',
  updating: '08-updating',
  troubleshooting: '09-troubleshooting',
  bestPractices: '10-best-practices',
  summary: '11-summary',
} as const;
