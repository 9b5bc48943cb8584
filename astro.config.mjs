// Astro configuration: site and base path come from the environment so the same build serves
// at a domain root or under a sub-path (see README "Building for production, and deploying under a sub-path").
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { mdxElementCheck } from './src/lib/content-check.ts';
import { watchData } from './src/lib/watch-data.ts';
import { editionNotFoundPages } from './src/lib/edition/not-found-pages.ts';

// Local builds and `npm start` use the local address, so nothing points at a placeholder domain; a build for the
// public goes through `npm run build:production`, which refuses to start without SITE_URL (src/cli/check-production.ts).
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    // Every reader-facing page; embeds and the embed previewer are framed pieces (noindex), not pages to find.
    sitemap({
      filter: (page) => !/\/(embed(-preview)?|404)\//.test(new URL(page).pathname),
      // Each page's French and Chinese twins as hreflang alternates, as the pages' own <link rel="alternate"> do.
      i18n: { defaultLocale: 'en', locales: { en: 'en', fr: 'fr', zh: 'zh-Hans' } },
    }),
    editionNotFoundPages(),
  ],
  // English at the root, French under /fr/, Chinese under /zh/ (src/lib/edition/editions.ts); the pages are generated
  // per edition by src/pages/[...lang]/, so Astro's routing only needs to know the locales (Astro.currentLocale).
  i18n: { locales: ['en', 'fr', 'zh'], defaultLocale: 'en', routing: { prefixDefaultLocale: false } },
  markdown: {
    // Shiki injects inline styles, which a hashed CSP would block (checks.md S1).
    syntaxHighlight: false,
    // Astro's default processor plus a check that stops `{typo}` or `<Cit>` with the chapter's file and line.
    processor: satteri({ mdastPlugins: [mdxElementCheck()] }),
  },
  security: { csp: true },
  devToolbar: { enabled: false },
  vite: {
    // `npm run dev`: reload pages and report problems when a data/ file changes (pages read data/ outside Vite).
    plugins: [watchData()],
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro itself (astro/dist/content/vite-plugin-content-assets.js) starts the wrapper module it makes for
          // each rendered MDX entry, `<file>.mdx?astroPropagatedAssets`, with the string "use astro:head-inject", and
          // Rolldown warns that it may drop such a directive when bundling (withastro/astro#18087, open). Nothing
          // reads it after bundling: Astro 7.3's head plugin (astro/dist/vite-plugin-head) finds these modules by
          // their id. So this one warning is dropped here; every other warning still reaches the log.
          const fromAstro = warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.endsWith('?astroPropagatedAssets');
          if (fromAstro && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
});
