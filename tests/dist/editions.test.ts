// The French and Chinese editions as readers and search engines meet them: every English page has its twins, each in
// its language (lang, switcher, hreflang), with the same numbers from data/, French and Chinese typography, and no
// English interface text left in them.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, builtPage, expectBuilt } from '../helpers/dist.ts';

const built = expectBuilt();
const EDITIONS = [
  { lang: 'en', prefix: '', htmlLang: 'en' },
  { lang: 'fr', prefix: 'fr/', htmlLang: 'fr' },
  { lang: 'zh', prefix: 'zh/', htmlLang: 'zh-Hans' },
] as const;

/** Every built HTML file, relative to dist/. */
const htmlFiles = built
  ? readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
const editionOf = (file: string) => (file.startsWith('fr/') ? 'fr' : file.startsWith('zh/') ? 'zh' : 'en');
const englishPages = htmlFiles.filter((f) => editionOf(f) === 'en' && !f.startsWith('embed-preview/'));
const ui = (lang: string) => JSON.parse(readFileSync(path.resolve('content/ui', `${lang}.json`), 'utf8')) as Record<string, string>;

/** The text a reader reads: body text without scripts, styles, code, embed snippets and data attributes. */
function readerText(file: string): string {
  const $ = builtPage(file);
  const body = $('body').clone();
  body.find('script, style, textarea, code, pre, svg title, [hidden]').remove();
  // Names of sources stay in their original language, as do the language switcher's names of languages.
  body.find('.lang-switch, [lang="en"]').remove();
  body.find('cite').replaceWith('‹title›');
  // Only ASCII whitespace is folded: the narrow no-break spaces of French typography are what some tests look for.
  return body.text().replace(/[ \t\r\n]+/g, ' ');
}

describe('every page exists in French and Chinese', () => {
  test('each English page has a French and a Chinese twin at the same path under /fr/ and /zh/', () => {
    expect(englishPages.length).toBeGreaterThan(50);
    const missing = englishPages.flatMap((file) => ['fr/', 'zh/'].map((p) => `${p}${file}`)).filter((f) => !existsSync(path.join(DIST, f)));
    expect(missing).toEqual([]);
    expect(htmlFiles.filter((f) => editionOf(f) !== 'en').length).toBe(englishPages.length * 2);
  });

  for (const file of englishPages.filter((f) => !f.startsWith('embed/')).slice(0, 400)) {
    test(`${file}: lang, switcher and hreflang in all three editions`, () => {
      for (const edition of EDITIONS) {
        const twin = `${edition.prefix}${file}`;
        const $ = builtPage(twin);
        expect($('html').attr('lang'), twin).toBe(edition.htmlLang);
        if (file === '404.html') continue;
        const alternates = Object.fromEntries($('link[rel="alternate"][hreflang]').map((_, el) => [[$(el).attr('hreflang'), $(el).attr('href')]]).get() as [string, string][]);
        expect(Object.keys(alternates).sort(), twin).toEqual(['en', 'fr', 'x-default', 'zh-Hans']);
        for (const other of EDITIONS) {
          const url = new URL(alternates[other.htmlLang]!);
          expect(url.pathname.replace(/^\//, ''), `${twin} → ${other.lang}`).toBe(`${other.prefix}${file.replace(/index\.html$/, '')}`);
        }
        expect(alternates['x-default']).toBe(alternates['en']);
        const switcher = $('.lang-switch a');
        expect(switcher.length, twin).toBe(3);
        expect($('.lang-switch a[aria-current="true"]').attr('hreflang'), twin).toBe(edition.htmlLang);
        switcher.each((_, el) => {
          const target = `${$(el).attr('href')!.replace(/^\//, '')}index.html`;
          expect(existsSync(path.join(DIST, target)), `${twin}: switcher → ${target}`).toBe(true);
        });
      }
    });
  }
});

describe('the three editions print the same numbers from data/', () => {
  for (const file of englishPages.filter((f) => /^[a-z-]+\/index\.html$/.test(f) || f === 'index.html')) {
    test(`${file}: every figure and count`, () => {
      const values = (twin: string) => {
        const $ = builtPage(twin);
        // The first number in each figure or count (cards also print dates), in any order: sentences differ.
        return $('[data-figure], [data-metric]')
          .map((_, el) => `${$(el).attr('data-figure') ?? $(el).attr('data-metric')}=${(/\d[\d\u202f\u00a0,.]*/.exec($(el).text())?.[0] ?? '').replace(/\D/g, '')}`)
          .get()
          .sort();
      };
      const english = values(file);
      for (const prefix of ['fr/', 'zh/']) expect(values(`${prefix}${file}`), `${prefix}${file}`).toEqual(english);
    });
  }
});

describe('written in the language', () => {
  const english = ui('en');
  for (const lang of ['fr', 'zh'] as const) {
    const own = ui(lang);
    // English interface strings of three words or more that this edition translates differently.
    // (A title such as "Patrol and Persuade" may stay in a translation, in parentheses after the translated one.)
    const overlays = readdirSync(path.resolve('data/i18n', lang)).map((f) => readFileSync(path.resolve('data/i18n', lang, f), 'utf8'));
    const ownText = [...Object.values(own), ...overlays].join('\n');
    const englishOnly = Object.entries(english)
      .filter(([key, text]) => text.split(' ').length >= 3 && own[key] !== text && !text.includes('{') && !ownText.includes(text))
      .map(([, text]) => text);
    const pages = htmlFiles.filter((f) => editionOf(f) === lang);
    test(`${lang}: no English interface string on any of its ${pages.length} pages`, () => {
      const found = pages.flatMap((file) => {
        const text = readerText(file);
        return englishOnly.filter((s) => text.includes(s)).map((s) => `${file}: "${s}"`);
      });
      expect(found).toEqual([]);
    });
  }

  test('zh: chapters are written in Chinese characters, not English', () => {
    for (const file of htmlFiles.filter((f) => /^zh\/[a-z-]+\/index\.html$/.test(f) && !/countries|data|sources|embed/.test(f))) {
      const text = builtPage(file)('main .prose > p').text();
      const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
      const latinWords = (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).length;
      expect(han, file).toBeGreaterThan(1000);
      // Outlet and report names stay in Latin letters; running text does not.
      expect(latinWords / han, file).toBeLessThan(0.12);
    }
  });

  test('fr: narrow no-break space before ; : ! ? and inside « », never a plain or missing space', () => {
    const problems = htmlFiles
      .filter((f) => editionOf(f) === 'fr')
      .flatMap((file) => {
        const text = readerText(file).replace(/https?:\/\/\S+/g, '').replace(/\d{1,2}:\d{2}/g, '');
        // A mark glued to a word counts only when a space follows it ("WoW!Korea", times and addresses are names).
        const bad = text.match(/.{0,20}(?:[^\s\u202f\u00a0][;:!?](?=[\s\u202f]|$)|[^\s\u202f\u00a0]»|[ \u00a0][;:!?»]|«[^\u202f\u00a0]|« ).{0,10}/g) ?? [];
        return bad.filter((m) => !/[A-Za-z]:\/\//.test(m)).map((m) => `${file}: …${m}…`);
      });
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test('fr: numbers grouped with narrow no-break spaces (230 000)', () => {
    const text = readerText('fr/index.html');
    expect(text).toContain('230\u202f000');
    expect(text).not.toMatch(/\d,\d{3}\b/);
  });

  test('zh: full-width punctuation next to Chinese characters', () => {
    const problems = htmlFiles
      .filter((f) => editionOf(f) === 'zh')
      .flatMap((file) => (readerText(file).match(/.{0,12}\p{Script=Han}[,;:!?](?!\d).{0,12}/gu) ?? []).map((m) => `${file}: ${m}`));
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('embeds per language', () => {
  for (const lang of ['fr', 'zh'] as const) {
    test(`${lang}: every embed page, its oEmbed document and its image are in the edition`, () => {
      const embeds = htmlFiles.filter((f) => f.startsWith(`${lang}/embed/`));
      expect(embeds.length).toBe(htmlFiles.filter((f) => f.startsWith('embed/')).length);
      for (const file of embeds) {
        const dir = path.dirname(file);
        const oembed = JSON.parse(readFileSync(path.join(DIST, dir, 'oembed.json'), 'utf8')) as { html: string; title: string; provider_name: string; thumbnail_url: string };
        expect(oembed.provider_name).toBe(ui(lang)['site.title']);
        expect(oembed.html).toContain(`/${lang}/embed/`);
        expect(new URL(oembed.thumbnail_url).pathname).toMatch(new RegExp(`^/${lang}/images/`));
        expect(builtPage(file)('html').attr('lang')).toBe(lang === 'zh' ? 'zh-Hans' : 'fr');
        expect(existsSync(path.join(DIST, new URL(oembed.thumbnail_url).pathname))).toBe(true);
      }
    });
  }
});
