/**
 * Writes dist/_headers for Cloudflare Pages, with paths under the configured base. (A file named _headers in
 * src/pages would be ignored by Astro's router, hence the parameter route.)
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { headerRules, renderHeadersFile } from '../lib/security/headers.ts';

export const getStaticPaths = (() => [{ params: { headers: '_headers' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(renderHeadersFile(headerRules(import.meta.env.BASE_URL)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
