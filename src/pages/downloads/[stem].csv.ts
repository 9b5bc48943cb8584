/**
 * Static downloads /downloads/<table>.csv, generated at build from the validated data. The extension is part of the
 * route's file name so Astro serves the URL without a trailing slash in `npm run dev` too, as /data/ links to it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DOWNLOADS, recordsToCsv } from '../../lib/downloads.ts';
import { DEFAULT_LANG } from '../../lib/edition/editions.ts';
import { getSiteData } from '../../lib/site-data.ts';

type Key = (typeof DOWNLOADS)[number]['key'];

export const getStaticPaths = (() => DOWNLOADS.map(({ stem, key }) => ({ params: { stem }, props: { key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const records = getSiteData(DEFAULT_LANG).dataset[(props as { key: Key }).key] as unknown as Parameters<typeof recordsToCsv>[0];
  return new Response(recordsToCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
