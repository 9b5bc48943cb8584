import { describe, expect, it } from 'vitest';
import { joinBase } from './url.ts';

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
