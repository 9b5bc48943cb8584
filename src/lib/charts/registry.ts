/**
 * The chart registry: every chart a page can place and another site can embed, in one table. The chapter pages
 * (through ChartBlock.astro and src/lib/charts/mdx.ts), the embed route (/embed/<id>/), its oEmbed document and the
 * static image (/images/<id>.png) all read it. Adding a chart is one entry here plus its component.
 *
 * Charts drawn once per country (the country card) are registered in PER_COUNTRY below: one entry gives every country
 * with a page its own /embed/<id>/<slug>/, oEmbed document and /images/<id>/<slug>.png.
 *
 * The chart components only draw: "Embed this chart" is added around them by ChartBlock.astro, and the static image
 * is drawn by a builder in src/lib/render-chart-image.ts, so nothing here imports back into a chart.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import WorldMap from '../../components/charts/WorldMap.astro';
import Timeline from '../../components/charts/Timeline.astro';
import HeadlineFigures from '../../components/charts/HeadlineFigures.astro';
import CountryCard from '../../components/country/CountryCard.astro';
import { countryImage, figuresImage, mapImage, timelineImage, type ChartImage, type ChartImageBuilder } from '../render-chart-image.ts';
import type { CountryRef } from '../countries/countries.ts';
import { findCountryBySlug, getCountries } from '../countries/site.ts';
import { getSiteData } from '../site-data.ts';
import type { UiKey } from '../i18n.ts';
import type { Edition } from '../edition/edition.ts';
import { DEFAULT_EMBED_THEME, embedSnippet, embedUrls } from '../embeds.ts';
import { absoluteUrl } from '../url.ts';

export type { ChartImage } from '../render-chart-image.ts';

interface ChartDefinition {
  /** The component's name in MDX: chapters write <WorldMap /> and get the chart with its embed button. */
  mdxName: string;
  component: AstroComponentFactory;
  /** Interface-string key of the embed's title (its h1, the iframe title, the oEmbed title). */
  titleKey: UiKey;
  /** Site-relative path of the page where the chart is read in context (the embed's credit link and canonical). */
  canonicalPath: string;
  /**
   * Height of the pasted iframe before our script sizes it, and its height on sites that strip the script: at least
   * what the embed needs at 320 px wide, with about 10% to spare, so nothing is cut off (and the frame scrolls if it
   * ever is). tests/browser/embeds.test.ts measures the need and fails, naming this value, when data outgrows it.
   */
  fallbackHeight: number;
  /** Props that carry into the embed as query parameters (e.g. the map's view), applied by the embed page. */
  embedParams?: Record<string, readonly string[]>;
  /** Draws the static image (no-script fallback, og:image). */
  image: ChartImageBuilder;
}

const DEFINITIONS = {
  map: {
    mdxName: 'WorldMap',
    component: WorldMap,
    titleKey: 'embed.map.title',
    canonicalPath: 'how-countries-responded/',
    fallbackHeight: 1550,
    embedParams: { view: ['stations', 'responses'] },
    image: mapImage,
  },
  timeline: {
    mdxName: 'Timeline',
    component: Timeline,
    titleKey: 'embed.timeline.title',
    canonicalPath: 'how-countries-responded/#timeline',
    fallbackHeight: 1850,
    image: timelineImage,
  },
  figures: {
    mdxName: 'HeadlineFigures',
    component: HeadlineFigures,
    titleKey: 'embed.figures.title',
    canonicalPath: '',
    fallbackHeight: 1700,
    image: figuresImage,
  },
} as const satisfies Record<string, ChartDefinition>;

export type ChartId = keyof typeof DEFINITIONS;

interface PerCountryDefinition {
  /** Draws the chart for one country; it gets `country`, `embedded` and `headingLevel`. */
  component: AstroComponentFactory;
  /** Interface-string key of the embed's title; the string takes {country}. */
  titleKey: UiKey;
  /** Interface-string key of the "Embed this …" button on the country page. */
  embedThisKey: UiKey;
  /** Site-relative page where the chart is read in context, for one country. */
  canonicalPath: (country: CountryRef) => string;
  /** As for DEFINITIONS: the pasted iframe's height before our script sizes it (checked at 320 px by the browser tests). */
  fallbackHeight: number;
  /** Draws one country's static image (no-script fallback, og:image of the embed and of the country page). */
  image: (country: CountryRef, title: string, edition: Edition) => Promise<ChartImage>;
}

const PER_COUNTRY = {
  country: {
    component: CountryCard,
    titleKey: 'embed.country.title',
    embedThisKey: 'embed.country.this',
    canonicalPath: (country) => `countries/${country.slug}/`,
    fallbackHeight: 880,
    image: countryImage,
  },
} as const satisfies Record<string, PerCountryDefinition>;

export type PerCountryChartId = keyof typeof PER_COUNTRY;
/** What every embed is addressed by: a chart id ("map"), or a per-country chart and a slug ("country/ireland"). */
export type EmbedKey = ChartId | `${PerCountryChartId}/${string}`;

export interface PerCountryEntry {
  /** The embed key, "country/<slug>": the embed lives at /embed/<id>/, its image at /images/<id>.png. */
  id: EmbedKey;
  chart: PerCountryChartId;
  country: CountryRef;
  component: AstroComponentFactory;
  title: string;
  /** The "Embed this …" button's words. */
  embedThis: string;
  canonicalPath: string;
  fallbackHeight: number;
}

export const PER_COUNTRY_CHART_IDS = Object.keys(PER_COUNTRY) as PerCountryChartId[];

/** One per-country chart for one country, in an edition (the country's name through Intl). */
export function perCountryEntry(chart: PerCountryChartId, country: CountryRef, edition: Edition): PerCountryEntry {
  const definition: PerCountryDefinition = PER_COUNTRY[chart];
  return {
    id: `${chart}/${country.slug}`,
    chart,
    country,
    component: definition.component,
    title: edition.t(definition.titleKey, { country: edition.countryName(country.iso3, country.name) }),
    embedThis: edition.t(definition.embedThisKey),
    canonicalPath: definition.canonicalPath(country),
    fallbackHeight: definition.fallbackHeight,
  };
}

/** getStaticPaths for the per-country embed routes: every per-country chart for every country with a page. */
export function perCountryPaths(): { params: { chart: PerCountryChartId; slug: string } }[] {
  return PER_COUNTRY_CHART_IDS.flatMap((chart) => getCountries().map((country) => ({ params: { chart, slug: country.slug } })));
}

/** The entry behind a per-country route's params; throws for a country without a page. */
export function perCountryFromParams(chart: string, slug: string, edition: Edition): PerCountryEntry {
  const country = findCountryBySlug(slug);
  if (!country || !Object.hasOwn(PER_COUNTRY, chart)) throw new Error(`No per-country chart "${chart}" for "${slug}".`);
  return perCountryEntry(chart as PerCountryChartId, country, edition);
}

/** Any embed's entry (the part the embed code and the oEmbed document need), by key. */
export function embedEntry(key: EmbedKey, edition: Edition): ChartEntry | PerCountryEntry {
  if (isChartId(key)) return chartEntry(key, edition);
  const [chart, slug] = key.split('/') as [string, string];
  return perCountryFromParams(chart, slug, edition);
}

export interface ChartEntry extends ChartDefinition {
  id: ChartId;
  title: string;
}

/** Every chart id, in registry order (the order of the embed previewer). */
export const CHART_IDS = Object.keys(DEFINITIONS) as ChartId[];

export function isChartId(value: string): value is ChartId {
  return Object.hasOwn(DEFINITIONS, value);
}

/** A chart's registry entry with its title in the edition's language. */
export function chartEntry(id: ChartId, edition: Edition): ChartEntry {
  const definition: ChartDefinition = DEFINITIONS[id];
  return { ...definition, id, title: edition.t(definition.titleKey) };
}

export function chartEntries(edition: Edition): ChartEntry[] {
  return CHART_IDS.map((id) => chartEntry(id, edition));
}

/**
 * The charts a chapter's MDX places, by component name, so its page can offer their oEmbed documents for discovery.
 * Matches `<WorldMap` as a JSX tag, not the word in prose.
 */
export function chartsInMdx(body: string): ChartId[] {
  return CHART_IDS.filter((id) => new RegExp(`<${DEFINITIONS[id].mdxName}[\\s/>]`).test(body));
}

/** oEmbed discovery links (Base.astro's `oembed` prop) for the charts a page places. */
export function oembedLinks(ids: readonly EmbedKey[], edition: Edition): { path: string; title: string }[] {
  return ids.map((id) => ({ path: edition.path(`embed/${id}/oembed.json`), title: embedEntry(id, edition).title }));
}

/** The embed URL's query parameters for the props a page gave the chart (only those the registry allows). */
export function embedQuery(id: EmbedKey, props: Record<string, unknown>): Record<string, string> {
  const allowed: Record<string, readonly string[]> = isChartId(id) ? ((DEFINITIONS[id] as ChartDefinition).embedParams ?? {}) : {};
  const query: Record<string, string> = {};
  for (const [name, values] of Object.entries(allowed)) {
    const value = props[name];
    if (typeof value === 'string' && values.includes(value) && value !== values[0]) query[name] = value;
  }
  return query;
}

// One render per chart per dataset: the PNG route, the embed page, the oEmbed document and every "Embed this chart"
// share it, and `npm run dev` draws again after data/ changes (getSiteData returns a new dataset object).
const images = new WeakMap<object, Map<EmbedKey, Promise<ChartImage>>>();

/** The static image of any embed in an edition: a chart id ("map") or a per-country key ("country/ireland"). */
export function renderChartImage(id: EmbedKey, edition: Edition): Promise<ChartImage> {
  const { dataset } = getSiteData(edition.lang);
  let perDataset = images.get(dataset);
  if (!perDataset) images.set(dataset, (perDataset = new Map()));
  let pending = perDataset.get(id);
  if (!pending) {
    if (isChartId(id)) {
      const entry = chartEntry(id, edition);
      pending = entry.image(entry.title, edition);
    } else {
      const entry = embedEntry(id, edition) as PerCountryEntry;
      pending = PER_COUNTRY[entry.chart].image(entry.country, entry.title, edition);
    }
    perDataset.set(id, pending);
  }
  return pending;
}

/**
 * The oEmbed document of any embed (a chart or a per-country card) in an edition: both oEmbed routes serve it, so
 * a CMS gets the same snippet "Embed this" shows.
 */
export async function oembedDocument(entry: ChartEntry | PerCountryEntry, edition: Edition, site: URL | undefined): Promise<Response> {
  const image = await renderChartImage(entry.id, edition);
  const urls = embedUrls(entry, site, edition);
  const body = {
    version: '1.0',
    type: 'rich',
    title: entry.title,
    provider_name: edition.t('site.title'),
    provider_url: absoluteUrl(edition.path(''), site),
    html: embedSnippet(entry, urls, { theme: DEFAULT_EMBED_THEME, alt: image.alt, imageHeight: image.height }),
    width: 1200,
    // The iframe's own height in the html: enough for the embed at 320 px, so a consumer that keeps it cuts nothing.
    height: entry.fallbackHeight,
    thumbnail_url: urls.image,
    thumbnail_width: image.width,
    thumbnail_height: image.height,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
}
