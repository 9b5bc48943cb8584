/** Static downloads /downloads/<table>.json, generated at build from the validated data (see [stem].csv.ts for the file name). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DOWNLOADS, recordsToJson } from '../../lib/downloads.ts';
import { DEFAULT_LANG } from '../../lib/edition/editions.ts';
import { getSiteData } from '../../lib/site-data.ts';

type Key = (typeof DOWNLOADS)[number]['key'];

export const getStaticPaths = (() => DOWNLOADS.map(({ stem, key }) => ({ params: { stem }, props: { key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const records = getSiteData(DEFAULT_LANG).dataset[(props as { key: Key }).key];
  return new Response(recordsToJson(records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
