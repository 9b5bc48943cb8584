// Astro configuration: site and base path come from the environment so the same build serves
// at a domain root or under a sub-path (see README "Deploying under a sub-path").
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

const site = process.env.SITE_URL ?? 'https://example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  // Shiki injects inline styles, which a hashed CSP would block (checks.md S1).
  markdown: { syntaxHighlight: false },
  security: { csp: true },
  devToolbar: { enabled: false },
});
