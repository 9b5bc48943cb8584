/** Site settings editors set once in content/site.json (the corrections contact), checked so a typo stops the build. */
import { z } from 'astro/zod';
import settings from '../../content/site.json' with { type: 'json' };

const siteConfigSchema = z.strictObject({
  /**
   * Where readers send corrections: a `mailto:` address or an https:// page. Null only for local builds:
   * a production build (`npm run build:production`) refuses to run without it.
   */
  correctionsContact: z
    .string()
    .regex(/^(mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https:\/\/\S+)$/, {
      error: 'must be a "mailto:" address (like "mailto:corrections@example.com") or an https:// page',
    })
    .nullable(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Validates the settings object; throws naming content/site.json and the field. */
export function parseSiteConfig(value: unknown): SiteConfig {
  const result = siteConfigSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `content/site.json, field "${issue.path.join('.')}": ${issue.message}`);
    throw new Error(problems.join('\n'));
  }
  return result.data;
}

export const siteConfig: SiteConfig = parseSiteConfig(settings);
