/**
 * Frontmatter rules and allowed components for the MDX that editors write. src/content.config.ts gives the schemas to
 * Astro; src/lib/content-check.ts checks every file against the same rules before a build, with line numbers.
 */
import { z } from 'astro/zod';

export const chapterSchema = z
  .object({
    title: z.string().trim().min(1),
    /** Shown on the front page and as the meta description: keep it short enough for search results. */
    description: z.string().trim().min(1).max(160),
    /** Reading order, 1 for the first chapter. */
    order: z.number().int().positive(),
    /** The chapter's URL segment, e.g. "what-they-are" → /what-they-are/. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    // No `updated` date here: the date readers see comes from data/corrections.json, so it cannot
    // drift from the public log of what changed.
  })
  .strict();

/** Prose for non-chapter pages (e.g. the data & method page), so editors change words without touching code. */
export const pageSchema = z
  .object({
    title: z.string().trim().min(1),
    description: z.string().trim().min(1).max(160),
  })
  .strict();

/**
 * Each collection's folder, schema and the components its pages pass to <Content components={…}>
 * (src/pages/[chapter].astro, src/pages/data/index.astro). Keep `components` in step with those pages: a name
 * missing here fails the build with "not a component", a name missing there renders as an error.
 */
export const CONTENT_COLLECTIONS = {
  chapters: {
    base: 'content/chapters',
    schema: chapterSchema,
    components: ['Cite', 'Stat', 'Count', 'WorldMap', 'Timeline', 'TimelineStep', 'EventLog'],
  },
  pages: {
    base: 'content/pages',
    schema: pageSchema,
    components: ['Cite', 'Stat', 'Count'],
  },
} as const;
