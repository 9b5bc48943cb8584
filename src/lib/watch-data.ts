/**
 * `npm run dev` only: a Vite plugin that watches data/ (or DATA_DIR). Pages read data/ with readFileSync, so Vite
 * would never notice an edit; on each change this drops the cached dataset, prints the same report as
 * `npm run check` when the data is invalid, and reloads the browser, whose next render shows the error overlay.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { DATA_FILES, DatasetError, dataDirLabel, loadDataset } from './dataset/load.ts';
import { dataDirectory, invalidateSiteData } from './site-data.ts';

/** Editors' tools often save in several writes (truncate, write, rename): wait for the last one. */
const SETTLE_MS = 40;

export function watchData(): Plugin {
  return {
    name: 'explainer:watch-data',
    apply: 'serve',
    configureServer(server) {
      const dir = dataDirectory();
      server.watcher.add(dir);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onFile = (file: string): void => {
        const absolute = path.resolve(file);
        if (path.dirname(absolute) !== dir || !Object.hasOwn(DATA_FILES, path.basename(absolute))) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          invalidateSiteData();
          const label = `${dataDirLabel(dir)}/${path.basename(absolute)}`;
          try {
            loadDataset(dir);
            server.config.logger.info(`${label} changed: ${dataDirLabel(dir)}/ OK, reloading the page.`, { timestamp: true });
          } catch (error) {
            if (!(error instanceof DatasetError)) throw error;
            server.config.logger.error(`${label} changed:\n${error.message}`, { timestamp: true });
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        }, SETTLE_MS);
      };
      server.watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
    },
  };
}
