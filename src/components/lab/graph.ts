// Renders a ViewModel as SVG, laid out with dagre. Every string from the cluster goes through textContent
// (SVG <text>/<title>), never innerHTML. Broken links are dashed, red and carry a ⚠ mark plus their explanation.
import { Graph, layout } from '@dagrejs/dagre';
import type { ViewBox, ViewModel, ViewEdge } from './view-model';
import { formatBytes } from './view-model';

const SVG = 'http://www.w3.org/2000/svg';
const BOX_W = 200;
const LINE_H = 15;

const ICON: Record<ViewBox['kind'], string> = {
  Deployment: 'deploy', ReplicaSet: 'rs', Pod: 'pod', PodGroup: 'pods', Service: 'svc', Endpoints: 'ep', Secret: 'secret', ConfigMap: 'cm', Missing: 'missing',
};
const STATE_WORD: Record<ViewBox['state'], string> = { ok: 'healthy', warn: 'not ready yet', error: 'failing', muted: 'inactive' };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function truncate(s: string, max: number): string { return s.length > max ? s.slice(0, max - 1) + '…' : s; }

function boxHeight(b: ViewBox): number { return 26 + b.lines.length * LINE_H + 6; }

export interface GraphCallbacks {
  onSelect?: (box: ViewBox) => void;
}

export interface RenderStats { boxes: number; edges: number; layoutMs: number; drawMs: number }

/** Draws the model into `host` (a container element), replacing what was there. */
export function renderGraph(host: HTMLElement, vm: ViewModel, cb: GraphCallbacks = {}, now: () => number = () => performance.now()): RenderStats {
  const t0 = now();
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 60, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of vm.boxes) g.setNode(b.id, { width: BOX_W, height: boxHeight(b) });
  for (const e of vm.edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to, { minlen: 1 });
  if (vm.boxes.length) layout(g);
  const t1 = now();

  const label = g.graph();
  const width = Math.max(240, Math.ceil(label.width ?? 0));
  const height = Math.max(80, Math.ceil(label.height ?? 0));
  // Scales down to the pane's width (never up), so the whole namespace stays in view, but not below three quarters
  // of its size: on a phone the full drawing would shrink its 12 px labels to 5 px; the pane scrolls sideways instead.
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'group', class: 'lab-graph-svg', style: `max-width:${width}px;min-width:${Math.round(width * 0.75)}px` });
  svg.setAttribute('aria-label', `Cluster objects in namespace ${vm.namespace}`);
  const defs = el('defs');
  for (const [id, cls] of [['arrow', 'edge-arrow'], ['arrow-broken', 'edge-arrow broken']] as const) {
    const m = el('marker', { id: `lab-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    m.append(el('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
    defs.append(m);
  }
  svg.append(defs);

  const edgeLayer = el('g', { class: 'edges' });
  for (const e of vm.edges) {
    if (!g.hasNode(e.from) || !g.hasNode(e.to)) continue;
    const a = g.node(e.from);
    const b = g.node(e.to);
    const x1 = a.x + BOX_W / 2; const y1 = a.y;
    const x2 = b.x - BOX_W / 2; const y2 = b.y;
    const mx = (x1 + x2) / 2;
    const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
    edgeLayer.append(drawEdge(e, d, (x1 + x2) / 2, (y1 + y2) / 2));
  }
  svg.append(edgeLayer);

  const boxLayer = el('g', { class: 'boxes' });
  for (const b of vm.boxes) {
    const n = g.node(b.id);
    const h = boxHeight(b);
    const x = n.x - BOX_W / 2; const y = n.y - h / 2;
    const classes = ['box', `kind-${b.kind}`, `state-${b.state}`];
    if (b.highlighted) classes.push('highlighted');
    if (b.lit) classes.push(`lit-${b.lit}`);
    const grp = el('g', { class: classes.join(' '), transform: `translate(${x},${y})`, 'data-id': b.id, 'data-kind': b.kind, 'data-name': b.name });
    const summary = `${b.kind === 'PodGroup' ? 'Group of' : b.kind} ${b.name}, ${STATE_WORD[b.state]}${b.lines.length ? ': ' + b.lines.join(', ') : ''}${b.explanation ? '. ' + b.explanation : ''}`;
    // The focusable part carries the full name (aria-label, title) and the frame; the drawn words, a cut-down copy of
    // it, sit beside it and are hidden from assistive tech, so the button's name is not a mismatch of what it shows.
    const hit = el('g', { class: 'box-hit' });
    if (b.ref) {
      hit.setAttribute('tabindex', '0');
      hit.setAttribute('role', 'button');
    } else {
      hit.setAttribute('role', 'img');
    }
    hit.setAttribute('aria-label', summary);
    hit.append(el('title', {}, summary));
    hit.append(el('rect', { width: BOX_W, height: h, rx: 6, class: 'box-bg' }));
    const words = el('g', { 'aria-hidden': 'true', class: 'box-words' });
    words.append(el('text', { x: 8, y: 16, class: 'box-kind' }, ICON[b.kind]));
    const mark = b.state === 'error' ? '⚠ ' : '';
    const nameX = 8 + ICON[b.kind].length * 6.5 + 6;
    // Bold 12 px text is about 7 px a character: cut the name to what fits (the full name is in the title).
    words.append(el('text', { x: nameX, y: 16, class: 'box-name' }, truncate(mark + b.name, Math.floor((BOX_W - nameX - 6) / 7))));
    b.lines.forEach((line, i) => words.append(el('text', { x: 8, y: 32 + i * LINE_H, class: 'box-line' }, truncate(line, 32))));
    grp.append(hit, words);
    if (b.ref && cb.onSelect) {
      grp.addEventListener('click', () => cb.onSelect!(b));
      hit.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); cb.onSelect!(b); }
      });
    }
    boxLayer.append(grp);
  }
  svg.append(boxLayer);
  host.replaceChildren(svg);
  return { boxes: vm.boxes.length, edges: vm.edges.length, layoutMs: t1 - t0, drawMs: now() - t1 };
}

function drawEdge(e: ViewEdge, d: string, mx: number, my: number): SVGGElement {
  const classes = ['edge', `edge-${e.kind}`];
  if (e.broken) classes.push('broken');
  if (e.degraded) classes.push('degraded');
  const grp = el('g', { class: classes.join(' '), 'data-from': e.from, 'data-to': e.to });
  if (e.explanation) grp.append(el('title', {}, e.explanation));
  grp.append(el('path', { d, class: 'edge-line', 'marker-end': `url(#lab-${e.broken ? 'arrow-broken' : 'arrow'})` }));
  if (e.broken) {
    grp.append(el('circle', { cx: mx, cy: my, r: 9, class: 'edge-badge' }));
    grp.append(el('text', { x: mx, y: my + 4, 'text-anchor': 'middle', class: 'edge-badge-text' }, '⚠'));
    if (e.label) grp.append(el('text', { x: mx, y: my - 13, 'text-anchor': 'middle', class: 'edge-label' }, e.label));
  } else if (e.degraded) {
    grp.append(el('title', {}, e.label ?? 'not ready'));
  }
  return grp;
}

/** The node line: name, readiness, and how much CPU and memory the pods' requests leave free. */
export function nodeSummaryText(vm: ViewModel): string {
  const n = vm.node;
  if (!n) return 'No cluster yet: run minikube start.';
  const cpuFree = Math.max(0, n.cpuAllocatableMilli - n.cpuRequestedMilli);
  const memFree = Math.max(0, n.memAllocatableBytes - n.memRequestedBytes);
  return `Node ${n.name} (${n.ready ? 'Ready' : 'NotReady'}): ${n.pods} pods, CPU free ${(cpuFree / 1000).toFixed(2)} of ${(n.cpuAllocatableMilli / 1000).toFixed(2)} cores, memory free ${formatBytes(memFree)} of ${formatBytes(n.memAllocatableBytes)}`;
}
