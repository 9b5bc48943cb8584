import { describe, expect, it } from 'vitest';
import { chartInfo, embedSnippet, EMBEDDABLE_CHARTS } from './embeds.ts';

const urls = {
  embed: 'https://news.example/explainer/embed/map/',
  canonical: 'https://news.example/explainer/how-countries-responded/',
  image: 'https://news.example/explainer/images/map.png',
  hostScript: 'https://news.example/explainer/embed.js',
};

describe('embedSnippet', () => {
  const snippet = embedSnippet(chartInfo('map'), urls, { theme: 'dark', alt: 'A "map" <of> stations', imageHeight: 800 });
  it('carries a titled lazy iframe with the chosen theme and the host script', () => {
    expect(snippet).toContain('<iframe data-opsi-embed src="https://news.example/explainer/embed/map/?theme=dark"');
    expect(snippet).toMatch(/title="Chinese police stations abroad: [^"]+"/);
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('<script async src="https://news.example/explainer/embed.js"></script>');
  });
  it('carries a fallback image link and a credit link to the canonical page', () => {
    expect(snippet).toContain('<noscript><a href="https://news.example/explainer/how-countries-responded/"><img src="https://news.example/explainer/images/map.png"');
    expect(snippet).toContain('alt="A &quot;map&quot; &lt;of&gt; stations"');
  });
  it('has a title and a canonical page for every chart', () => {
    for (const id of EMBEDDABLE_CHARTS) {
      expect(chartInfo(id).title.length).toBeGreaterThan(10);
      expect(chartInfo(id).defaultHeight).toBeGreaterThanOrEqual(100);
    }
  });
});
