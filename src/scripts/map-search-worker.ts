/**
 * The map's country search (src/lib/map/search.ts, with its everyday names), run in a worker that the map script
 * starts on the reader's first search: the page's own script stays small, and matching never blocks the main thread.
 */
import { searchCountry, type SearchableCountry } from '../lib/map/search.ts';

self.onmessage = ({ data }: MessageEvent<{ query: string; countries: SearchableCountry[] }>) => {
  self.postMessage({ query: data.query, result: searchCountry(data.query, data.countries) });
};
