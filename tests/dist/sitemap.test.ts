// The sitemap lists every page a reader can land on (chapters, country pages, data, sources) and no embed.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, expectBuilt } from '../helpers/dist.ts';

const built = expectBuilt();

function sitemapPaths(): string[] {
  const index = readFileSync(path.join(DIST, 'sitemap-index.xml'), 'utf8');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => path.basename(new URL(m[1]!).pathname));
  return files.flatMap((file) => [...readFileSync(path.join(DIST, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
}

describe('sitemap', () => {
  test('exists', () => {
    expect(built && existsSync(path.join(DIST, 'sitemap-index.xml'))).toBe(true);
  });

  test('lists every built page except embeds, the embed previewer and the 404 page', () => {
    const base = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
    const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('index.html') && !/^((fr|zh)\/)?embed(-preview)?\//.test(file))
      .map((file) => `${base}${file.slice(0, -'index.html'.length)}`)
      .sort();
    const listed = sitemapPaths().sort();
    expect(listed).toEqual(pages);
    expect(listed.some((p) => p.includes('/countries/'))).toBe(true);
  });

  test('names every page in all three languages, with hreflang alternates', () => {
    const xml = readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8');
    const paths = sitemapPaths();
    for (const lang of ['fr', 'zh']) expect(paths.filter((p) => p.includes(`/${lang}/`)).length, lang).toBe(paths.filter((p) => !/\/(fr|zh)\//.test(p)).length);
    expect(xml).toMatch(/hreflang="zh-Hans"/);
    expect(xml).toMatch(/hreflang="fr"/);
  });
});
