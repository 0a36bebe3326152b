// The lab, mounted into a host element once it is opened: editor + terminal + cluster view + time + goals,
// wired to a LabBackend. This module is the lazy chunk: it pulls in Monaco, xterm and the simulator.
import labCss from './lab.css?inline';
import { stringify } from 'yaml';
import { LabEditor, type LabFile } from '../../lib/monaco-yaml-editor';
import { LabTerminal } from '../../lib/terminal';
import { buildViewModel, type ViewModel, type ViewBox, type KObject } from './view-model';
import { renderGraph, nodeSummaryText } from './graph';
import { Timeline, formatElapsed } from './timeline';
import { selectorAt } from './yaml-helpers';
import { decodeState, encodeState, emptyState, stateFromHash, type LabState } from './share-state';
import type { LabBackend } from './backend';
import type { JSONSchema } from 'monaco-yaml';

export interface Goal { id: string; title: string; done: boolean; hint?: string }

export interface LabOptions {
  /** 'playground' is full screen with share/autosave; 'inline' sits in a lesson. */
  mode: 'playground' | 'inline';
  /** Files opened as editor tabs (project-relative paths); the first one is active. */
  tabs: string[];
  createBackend: (seed: number) => LabBackend;
  seed?: number;
  /** localStorage key for autosave (playground); none → no autosave. */
  storageKey?: string;
  /** Read the share state from location.hash (playground). */
  useHash?: boolean;
  /** Commands run before the learner starts (a scenario's setup), not recorded in the share state. */
  setup?: string[];
  label?: string;
}

export interface LabController {
  readonly root: HTMLElement;
  /** Types a command into the terminal and runs it. */
  run(command: string): void;
  /** Shows the terminal (its pane on narrow screens, where only one pane shows at a time) and focuses it. */
  focusTerminal(): void;
  /** The goals region: scenarios render their goals here (or call setGoals). */
  readonly goals: HTMLElement;
  setGoals(goals: Goal[]): void;
  /** Subscribe to cluster changes (scenarios evaluate goals on this). */
  onClusterChange(cb: () => void): () => void;
  readonly backend: LabBackend;
  readonly editor: LabEditor;
  readonly terminal: LabTerminal;
  view(): ViewModel;
  dispose(): void;
}

let cssInjected = false;
function injectCss(): void {
  if (cssInjected) return;
  cssInjected = true;
  const s = document.createElement('style');
  s.dataset.lab = 'lab';
  s.textContent = labCss;
  document.head.appendChild(s);
}

type Attrs = Record<string, string | boolean | undefined>;
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) e.append(c); // strings become text nodes, never HTML
  return e;
}

function isDark(): boolean {
  const t = document.documentElement.dataset.theme;
  if (t === 'dark') return true;
  if (t === 'light') return false;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

let labCounter = 0;

/** Output that does not end a line (curl -s of a JSON body) would be overwritten by the prompt: end it. */
function withNewline(text: string): string { return text && !text.endsWith('\n') ? text + '\n' : text; }

export async function mountLab(host: HTMLElement, opts: LabOptions): Promise<LabController> {
  injectCss();
  const uid = `lab${++labCounter}`;
  const notices: string[] = [];

  // ---- restore: hash first, then autosave -------------------------------------------------------------------
  let restored: LabState | null = null;
  if (opts.useHash) {
    const raw = stateFromHash(location.hash);
    if (raw) {
      const r = decodeState(raw);
      if (r.ok) restored = r.state;
      else notices.push(`The shared link could not be opened: it is ${r.reason}. Starting from a fresh lab instead.`);
    }
  }
  if (!restored && opts.storageKey) {
    let raw: string | null = null;
    try { raw = localStorage.getItem(opts.storageKey); } catch { /* storage disabled */ }
    if (raw) {
      const r = decodeState(raw);
      if (r.ok) restored = r.state;
      else {
        notices.push(`Your saved lab could not be restored: it is ${r.reason}. It was set aside and a fresh lab started.`);
        try { localStorage.removeItem(opts.storageKey); } catch { /* ignore */ }
      }
    }
  }
  /** true while a saved state is replayed (nothing recorded, output written in order, no editor tabs opened) */
  let restoring = false;
  const seed = restored?.seed ?? opts.seed ?? 1;
  let backend = opts.createBackend(seed);
  performance.mark('lab:backend-created');
  const state: LabState = emptyState(seed);

  // ---- DOM ------------------------------------------------------------------------------------------------
  const root = h('div', { class: 'lab', 'data-mode': opts.mode, role: 'region', 'aria-label': opts.label ?? 'Lab: editor, terminal and cluster view' });
  if (isDark()) root.setAttribute('data-dark', '');
  const notice = h('div', { class: 'lab-notice', role: 'status' });
  const live = h('div', { class: 'lab-sr', 'aria-live': 'polite' });

  const playBtn = h('button', { type: 'button', 'aria-pressed': 'true', title: 'Play or pause virtual time' }, 'Pause');
  const stepBtn = h('button', { type: 'button', title: 'Advance virtual time by 5 seconds' }, 'Step +5s');
  const speedSel = h('select', { 'aria-label': 'Speed of virtual time' });
  for (const s of [1, 5, 30]) speedSel.append(h('option', { value: String(s) }, `${s}×`));
  const clock = h('span', { class: 'lab-clock', role: 'timer', 'aria-label': 'Virtual time since the lab started' }, '0:00');
  const toolbar = h('div', { class: 'lab-toolbar', role: 'toolbar', 'aria-label': 'Lab controls' }, playBtn, stepBtn, speedSel, clock, h('span', { class: 'lab-spacer' }));
  const shareBtn = h('button', { type: 'button' }, 'Share link');
  const resetBtn = h('button', { type: 'button' }, 'Reset lab');
  const shareBox = h('div', { hidden: true });
  const shareUrl = h('input', { class: 'lab-share-url', readonly: true, 'aria-label': 'Link to this lab state' });
  shareBox.append(shareUrl);
  const confirmBox = h('div', { class: 'lab-confirm', hidden: true, role: 'group', 'aria-label': 'Confirm reset' });
  const confirmYes = h('button', { type: 'button' }, 'Yes, reset everything');
  const confirmNo = h('button', { type: 'button' }, 'Cancel');
  confirmBox.append('Reset the lab? Your files and commands here will be lost. ', confirmYes, ' ', confirmNo);
  if (opts.mode === 'playground') toolbar.append(shareBtn, resetBtn);

  const paneNames = [['editor', 'Editor'], ['terminal', 'Terminal'], ['cluster', 'Cluster'], ['goals', 'Goals']] as const;
  const paneTabs = h('div', { class: 'lab-panetabs', role: 'tablist', 'aria-label': 'Lab panes' });
  const panes: Record<string, HTMLElement> = {};
  for (const [key, title] of paneNames) {
    const tab = h('button', { type: 'button', role: 'tab', id: `${uid}-tab-${key}`, 'aria-controls': `${uid}-pane-${key}`, 'aria-selected': key === 'editor' ? 'true' : 'false' }, title);
    tab.addEventListener('click', () => showPane(key));
    paneTabs.append(tab);
    panes[key] = h('section', { class: `lab-pane lab-${key}-pane`, id: `${uid}-pane-${key}`, 'aria-label': title });
    panes[key]!.append(h('h3', {}, title));
  }
  function showPane(key: string): void {
    for (const [k] of paneNames) {
      panes[k]!.toggleAttribute('data-active', k === key);
      paneTabs.querySelector(`#${uid}-tab-${k}`)?.setAttribute('aria-selected', k === key ? 'true' : 'false');
    }
    if (key === 'terminal') { terminal.fitNow(); terminal.focus(); }
  }

  // editor pane
  const fileTabs = h('div', { class: 'lab-filetabs', role: 'tablist', 'aria-label': 'Files' });
  const applyBtn = h('button', { type: 'button', title: 'Save and run kubectl apply -f on this file (Ctrl+S)' }, 'Apply');
  const diffBtn = h('button', { type: 'button', 'aria-pressed': 'false', title: 'Compare with the original file' }, 'Diff');
  const resetFileBtn = h('button', { type: 'button', title: 'Put the original file back' }, 'Revert file');
  const cancelEditBtn = h('button', { type: 'button', hidden: true, title: 'Close without changing the live object (kubectl prints Edit cancelled)' }, 'Cancel edit');
  const actions = h('div', { class: 'lab-editor-actions', role: 'group', 'aria-label': 'File actions' }, applyBtn, cancelEditBtn, diffBtn, resetFileBtn);
  const fileBar = h('div', { class: 'lab-filebar' }, fileTabs, actions);
  const editNote = h('p', { class: 'lab-edit-note', hidden: true });
  const editorBox = h('div', { class: 'lab-editor' });
  const diagList = h('ul', { class: 'lab-diagnostics', 'aria-label': 'Problems in this file' });
  panes.editor!.append(fileBar, editNote, editorBox, diagList);
  // terminal pane
  const termBox = h('div', { class: 'lab-terminal', 'aria-label': 'Terminal' });
  panes.terminal!.append(termBox);
  // cluster pane
  const nodeLine = h('p', { class: 'lab-node' });
  const historyBanner = h('p', { class: 'lab-history-banner', hidden: true });
  const backLive = h('button', { type: 'button' }, 'Back to live');
  const graphBox = h('div', { class: 'lab-graph' });
  const problems = h('ul', { class: 'lab-problems', 'aria-label': 'Broken links' });
  const request = h('ol', { class: 'lab-request', 'aria-label': 'Path of the last request' });
  const details = h('div', { class: 'lab-details', hidden: true, 'aria-live': 'polite' });
  const clusterBody = h('div', { class: 'lab-cluster-body' }, nodeLine, historyBanner, graphBox, problems, request);
  panes.cluster!.append(clusterBody, details);
  // goals pane
  const goals = h('div', { class: 'lab-goals', 'data-goals': '' });
  panes.goals!.append(goals);
  const panesBox = h('div', { class: 'lab-panes' }, ...paneNames.map(([k]) => panes[k]!));
  panes.editor!.setAttribute('data-active', '');
  // timeline
  const scrub = h('input', { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'Scrub through earlier cluster states' });
  const scrubLabel = h('span', { class: 'lab-clock' }, 'live');
  // scrolls when long: focusable so keyboard users can scroll it too
  const events = h('ol', { class: 'lab-events', 'aria-label': 'Cluster events', tabindex: '0' });
  const timelineBox = h('div', { class: 'lab-timeline' }, h('span', {}, 'Timeline'), scrub, scrubLabel, events);
  const keys = h('p', { class: 'lab-keys' }, 'Keyboard: Ctrl+S applies the file; in the editor Ctrl+M then Tab moves on; in the terminal Esc then Tab moves on, Tab completes, ↑/↓ walk the history, Ctrl+C stops a command.');
  root.append(toolbar, notice, shareBox, confirmBox, paneTabs, panesBox, timelineBox, keys, live);
  host.replaceChildren(root);
  if (notices.length) notice.textContent = notices.join(' ');

  // ---- editor ---------------------------------------------------------------------------------------------
  const originals = new Map<string, string>();
  const files: LabFile[] = opts.tabs.map((p) => {
    const content = backend.readFile(p) ?? '';
    originals.set(p, content);
    return { path: p, content, original: content };
  });
  let validateTimer: number | undefined;
  let suppressVfs = false;
  const dirty = new Set<string>();
  /** Open kubectl edit sessions by file path (the live object's YAML in a temporary editor tab). */
  interface EditSession { path: string; label: string; offered: string; onSave: (text: string) => void; returnTo: string }
  const editSessions = new Map<string, EditSession>();
  const editor = new LabEditor({
    container: editorBox, files, schemas: backend.schemas() as Record<string, JSONSchema>, dark: isDark(),
    onChange: (path, value) => {
      if (!editSessions.has(path)) dirty.add(path);
      suppressVfs = true;
      try { backend.writeFile(path, value); } finally { suppressVfs = false; }
      updateFileTabs();
      window.clearTimeout(validateTimer);
      validateTimer = window.setTimeout(() => validateNow(path), 30);
      scheduleSave();
    },
    onSave: (path) => applyFile(path),
    onHoverOffset: (path, offset) => {
      const hit = offset === null ? null : selectorAt(editor.getValue(path), offset);
      const key = hit ? JSON.stringify(hit.labels) : '';
      if (key !== highlightKey) { highlightKey = key; highlight = hit?.labels ?? null; refreshView(true); }
    },
  });
  performance.mark('lab:editor-created');
  let highlight: Record<string, string> | null = null;
  let highlightKey = '';
  const fileTabButtons = new Map<string, HTMLButtonElement>();
  for (const f of files) {
    const b = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', 'data-path': f.path }, f.path);
    b.addEventListener('click', () => { editor.setActive(f.path); updateFileTabs(); validateNow(f.path); });
    fileTabButtons.set(f.path, b);
    fileTabs.append(b);
  }
  function updateFileTabs(): void {
    for (const [p, b] of fileTabButtons) {
      b.setAttribute('aria-selected', String(p === editor.activePath()));
      b.setAttribute('data-modified', String(editor.isModified(p)));
    }
    const session = editSessions.get(editor.activePath());
    applyBtn.textContent = session ? 'Save and close' : 'Apply';
    applyBtn.title = session ? `Send your changes to the live object, as closing the editor of kubectl edit does (Ctrl+S)` : 'Save and run kubectl apply -f on this file (Ctrl+S)';
    cancelEditBtn.hidden = !session;
    editNote.hidden = !session;
    editNote.textContent = session
      ? `kubectl edit: this is the live ${session.label}. Save and close (Ctrl+S) sends your changes to the cluster; Cancel edit leaves it as it is.`
      : '';
  }
  updateFileTabs();
  const isYaml = (p: string) => /\.ya?ml$/i.test(p);
  function validateNow(path: string): void {
    if (!backend.validate || !isYaml(path)) { editor.setSimMarkers(path, []); return; }
    const t0 = performance.now();
    let diags: ReturnType<NonNullable<LabBackend['validate']>> = [];
    try { diags = backend.validate(path, editor.getValue(path)); } catch { diags = []; }
    editor.setSimMarkers(path, diags);
    performance.measure?.('lab:validate', { start: t0, end: performance.now() });
  }
  editor.onMarkersChanged(() => renderDiagnostics());
  function renderDiagnostics(): void {
    const markers = editor.markers().sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn);
    diagList.replaceChildren(...markers.slice(0, 50).map((m) => {
      const sev = m.severity >= 8 ? 'error' : m.severity >= 4 ? 'warning' : 'info';
      const li = h('li', { class: `sev-${sev}`, tabindex: '0', 'data-line': String(m.startLineNumber), 'data-column': String(m.startColumn) },
        `${m.startLineNumber}:${m.startColumn} ${m.message}`);
      const go = () => { editor.editor.setPosition({ lineNumber: m.startLineNumber, column: m.startColumn }); editor.editor.revealLineInCenter(m.startLineNumber); editor.focus(); };
      li.addEventListener('click', go);
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
      return li;
    }));
    root.dataset.markers = String(markers.length);
  }
  applyBtn.addEventListener('click', () => applyFile(editor.activePath()));
  diffBtn.addEventListener('click', () => {
    const on = diffBtn.getAttribute('aria-pressed') !== 'true';
    diffBtn.setAttribute('aria-pressed', String(on));
    editor.showDiff(on);
  });
  resetFileBtn.addEventListener('click', () => { editor.reset(); updateFileTabs(); });
  function applyFile(path: string): void {
    if (editSessions.has(path)) { finishEdit(path, editor.getValue(path)); return; }
    if (!isYaml(path)) {
      terminal.writeAsync(`(saved ${path})`);
      return;
    }
    showPane('terminal');
    terminal.run(`kubectl apply -f ${path}`);
  }

  // ---- kubectl edit ---------------------------------------------------------------------------------------
  // The shell calls the hook with the temporary file kubectl wrote; the lab shows it in its own tab. Saving hands the
  // editor's text to kubectl, cancelling hands back the text as it was opened (kubectl then reports no change).
  // kubectl may reopen the same path at once (a syntax error or an invalid object): the tab then stays, refreshed.
  function editLabel(text: string, path: string): string {
    const kind = /^kind:\s*(\S+)/m.exec(text)?.[1];
    const name = /^metadata:\n(?:[ ]{2}.*\n)*?[ ]{2}name:\s*(\S+)/m.exec(text)?.[1];
    return kind && name ? `${kind.toLowerCase()}/${name}` : path.replace(/^.*\//, '');
  }
  const editorHook = (path: string, onSave?: (text: string) => void): boolean => {
    if (!onSave) { openPlainFile(path); return true; }
    const offered = backend.readFile(path) ?? '';
    const prev = editSessions.get(path);
    const active = editor.activePath();
    const returnTo = prev?.returnTo ?? (editSessions.has(active) ? (opts.tabs[0] ?? active) : active);
    const session: EditSession = { path, offered, onSave, label: editLabel(offered, path), returnTo };
    editSessions.set(path, session);
    if (!restoring) openEditTab(session);
    return true;
  };
  /** Makes the file's tab active and validates it now. */
  function activateTab(path: string): void {
    editor.setActive(path);
    updateFileTabs();
    validateNow(path);
  }
  /** A tab button for a file opened after start (nano/vi FILE, kubectl edit). */
  function addFileTab(path: string, attrs: Record<string, string>, text: string): void {
    const b = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', ...attrs }, text);
    b.addEventListener('click', () => activateTab(path));
    fileTabButtons.set(path, b);
    fileTabs.append(b);
  }
  /** nano/vi FILE: the file in an ordinary tab (a new one if it is not open yet); the editor writes it as it changes. */
  function openPlainFile(path: string): void {
    if (!fileTabButtons.has(path)) {
      const content = backend.readFile(path) ?? '';
      originals.set(path, content);
      suppressVfs = true;
      try { editor.openFile(path, content); } finally { suppressVfs = false; }
      addFileTab(path, { 'data-path': path }, path);
    }
    activateTab(path);
    if (restoring) return;
    showPane('editor');
    editor.focus();
  }
  function openEditTab(session: EditSession): void {
    const { path } = session;
    suppressVfs = true;
    try { editor.openFile(path, session.offered); } finally { suppressVfs = false; }
    if (!fileTabButtons.has(path)) {
      addFileTab(path, { 'data-path': path, 'data-edit': '', title: `kubectl edit ${session.label} (${path})` }, `edit: ${session.label}`);
    }
    activateTab(path);
    showPane('editor');
    editor.focus();
    live.textContent = `Opened the live ${session.label} in the editor. Save and close applies it; Cancel edit leaves it unchanged.`;
  }
  function closeEditTab(path: string, returnTo: string): void {
    fileTabButtons.get(path)?.remove();
    fileTabButtons.delete(path);
    editor.removeFile(path, returnTo);
    dirty.delete(path);
    updateFileTabs();
    validateNow(editor.activePath());
    renderDiagnostics();
  }
  /** Ends an edit session with the text kubectl reads back (null: cancelled, the text as it was opened). */
  function finishEdit(path: string, text: string | null): void {
    const session = editSessions.get(path);
    if (!session) return;
    const content = text ?? session.offered;
    editSessions.delete(path);
    if (!restoring) recordStep({ edit: path, content });
    try { session.onSave(content); } catch (e) { terminal.writeAsync(`error: ${(e as Error).message}\n`); }
    if (restoring) return;
    if (!editSessions.has(path)) {
      closeEditTab(path, session.returnTo);
      showPane('terminal');
    } else {
      live.textContent = `The edit was not applied; the editor shows the reasons at the top of ${session.label}.`;
      editor.focus();
    }
    refreshView(true);
  }
  cancelEditBtn.addEventListener('click', () => finishEdit(editor.activePath(), null));
  backend.setEditorHook?.(editorHook);

  // ---- terminal -------------------------------------------------------------------------------------------
  let foregroundDone: (() => void) | null = null;
  const terminal = new LabTerminal({
    container: termBox, dark: isDark(), prompt: () => backend.prompt(),
    submit: (command) => submit(command),
    complete: (line, cursor) => {
      const c = backend.complete(line, cursor);
      if (!c.candidates.length) return null;
      const common = c.candidates.reduce((a, b) => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return a.slice(0, i); });
      const typed = line.slice(c.start, cursor);
      const text = c.candidates.length === 1 ? (/[/=]$/.test(c.candidates[0]!) ? c.candidates[0]! : c.candidates[0]! + ' ') : common.length > typed.length ? common : typed;
      return { from: c.start, to: cursor, text, candidates: c.candidates };
    },
    interrupt: () => {
      if (backend.busy) {
        const out = backend.interrupt();
        recordStep({ interrupt: true });
        terminal.write(out.startsWith('^C') ? out.slice(2) : out);
      }
      foregroundDone?.();
    },
  });
  performance.mark('lab:terminal-created');
  // Output between commands (kubectl edit's result, port-forward connections). While a saved state is replayed the
  // terminal shows the session as a transcript, so it is written in place rather than above an input line.
  function writeOutput(text: string): void {
    if (restoring) terminal.write(text);
    else terminal.writeAsync(text);
  }
  let unsubOutput = backend.onOutput(writeOutput);
  function recordStep(step: { run: string } | { write: string; content: string } | { edit: string; content: string } | { interrupt: true }): void {
    const t = backend.elapsedMs();
    if ('interrupt' in step) state.steps.push({ t, run: '\u0003' });
    else state.steps.push({ t, ...step } as LabState['steps'][number]);
    scheduleSave();
  }
  function submit(command: string): void | Promise<void> | 'incomplete' {
    // Files edited since the last command are recorded first, so a replay reads the same contents.
    for (const p of dirty) recordStep({ write: p, content: editor.getValue(p) });
    dirty.clear();
    const r = backend.run(command);
    if (r.incomplete) return 'incomplete';
    recordStep({ run: command });
    terminal.write(withNewline(r.output));
    announce(r.output, r.exitCode);
    refreshView(true);
    if (r.running) {
      return new Promise<void>((resolve) => {
        foregroundDone = () => { foregroundDone = null; resolve(); };
      });
    }
    return undefined;
  }
  function announce(output: string, exitCode: number): void {
    const lines = output.trim().split('\n').filter(Boolean);
    live.textContent = `${exitCode === 0 ? 'Done' : `Failed (exit ${exitCode})`}${lines.length ? ': ' + lines.slice(-3).join(' ') : ''}`.slice(0, 400);
  }

  // ---- cluster view + time --------------------------------------------------------------------------------
  const timeline = new Timeline<ViewModel>(300);
  let viewing: number | null = null; // snapshot index being viewed, null = live
  let lastSig = '';
  let lastRev = -1;
  let currentVm: ViewModel = buildViewModel({ objects: [] });
  let selected: ViewBox | null = null;
  const clusterListeners = new Set<() => void>();
  let lastRefreshAt = -Infinity;
  // While time runs, the store can change every 100 ms step; rebuilding the view at most 4 times a second keeps
  // frames smooth with many pods. Commands and edits force an immediate refresh.
  const MIN_REFRESH_MS = 250;
  function refreshView(force = false): void {
    const rev = backend.revision();
    if (!force && rev === lastRev) return;
    const t0 = performance.now();
    if (!force && t0 - lastRefreshAt < MIN_REFRESH_MS) return;
    lastRefreshAt = t0;
    lastRev = rev;
    const objects = backend.objects();
    const vm = buildViewModel({ objects, explain: backend.explain?.bind(backend), highlight, request: backend.lastTrace?.() ?? null });
    currentVm = vm;
    const sig = JSON.stringify(vm);
    if (sig !== lastSig) {
      lastSig = sig;
      const evs = objects.filter((o) => o.kind === 'Event');
      const lastEv = evs[evs.length - 1] as (KObject & { reason?: string; message?: string }) | undefined;
      timeline.push(backend.elapsedMs(), lastEv ? `${lastEv.reason ?? ''} ${lastEv.metadata.name}` : 'change', vm);
      scrub.max = String(Math.max(0, timeline.length - 1));
      if (viewing === null) { scrub.value = scrub.max; draw(vm); }
      renderEvents(evs);
      if (selected) showDetails(selected);
      for (const l of clusterListeners) { try { l(); } catch { /* a goal checker must not break the lab */ } }
    }
    performance.measure?.('lab:view', { start: t0, end: performance.now() });
  }
  function draw(vm: ViewModel): void {
    renderGraph(graphBox, vm, { onSelect: (b) => { selected = b; showDetails(b); } });
    nodeLine.textContent = nodeSummaryText(vm);
    problems.replaceChildren(...vm.problems.map((p) => h('li', {}, p)));
    request.replaceChildren(...(vm.request?.hops ?? []).map((hop, i) => {
      const li = h('li', { class: `hop-${hop.state}`, style: `animation-delay:${i * 0.25}s` }, hop.label + (hop.reason ? ` (${hop.reason})` : ''));
      return li;
    }));
    root.dataset.pods = String(vm.boxes.filter((b) => b.kind === 'Pod').length + vm.boxes.filter((b) => b.kind === 'PodGroup').reduce((n, b) => n + (b.count ?? 0), 0));
  }
  function renderEvents(evs: KObject[]): void {
    const rows = evs.slice(-40).reverse().map((e) => {
      const ev = e as KObject & { type?: string; reason?: string; message?: string; involvedObject?: { kind?: string; name?: string }; count?: number };
      return h('li', { class: `ev-${ev.type ?? 'Normal'}` }, `${ev.reason ?? ''} ${ev.involvedObject?.kind ?? ''}/${ev.involvedObject?.name ?? ''}: ${ev.message ?? ''}${(ev.count ?? 1) > 1 ? ` (x${ev.count})` : ''}`);
    });
    events.replaceChildren(...rows);
  }
  function showDetails(b: ViewBox): void {
    if (!b.ref) return;
    const o = backend.objects().find((x) => x.kind === b.ref!.kind && x.metadata.name === b.ref!.name && (x.metadata.namespace ?? 'default') === b.ref!.namespace);
    const close = h('button', { type: 'button' }, 'Close');
    close.addEventListener('click', () => { selected = null; details.hidden = true; });
    if (!o) { details.replaceChildren(h('p', {}, `${b.ref.kind} ${b.ref.name} no longer exists.`), close); details.hidden = false; return; }
    const clean = structuredClone(o) as KObject;
    delete (clean.metadata as Record<string, unknown>).managedFields;
    const evs = backend.objects().filter((e) => e.kind === 'Event') as (KObject & { involvedObject?: { kind?: string; name?: string }; reason?: string; message?: string; type?: string })[];
    const mine = evs.filter((e) => e.involvedObject?.kind === b.ref!.kind && e.involvedObject?.name === b.ref!.name);
    details.replaceChildren(
      h('strong', {}, `${b.ref.kind} ${b.ref.name}`), ' ', close,
      ...(b.explanation ? [h('p', {}, b.explanation)] : []),
      h('pre', {}, stringify(clean)),
      h('p', {}, mine.length ? 'Events:' : 'No events.'),
      h('ul', {}, ...mine.slice(-10).map((e) => h('li', {}, `${e.type ?? ''} ${e.reason ?? ''}: ${e.message ?? ''}`))),
    );
    details.hidden = false;
  }
  scrub.addEventListener('input', () => {
    const i = Number(scrub.value);
    if (i >= timeline.length - 1) { goLive(); return; }
    viewing = i;
    const snap = timeline.at(i)!;
    scrubLabel.textContent = formatElapsed(snap.t);
    historyBanner.replaceChildren(`Showing the cluster as it was at ${formatElapsed(snap.t)}. `, backLive);
    historyBanner.hidden = false;
    draw(snap.value);
  });
  function goLive(): void {
    viewing = null;
    scrub.value = scrub.max;
    scrubLabel.textContent = 'live';
    historyBanner.hidden = true;
    draw(currentVm);
  }
  backLive.addEventListener('click', goLive);

  let playing = true;
  let speed = 1;
  playBtn.addEventListener('click', () => {
    playing = !playing;
    playBtn.textContent = playing ? 'Pause' : 'Play';
    playBtn.setAttribute('aria-pressed', String(playing));
  });
  stepBtn.addEventListener('click', () => { backend.advance(5); tick(); });
  speedSel.addEventListener('change', () => { speed = Number(speedSel.value) || 1; });
  let lastWall = performance.now();
  let raf = 0;
  let lastClockText = '';
  function tick(): void {
    const text = formatElapsed(backend.elapsedMs());
    if (text !== lastClockText) { lastClockText = text; clock.textContent = text; }
    refreshView();
    if (foregroundDone && !backend.busy) foregroundDone();
  }
  function frame(now: number): void {
    const dt = Math.min(1000, now - lastWall);
    lastWall = now;
    if (playing && dt > 0 && !restoring) {
      accumulated += dt * speed;
      // Advance in whole 100 ms virtual steps: the engine reconciles per step, the view redraws on change.
      if (accumulated >= 100) {
        const step = Math.floor(accumulated / 100) * 100;
        accumulated -= step;
        backend.advance(step / 1000);
      }
    }
    tick();
    raf = requestAnimationFrame(frame);
  }
  let accumulated = 0;

  // ---- share, autosave, reset -----------------------------------------------------------------------------
  let saveTimer: number | undefined;
  function snapshotState(): LabState {
    state.elapsed = Math.round(backend.elapsedMs());
    state.files = {};
    for (const p of editor.files()) if (!editSessions.has(p) && editor.getValue(p) !== originals.get(p)) state.files[p] = editor.getValue(p);
    state.active = editor.activePath();
    if (state.steps.length > 2000) state.steps.splice(0, state.steps.length - 2000);
    return state;
  }
  function scheduleSave(): void {
    if (!opts.storageKey || restoring) return;
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(() => {
      try { localStorage.setItem(opts.storageKey!, encodeState(snapshotState())); } catch { /* full or disabled */ }
    }, 300);
  }
  shareBtn.addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}#state=${encodeState(snapshotState())}`;
    shareUrl.value = url;
    shareBox.hidden = false;
    shareUrl.select();
    try { await navigator.clipboard.writeText(url); notice.textContent = 'Link copied. Opening it rebuilds this exact lab.'; } catch { notice.textContent = 'Copy the link below to share this lab.'; }
  });
  resetBtn.addEventListener('click', () => { confirmBox.hidden = false; confirmNo.focus(); });
  confirmNo.addEventListener('click', () => { confirmBox.hidden = true; resetBtn.focus(); });
  confirmYes.addEventListener('click', () => {
    try { if (opts.storageKey) localStorage.removeItem(opts.storageKey); } catch { /* ignore */ }
    history.replaceState(null, '', location.pathname + location.search);
    location.reload();
  });

  // Replays a saved state: the same seed, files and commands at the same virtual times give the same cluster.
  function replay(s: LabState): void {
    restoring = true;
    try {
      for (const step of s.steps) {
        const dt = step.t - backend.elapsedMs();
        if (dt > 0) backend.advance(dt / 1000);
        if ('write' in step) {
          backend.writeFile(step.write, step.content);
          state.steps.push(step);
        } else if ('edit' in step) {
          finishEdit(step.edit, step.content);
          state.steps.push(step);
        } else if (step.run === '\u0003') {
          if (backend.busy) terminal.write(backend.interrupt());
          state.steps.push(step);
        } else {
          if (backend.busy) terminal.write(backend.interrupt());
          terminal.write(`${backend.prompt()}${step.run}\n`);
          terminal.line.history.push(step.run);
          const r = backend.run(step.run);
          terminal.write(withNewline(r.output));
          state.steps.push(step);
        }
      }
      if (backend.busy) terminal.write(backend.interrupt());
      const rest = s.elapsed - backend.elapsedMs();
      if (rest > 0) backend.advance(rest / 1000);
      for (const [p, content] of Object.entries(s.files)) {
        if (!editor.files().includes(p)) continue;
        editor.setValue(p, content);
        backend.writeFile(p, content);
      }
      if (s.active && editor.files().includes(s.active)) { editor.setActive(s.active); updateFileTabs(); }
    } finally {
      restoring = false;
    }
    // an edit still open when the state was saved opens again, as it was offered
    for (const session of editSessions.values()) openEditTab(session);
  }

  // A share link pasted into this tab changes only the hash: rebuild from it.
  const onHash = () => { if (stateFromHash(location.hash)) location.reload(); };
  if (opts.useHash) window.addEventListener('hashchange', onHash);

  // VFS → editor (cat > file, kubectl edit...), ignoring the editor's own writes.
  let unsubFiles = backend.onFileChange((path) => {
    if (suppressVfs || !editor.files().includes(path) || fileTabButtons.get(path)?.dataset.edit !== undefined) return;
    const text = backend.readFile(path);
    if (text !== undefined && text !== editor.getValue(path)) editor.setValue(path, text);
  });

  for (const cmd of opts.setup ?? []) backend.run(cmd);
  if (restored) {
    try { replay(restored); } catch (e) {
      notice.textContent = `The saved lab could not be replayed (${String((e as Error).message)}); starting fresh.`;
      unsubOutput(); unsubFiles();
      editSessions.clear();
      backend = opts.createBackend(opts.seed ?? 1);
      backend.setEditorHook?.(editorHook);
      unsubOutput = backend.onOutput(writeOutput);
      unsubFiles = backend.onFileChange(() => undefined);
      state.steps = [];
    }
  }
  terminal.start(restored ? '' : 'Simulated workstation. Type help to see the commands, or start with: minikube start\n');
  for (const f of editor.files()) validateNow(f);
  refreshView(true);
  renderDiagnostics();
  raf = requestAnimationFrame(frame);

  // Theme changes (site toggle or OS).
  const themeObserver = new MutationObserver(() => applyTheme());
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
  mq?.addEventListener('change', applyTheme);
  function applyTheme(): void {
    const dark = isDark();
    root.toggleAttribute('data-dark', dark);
    editor.setTheme(dark);
    terminal.setTheme(dark);
  }

  performance.mark('lab:mounted');
  root.dataset.ready = 'true';
  const controller: LabController = {
    root, goals, editor, terminal,
    get backend() { return backend; },
    run(command: string) { showPane('terminal'); terminal.focus(); terminal.run(command); },
    focusTerminal() { showPane('terminal'); },
    setGoals(list: Goal[]) {
      goals.replaceChildren(h('ul', { class: 'lab-goal-list' }, ...list.map((g) => h('li', { 'data-done': String(g.done), 'data-goal': g.id },
        `${g.done ? '✓' : '○'} ${g.title}`, ...(g.hint && !g.done ? [h('small', {}, ` (hint: ${g.hint})`)] : [])))));
    },
    onClusterChange(cb: () => void) { clusterListeners.add(cb); return () => clusterListeners.delete(cb); },
    view: () => currentVm,
    dispose() {
      cancelAnimationFrame(raf);
      window.removeEventListener('hashchange', onHash);
      themeObserver.disconnect();
      mq?.removeEventListener('change', applyTheme);
      unsubOutput(); unsubFiles();
      backend.setEditorHook?.(undefined);
      editor.dispose(); terminal.dispose();
      root.remove();
    },
  };
  return controller;
}
