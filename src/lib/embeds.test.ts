import { editionOf } from './edition/edition.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_THEME, embedSnippet, embedSrc, embedUrls } from './embeds.ts';

const info = { id: 'map', title: 'Chinese police stations abroad: where "they" <are>', canonicalPath: 'how-countries-responded/', fallbackHeight: 1234 };
const urls = {
  embed: 'https://news.example/explainer/embed/map/',
  canonical: 'https://news.example/explainer/how-countries-responded/',
  image: 'https://news.example/explainer/images/map.png',
  hostScript: 'https://news.example/explainer/embed.js',
};

describe('embedSnippet', () => {
  const snippet = embedSnippet(info, urls, { theme: 'dark', alt: 'A "map" <of> stations', imageHeight: 800 });
  it('carries a titled lazy iframe with the chosen theme and the host script', () => {
    expect(snippet).toContain('<iframe data-opsi-embed src="https://news.example/explainer/embed/map/?theme=dark"');
    expect(snippet).toContain('title="Chinese police stations abroad: where &quot;they&quot; &lt;are&gt;"');
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('<script async src="https://news.example/explainer/embed.js"></script>');
  });
  it('sizes the frame for a phone and lets it scroll, so a host without our script never cuts the chart off', () => {
    expect(snippet).toContain('height="1234"');
    expect(snippet).not.toContain('scrolling=');
  });
  it('carries a fallback image link and a credit link to the canonical page', () => {
    expect(snippet).toContain('<noscript><a href="https://news.example/explainer/how-countries-responded/"><img src="https://news.example/explainer/images/map.png"');
    expect(snippet).toContain('alt="A &quot;map&quot; &lt;of&gt; stations"');
  });
  it('keeps chart parameters and puts the theme last, escaped for the attribute', () => {
    const withView = embedSnippet(info, { ...urls, embed: `${urls.embed}?view=responses` }, { theme: 'light', alt: '', imageHeight: 1 });
    expect(withView).toContain('src="https://news.example/explainer/embed/map/?view=responses&amp;theme=light"');
  });
});

describe('embed URLs', () => {
  it('defaults to the light theme, which suits most host articles', () => {
    expect(DEFAULT_EMBED_THEME).toBe('light');
  });
  it('adds the theme after any chart parameter', () => {
    expect(embedSrc('https://x.example/embed/map/', 'auto')).toBe('https://x.example/embed/map/?theme=auto');
    expect(embedSrc('https://x.example/embed/map/?view=responses', 'dark')).toBe('https://x.example/embed/map/?view=responses&theme=dark');
  });
  it('builds absolute URLs from the site, with the chart query on the embed only', () => {
    const built = embedUrls(info, new URL('https://news.example/'), editionOf('en'), { view: 'responses' });
    expect(built.embed).toBe('https://news.example/embed/map/?view=responses');
    expect(built.canonical).toBe('https://news.example/how-countries-responded/');
    expect(built.image).toBe('https://news.example/images/map.png');
    expect(built.hostScript).toBe('https://news.example/embed.js');
  });
  it("points a French embed's frame, credit link and image at the French edition; the host script is shared", () => {
    const built = embedUrls(info, new URL('https://news.example/'), editionOf('fr'));
    expect(built.embed).toBe('https://news.example/fr/embed/map/');
    expect(built.canonical).toBe('https://news.example/fr/how-countries-responded/');
    expect(built.image).toBe('https://news.example/fr/images/map.png');
    expect(built.hostScript).toBe('https://news.example/embed.js');
  });
});
