/**
 * On narrow screens the course outline is a disclosure opened by the header's "Lessons" button
 * (aria-expanded/aria-controls); Escape closes it and returns focus to the button. Wide screens ignore it.
 */
const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
const nav = document.getElementById(button?.getAttribute('aria-controls') ?? '');

if (button && nav) {
  const set = (open: boolean, focusButton = false) => {
    nav.classList.toggle('is-open', open);
    button.setAttribute('aria-expanded', String(open));
    if (open) (nav.querySelector<HTMLElement>('[aria-current="page"]') ?? nav.querySelector<HTMLElement>('a'))?.focus({ preventScroll: true });
    if (!open && focusButton) button.focus();
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') set(false, true);
  });
  // Close when focus or a click leaves both the outline and its button.
  document.addEventListener('click', (event) => {
    const target = event.target as Node;
    if (button.getAttribute('aria-expanded') === 'true' && !nav.contains(target) && !button.contains(target)) set(false);
  });
}
