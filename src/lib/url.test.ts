import { describe, expect, it } from 'vitest';
import { joinBase, linkTarget, resolveContentHref } from './url.ts';

describe('joinBase', () => {
  it('keeps links at the root when there is no sub-path', () => {
    expect(joinBase('/', 'sources/')).toBe('/sources/');
    expect(joinBase('/', '')).toBe('/');
  });
  it('prefixes the sub-path whether or not the base ends with a slash', () => {
    expect(joinBase('/explainer/', 'embed/map/')).toBe('/explainer/embed/map/');
    expect(joinBase('/explainer', 'embed/map/')).toBe('/explainer/embed/map/');
  });
  it('does not double slashes when the path starts with one', () => {
    expect(joinBase('/explainer/', '/data/')).toBe('/explainer/data/');
  });
});

describe('resolveContentHref', () => {
  it('prefixes root-relative links that editors write in MDX', () => {
    expect(resolveContentHref('/data/', '/explainer/')).toBe('/explainer/data/');
    expect(resolveContentHref('/sources/#src-x', '/')).toBe('/sources/#src-x');
  });
  it('leaves external, protocol-relative and in-page links alone', () => {
    for (const href of ['https://example.org/', '//cdn.example.org/x', '#note-1', 'mailto:desk@example.org']) {
      expect(resolveContentHref(href, '/explainer/')).toBe(href);
    }
  });
});

describe('linkTarget', () => {
  it('sends links inside an embed to the top window, and leaves our own pages alone', () => {
    expect(linkTarget(true)).toBe('_top');
    expect(linkTarget(false)).toBeUndefined();
  });
});
