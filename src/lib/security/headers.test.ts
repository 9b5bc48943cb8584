import { describe, expect, it } from 'vitest';
import { effectiveHeaders, headerRules, renderHeadersFile } from './headers.ts';

describe('headers file layout (checks S4)', () => {
  for (const base of ['/', '/explainer/']) {
    const rules = headerRules(base);
    const text = renderHeadersFile(rules);
    it(`stays within Cloudflare's limits at base ${base}`, () => {
      expect(rules.length).toBeLessThanOrEqual(100);
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
    });
    it(`locks down pages and opens only embeds at base ${base}`, () => {
      const page = effectiveHeaders(rules, `${base}how-countries-responded/`);
      const csp = page.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      // A header default-src/script-src/style-src would block Astro's hashed inline styles (both policies apply).
      expect(csp).not.toMatch(/default-src|script-src|style-src/);
      expect(page.get('x-frame-options')).toBe('DENY');
      expect(Number(/max-age=(\d+)/.exec(page.get('strict-transport-security')!)![1])).toBeGreaterThanOrEqual(15_552_000);

      for (const edition of ['', 'fr/', 'zh/']) {
        const embed = effectiveHeaders(rules, `${base}${edition}embed/map/`);
        expect(embed.get('content-security-policy'), `${edition}embed`).toBe(
          "frame-ancestors https:; object-src 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests",
        );
        expect(embed.has('x-frame-options')).toBe(false);
        expect(embed.get('cross-origin-resource-policy')).toBe('cross-origin');
        // The edition's other pages stay unframeable.
        expect(effectiveHeaders(rules, `${base}${edition}countries/`).get('x-frame-options')).toBe('DENY');
      }
    });
  }

  it('would give embeds two joined policies (unframeable) if they did not detach first', () => {
    const rules = headerRules('/').map((rule) => ({ ...rule, detach: [] }));
    expect(effectiveHeaders(rules, '/embed/map/').get('content-security-policy')).toMatch(/'none'.*, frame-ancestors https:/);
  });

  it('lets other sites load the host script and images', () => {
    const rules = headerRules('/');
    for (const file of ['/embed.js', '/images/map.png', '/fr/images/map.png', '/zh/images/timeline.png']) {
      const headers = effectiveHeaders(rules, file);
      expect(headers.get('access-control-allow-origin')).toBe('*');
      expect(headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    }
  });
});
