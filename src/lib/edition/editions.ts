/** The three editions of the site (English, French, Simplified Chinese): their codes, locales and URL prefixes, in one table. */

export const LANGS = ['en', 'fr', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'en';

export interface EditionFacts {
  lang: Lang;
  /** The html lang attribute and hreflang value: Chinese is written in simplified characters. */
  htmlLang: string;
  /** BCP 47 locale for Intl number, date, list and collation formats. */
  locale: string;
  /** Path prefix under the site's base: '' for English at the root, 'fr/' and 'zh/' for the others. */
  prefix: string;
  /** Open Graph locale (og:locale). */
  ogLocale: string;
}

export const EDITIONS: Readonly<Record<Lang, EditionFacts>> = {
  en: { lang: 'en', htmlLang: 'en', locale: 'en-GB', prefix: '', ogLocale: 'en_GB' },
  fr: { lang: 'fr', htmlLang: 'fr', locale: 'fr-FR', prefix: 'fr/', ogLocale: 'fr_FR' },
  zh: { lang: 'zh', htmlLang: 'zh-Hans', locale: 'zh-Hans-CN', prefix: 'zh/', ogLocale: 'zh_CN' },
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The edition a site-relative path belongs to ('fr/data/' → 'fr'; 'data/' → 'en'). */
export function langOfPath(path: string): Lang {
  const first = path.replace(/^\/+/, '').split('/')[0];
  return first !== undefined && first !== DEFAULT_LANG && isLang(first) ? first : DEFAULT_LANG;
}

/** The same page in another edition: strips this edition's prefix and adds the other's ('fr/data/' → 'zh/data/'). */
export function pathInEdition(path: string, lang: Lang): string {
  const bare = path.replace(/^\/+/, '');
  const from = langOfPath(bare);
  const rest = from === DEFAULT_LANG ? bare : bare.slice(EDITIONS[from].prefix.length);
  return `${EDITIONS[lang].prefix}${rest}`;
}

/** getStaticPaths params for a page that exists in every edition under src/pages/[...lang]/: undefined is English at the root. */
export function editionPaths(): { params: { lang: string | undefined } }[] {
  return LANGS.map((lang) => ({ params: { lang: lang === DEFAULT_LANG ? undefined : lang } }));
}

/** The edition from a [...lang] route parameter (undefined → English); anything else is a build error. */
export function langFromParam(param: string | undefined): Lang {
  if (param === undefined || param === '') return DEFAULT_LANG;
  if (isLang(param) && param !== DEFAULT_LANG) return param;
  throw new Error(`Unknown edition "${param}" in the URL; editions are ${LANGS.join(', ')}.`);
}
