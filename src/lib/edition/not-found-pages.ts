/** An Astro integration that moves each edition's not-found page from <lang>/404/index.html to <lang>/404.html, the name static hosts look for. */
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { DEFAULT_LANG, LANGS } from './editions.ts';

export function editionNotFoundPages(): AstroIntegration {
  return {
    name: 'edition-not-found-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const lang of LANGS.filter((l) => l !== DEFAULT_LANG)) {
          const from = path.join(root, lang, '404', 'index.html');
          if (!existsSync(from)) throw new Error(`The ${lang} not-found page was not built (${from}).`);
          renameSync(from, path.join(root, lang, '404.html'));
          rmdirSync(path.dirname(from));
        }
      },
    },
  };
}
