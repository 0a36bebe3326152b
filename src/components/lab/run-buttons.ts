// "Run" buttons on a lesson's command blocks (next to the frame's Copy button): a click types the command into
// the nearest lab's terminal, opening the lab first if needed. Loaded only on pages that have a lab.
import { onCommandBlock } from '../lesson/command-blocks';

interface RunnableLab extends HTMLElement {
  open(): Promise<unknown>;
  controller?: { run(command: string): void } | null;
}

const LAB_SELECTOR = 'manifest-lab, exercise-lab';

/** The lab a command block belongs to: the nearest lab before it in the page, else the first one after. */
export function labFor(pre: Element): RunnableLab | null {
  const labs = [...document.querySelectorAll<RunnableLab>(LAB_SELECTOR)];
  let chosen: RunnableLab | null = null;
  for (const lab of labs) {
    if (lab.contains(pre)) return lab;
    if (lab.compareDocumentPosition(pre) & Node.DOCUMENT_POSITION_FOLLOWING) chosen = lab;
  }
  return chosen ?? labs[0] ?? null;
}

export async function runInLab(lab: RunnableLab, command: string): Promise<void> {
  await customElements.whenDefined(lab.localName);
  await lab.open();
  lab.scrollIntoView({ block: 'nearest' });
  lab.controller?.run(command);
}

let installed = false;
export function installRunButtons(): void {
  if (installed || !document.querySelector(LAB_SELECTOR)) return;
  installed = true;
  onCommandBlock(({ pre, toolbar, command }) => {
    if (!command.trim() || toolbar.querySelector('[data-lab-run]')) return;
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.labRun = '';
    b.setAttribute('aria-label', 'Run in the lab terminal');
    b.textContent = '▶ Run';
    b.addEventListener('click', () => {
      const lab = labFor(pre);
      if (lab) void runInLab(lab, command).catch(() => undefined);
    });
    toolbar.append(b);
  });
}

installRunButtons();
