/** Static download endpoints: /downloads/<table>.csv and .json, generated at build from the validated data. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DOWNLOADS, recordsToCsv, recordsToJson } from '../../lib/downloads.ts';
import { getSiteData } from '../../lib/site-data.ts';

export const getStaticPaths = (() =>
  DOWNLOADS.flatMap(({ stem, key }) =>
    (['csv', 'json'] as const).map((format) => ({ params: { file: `${stem}.${format}` }, props: { key, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { key, format } = props as { key: (typeof DOWNLOADS)[number]['key']; format: 'csv' | 'json' };
  const records = getSiteData().dataset[key] as unknown as Record<string, string | number | boolean | null | string[]>[];
  const body = format === 'csv' ? recordsToCsv(records) : recordsToJson(records);
  return new Response(body, {
    headers: { 'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' },
  });
};
