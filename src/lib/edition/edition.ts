/**
 * The edition object every page and component receives: its language, interface strings and every Intl format
 * (numbers, dates, lists, sorting, country names), so no component falls back to English on its own.
 */
import { formatNumber, formatPartialDate } from '../format.ts';
import { t as translate, type UiKey } from '../i18n.ts';
import { alpha3ToAlpha2 } from '../geo/iso.ts';
import { withBase } from '../url.ts';
import { DEFAULT_LANG, EDITIONS, LANGS, pathInEdition, type EditionFacts, type Lang } from './editions.ts';

export interface Edition extends EditionFacts {
  /** Interface string with {placeholders} filled, from content/ui/<lang>.json. */
  t(key: UiKey, vars?: Record<string, string | number>): string;
  /** A count or figure in the edition's digits and grouping (230,000 / 230 000 / 230,000). */
  number(value: number): string;
  /** A partial ISO date ("2022", "2022-10", "2022-10-26") at its own precision. */
  date(text: string, style?: 'long' | 'short'): string;
  /** "A, B and C" / « A, B et C » / “A、B和C”. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** Sorts names the way the edition's readers expect (accents, pinyin order for Chinese). */
  compare(a: string, b: string): number;
  /** The country's name in this edition from its ISO alpha-3 code; `fallback` when Intl has none. */
  countryName(iso3: string, fallback: string): string;
  /** Site-relative path of a page in this edition ('data/' → 'fr/data/'); the base path is not included. */
  path(pagePath: string): string;
  /** Link to a page in this edition, with the base path ('data/' → '/fr/data/'). */
  href(pagePath: string): string;
}

const cache = new Map<Lang, Edition>();

/** The edition for a language; one shared object per language. */
export function editionOf(lang: Lang): Edition {
  const cached = cache.get(lang);
  if (cached) return cached;
  const facts = EDITIONS[lang];
  const lists = new Map<string, Intl.ListFormat>();
  const collator = new Intl.Collator(facts.locale, { sensitivity: 'base', numeric: true });
  const regionNames = new Intl.DisplayNames([facts.locale], { type: 'region', fallback: 'none' });
  const edition: Edition = {
    ...facts,
    t: (key, vars = {}) => translate(key, vars, lang),
    number: (value) => formatNumber(value, facts.locale),
    date: (text, style = 'long') => formatPartialDate(text, facts.locale, style),
    list(items, type = 'conjunction') {
      let format = lists.get(type);
      if (!format) {
        format = new Intl.ListFormat(facts.locale, { style: 'long', type });
        lists.set(type, format);
      }
      return format.format(items);
    },
    compare: (a, b) => collator.compare(a, b),
    countryName(iso3, fallback) {
      // English keeps the names our data gives (they are the ones the sources use: "Czech Republic", "South Korea").
      if (lang === DEFAULT_LANG) return fallback;
      const alpha2 = alpha3ToAlpha2(iso3);
      return (alpha2 && regionNames.of(alpha2)) || fallback;
    },
    path: (pagePath) => pathInEdition(pagePath, lang),
    href: (pagePath) => withBase(pathInEdition(pagePath, lang)),
  };
  cache.set(lang, edition);
  return edition;
}

/** Every edition, English first. */
export function allEditions(): Edition[] {
  return LANGS.map(editionOf);
}

interface AstroLike {
  props: object;
  locals: object;
}

/**
 * The edition a component renders in: its `edition` prop, or the one its page stored in Astro.locals (components
 * placed inside MDX cannot be handed props by the page). Never a silent English default: a component rendered
 * outside a page that set one is a build error.
 */
export function editionFor(astro: AstroLike): Edition {
  const fromProps = (astro.props as { edition?: Edition }).edition;
  if (fromProps) {
    // A chart rendered on its own (chart images, tests) passes its edition to the components inside it this way.
    (astro.locals as { edition?: Edition }).edition ??= fromProps;
    return fromProps;
  }
  const fromLocals = (astro.locals as { edition?: Edition }).edition;
  if (fromLocals) return fromLocals;
  throw new Error('This component needs an edition: pass edition={…} or render it inside a page that calls setEdition().');
}

/** Called once at the top of each page: the edition its components (including those in MDX) render in. */
export function setEdition(astro: AstroLike, edition: Edition): Edition {
  (astro.locals as { edition?: Edition }).edition = edition;
  return edition;
}
