/**
 * Renders each embeddable chart's static image at build: the chart component itself is rendered (Astro container),
 * its SVG lifted out and composed with title, legend and source. Cached: the PNG endpoint and pages share one render.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import WorldMap from '../components/charts/WorldMap.astro';
import Timeline from '../components/charts/Timeline.astro';
import globalCss from '../styles/global.css?raw';
import mapCss from '../styles/map.css?raw';
import timelineCss from '../styles/timeline.css?raw';
import { composeChartImage, escapeXml } from './chart-image.ts';
import { chartInfo, type ChartId } from './embeds.ts';
import { formatNumber } from './format.ts';
import { t } from './i18n.ts';
import { mapLegend } from './map/legend.ts';
import { mapTakeaway } from './map/takeaway.ts';
import { buildMapModel } from './map/model.ts';
import { worldCountryFeatures } from './geo/world.ts';
import { timelineLegend } from './timeline/chart.ts';
import { timelineTakeaway } from './timeline/model.ts';
import { getFigure, getSiteData } from './site-data.ts';

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
  /** Alt text for the image: title and the chart's takeaway. */
  alt: string;
  /** The chart's one-sentence takeaway on its own (meta descriptions). */
  takeaway: string;
}

const cache = new Map<ChartId, Promise<ChartImage>>();

async function renderSvgOf(component: typeof WorldMap, props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  const html = await container.renderToString(component, { props });
  const svg = html.match(/<svg\b[\s\S]*?<\/svg>/)?.[0];
  if (!svg) throw new Error('The chart component rendered no <svg>, so no fallback image can be made.');
  return svg;
}

/** The figures card has no SVG of its own: draw its three reported numbers as one. */
function figuresSvg(): string {
  const ids = ['first-report-stations', 'second-report-stations', 'persuaded-to-return'];
  const labels = [t('home.figure.firstReport'), t('home.figure.secondReport', { countries: formatNumber(getFigure('second-report-countries').value) }), t('home.figure.persuaded')];
  const cells = ids.map((id, i) => {
    const x = 20 + i * 380;
    const words = labels[i]!.split(' ');
    const lines: string[] = [];
    for (const word of words) {
      const last = lines.at(-1);
      if (last && (last + ' ' + word).length <= 30) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return (
      `<rect x="${x}" y="10" width="360" height="220" rx="6" fill="#f4f2ee"/>` +
      `<text x="${x + 20}" y="80" class="img-big">${escapeXml(formatNumber(getFigure(id).value))}</text>` +
      lines.map((line, j) => `<text x="${x + 20}" y="${120 + j * 24}" class="img-small">${escapeXml(line)}</text>`).join('')
    );
  });
  return `<svg viewBox="0 0 1160 240"><style>.img-big{font-family:'DejaVu Sans',sans-serif;font-size:56px;font-weight:800;fill:#1a1a1a}</style>${cells.join('')}</svg>`;
}

async function render(id: ChartId): Promise<ChartImage> {
  const { dataset } = getSiteData();
  const info = chartInfo(id);
  const source = t('embed.source', { site: t('site.title') });
  if (id === 'map') {
    const takeaway = mapTakeaway(buildMapModel(dataset, worldCountryFeatures()).details);
    const image = composeChartImage({
      chartSvg: await renderSvgOf(WorldMap, { embedded: true, id: 'image-map' }),
      css: `${globalCss}\n${mapCss}`,
      rootClass: 'map',
      rootAttributes: 'data-view="stations"',
      title: t('map.title'),
      takeaway,
      legend: mapLegend('stations'),
      swatch: 'box',
      source,
    });
    return { ...image, alt: t('embed.fallbackAlt', { title: info.title, takeaway }), takeaway };
  }
  if (id === 'timeline') {
    const takeaway = timelineTakeaway(dataset.events);
    const image = composeChartImage({
      chartSvg: await renderSvgOf(Timeline, { embedded: true, id: 'image-timeline' }),
      css: `${globalCss}\n${mapCss}\n${timelineCss}`,
      rootClass: 'timeline',
      title: t('timeline.title'),
      takeaway,
      legend: timelineLegend(),
      swatch: 'dot',
      source,
    });
    return { ...image, alt: t('embed.fallbackAlt', { title: info.title, takeaway }), takeaway };
  }
  const takeaway = t('home.reportedIntro');
  const image = composeChartImage({
    chartSvg: figuresSvg(),
    css: globalCss,
    rootClass: 'figures',
    title: info.title,
    takeaway,
    legend: [],
    swatch: 'box',
    source,
  });
  return { ...image, alt: t('embed.fallbackAlt', { title: info.title, takeaway }), takeaway };
}

export function renderChartImage(id: ChartId): Promise<ChartImage> {
  let pending = cache.get(id);
  if (!pending) {
    pending = render(id);
    cache.set(id, pending);
  }
  return pending;
}
