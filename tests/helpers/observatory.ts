/**
 * Test helper (checks S6): a scorer that applies MDN HTTP Observatory's modifier table (the subset that a static
 * site can be judged on offline) to a page's headers and its <meta> CSP. A+ means 100 or more with no negative
 * modifier; after a deploy, run the real scan as well. It is our own reading of MDN's table, so it lives with the
 * tests, not in src/. (`@mdn/mdn-http-observatory` was considered: it is a server package whose dependencies include
 * Postgres and a native pg build, so it is not a practical offline test dependency.)
 */

export interface ObservatoryResult {
  score: number;
  grade: string;
  modifiers: { test: string; result: string; modifier: number }[];
}

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** `headers` keys are lower-case names (as effectiveHeaders returns); `metaCsp` is the page's http-equiv policy, if any. */
export function scoreObservatory(headers: Map<string, string>, metaCsp: string | null, options: { externalScripts?: number } = {}): ObservatoryResult {
  const modifiers: ObservatoryResult['modifiers'] = [];
  const add = (test: string, result: string, modifier: number) => modifiers.push({ test, result, modifier });

  // Content Security Policy: header and meta policies are both enforced, so judge their union.
  const policies = [headers.get('content-security-policy'), metaCsp].filter((p): p is string => Boolean(p));
  if (policies.length === 0) add('content-security-policy', 'csp-not-implemented', -25);
  else {
    const merged = new Map<string, string[]>();
    for (const policy of policies) for (const [name, values] of directives(policy)) merged.set(name, [...(merged.get(name) ?? []), ...values]);
    const scriptSrc = merged.get('script-src') ?? merged.get('default-src');
    const styleSrc = merged.get('style-src') ?? merged.get('default-src');
    const all = [...merged.values()].flat();
    if (!scriptSrc) add('content-security-policy', 'csp-implemented-with-unsafe-inline', -20);
    else if (scriptSrc.includes("'unsafe-inline'")) add('content-security-policy', 'csp-implemented-with-unsafe-inline', -20);
    else if (all.includes("'unsafe-eval'")) add('content-security-policy', 'csp-implemented-with-unsafe-eval', -10);
    else if (all.some((v) => v === 'http:' || v.startsWith('http://'))) add('content-security-policy', 'csp-implemented-with-insecure-scheme', -20);
    else if (styleSrc?.includes("'unsafe-inline'")) add('content-security-policy', 'csp-implemented-with-unsafe-inline-in-style-src-only', 0);
    else if (merged.get('default-src')?.join(' ') === "'none'") add('content-security-policy', 'csp-implemented-with-no-unsafe-default-src-none', 10);
    else add('content-security-policy', 'csp-implemented-with-no-unsafe', 5);
  }

  // Framing: frame-ancestors only counts from a header (a meta policy cannot carry it).
  const headerCsp = headers.get('content-security-policy') ?? '';
  const xfo = headers.get('x-frame-options')?.toUpperCase();
  if (/(^|;)\s*frame-ancestors\s/i.test(headerCsp)) add('x-frame-options', 'x-frame-options-implemented-via-csp', 5);
  else if (xfo === 'DENY' || xfo === 'SAMEORIGIN') add('x-frame-options', 'x-frame-options-sameorigin-or-deny', 0);
  else add('x-frame-options', 'x-frame-options-not-implemented', -20);

  const hsts = headers.get('strict-transport-security');
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts ?? '')?.[1] ?? NaN);
  if (!hsts) add('strict-transport-security', 'hsts-not-implemented', -20);
  else if (!(maxAge >= 15_552_000)) add('strict-transport-security', 'hsts-implemented-max-age-less-than-six-months', -10);
  else add('strict-transport-security', 'hsts-implemented-max-age-at-least-six-months', 0);

  add(
    'x-content-type-options',
    headers.get('x-content-type-options')?.toLowerCase() === 'nosniff' ? 'x-content-type-options-nosniff' : 'x-content-type-options-not-implemented',
    headers.get('x-content-type-options')?.toLowerCase() === 'nosniff' ? 0 : -5,
  );

  const referrer = headers.get('referrer-policy')?.toLowerCase().split(',').map((v) => v.trim()).at(-1);
  const privateReferrers = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];
  if (!referrer) add('referrer-policy', 'referrer-policy-not-implemented', 0);
  else if (privateReferrers.includes(referrer)) add('referrer-policy', 'referrer-policy-private', 5);
  else if (referrer === 'unsafe-url' || referrer === 'no-referrer-when-downgrade') add('referrer-policy', 'referrer-policy-unsafe', -5);
  else add('referrer-policy', 'referrer-policy-no-referrer-when-downgrade', 0);

  const acao = headers.get('access-control-allow-origin');
  add('cross-origin-resource-sharing', acao ? 'cross-origin-resource-sharing-implemented-with-public-access' : 'cross-origin-resource-sharing-not-implemented', 0);

  const external = options.externalScripts ?? 0;
  add('subresource-integrity', external > 0 ? 'sri-not-implemented-but-external-scripts-loaded-securely' : 'sri-not-implemented-but-no-scripts-loaded', external > 0 ? -5 : 0);

  // Bonuses only count once the penalties leave the score at 90 or more (Observatory's rule).
  const penalties = modifiers.filter((m) => m.modifier < 0).reduce((sum, m) => sum + m.modifier, 0);
  const bonuses = modifiers.filter((m) => m.modifier > 0).reduce((sum, m) => sum + m.modifier, 0);
  const base = 100 + penalties;
  const score = Math.max(0, base >= 90 ? base + bonuses : base);
  const grades: [number, string][] = [[100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-']];
  const grade = grades.find(([min]) => score >= min)?.[1] ?? 'F';
  return { score, grade, modifiers };
}
