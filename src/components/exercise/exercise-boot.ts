// The <exercise-lab> element, the only exercise code a lesson page loads up front (a few hundred bytes): it fetches
// the exercise chunk (scenarios, goals, panel) and the lab chunk when the lab nears the viewport, and mounts them
// when "Open lab" is pressed (at once with data-autostart). `?at=N` in the page URL opens the lab with the first N
// solution steps done.
import type { LabController } from '../lab/lab-app';

type Chunk = typeof import('./exercise-mount');
let chunk: Promise<Chunk> | null = null;
function load(): Promise<Chunk> {
  chunk ??= import('./exercise-mount');
  return chunk;
}

export class ExerciseLabElement extends HTMLElement {
  /** The mounted lab (the lessons' Run buttons type into controller.run); replaced on reset. */
  controller: LabController | null = null;
  private opening: Promise<void> | null = null;
  private observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    const btn = this.querySelector<HTMLButtonElement>('[data-exercise-open]');
    btn?.removeAttribute('disabled');
    btn?.addEventListener('click', () => { void this.open().then(() => this.controller?.focusTerminal()); });
    if (this.dataset.autostart !== undefined) { void this.open(); return; }
    if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { this.observer?.disconnect(); void load().catch(() => undefined); }
      }, { rootMargin: '300px' });
      this.observer.observe(this);
    }
  }

  disconnectedCallback(): void { this.observer?.disconnect(); }

  open(): Promise<void> {
    this.opening ??= this.start().catch((e: unknown) => {
      this.opening = null;
      const status = this.querySelector<HTMLElement>('[data-exercise-status]');
      if (status) status.textContent = `The lab could not start (${String((e as Error)?.message ?? e)}). The commands still work on a real cluster.`;
    });
    return this.opening;
  }

  private async start(): Promise<void> {
    const status = this.querySelector<HTMLElement>('[data-exercise-status]');
    if (status) status.textContent = 'Loading the lab…';
    const at = Number(new URLSearchParams(location.search).get('at') ?? '0');
    const { mountExerciseLab } = await load();
    const host = this.querySelector<HTMLElement>('[data-exercise-host]') ?? this;
    const { controller, panel } = await mountExerciseLab(host, this.dataset.scenario ?? '', at, (c) => { this.controller = c; });
    this.querySelector('[data-exercise-bootbar]')?.setAttribute('hidden', '');
    this.dataset.state = 'ready';
    this.dispatchEvent(new CustomEvent('exercise-lab:ready', { bubbles: true, detail: { controller, panel } }));
  }
}

if (!customElements.get('exercise-lab')) customElements.define('exercise-lab', ExerciseLabElement);
