// kubectl events (kubectl/pkg/cmd/events): the events of a namespace (or -A) sorted by the time they last happened,
// OBJECT as Kind/name, LAST SEEN `5s (x3 over 2m)` for repeated events; --for TYPE/NAME and --types filter.
import type { KEvent } from '../api/types';
import { resolveResourceType } from '../api/registry';
import type { ProgramResult } from '../shell/types';
import type { Kctx } from './kubectl';
import { table } from './tabwriter';
import { humanDuration } from './duration';
import { toYaml, toJsonSorted, listOf } from './output';

export function cmdEvents(k: Kctx): ProgramResult {
  const allNs = k.bool('all-namespaces');
  const store = k.world.cluster!.store;
  let evs = store.list<KEvent>('Event', allNs ? {} : { namespace: k.ns });
  const forArg = k.flag('for');
  if (forArg) {
    const slash = forArg.indexOf('/');
    const rt = slash > 0 ? resolveResourceType(forArg.slice(0, slash)) : undefined;
    if (!rt) { k.io.err(`error: the server doesn't have a resource type "${slash > 0 ? forArg.slice(0, slash) : forArg}"\n`); return 1; }
    const name = forArg.slice(slash + 1);
    evs = evs.filter((e) => e.involvedObject.kind === rt.kind && e.involvedObject.name === name);
  }
  const types = k.list('types').flatMap((t) => t.split(',')).filter(Boolean);
  for (const t of types) if (!['normal', 'warning'].includes(t.toLowerCase())) { k.io.err(`error: valid --types are Normal or Warning\n`); return 1; }
  if (types.length) evs = evs.filter((e) => types.some((t) => t.toLowerCase() === (e.type ?? 'Normal').toLowerCase()));
  const when = (e: KEvent) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '') || 0;
  evs = [...evs].sort((a, b) => when(a) - when(b));
  const out = k.flag('output');
  if (out === 'yaml' || out === 'json') { const doc = listOf(evs); k.io.out(out === 'yaml' ? toYaml(doc) : toJsonSorted(doc)); return 0; }
  if (evs.length === 0) { k.io.err(allNs ? 'No events found.\n' : `No events found in ${k.ns} namespace.\n`); return 0; }
  const now = k.world.nowMs;
  const since = (ts: string | undefined | null) => (ts ? humanDuration((now - Date.parse(ts)) / 1000) : '<unknown>');
  const rows = evs.map((e) => {
    const first = since(e.eventTime ?? e.firstTimestamp);
    const interval = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${first})` : first;
    const r = [interval, e.type ?? 'Normal', e.reason ?? '', `${e.involvedObject.kind}/${e.involvedObject.name}`, (e.message ?? '').trim()];
    if (allNs) r.unshift(e.metadata.namespace ?? '');
    return r;
  });
  const header = [...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  k.io.out(table(k.bool('no-headers') ? rows : [header, ...rows]));
  return 0;
}
