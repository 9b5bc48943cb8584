/** Spots research-memo language and non-canonical web addresses in text that readers or re-users see, so the build can refuse them. */

/**
 * Phrases that belong to the research process, not to journalism: version history, workflow
 * markers, field names and reading-process jargon. Each pattern carries the wording an editor sees.
 * Capitalised markers (CORRECTED, ADDED) are matched case-sensitively so that ordinary prose
 * ("the ministry corrected its figure") stays allowed.
 */
const MEMO_PATTERNS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bv[12]\b/i, what: 'a draft version ("v1", "v2")' },
  { pattern: /\bCORRECTED\b/, what: 'the workflow marker "CORRECTED"' },
  { pattern: /\bNEW (?:EVENT|ROW)\b/i, what: 'the workflow marker "NEW EVENT" / "NEW ROW"' },
  { pattern: /\bADDED\b/, what: 'the workflow marker "ADDED"' },
  { pattern: /\bcompletion pass\b/i, what: 'the phrase "completion pass"' },
  { pattern: /\bfirst pass\b/i, what: 'the phrase "first pass"' },
  { pattern: /\bEUU\b/, what: 'the code "EUU"' },
  { pattern: /\b(?:operator_source_tier|listed_in|second_report|first_report|iso3|editor_note)\b/, what: 'a data field name' },
  { pattern: /\bcontent[- ]farm\b/i, what: 'the phrase "content-farm"' },
  { pattern: /\bbefore publishing\b/i, what: 'an instruction to editors ("before publishing")' },
  { pattern: /\bCountry field\b/i, what: 'the phrase "Country field"' },
  { pattern: /\bre-?posts?\b/i, what: 'the reading-process word "re-post"' },
  { pattern: /\bread only (?:via|through|in)\b/i, what: 'the phrase "read only via"' },
  { pattern: /\bweak (?:copy|copies|relay|relays|re-?posts?)\b/i, what: 'the phrase "weak copy"' },
  { pattern: /\(weak\)/i, what: 'the tier label "(weak)"' },
  { pattern: /\bthis row\b/i, what: 'the phrase "this row"' },
  { pattern: /\bsee the [^.;,]{1,60}? row\b/i, what: 'a pointer to another row ("see the ... row")' },
  { pattern: /\ban earlier draft\b/i, what: 'the phrase "an earlier draft"' },
  { pattern: /\bstaging domain\b/i, what: 'the phrase "staging domain"' },
  { pattern: /\btitle taken from\b/i, what: 'the phrase "title taken from"' },
];

/** Why a reader-facing text contains memo language, or null when it reads as journalism. */
export function memoLanguageProblem(text: string): string | null {
  // Every marker at once, so one run of the check shows the editor the whole rewrite needed.
  const found = MEMO_PATTERNS.flatMap(({ pattern, what }) => {
    const match = pattern.exec(text);
    return match ? [`${what} ("${match[0]}")`] : [];
  });
  if (found.length === 0) return null;
  return `contains research-memo language readers should not see: ${found.join('; ')}. Rewrite it for readers; provenance for editors goes in "editor_note", which is never published`;
}

/** Host-name fragments of staging servers, origin servers, CDNs and feeds: not an address to give readers. */
const NON_CANONICAL_HOSTS: readonly RegExp[] = [
  /(^|\.)staging\./,
  /(^|\.)new-origin\./,
  /-prod\.web\.arc-cdn\./,
  /(^|\.)canary\./,
  /(^|\.)feeds\./,
  /(^|\.)images-/,
  /(^|\.)qua\d{4}\./,
];

/** Why a source address is not the canonical article address (tracking parameters, staging or CDN host), or null. */
export function sourceUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null; // malformed addresses have their own message
  }
  const tracking = [...url.searchParams.keys()].find((key) => /utm_/i.test(key));
  if (tracking !== undefined) {
    return `carries the tracking parameter "${tracking}"; remove it and give the plain article address`;
  }
  const host = url.hostname.toLowerCase();
  if (NON_CANONICAL_HOSTS.some((pattern) => pattern.test(host))) {
    return `points at "${host}", a staging, origin, CDN or feed server; give the article's public address on the outlet's own site`;
  }
  return null;
}

/** Fields that hold codes, ids, dates, addresses or editor-only text rather than words a reader sees. */
export const NOT_READER_TEXT: ReadonlySet<string> = new Set([
  'id', 'url', 'editor_note', 'iso3', 'date', 'published', 'as_of', 'tier', 'status', 'kind', 'actor',
  'operator', 'operator_source_tier', 'listed_in', 'sources', 'verified',
]);
