// Unit tests of the Observatory scorer (a test helper) against the in-memory _headers model; the dist and host
// projects apply it to the built pages and to the headers Cloudflare's runtime really serves.
import { describe, expect, it } from 'vitest';
import { effectiveHeaders, headerRules } from '../../src/lib/security/headers.ts';
import { scoreObservatory } from './observatory.ts';

const META_CSP =
  "script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def='";

describe('Observatory score (checks S6)', () => {
  const rules = headerRules('/');
  it('scores pages and embeds A+ with no negative modifier', () => {
    for (const page of ['/', '/what-they-are/', '/embed/map/', '/embed/timeline/']) {
      const result = scoreObservatory(effectiveHeaders(rules, page), META_CSP);
      expect(result.modifiers.filter((m) => m.modifier < 0)).toEqual([]);
      expect(result.grade).toBe('A+');
      expect(result.score).toBeGreaterThanOrEqual(100);
    }
  });
  it('drops the grade when a protection is missing', () => {
    const headers = effectiveHeaders(rules, '/');
    headers.delete('strict-transport-security');
    headers.delete('x-content-type-options');
    const result = scoreObservatory(headers, META_CSP);
    expect(result.score).toBe(75);
    expect(result.grade).toBe('B');
    expect(scoreObservatory(effectiveHeaders(rules, '/'), "script-src 'self' 'unsafe-inline'").grade).not.toBe('A+');
  });
});
