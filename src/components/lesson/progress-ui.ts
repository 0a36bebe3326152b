/**
 * Paints progress into the server-rendered page: outline marks (with their screen-reader text), the "n of N done"
 * count, the lesson's "Mark lesson done" button and the home page's "Continue" link. Marks the current lesson
 * visited. Everything it touches is found by data attributes, so the page is complete without it.
 */
import {
  STATUS_LABEL, continueLesson, getProgress, lessonStatus, markDone, markNotDone, markVisited, subscribe, type Progress,
} from './progress';

function paint(progress: Progress): void {
  const items = [...document.querySelectorAll<HTMLElement>('[data-progress-slug]')];
  for (const el of items) {
    const status = lessonStatus(progress, el.dataset.progressSlug ?? '');
    el.dataset.status = status;
    const label = el.querySelector('[data-status-label]');
    if (label) label.textContent = STATUS_LABEL[status];
  }

  const slugs = [...new Set(items.map((el) => el.dataset.progressSlug ?? ''))].filter(Boolean);
  const done = slugs.filter((s) => lessonStatus(progress, s) === 'done').length;
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-count]')) el.textContent = `${done} of ${slugs.length} done`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-meter]')) el.style.width = `${slugs.length ? (100 * done) / slugs.length : 0}%`;

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-done-button]')) {
    const isDone = lessonStatus(progress, button.dataset.slug ?? '') === 'done';
    button.dataset.state = isDone ? 'done' : 'not-done';
    button.textContent = isDone ? 'Mark as not done' : 'Mark lesson done';
    const note = button.closest('section')?.querySelector('[data-done-note]');
    if (note) note.textContent = isDone ? '✓ You marked this lesson done.' : 'Finished reading? Mark the lesson done; the outline keeps track.';
  }

  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-continue]')) {
    const next = continueLesson(progress, slugs);
    const target = next ? document.querySelector<HTMLAnchorElement>(`[data-progress-slug="${CSS.escape(next)}"]`) : null;
    if (next && target) {
      link.setAttribute('href', target.getAttribute('href') ?? target.href);
      const title = link.querySelector('[data-continue-title]');
      if (title) title.textContent = target.querySelector('.outline-title')?.firstChild?.textContent?.trim() ?? next;
      link.hidden = false;
    } else {
      link.hidden = true;
    }
  }
}

const current = document.body.dataset.lessonSlug;
if (current) markVisited(current);
paint(getProgress());
subscribe(paint);

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-done-button]')) {
  button.addEventListener('click', () => {
    const slug = button.dataset.slug ?? '';
    if (lessonStatus(getProgress(), slug) === 'done') markNotDone(slug);
    else markDone(slug);
  });
}
