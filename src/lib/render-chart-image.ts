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
import countriesCss from '../styles/countries.css?raw';
import { headlineFigures } from './charts/headline-figures.ts';
import { composeChartImage, escapeXml, wrapText } from './chart-image.ts';
import type { Edition } from './edition/edition.ts';
import { buildCountryCard } from './countries/card.ts';
import type { CountryRef } from './countries/countries.ts';
import { buildLocatorMap, locatorPoints } from './countries/locator.ts';
import { buildCountryPage } from './countries/page.ts';
import { sourceCountries } from './countries/relations.ts';
import { formatList } from './countries/words.ts';
import { resolveCssForRaster } from './raster.ts';
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

/** Share-image size social networks crop to (og:image, twitter:image): the country image is drawn at exactly this. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** Text at most `maxLines` lines long, the last one cut with an ellipsis when the text is longer. */
function clampLines(text: string, maxChars: number, maxLines: number, locale: string): string[] {
  const lines = wrapText(text, maxChars, locale);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,;:.]+\S*$/, '')}…`;
  return kept;
}

/**
 * One country's image, 1200×630: its locator map (the country highlighted among its neighbours, station cities
 * marked), its name and the country card's lines (src/lib/countries/card.ts). The country card's embed fallback and
 * the country page's og:image.
 */
export async function countryImage(country: CountryRef, _title: string, edition: Edition): Promise<ChartImage> {
  const { dataset } = getSiteData(edition.lang);
  const name = edition.countryName(country.iso3, country.name);
  const page = buildCountryPage(dataset, country, sourceCountries(dataset));
  const card = buildCountryCard(page, edition);
  const width = SHARE_IMAGE_WIDTH;
  const height = SHARE_IMAGE_HEIGHT;
  const pad = 40;
  const parts: string[] = [];

  // The locator map on the left, scaled from its 320×240 viewBox.
  const map = buildLocatorMap(country.iso3, locatorPoints(page.stations.map((s) => s.station)), (cities) => formatList(cities, edition.locale));
  const mapWidth = 560;
  const mapTop = 86;
  if (map) {
    const scale = mapWidth / map.width;
    const markers = map.markers
      .map((m) => `<circle class="locator__marker${m.unverified ? ' locator__marker--hollow' : ''}" cx="${m.x}" cy="${m.y}" r="4"/>`)
      .join('');
    const labels = map.markers
      .map((m) =>
        m.label
          ? `<text class="locator__label" x="${m.label.x}" y="${m.label.y + 5}"${m.label.anchor === 'start' ? '' : ` text-anchor="${m.label.anchor}"`}>${escapeXml(m.text)}</text>`
          : '',
      )
      .join('');
    parts.push(
      `<g class="locator" transform="translate(${pad} ${mapTop}) scale(${scale})">` +
        `<rect class="locator__sea" width="${map.width}" height="${map.height}"/>` +
        `<path class="locator__land" d="${map.land}"/><path class="locator__country" d="${map.country}"/>${markers}${labels}</g>`,
    );
  }

  // The name and the card's lines on the right; long values are cut shorter until everything fits above the source.
  const x = pad + mapWidth + 40;
  const chars = 36;
  const layout = (latestLines: number, otherLines: number): { parts: string[]; bottom: number } => {
    const out: string[] = [];
    let y = mapTop + 40;
    out.push(`<text x="${x}" y="${y}" class="img-name">${escapeXml(name)}</text>`);
    y += 22;
    for (const line of card.lines) {
      const latest = line.figure === 'latest';
      y += 26;
      out.push(`<text x="${x}" y="${y}" class="img-small">${escapeXml(line.label)}</text>`);
      const value = line.unverified ? `${line.value} (${edition.t('data.unverified')})` : line.value;
      for (const text of clampLines(value, latest ? chars + 6 : chars, latest ? latestLines : otherLines, edition.locale)) {
        y += latest ? 24 : 28;
        out.push(`<text x="${x}" y="${y}" class="${latest ? 'img-text' : 'img-value'}">${escapeXml(text)}</text>`);
      }
      y += 8;
    }
    return { parts: out, bottom: y };
  };
  const fitted = [layout(3, 2), layout(2, 1), layout(1, 1)].find((l) => l.bottom <= height - 56);
  if (!fitted) throw new Error(`The share image of ${name} has more lines than fit in ${width}×${height}.`);
  parts.push(...fitted.parts);

  const sourceLines = wrapText(source(edition), 118, edition.locale);
  parts.push(`<text x="${pad}" y="${pad + 8}" class="img-kicker">${escapeXml(edition.t('site.title'))}</text>`);
  sourceLines.forEach((text, i) => {
    parts.push(`<text x="${pad}" y="${height - 24 - (sourceLines.length - 1 - i) * 20}" class="img-small">${escapeXml(text)}</text>`);
  });

  const font = "font-family:'DejaVu Sans','Noto Sans SC',sans-serif";
  const style = `${resolveCssForRaster(`${globalCss}\n${countriesCss}`)}
.locator__label{${font};font-size:12px}.img-kicker{${font};font-size:18px;font-weight:700;fill:#a3261b}.img-name{${font};font-size:44px;font-weight:800;fill:#1a1a1a}.img-value{${font};font-size:23px;font-weight:700;fill:#1a1a1a}.img-text{${font};font-size:19px;fill:#1a1a1a}.img-small{${font};font-size:16px;fill:#404040}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${style}</style><rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width, height, alt: edition.t('embed.country.imageAlt', { country: name, takeaway: card.takeaway }), takeaway: card.takeaway };
}
