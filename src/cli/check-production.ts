/**
 * `npm run build:production` runs this first: a build meant for the public refuses to start until the settings only a
 * deployment can give are there, so no embed code, canonical link or corrections note ships pointing nowhere.
 *   - SITE_URL: the public address (https://…), written into canonical links, og:image, oEmbed and every embed code.
 *     Local builds use http://localhost:4321 instead (see astro.config.mjs).
 *   - correctionsContact in content/site.json: where readers send corrections (src/lib/site-config.ts).
 */
import { siteConfig } from '../lib/site-config.ts';

const problems: string[] = [];
const raw = process.env['SITE_URL']?.trim() ?? '';

if (raw === '') {
  problems.push(
    'SITE_URL is not set. Give the address the site is published at, for example:\n' +
      '    SITE_URL=https://news.example.com npm run build:production\n' +
      '  (add BASE_PATH=/explainer/ when it lives under a sub-path).',
  );
} else {
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`SITE_URL "${raw}" is not a web address: it must start with https:// (for example https://news.example.com).`);
  }
  if (url) {
    if (url.protocol !== 'https:') problems.push(`SITE_URL "${raw}" must start with https://: embeds and og:image need it on other sites.`);
    if (/^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(url.hostname)) problems.push(`SITE_URL "${raw}" is a local address; give the public one.`);
    if (/(^|\.)example\.(org|com|net)$/.test(url.hostname)) problems.push(`SITE_URL "${raw}" is a placeholder domain; give the real one.`);
    if (url.pathname !== '/' || url.search || url.hash) {
      problems.push(`SITE_URL "${raw}" must be the origin only (https://news.example.com); put a sub-path in BASE_PATH=/explainer/.`);
    }
  }
}

if (siteConfig.correctionsContact === null) {
  problems.push(
    'content/site.json has no corrections contact. Set "correctionsContact" to where readers send corrections, e.g.\n' +
      '    { "correctionsContact": "mailto:corrections@your-newsroom.example" }\n' +
      '  (an https:// page works too).',
  );
}

if (problems.length > 0) {
  console.error(`Not building for production: ${problems.length === 1 ? 'one setting is' : `${String(problems.length)} settings are`} missing or wrong.\n`);
  for (const problem of problems) console.error(`  - ${problem}\n`);
  process.exit(1);
}
console.log(`Production settings OK: SITE_URL ${raw}, corrections contact ${siteConfig.correctionsContact ?? ''}.`);
