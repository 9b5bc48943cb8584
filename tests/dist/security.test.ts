// Checks the built site against the security rules: one hashed CSP per page, the generated _headers, and an A+ Observatory score per page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveHeaders, headerRules } from '../../src/lib/security/headers.ts';
import { scoreObservatory } from '../helpers/observatory.ts';

const dist = path.resolve(process.env['DIST_DIR'] ?? 'dist');
const htmlFiles = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));

describe('built pages and headers', () => {
  it('has pages to check', () => {
    expect(htmlFiles.length).toBeGreaterThanOrEqual(10);
  });

  it('ships _headers generated for this build', () => {
    const text = readFileSync(path.join(dist, '_headers'), 'utf8');
    expect(text).toContain("frame-ancestors 'none'");
    expect(text).toMatch(/embed\/\*\n {2}! Content-Security-Policy/);
  });

  it('scores every built page A+ under the headers it will be served with', () => {
    const rules = headerRules('/');
    for (const file of htmlFiles) {
      const html = readFileSync(path.join(dist, file), 'utf8');
      const metas = html.match(/<meta http-equiv="content-security-policy"[^>]*>/gi) ?? [];
      expect(metas, file).toHaveLength(1);
      const meta = /content="([^"]+)"/.exec(metas[0]!)![1]!;
      const urlPath = `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`;
      const result = scoreObservatory(effectiveHeaders(rules, urlPath), meta);
      expect(result.grade, `${urlPath}: ${JSON.stringify(result.modifiers.filter((m) => m.modifier < 0))}`).toBe('A+');
    }
  });
});
