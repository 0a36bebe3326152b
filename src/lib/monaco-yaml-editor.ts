// The lab's YAML editor: the lean Monaco entry, the two workers, monaco-yaml with one schema per document
// (chosen by kind), the simulator's own markers, a typo quick fix, a diff view and Ctrl/Cmd-S.
// Loaded only by the lab's lazy chunk; nothing here runs on a page without a lab.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/wordHighlighter/register';
// Ctrl+M: Tab moves focus instead of indenting, so keyboard users can leave the editor.
import 'monaco-editor/features/toggleTabFocusMode/register';
// Toolchain P3: the lean entry leaves out the suggest widget; without this Ctrl+Space shows nothing.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import { nearestName } from '../components/lab/yaml-helpers';

export type Monaco = typeof monaco;

// vs-dark's comment green is 4.2:1 on the current-line highlight; kubectl edit's header is all comments, so the dark
// theme uses a lighter green (5.5:1 there, 6.6:1 on the plain background).
monaco.editor.defineTheme('lab-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '7FB069' }], colors: {} });
export { monaco };

const workers: Record<string, () => Worker> = {
  editorWorkerService: () => new Worker(new URL('./workers/editor.worker.ts', import.meta.url), { type: 'module' }),
  yaml: () => new Worker(new URL('./workers/yaml.worker.ts', import.meta.url), { type: 'module' }),
};
globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (workers[label] ?? workers.editorWorkerService!)(),
};

// Toolchain P2: monaco-yaml 5.5.1 still calls the pre-0.55 createWebWorker({ label, moduleId, createData });
// since 0.55 Monaco wants { worker } and no longer forwards createData. Re-create the old protocol here.
interface LegacyWorkerOptions { worker?: Worker; label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean }
const nativeCreateWebWorker = monaco.editor.createWebWorker;
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker(options: LegacyWorkerOptions) {
      const call = nativeCreateWebWorker as unknown as (o: object) => unknown;
      if (options.worker) return call(options);
      const w = workers[options.label ?? 'yaml']!();
      w.postMessage('ignore');
      w.postMessage(options.createData);
      return call({ worker: w, host: options.host, keepIdleModels: options.keepIdleModels });
    },
  },
} as unknown as Monaco;

/** One combined schema: each YAML document is validated against the schema of its own `kind`. */
export function combinedSchema(perKind: Record<string, JSONSchema>): JSONSchema {
  const kinds = Object.keys(perKind);
  return {
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: 'The API group and version of this object, for example apps/v1 or v1.' },
      kind: { type: 'string', enum: kinds, description: 'Which kind of object this document describes.' },
    },
    allOf: kinds.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: perKind[kind]!,
    })),
  } as JSONSchema;
}

function collectPropertyNames(schema: unknown, out: Set<string>, seen = new Set<unknown>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return out;
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  if (s.properties && typeof s.properties === 'object') for (const k of Object.keys(s.properties)) out.add(k);
  for (const v of Object.values(s)) {
    if (Array.isArray(v)) v.forEach((x) => collectPropertyNames(x, out, seen));
    else if (v && typeof v === 'object') collectPropertyNames(v, out, seen);
  }
  return out;
}

export interface SimMarker {
  line: number; column: number; endLine?: number; endColumn?: number;
  message: string; severity?: 'error' | 'warning' | 'info';
}

export interface LabFile { path: string; content: string; original: string; language?: string }

export interface EditorOptions {
  container: HTMLElement;
  files: LabFile[];
  schemas: Record<string, JSONSchema>;
  dark: boolean;
  onChange?: (path: string, value: string) => void;
  onSave?: (path: string) => void;
  onHoverOffset?: (path: string, offset: number | null) => void;
}

const SIM_OWNER = 'manifest-lab-sim';

function languageFor(path: string): string {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'plaintext';
}

function uriFor(path: string) {
  return monaco.Uri.parse('file:///workspace/' + path.replace(/^\/+/, ''));
}

export class LabEditor {
  readonly monaco = monaco;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  private diff: monaco.editor.IStandaloneDiffEditor | null = null;
  private readonly models = new Map<string, { model: monaco.editor.ITextModel; original: monaco.editor.ITextModel }>();
  private active = '';
  private readonly disposables: monaco.IDisposable[] = [];
  private readonly names: Set<string>;
  private readonly diffHost: HTMLElement;
  private readonly editorHost: HTMLElement;

  constructor(private readonly opts: EditorOptions) {
    const yaml = configureMonacoYaml(monacoForYaml, {
      enableSchemaRequest: false, validate: true, completion: true, hover: true, format: { enable: true },
      schemas: [{ uri: 'https://manifest-lab.invalid/kubernetes.schema.json', fileMatch: ['**/*.yaml', '**/*.yml'], schema: combinedSchema(opts.schemas) }],
    });
    this.disposables.push({ dispose: () => (yaml as unknown as monaco.IDisposable).dispose() });
    this.names = collectPropertyNames(opts.schemas, new Set());
    this.editorHost = document.createElement('div');
    this.editorHost.className = 'lab-editor-host';
    this.diffHost = document.createElement('div');
    this.diffHost.className = 'lab-editor-host';
    this.diffHost.hidden = true;
    opts.container.append(this.editorHost, this.diffHost);
    for (const f of opts.files) this.addFile(f);
    this.active = opts.files[0]?.path ?? '';
    this.editor = monaco.editor.create(this.editorHost, {
      model: this.models.get(this.active)?.model ?? null,
      theme: opts.dark ? 'lab-dark' : 'vs',
      automaticLayout: true, minimap: { enabled: false }, fontSize: 14, tabSize: 2, insertSpaces: true,
      scrollBeyondLastLine: false, renderWhitespace: 'boundary', ariaLabel: 'YAML editor',
      accessibilitySupport: 'auto', quickSuggestions: { other: true, comments: false, strings: true },
    });
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => this.opts.onSave?.(this.active));
    this.disposables.push(
      this.editor.onDidChangeModelContent(() => this.opts.onChange?.(this.active, this.editor.getValue())),
      this.editor.onMouseMove((e) => {
        const pos = e.target.position;
        const model = this.editor.getModel();
        this.opts.onHoverOffset?.(this.active, pos && model ? model.getOffsetAt(pos) : null);
      }),
      this.editor.onMouseLeave(() => this.opts.onHoverOffset?.(this.active, null)),
      monaco.languages.registerCodeActionProvider('yaml', { provideCodeActions: (model, _range, context) => this.quickFixes(model, context) }),
    );
  }

  private addFile(f: LabFile): void {
    const uri = uriFor(f.path);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(f.content, f.language ?? languageFor(f.path), uri);
    model.setValue(f.content);
    const original = monaco.editor.createModel(f.original, f.language ?? languageFor(f.path), uri.with({ scheme: 'original' }));
    this.models.set(f.path, { model, original });
  }

  files(): string[] { return [...this.models.keys()]; }
  activePath(): string { return this.active; }

  setActive(path: string): void {
    const entry = this.models.get(path);
    if (!entry) return;
    this.active = path;
    this.editor.setModel(entry.model);
    if (this.diff) this.diff.setModel({ original: entry.original, modified: entry.model });
  }

  getValue(path = this.active): string { return this.models.get(path)?.model.getValue() ?? ''; }
  setValue(path: string, value: string): void {
    const m = this.models.get(path);
    if (!m) { this.addFile({ path, content: value, original: value }); return; }
    if (m.model.getValue() !== value) m.model.setValue(value);
  }
  /** Opens (or re-opens) a file with this text as both its content and its original (kubectl edit's buffer). */
  openFile(path: string, content: string): void {
    const m = this.models.get(path);
    if (!m) { this.addFile({ path, content, original: content }); return; }
    m.original.setValue(content);
    if (m.model.getValue() !== content) m.model.setValue(content);
  }
  /** Closes a file opened with openFile; the editor moves to `next` (or the first file) if it was showing it. */
  removeFile(path: string, next?: string): void {
    const m = this.models.get(path);
    if (!m) return;
    this.models.delete(path);
    if (this.active === path) this.setActive(next && this.models.has(next) ? next : [...this.models.keys()][0] ?? '');
    m.model.dispose();
    m.original.dispose();
  }
  original(path: string): string { return this.models.get(path)?.original.getValue() ?? ''; }
  isModified(path: string): boolean { return this.getValue(path) !== this.original(path); }
  reset(path = this.active): void { this.setValue(path, this.original(path)); }

  /** Markers from the simulator's own checks (API validation, selector mismatch...), next to monaco-yaml's. */
  setSimMarkers(path: string, markers: SimMarker[]): void {
    const m = this.models.get(path);
    if (!m) return;
    const sev = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
    monaco.editor.setModelMarkers(m.model, SIM_OWNER, markers.map((k) => {
      const line = Math.max(1, Math.min(k.line, m.model.getLineCount()));
      const endLine = k.endLine ?? line;
      return {
        startLineNumber: line, startColumn: Math.max(1, k.column),
        endLineNumber: endLine, endColumn: k.endColumn ?? m.model.getLineMaxColumn(Math.min(endLine, m.model.getLineCount())),
        message: k.message, severity: sev[k.severity ?? 'error'], source: 'simulator',
      };
    }));
  }

  markers(path = this.active): monaco.editor.IMarker[] {
    const m = this.models.get(path);
    return m ? monaco.editor.getModelMarkers({ resource: m.model.uri }) : [];
  }

  onMarkersChanged(cb: () => void): void {
    this.disposables.push(monaco.editor.onDidChangeMarkers(() => cb()));
  }

  showDiff(on: boolean): void {
    const entry = this.models.get(this.active);
    if (on && entry) {
      if (!this.diff) {
        this.diff = monaco.editor.createDiffEditor(this.diffHost, {
          automaticLayout: true, readOnly: false, originalEditable: false, renderSideBySide: this.diffHost.clientWidth > 700,
          minimap: { enabled: false }, ariaLabel: 'Changes against the original file',
        });
      }
      this.diff.setModel({ original: entry.original, modified: entry.model });
    }
    this.diffHost.hidden = !on;
    this.editorHost.hidden = on;
  }

  setTheme(dark: boolean): void { monaco.editor.setTheme(dark ? 'lab-dark' : 'vs'); }
  focus(): void { this.editor.focus(); }

  /** The quick fixes offered for the markers on a line of the active file (what Ctrl+. lists). */
  fixesAt(line: number): { title: string; apply(): void }[] {
    const model = this.editor.getModel();
    if (!model) return [];
    const markers = monaco.editor.getModelMarkers({ resource: model.uri }).filter((m) => m.startLineNumber === line);
    const list = this.quickFixes(model, { markers, only: 'quickfix', trigger: monaco.languages.CodeActionTriggerType.Invoke } as monaco.languages.CodeActionContext);
    return list.actions.map((a) => ({
      title: a.title,
      apply: () => {
        const edits = (a.edit?.edits ?? []) as monaco.languages.IWorkspaceTextEdit[];
        model.pushEditOperations([], edits.map((e) => ({ range: e.textEdit.range, text: e.textEdit.text })), () => null);
      },
    }));
  }

  private quickFixes(model: monaco.editor.ITextModel, context: monaco.languages.CodeActionContext): monaco.languages.CodeActionList {
    const actions: monaco.languages.CodeAction[] = [];
    for (const marker of context.markers) {
      const range = new monaco.Range(marker.startLineNumber, marker.startColumn, marker.endLineNumber, marker.endColumn);
      const word = model.getValueInRange(range).replace(/:.*$/s, '').trim();
      const fromMessage = /(?:Property|field|unknown field)\s+"?([A-Za-z0-9_.-]+)"?/i.exec(marker.message)?.[1]?.split('.').pop();
      const bad = /^[A-Za-z][A-Za-z0-9]*$/.test(word) ? word : fromMessage;
      if (!bad || this.names.has(bad)) continue;
      const fix = nearestName(bad, this.names);
      if (!fix) continue;
      const lineText = model.getLineContent(marker.startLineNumber);
      const col = lineText.indexOf(bad);
      if (col < 0) continue;
      actions.push({
        title: `Replace "${bad}" with "${fix}"`, kind: 'quickfix', diagnostics: [marker], isPreferred: true,
        edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(),
          textEdit: { range: new monaco.Range(marker.startLineNumber, col + 1, marker.startLineNumber, col + 1 + bad.length), text: fix } }] },
      });
    }
    return { actions, dispose() { /* nothing held */ } };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.diff?.dispose();
    this.editor.dispose();
    for (const { model, original } of this.models.values()) { model.dispose(); original.dispose(); }
  }
}
