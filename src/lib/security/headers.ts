/**
 * The HTTP response headers for Cloudflare Pages (public _headers format), generated for the configured base path,
 * and a model of how Cloudflare applies them, so tests can check the headers every path really gets.
 * Why headers at all: a <meta> CSP cannot set frame-ancestors, so only a header stops other sites framing our pages.
 */
import { EDITIONS, LANGS } from '../edition/editions.ts';

export interface HeaderRule {
  /** URL pattern; `*` matches any run of characters (Cloudflare "splat"). */
  pattern: string;
  /** Header names to drop from earlier matching rules before this rule's own headers apply ("! Name"). */
  detach: string[];
  headers: [name: string, value: string][];
}

/** One year; HSTS needs at least six months (15,552,000 s) for Observatory's full score. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Pages may not be framed; /embed/* may be framed by any https site. The header CSP sets only directives a <meta>
 * CSP cannot or should not carry: script-src/style-src come from Astro's hashed meta policy, and a header
 * default-src would block its hashed inline styles (both policies are enforced).
 */
export function headerRules(base: string): HeaderRule[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const editionPrefixes = LANGS.map((lang) => EDITIONS[lang].prefix);
  const shared: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Strict-Transport-Security', HSTS],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
  ];
  return [
    {
      pattern: '/*',
      detach: [],
      headers: [
        ['Content-Security-Policy', "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests"],
        ['X-Frame-Options', 'DENY'],
        ...shared,
        ['Cross-Origin-Opener-Policy', 'same-origin'],
        ['Cross-Origin-Resource-Policy', 'same-origin'],
      ],
    },
    // Each edition's embeds and images (/embed/*, /fr/embed/*, /zh/embed/*) are framed and fetched by other sites.
    ...editionPrefixes.map((edition) => ({
      pattern: `${prefix}${edition}embed/*`,
      detach: ['Content-Security-Policy', 'X-Frame-Options', 'Cross-Origin-Resource-Policy', 'Cross-Origin-Opener-Policy'],
      headers: [
        ['Content-Security-Policy', "frame-ancestors https:; object-src 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests"],
        ['Cross-Origin-Resource-Policy', 'cross-origin'],
      ] as [string, string][],
    })),
    {
      // Loaded by other sites' pages: must be fetchable cross-origin, and short-cached so fixes reach them.
      pattern: `${prefix}embed.js`,
      detach: ['Cross-Origin-Resource-Policy'],
      headers: [
        ['Cross-Origin-Resource-Policy', 'cross-origin'],
        ['Access-Control-Allow-Origin', '*'],
        ['Cache-Control', 'public, max-age=300'],
      ],
    },
    ...editionPrefixes.map((edition) => ({
      pattern: `${prefix}${edition}images/*`,
      detach: ['Cross-Origin-Resource-Policy'],
      headers: [
        ['Cross-Origin-Resource-Policy', 'cross-origin'],
        ['Access-Control-Allow-Origin', '*'],
      ] as [string, string][],
    })),
    {
      pattern: `${prefix}downloads/*`,
      detach: ['Cross-Origin-Resource-Policy'],
      headers: [
        ['Cross-Origin-Resource-Policy', 'cross-origin'],
        ['Access-Control-Allow-Origin', '*'],
      ],
    },
  ];
}

export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  return `${rules
    .map((rule) =>
      [rule.pattern, ...rule.detach.map((name) => `  ! ${name}`), ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
    )
    .join('\n\n')}\n`;
}

function patternToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/**
 * Headers a path receives under Cloudflare Pages' rules: every matching rule applies in file order, "! Name" removes
 * what earlier rules set, and a header set twice is joined with ", " (which is why embeds must detach first).
 */
export function effectiveHeaders(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of rules) {
    if (!patternToRegExp(rule.pattern).test(path)) continue;
    for (const name of rule.detach) result.delete(name.toLowerCase());
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result.set(key, result.has(key) ? `${result.get(key)}, ${value}` : value);
    }
  }
  return result;
}
