/**
 * The registry's charts as MDX components: a chapter that writes <WorldMap view="responses" /> gets
 * <ChartBlock chart="map" view="responses" />, so every chart in a chapter has its embed button and a new chart
 * is usable in MDX as soon as it is registered.
 *
 * Each entry is a one-line Astro component made with createComponent from `astro/compiler-runtime`, the same call a
 * compiled .astro file makes; it renders ChartBlock with the chart id filled in, passing the MDX props and slots on.
 */
import { createComponent, render, renderComponent } from 'astro/compiler-runtime';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import ChartBlock from '../../components/ChartBlock.astro';
import { chartEntries } from './registry.ts';
import type { Edition } from '../edition/edition.ts';

export function mdxChartComponents(edition: Edition): Record<string, AstroComponentFactory> {
  return Object.fromEntries(
    chartEntries(edition).map(({ id, mdxName }) => [
      mdxName,
      createComponent((result, props, slots) => render`${renderComponent(result, 'ChartBlock', ChartBlock, { ...props, chart: id }, slots)}`),
    ]),
  );
}
