// kubectl's writes through engine-api's server functions (api/server.ts): the namespace filled in as kubectl's
// builder does (DefaultNamespace), dry runs passed through. Errors are engine-api's ApiError values.
import type { KObject } from '../api/types';
import type { Store } from '../store/store';
import { resourceForKind } from '../api/registry';
import * as server from '../api/server';

function withNamespace(o: KObject, ns: string): KObject {
  const namespaced = resourceForKind(o.kind)?.namespaced !== false;
  const metadata = { ...o.metadata };
  if (namespaced) metadata.namespace = metadata.namespace || ns;
  else delete metadata.namespace;
  return { ...o, metadata };
}

export function createObject(store: Store, input: KObject, ns: string, dryRun = false): KObject {
  return server.createObject(store, withNamespace(input, ns), { dryRun });
}

export function updateObject(store: Store, next: KObject): KObject {
  return server.updateObject(store, next);
}

export function applyObject(store: Store, input: KObject, ns: string, dryRun = false): { action: server.ApplyAction; object: KObject } {
  const r = server.applyObject(store, withNamespace(input, ns), { dryRun });
  return { action: r.action, object: r.object };
}
