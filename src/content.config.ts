import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

/**
 * One MDX lesson per section of the source document, in its order.
 * `order` drives the sidebar and previous/next; `section` names the source document's heading the lesson follows
 * (tests/unit/lessons.test.ts checks every section has a lesson); `labs` lists scenario ids from src/scenarios.
 */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/lessons' }),
  schema: z.object({
    title: z.string().min(1),
    order: z.number().int().positive(),
    section: z.string().min(1),
    goal: z.string().min(1).max(200),
    summary: z.string().min(1).max(300),
    labs: z.array(z.string()).default([]),
  }),
});

export const collections = { lessons };
