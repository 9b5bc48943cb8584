/** Content collections: chapters (content/chapters/) and page prose (content/pages/), written by editors as MDX. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const chapters = defineCollection({
  loader: glob({ base: './content/chapters', pattern: '*.mdx' }),
  schema: z
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
    .strict(),
});

/** Prose for non-chapter pages (e.g. the data & method page), so editors change words without touching code. */
const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: '*.mdx' }),
  schema: z
    .object({
      title: z.string().trim().min(1),
      description: z.string().trim().min(1).max(160),
    })
    .strict(),
});

export const collections = { chapters, pages };
