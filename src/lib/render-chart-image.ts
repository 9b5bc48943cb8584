/**
 * Draws each chart's static image (the embed's no-script fallback and og:image) at build time: the chart's own SVG,
 * composed with its title, takeaway, legend and source by src/lib/chart-image.ts. One builder per chart; the chart
 * registry (src/lib/charts/registry.ts) names which builder belongs to which chart and caches the result.
 *
 * The map and timeline SVGs come from MapSvg.astro and TimelineSvg.astro, the same components the charts place on the
 * page, rendered on their own: the output is the chart's <svg> and nothing else, so no text from the data (a country
 * name in a search list, say) can be mistaken for it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import MapSvg from '../components/charts/MapSvg.astro';
import TimelineSvg from '../components/charts/TimelineSvg.astro';
import globalCss from '../styles/global.css?raw';
import mapCss from '../styles/map.css?raw';
import timelineCss from '../styles/timeline.css?raw';
import { headlineFigures } from './charts/headline-figures.ts';
import { composeChartImage, escapeXml, wrapText } from './chart-image.ts';
import type { Edition } from './edition/edition.ts';
import { mapLegend } from './map/legend.ts';
import { mapTakeaway } from './map/takeaway.ts';
import { buildMapModel } from './map/model.ts';
import { worldCountryFeatures } from './geo/world.ts';
import { buildTimelineChart, timelineLegend } from './timeline/chart.ts';
import { timelineEvents, timelineTakeaway } from './timeline/model.ts';
import { getSiteData } from './site-data.ts';

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
  /** Alt text for the image: title and the chart's takeaway. */
  alt: string;
  /** The chart's one-sentence takeaway on its own (meta descriptions). */
  takeaway: string;
}

/** Builds one chart's image; `title` is the chart's embed title (used in the alt text). */
export type ChartImageBuilder = (title: string, edition: Edition) => Promise<ChartImage>;

/** Renders a component that outputs exactly one <svg> element, and checks that it did. */
async function renderSvg(component: AstroComponentFactory, props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  const html = (await container.renderToString(component, { props })).trim();
  if (!/^<svg\b[^>]*\bviewBox="[^"]+"/.test(html) || !html.endsWith('</svg>') || html.indexOf('<svg', 1) !== -1) {
    throw new Error('A chart SVG component must render one <svg viewBox="…"> element and nothing else.');
  }
  return html;
}

const source = (edition: Edition) => edition.t('embed.source', { site: edition.t('site.title') });
const alt = (edition: Edition, title: string, takeaway: string) => edition.t('embed.fallbackAlt', { title, takeaway });

export const mapImage: ChartImageBuilder = async (title, edition) => {
  const model = buildMapModel(getSiteData(edition.lang).dataset, worldCountryFeatures(), edition);
  const takeaway = mapTakeaway(model.details, edition);
  const image = composeChartImage({
    chartSvg: await renderSvg(MapSvg, { id: 'image-map', model }),
    css: `${globalCss}\n${mapCss}`,
    locale: edition.locale,
    rootClass: 'map',
    rootAttributes: 'data-view="stations"',
    title: edition.t('map.title'),
    takeaway,
    legend: mapLegend('stations', edition),
    swatch: 'box',
    source: source(edition),
  });
  return { ...image, alt: alt(edition, title, takeaway), takeaway };
};

export const timelineImage: ChartImageBuilder = async (title, edition) => {
  const { events } = getSiteData(edition.lang).dataset;
  const takeaway = timelineTakeaway(events, edition);
  const image = composeChartImage({
    chartSvg: await renderSvg(TimelineSvg, { edition, chart: buildTimelineChart(timelineEvents(events), { globalLabel: edition.t('timeline.global'), beforeLabel: edition.t('timeline.before') }) }),
    css: `${globalCss}\n${mapCss}\n${timelineCss}`,
    locale: edition.locale,
    rootClass: 'timeline',
    title: edition.t('timeline.title'),
    takeaway,
    legend: timelineLegend(edition),
    swatch: 'dot',
    source: source(edition),
  });
  return { ...image, alt: alt(edition, title, takeaway), takeaway };
};

/** The figures card has no SVG of its own: its reported numbers are drawn as one, three cards side by side. */
export const figuresImage: ChartImageBuilder = async (title, edition) => {
  const cells = headlineFigures(edition).reported.map((figure, i) => {
    const x = 20 + i * 380;
    return (
      `<rect x="${x}" y="10" width="360" height="220" rx="6" fill="#f4f2ee"/>` +
      `<text x="${x + 20}" y="80" class="img-big">${escapeXml(edition.number(figure.value))}</text>` +
      wrapText(figure.label, 30, edition.locale)
        .map((line, j) => `<text x="${x + 20}" y="${120 + j * 24}" class="img-small">${escapeXml(line)}</text>`)
        .join('')
    );
  });
  const chartSvg = `<svg viewBox="0 0 1160 240"><style>.img-big{font-family:'DejaVu Sans','Noto Sans SC',sans-serif;font-size:56px;font-weight:800;fill:#1a1a1a}</style>${cells.join('')}</svg>`;
  const takeaway = edition.t('home.reportedIntro');
  const image = composeChartImage({ chartSvg, locale: edition.locale, css: globalCss, rootClass: 'figures', title, takeaway, legend: [], swatch: 'box', source: source(edition) });
  return { ...image, alt: alt(edition, title, takeaway), takeaway };
};
