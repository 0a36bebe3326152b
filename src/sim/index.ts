/**
 * Public entry point of the simulator engine. See src/sim/README.md for how the terminal, the lab
 * UI and the scenarios use it.
 *
 *   const cluster = createCluster({ seed: 1 });      // a running minikube node (at `minikube start`)
 *   cluster.apply(text, 'llmops-k8s.yaml');          // → ['deployment.apps/llmops-app created', …]
 *   cluster.advance(30);                             // 30 virtual seconds: pulls, starts, probes …
 *   cluster.store.list('Pod', { namespace: 'default' });
 *   cluster.explain({ kind: 'Pod', namespace: 'default', name });
 *   cluster.request({ url: 'http://192.168.49.2:31234/' });   // { ok, response, trace, curlError }
 */
import { Cluster, type ClusterOptions } from './runtime/cluster';
import type { ObjectRef } from './runtime/explain';

/** The running cluster (alias kept for readability in tests and docs). */
export type SimCluster = Cluster;

export function createCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster(opts);
}

export type { ClusterOptions, ObjectRef };
export type { FileResult, FileOptions } from './api/server';
export { Cluster } from './runtime/cluster';
export { ImageStore } from './images/store';
export type { ImageRecord } from './images/store';
export { parseImageRef, defaultPullPolicy } from './images/ref';
export { Registry, MINIKUBE_SYSTEM_IMAGES } from './images/registry';
export { MODELS, parseCurlArgs, CURL_VERSION } from './images/models';
export type { HttpRequest, HttpResponse, ExecResult } from './images/process';
export type { NetRequest, NetResult, Hop, PortForward, Client } from './net/index';
export type { LogLine } from './node/kubelet';
export * as node from './node/node';
export { DEFAULT_START_MS, rfc3339, parseRfc3339, Prng, SAFE_ALPHABET } from './clock/index';
export { eventAge, sortByLastTimestamp } from './events/index';
export { podTemplateHash } from './controllers/util';
export { REVISION, rollbackTemplate, templatesEqual } from './controllers/deployment';
