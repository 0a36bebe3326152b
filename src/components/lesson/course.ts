import { getCollection, type CollectionEntry } from 'astro:content';

/** One lesson as the frame needs it: for the outline, previous/next and the home page. */
export interface LessonLink {
  slug: string;
  order: number;
  title: string;
  summary: string;
  href: string;
}

/** Joins a site path onto Astro's base (so the site also works when served from a sub-path). */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  return `${base}/${path.replace(/^\/+/, '')}`;
}

export function lessonHref(slug: string): string {
  return sitePath(`lessons/${slug}/`);
}

/** All lessons in course order (frontmatter `order`, then slug to keep ties stable). */
export async function getLessons(): Promise<CollectionEntry<'lessons'>[]> {
  const lessons = await getCollection('lessons');
  return lessons.sort((a: CollectionEntry<'lessons'>, b: CollectionEntry<'lessons'>) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

export async function getOutline(): Promise<LessonLink[]> {
  return (await getLessons()).map((entry) => ({
    slug: entry.id,
    order: entry.data.order,
    title: entry.data.title,
    summary: entry.data.summary,
    href: lessonHref(entry.id),
  }));
}
