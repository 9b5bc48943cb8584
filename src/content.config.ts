/** Content collections: chapters (content/chapters/) and page prose (content/pages/), written by editors as MDX. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_COLLECTIONS } from './lib/content-schema.ts';

// The schemas live in lib/content-schema.ts so that `npm run build` can check every file against them first and
// report all problems with their line numbers (src/lib/content-check.ts).
const { chapters, pages } = CONTENT_COLLECTIONS;

// Ids are file paths without the extension ("01-what-they-are", "fr/01-what-they-are"): the glob loader's default
// would take the frontmatter `slug`, which every edition of a chapter shares, so translations would replace each other.
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

export const collections = {
  chapters: defineCollection({ loader: glob({ base: `./${chapters.base}`, pattern: '**/*.mdx', generateId: idFromPath }), schema: chapters.schema }),
  pages: defineCollection({ loader: glob({ base: `./${pages.base}`, pattern: '**/*.mdx', generateId: idFromPath }), schema: pages.schema }),
};
