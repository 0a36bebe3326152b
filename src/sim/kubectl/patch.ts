// kubectl patch (kubectl/pkg/cmd/patch/patch.go): TYPE NAME or TYPE/NAME, -p/--patch (JSON or YAML) or --patch-file,
// --type strategic|merge|json; prints `deployment.apps/web patched` or `… patched (no change)` (didPatch compares
// the object before and after).
import type { KObject } from '../api/types';
import { qualifiedSingular, qualifiedPlural } from '../api/registry';
import { patchObject } from '../api/server';
import { parseYaml } from '../yaml/parse';
import type { ProgramResult } from '../shell/types';
import type { Kctx } from './kubectl';
import { parseTargets, nsFor, NO_RESOURCES_ERROR } from './get';
import { formatApiError } from './errors';
import { toYaml, toJson } from './output';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

export function cmdPatch(k: Kctx): ProgramResult {
  const text = k.flag('patch');
  const file = k.flag('patch-file');
  // Validate()
  if (text !== undefined && file !== undefined) { k.io.err('error: cannot specify --patch and --patch-file together\n'); return 1; }
  if (!text && !file) { k.io.err('error: must specify --patch or --patch-file containing the contents of the patch\n'); return 1; }
  const type = (k.flag('type') ?? 'strategic').toLowerCase();
  if (!PATCH_TYPES.includes(type)) { k.io.err(`error: --type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(k.flag('type'))}\n`); return 1; }
  if (k.p.args.length === 0 && k.list('filename').length === 0) { k.io.err(NO_RESOURCES_ERROR + '\n'); return 1; }
  let source = text ?? '';
  if (file !== undefined) {
    const abs = k.resolve(file);
    if (!k.world.vfs.isFile(abs)) { k.io.err(`error: unable to read patch file: open ${file}: no such file or directory\n`); return 1; }
    source = k.world.vfs.read(abs) ?? '';
  }
  // yaml.ToJSON: the patch may be JSON or YAML
  const parsed = parseYaml(source);
  const doc = parsed.docs[0];
  const err = parsed.errors[0] ?? doc?.errors[0];
  if (err || !doc) { k.io.err(`error: unable to parse ${JSON.stringify(source)}: yaml: line ${err?.line ?? 1}: ${err?.message ?? 'empty patch'}\n`); return 1; }
  const patch = doc.value ?? null;
  const parsedTargets = parseTargets(k.p.args, 'patch');
  if (!parsedTargets.ok) { k.io.err(parsedTargets.error + '\n'); return 1; }
  const store = k.world.cluster!.store;
  let rc = 0;
  for (const t of parsedTargets.targets) {
    if (t.names.length === 0) { k.io.err('error: resource(s) were provided, but no name was specified\n'); return 1; }
    for (const name of t.names) {
      const ns = nsFor(k, t.rt, false) ?? k.ns;
      const before = store.get(t.rt.kind, ns, name);
      if (!before) { k.io.err(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${name}" not found\n`); rc = 1; continue; }
      const warnings: string[] = [];
      const dry = k.flag('dry-run');
      let after: KObject;
      try {
        after = patchObject(store, t.rt.kind, ns, name, patch, type as 'json' | 'merge' | 'strategic', { warnings, ...(dry === 'server' || dry === 'client' ? { dryRun: true } : {}) });
        k.world.settle();
      } catch (e) { for (const w of warnings) k.io.err(w + '\n'); k.io.err(formatApiError(e) + '\n'); rc = 1; continue; }
      for (const w of warnings) k.io.err(w + '\n');
      const changed = after.metadata.resourceVersion !== before.metadata.resourceVersion;
      const o = k.flag('output');
      if (o === 'yaml') { k.io.out(toYaml(after)); continue; }
      if (o === 'json') { k.io.out(toJson(after)); continue; }
      if (o === 'name') { k.io.out(`${qualifiedSingular(t.rt)}/${name}\n`); continue; }
      const tag = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      k.io.out(`${qualifiedSingular(t.rt)}/${name} ${changed ? 'patched' : 'patched (no change)'}${tag}\n`);
    }
  }
  return rc;
}
