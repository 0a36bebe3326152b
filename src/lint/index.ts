// Best-practices linter for Kubernetes manifests, in the spirit of kube-linter, kube-score and Polaris.
// Pure TypeScript (no DOM, no Node.js APIs): the browser editor can run it on a buffer as the user types.
//
//   lint(text, fileName) → Finding[]   every finding has a rule id, a severity, a message, a doc line,
//                                      the field path and a 1-based line:column from the `yaml` parser.
//
// Rules and the checks they mirror (names of the upstream checks in brackets):
//   latest-tag                  image has no tag or :latest                         [kube-linter latest-tag, kube-score container-image-tag]
//   no-resource-requests        container has no cpu/memory requests                [kube-linter unset-*-requirements, Polaris cpuRequestsMissing]
//   no-resource-limits          container has no cpu/memory limits                  [kube-score container-resources, Polaris memoryLimitsMissing]
//   no-readiness-probe          no readinessProbe                                   [kube-linter no-readiness-probe]
//   no-liveness-probe           no livenessProbe                                    [kube-linter no-liveness-probe]
//   run-as-root                 nothing stops the container running as UID 0        [kube-linter run-as-non-root, Polaris runAsRootAllowed]
//   writable-root-fs            readOnlyRootFilesystem is not true                  [kube-linter no-read-only-root-fs]
//   privilege-escalation        allowPrivilegeEscalation is not false               [kube-linter privilege-escalation-container, Polaris]
//   capabilities-not-dropped    capabilities.drop does not contain ALL              [kube-linter drop-net-raw-capability, Polaris]
//   no-seccomp-profile          no RuntimeDefault/Localhost seccomp profile         [kube-score pod-seccomp, Pod Security "restricted"]
//   service-account-token       the API token is mounted but not needed             [Polaris automountServiceAccountToken]
//   missing-recommended-labels  no app.kubernetes.io/name label                     [Kubernetes recommended labels]
//   privileged-container        securityContext.privileged is true                  [kube-linter privileged-container]
//   secret-in-env               a key/token/password is a plain env value           [kube-linter env-var-secret]
//   dangling-service            Service selector matches no workload's pods         [kube-linter dangling-service]
//   target-port-mismatch        Service targetPort matches no container port        [kube-score service-targets-pod]
//   yaml-syntax                 the text is not valid YAML
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Why the rule exists and how to fix it, one or two sentences. */
  doc: string;
  /** Dotted field path inside the document, e.g. `spec.template.spec.containers[0].image`. */
  path: string;
  /** 1-based line and column of the field (or of its nearest existing parent). */
  line: number;
  column: number;
  fileName: string;
  /** 0-based index of the YAML document in the file. */
  document: number;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  doc: string;
}

export const RULES: Record<string, RuleInfo> = Object.fromEntries(
  (
    [
      ['yaml-syntax', 'error', 'The file must parse as YAML before Kubernetes can read it.'],
      ['latest-tag', 'warning', 'Pin the image to a version tag (or digest): "latest" can change under you, and rollbacks cannot bring the old code back.'],
      ['no-resource-requests', 'warning', 'Set resources.requests.cpu and .memory so the scheduler reserves room for the container and places it sensibly.'],
      ['no-resource-limits', 'warning', 'Set resources.limits.cpu and .memory so one container cannot starve the rest of the node.'],
      ['no-readiness-probe', 'warning', 'A readinessProbe keeps a pod out of the Service endpoints until it can really answer.'],
      ['no-liveness-probe', 'warning', 'A livenessProbe lets the kubelet restart a container that hangs without exiting.'],
      ['run-as-root', 'warning', 'Set securityContext.runAsNonRoot: true (and a non-zero runAsUser) so the container cannot run as root.'],
      ['writable-root-fs', 'warning', 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app must write (e.g. /tmp).'],
      ['privilege-escalation', 'warning', 'Set securityContext.allowPrivilegeEscalation: false so a process cannot gain more rights than its parent.'],
      ['capabilities-not-dropped', 'warning', 'Drop all Linux capabilities (securityContext.capabilities.drop: [ALL]) and add back only what is needed.'],
      ['no-seccomp-profile', 'warning', 'Set securityContext.seccompProfile.type: RuntimeDefault to filter dangerous system calls.'],
      ['service-account-token', 'info', 'Set automountServiceAccountToken: false when the app never calls the Kubernetes API, so a break-in gets no token.'],
      ['missing-recommended-labels', 'info', 'Add the app.kubernetes.io/* recommended labels (at least app.kubernetes.io/name) so tools can group and find your objects.'],
      ['privileged-container', 'error', 'A privileged container has full access to the node. Remove securityContext.privileged: true.'],
      ['secret-in-env', 'error', 'Do not put keys or passwords in plain env values: the manifest is readable by anyone who can read the file. Use a Secret (envFrom.secretRef or valueFrom.secretKeyRef).'],
      ['dangling-service', 'error', "The Service selector matches no pod template in this file, so the Service will have no endpoints. Make the selector match the pods' labels."],
      ['target-port-mismatch', 'error', 'The Service targetPort matches no containerPort (number or name) of the pods it selects, so connections will be refused.'],
    ] as const
  ).map(([id, severity, doc]) => [id, { id, severity, doc }]),
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v : []);

/** Where the pod template lives for each workload kind. */
const POD_SPEC_PATH: Record<string, Array<string | number>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
};

function pathString(path: ReadonlyArray<string | number>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

function getIn(v: Json | undefined, path: ReadonlyArray<string | number>): Json | undefined {
  let cur: Json | undefined = v;
  for (const p of path) {
    if (typeof p === 'number') cur = Array.isArray(cur) ? cur[p] : undefined;
    else cur = isObj(cur) ? cur[p] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

const SECRET_NAME = /(^|_)(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIALS?|PRIVATE_KEY|ACCESS_KEY)$/i;
const SECRET_VALUE = /^(gsk_|hf_|sk-|ghp_|xox[bp]-|AKIA)[A-Za-z0-9_-]{8,}/;

interface Workload {
  kind: string;
  name: string;
  labels: Record<string, string>;
  ports: Array<{ number?: number; name?: string }>;
}

interface Ctx {
  fileName: string;
  docIndex: number;
  doc: Document.Parsed;
  lc: LineCounter;
  out: Finding[];
}

/** The position of the deepest existing node on `path`. */
function positionOf(ctx: Ctx, path: ReadonlyArray<string | number>): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = ctx.doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
    if (node && (isMap(node) || isSeq(node) || isScalar(node)) && node.range) {
      // For a scalar value, point at its key where there is one (the field name reads better than the value).
      let offset = node.range[0];
      if (n > 0 && isScalar(node)) {
        const parent = ctx.doc.getIn(path.slice(0, n - 1), true);
        const key = path[n - 1];
        if (isMap(parent) && typeof key === 'string') {
          const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === key);
          if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
        }
      }
      const pos = ctx.lc.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function report(ctx: Ctx, ruleId: string, message: string, path: ReadonlyArray<string | number>): void {
  const rule = RULES[ruleId];
  if (!rule) throw new Error(`unknown lint rule ${ruleId}`);
  const { line, column } = positionOf(ctx, path);
  ctx.out.push({ ruleId, severity: rule.severity, message, doc: rule.doc, path: pathString(path), line, column, fileName: ctx.fileName, document: ctx.docIndex });
}

function checkMetadataLabels(ctx: Ctx, obj: Obj, kind: string, name: string): void {
  const labels = getIn(obj, ['metadata', 'labels']);
  if (!isObj(labels) || typeof labels['app.kubernetes.io/name'] !== 'string')
    report(ctx, 'missing-recommended-labels', `${kind} "${name}" has no app.kubernetes.io/name label`, ['metadata', isObj(labels) ? 'labels' : 'name']);
}

function checkPodSpec(ctx: Ctx, obj: Obj, kind: string, name: string, base: Array<string | number>): Workload {
  const spec = getIn(obj, base);
  const pod = isObj(spec) ? spec : {};
  const podSc = isObj(pod.securityContext) ? pod.securityContext : {};
  const tmplLabelsPath = kind === 'Pod' ? ['metadata', 'labels'] : [...base.slice(0, -1), 'metadata', 'labels'];
  const tmplLabels = getIn(obj, tmplLabelsPath);
  const labels: Record<string, string> = {};
  if (isObj(tmplLabels)) for (const [k, v] of Object.entries(tmplLabels)) if (typeof v === 'string') labels[k] = v;

  if (pod.automountServiceAccountToken !== false)
    report(ctx, 'service-account-token', `${kind} "${name}" mounts a service account token it does not need`, [...base, pod.automountServiceAccountToken === undefined ? '' : 'automountServiceAccountToken'].filter((p) => p !== ''));

  const ports: Workload['ports'] = [];
  const groups: Array<'initContainers' | 'containers'> = ['initContainers', 'containers'];
  for (const group of groups) {
    arr(pod[group]).forEach((c, i) => {
      if (!isObj(c)) return;
      const cp: Array<string | number> = [...base, group, i];
      const cname = typeof c.name === 'string' ? c.name : `#${i}`;
      const who = `container "${cname}"`;
      const main = group === 'containers';
      // image tag
      if (typeof c.image === 'string') {
        const ref = c.image.split('@')[0] ?? '';
        const lastSlash = ref.lastIndexOf('/');
        const colon = ref.indexOf(':', lastSlash + 1);
        const tag = colon >= 0 ? ref.slice(colon + 1) : '';
        if (!c.image.includes('@') && (tag === '' || tag === 'latest'))
          report(ctx, 'latest-tag', `${who} uses image "${c.image}"${tag ? '' : ' (no tag means latest)'}; pin a version`, [...cp, 'image']);
      }
      // resources
      const res = isObj(c.resources) ? c.resources : {};
      const missing = (k: 'requests' | 'limits') => {
        const r = isObj(res[k]) ? (res[k] as Obj) : {};
        return ['cpu', 'memory'].filter((x) => r[x] === undefined || r[x] === null);
      };
      const missReq = missing('requests');
      if (missReq.length > 0)
        report(ctx, 'no-resource-requests', `${who} sets no ${missReq.join(' or ')} request`, [...cp, ...(isObj(c.resources) ? ['resources'] : [])]);
      const missLim = missing('limits');
      if (missLim.length > 0)
        report(ctx, 'no-resource-limits', `${who} sets no ${missLim.join(' or ')} limit`, [...cp, ...(isObj(c.resources) ? ['resources'] : [])]);
      // probes (init containers run to completion and take none)
      if (main && kind !== 'Job' && kind !== 'CronJob') {
        if (!isObj(c.readinessProbe)) report(ctx, 'no-readiness-probe', `${who} has no readinessProbe`, cp);
        if (!isObj(c.livenessProbe)) report(ctx, 'no-liveness-probe', `${who} has no livenessProbe`, cp);
      }
      // security context: the container's own settings win over the pod's.
      const sc = isObj(c.securityContext) ? c.securityContext : {};
      const scPath = isObj(c.securityContext) ? [...cp, 'securityContext'] : cp;
      const runAsUser = sc.runAsUser ?? podSc.runAsUser;
      const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      if (runAsUser === 0 || (runAsNonRoot !== true && !(typeof runAsUser === 'number' && runAsUser > 0)))
        report(
          ctx,
          'run-as-root',
          runAsUser === 0 ? `${who} is set to run as root (runAsUser: 0)` : `${who} may run as root: runAsNonRoot is not true and no non-zero runAsUser is set`,
          runAsUser === 0 && sc.runAsUser === 0 ? [...scPath, 'runAsUser'] : scPath,
        );
      if (sc.readOnlyRootFilesystem !== true)
        report(ctx, 'writable-root-fs', `${who} has a writable root filesystem`, sc.readOnlyRootFilesystem === undefined ? scPath : [...scPath, 'readOnlyRootFilesystem']);
      if (sc.privileged === true) report(ctx, 'privileged-container', `${who} runs privileged`, [...scPath, 'privileged']);
      if (sc.allowPrivilegeEscalation !== false)
        report(ctx, 'privilege-escalation', `${who} allows privilege escalation`, sc.allowPrivilegeEscalation === undefined ? scPath : [...scPath, 'allowPrivilegeEscalation']);
      const drop = arr(getIn(sc, ['capabilities', 'drop'])).map((x) => String(x).toUpperCase());
      if (!drop.includes('ALL')) report(ctx, 'capabilities-not-dropped', `${who} keeps the default Linux capabilities`, scPath);
      const seccomp = getIn(sc, ['seccompProfile', 'type']) ?? getIn(podSc, ['seccompProfile', 'type']);
      if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
        report(ctx, 'no-seccomp-profile', `${who} runs without a seccomp profile${seccomp === 'Unconfined' ? ' (Unconfined)' : ''}`, scPath);
      // env
      arr(c.env).forEach((e, j) => {
        if (!isObj(e) || typeof e.name !== 'string' || e.value === undefined || e.value === null || e.value === '') return;
        const value = String(e.value);
        if (SECRET_NAME.test(e.name) || SECRET_VALUE.test(value))
          report(ctx, 'secret-in-env', `${who} sets ${e.name} as a plain value in the manifest`, [...cp, 'env', j, 'value']);
      });
      if (main)
        arr(c.ports).forEach((p) => {
          if (!isObj(p)) return;
          ports.push({
            number: typeof p.containerPort === 'number' ? p.containerPort : undefined,
            name: typeof p.name === 'string' ? p.name : undefined,
          });
        });
    });
  }
  return { kind, name, labels, ports };
}

interface ServiceRef {
  ctx: Ctx;
  name: string;
  selector: Record<string, string> | undefined;
  ports: Array<{ index: number; targetPort: number | string | undefined; port: number | undefined }>;
}

/** Lints one file (one or more YAML documents). Never throws on bad input: syntax problems become findings. */
export function lint(text: string, fileName = 'manifest.yaml'): Finding[] {
  const lc = new LineCounter();
  const out: Finding[] = [];
  let docs: Document.Parsed[];
  try {
    // logLevel 'error': odd-but-valid YAML (e.g. a map used as a key) must not print warnings in the editor.
    docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, logLevel: 'error' }) as Document.Parsed[];
  } catch (err) {
    return [{ ruleId: 'yaml-syntax', severity: 'error', message: err instanceof Error ? err.message : String(err), doc: RULES['yaml-syntax']!.doc, path: '', line: 1, column: 1, fileName, document: 0 }];
  }
  if (!Array.isArray(docs)) docs = [];
  const workloads: Workload[] = [];
  const services: ServiceRef[] = [];
  docs.forEach((doc, docIndex) => {
    const ctx: Ctx = { fileName, docIndex, doc, lc, out };
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = lc.linePos(e.pos[0]);
        out.push({ ruleId: 'yaml-syntax', severity: 'error', message: e.message.split('\n')[0] ?? e.message, doc: RULES['yaml-syntax']!.doc, path: '', line: pos.line, column: pos.col, fileName, document: docIndex });
      }
      return;
    }
    let obj: unknown;
    try {
      obj = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // e.g. an alias whose anchor is missing, or an alias bomb: the parser accepts it, building the value fails.
      const pos = lc.linePos(doc.contents?.range?.[0] ?? doc.range[0]);
      const message = err instanceof Error ? err.message : String(err);
      out.push({ ruleId: 'yaml-syntax', severity: 'error', message, doc: RULES['yaml-syntax']!.doc, path: '', line: pos.line, column: pos.col, fileName, document: docIndex });
      return;
    }
    if (!isObj(obj)) return;
    const kind = typeof obj.kind === 'string' ? obj.kind : '';
    const name = typeof getIn(obj, ['metadata', 'name']) === 'string' ? String(getIn(obj, ['metadata', 'name'])) : '(unnamed)';
    const podPath = POD_SPEC_PATH[kind];
    if (podPath) {
      checkMetadataLabels(ctx, obj, kind, name);
      workloads.push(checkPodSpec(ctx, obj, kind, name, podPath));
    } else if (kind === 'Service') {
      checkMetadataLabels(ctx, obj, kind, name);
      const sel = getIn(obj, ['spec', 'selector']);
      const selector: Record<string, string> | undefined = isObj(sel)
        ? Object.fromEntries(Object.entries(sel).filter((e): e is [string, string] => typeof e[1] === 'string'))
        : undefined;
      services.push({
        ctx,
        name,
        selector,
        ports: arr(getIn(obj, ['spec', 'ports'])).map((p, index) => ({
          index,
          port: isObj(p) && typeof p.port === 'number' ? p.port : undefined,
          targetPort: isObj(p) && (typeof p.targetPort === 'number' || typeof p.targetPort === 'string') ? p.targetPort : undefined,
        })),
      });
    }
  });
  // Cross-object rules need the workloads of the same file; a Service alone in its file is not judged.
  if (workloads.length > 0) {
    for (const svc of services) {
      if (!svc.selector || Object.keys(svc.selector).length === 0) continue;
      const sel = svc.selector;
      const matched = workloads.filter((w) => Object.entries(sel).every(([k, v]) => w.labels[k] === v));
      if (matched.length === 0) {
        const wanted = Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
        report(svc.ctx, 'dangling-service', `Service "${svc.name}" selects ${wanted}, which matches no pod template in this file`, ['spec', 'selector']);
        continue;
      }
      for (const p of svc.ports) {
        const target = p.targetPort ?? p.port;
        if (target === undefined) continue;
        const ok = matched.some((w) =>
          w.ports.length === 0 && typeof target === 'number'
            ? true // no declared ports: Kubernetes still forwards to a numeric port; nothing to compare against
            : w.ports.some((wp) => (typeof target === 'number' ? wp.number === target : wp.name === target)),
        );
        if (!ok) {
          const declared = matched.flatMap((w) => w.ports.map((wp) => (wp.name ? `${wp.name}/${wp.number}` : String(wp.number))));
          report(
            svc.ctx,
            'target-port-mismatch',
            `Service "${svc.name}" sends port ${p.port ?? '?'} to targetPort ${target}, but the selected pods declare ${declared.length ? declared.join(', ') : 'no ports'}`,
            ['spec', 'ports', p.index, p.targetPort === undefined ? 'port' : 'targetPort'],
          );
        }
      }
    }
  }
  out.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return out;
}
