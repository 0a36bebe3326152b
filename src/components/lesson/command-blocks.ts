/**
 * Enhances command blocks in lesson text: every Shiki `pre` in a shell language and every `pre[data-command]` gets
 * a toolbar with an accessible Copy button.
 *
 * Hook for the lab UI (to add e.g. a "Run" button next to Copy): each enhanced block dispatches a bubbling
 * `manifest-lab:command-block` CustomEvent from its `pre` with detail `{ pre, toolbar, command }`. Because the event
 * may fire before the lab's script runs, use `onCommandBlock(cb)`, which also reports blocks enhanced earlier (it
 * reads them from the DOM: `.cmd-block` wrappers, so it works across bundles).
 */
import { SCRIPT_LANGUAGES, SESSION_LANGUAGES, commandText } from './command-text';

export const COMMAND_BLOCK_EVENT = 'manifest-lab:command-block';

export interface CommandBlock {
  pre: HTMLPreElement;
  /** The flex row in the block's top-right corner; append buttons here. */
  toolbar: HTMLElement;
  /** The text the Copy button copies (prompts and output removed). */
  command: string;
}

const LANGS = [...SESSION_LANGUAGES, ...SCRIPT_LANGUAGES];
export const COMMAND_BLOCK_SELECTOR = [...LANGS.map((l) => `pre[data-language="${l}"]`), 'pre[data-command]'].join(',');

const COPY_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h8"/></svg>';

function textOf(pre: HTMLPreElement): string {
  const explicit = pre.dataset.command;
  if (explicit && explicit.trim()) return explicit.trim();
  return commandText(pre.textContent ?? '', pre.dataset.language ?? 'sh');
}

function liveRegion(): HTMLElement {
  let region = document.getElementById('copy-status');
  if (!region) {
    region = document.createElement('div');
    region.id = 'copy-status';
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  return region;
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is unavailable (plain http on a LAN). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall through to the legacy path */ }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  document.body.append(area);
  area.select();
  let ok = false;
  // Deprecated but still the only clipboard path outside secure contexts.
  try { ok = (document as { execCommand(command: string): boolean }).execCommand('copy'); } catch { ok = false; }
  area.remove();
  return ok;
}

function blockOf(wrapper: Element): CommandBlock | undefined {
  const pre = wrapper.querySelector<HTMLPreElement>(':scope > pre');
  const toolbar = wrapper.querySelector<HTMLElement>(':scope > .cmd-toolbar');
  return pre && toolbar ? { pre, toolbar, command: textOf(pre) } : undefined;
}

/** Enhances the command blocks under `root` that are not enhanced yet; returns the new ones. */
export function enhanceCommandBlocks(root: ParentNode = document): CommandBlock[] {
  const added: CommandBlock[] = [];
  for (const pre of root.querySelectorAll<HTMLPreElement>(COMMAND_BLOCK_SELECTOR)) {
    if (pre.parentElement?.classList.contains('cmd-block')) continue;
    const wrapper = document.createElement('div');
    wrapper.className = 'cmd-block';
    const toolbar = document.createElement('div');
    toolbar.className = 'cmd-toolbar';
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-label', 'Copy command');
    button.innerHTML = `${COPY_ICON}<span>Copy</span>`;
    let reset: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const ok = await copyText(textOf(pre));
      const label = button.querySelector('span');
      if (label) label.textContent = ok ? 'Copied' : 'Copy failed';
      button.dataset.state = ok ? 'copied' : 'failed';
      liveRegion().textContent = ok ? 'Copied' : 'Copy failed: select the text and copy it by hand';
      clearTimeout(reset);
      reset = setTimeout(() => {
        if (label) label.textContent = 'Copy';
        delete button.dataset.state;
        liveRegion().textContent = '';
      }, 2000);
    });
    toolbar.append(button);
    pre.replaceWith(wrapper);
    wrapper.append(pre, toolbar);
    const block: CommandBlock = { pre, toolbar, command: textOf(pre) };
    added.push(block);
    pre.dispatchEvent(new CustomEvent<CommandBlock>(COMMAND_BLOCK_EVENT, { bubbles: true, detail: block }));
  }
  return added;
}

/** Calls `callback` for every command block already enhanced and for each one enhanced later. */
export function onCommandBlock(callback: (block: CommandBlock) => void): () => void {
  for (const wrapper of document.querySelectorAll('.cmd-block')) {
    const block = blockOf(wrapper);
    if (block) callback(block);
  }
  const listener = (event: Event) => callback((event as CustomEvent<CommandBlock>).detail);
  document.addEventListener(COMMAND_BLOCK_EVENT, listener);
  return () => document.removeEventListener(COMMAND_BLOCK_EVENT, listener);
}
