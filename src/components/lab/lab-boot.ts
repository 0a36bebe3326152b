// The only lab code a lesson page loads up front (about 2 KiB): the <manifest-lab> element, which fetches the
// lab chunk (Monaco, xterm, the simulator) when the lab nears the viewport and mounts it when opened, plus the
// "Run" buttons on the lesson's command blocks. Pages without a lab never load this file.
import type { LabController } from './lab-app';

type Loaded = [typeof import('./lab-app'), typeof import('./sim-backend')];
let chunk: Promise<Loaded> | null = null;
function load(): Promise<Loaded> {
  chunk ??= Promise.all([import('./lab-app'), import('./sim-backend')]);
  return chunk;
}

export class ManifestLabElement extends HTMLElement {
  controller: LabController | null = null;
  private opening: Promise<LabController> | null = null;
  private observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-lab-open]');
    button?.removeAttribute('disabled');
    button?.addEventListener('click', () => { void this.open().then((c) => c.focusTerminal()); });
    if (this.dataset.autostart !== undefined) { void this.open(); return; }
    if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { this.observer?.disconnect(); void load().catch(() => undefined); }
      }, { rootMargin: '300px' });
      this.observer.observe(this);
    }
  }

  disconnectedCallback(): void { this.observer?.disconnect(); }

  open(): Promise<LabController> {
    if (this.opening) return this.opening;
    const status = this.querySelector<HTMLElement>('[data-lab-status]');
    if (status) status.textContent = 'Loading the lab…';
    const t0 = performance.now();
    performance.mark('lab:open-start');
    this.opening = load().then(async ([{ mountLab }, { createSimBackend, LAB_TABS }]) => {
      performance.mark('lab:chunk-loaded');
      const host = this.querySelector<HTMLElement>('[data-lab-host]') ?? this;
      const tabs = this.dataset.tabs ? (JSON.parse(this.dataset.tabs) as string[]) : LAB_TABS;
      const setup = this.dataset.setup ? (JSON.parse(this.dataset.setup) as string[]) : [];
      const playground = this.dataset.mode === 'playground';
      const controller = await mountLab(host, {
        mode: playground ? 'playground' : 'inline', tabs, setup,
        createBackend: (seed) => createSimBackend({ seed }),
        storageKey: playground ? 'manifest-lab:playground:v1' : undefined,
        useHash: playground,
        label: this.dataset.label,
      });
      this.controller = controller;
      this.querySelector('[data-lab-fallback]')?.setAttribute('hidden', '');
      this.querySelector('[data-lab-bootbar]')?.setAttribute('hidden', '');
      this.dataset.state = 'ready';
      performance.measure?.('lab:open', { start: t0, end: performance.now() });
      this.dispatchEvent(new CustomEvent('manifest-lab:ready', { bubbles: true, detail: controller }));
      return controller;
    }).catch((e: unknown) => {
      this.opening = null;
      if (status) status.textContent = `The lab could not start (${String((e as Error)?.message ?? e)}). The commands below still work on a real cluster.`;
      throw e;
    });
    return this.opening;
  }

  /** Types `command` into this lab's terminal, opening the lab first if needed. */
  async run(command: string): Promise<void> {
    const c = await this.open();
    this.scrollIntoView({ block: 'nearest' });
    c.run(command);
  }
}

if (!customElements.get('manifest-lab')) customElements.define('manifest-lab', ManifestLabElement);

// Run buttons on the page's command blocks (they find this element, or an exercise lab).
import './run-buttons';
