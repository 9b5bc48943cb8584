/**
 * Command-line check of data/ for editors and the build: `node src/cli/validate-data.ts [dataDir]` checks the English
 * data and every edition's translations (data/i18n/<lang>/), prints one OK line or every problem (exit 1), and lists
 * translations whose English has changed since they were made (they build, with a notice to readers).
 */
import { DatasetError, dataDirLabel, formatIssues, loadDataset, plural } from '../lib/dataset/load.ts';
import { applyTranslations, formatStale, readTranslationFiles, type StaleTranslation } from '../lib/dataset/translations.ts';
import { DEFAULT_LANG, LANGS } from '../lib/edition/editions.ts';
import type { DataIssue } from '../lib/dataset/types.ts';

const dataDir = process.argv[2] ?? process.env['DATA_DIR'] ?? 'data';
const label = dataDirLabel(dataDir);

try {
  const dataset = loadDataset(dataDir);
  const issues: DataIssue[] = [];
  const stale: StaleTranslation[] = [];
  for (const lang of LANGS.filter((l) => l !== DEFAULT_LANG)) {
    const result = applyTranslations(dataset, lang, readTranslationFiles(dataDir, lang));
    issues.push(...result.issues);
    stale.push(...result.stale);
  }
  if (issues.length > 0) {
    console.error(formatIssues(issues, label));
    process.exit(1);
  }
  const summary = [
    plural(dataset.sources.length, 'source'),
    plural(dataset.stations.length, 'station'),
    plural(dataset.countryCounts.length, 'country', 'countries'),
    plural(dataset.events.length, 'event'),
    plural(dataset.figures.length, 'figure'),
    plural(dataset.disagreements.length, 'disagreement'),
    plural(dataset.corrections.length, 'correction'),
  ].join(', ');
  console.log(`${label}/ OK: ${summary}; translated into ${LANGS.filter((l) => l !== DEFAULT_LANG).join(', ')}.`);
  if (stale.length > 0) {
    console.warn(
      `\n${plural(stale.length, 'translation')} made from English that has changed since (readers see a dated notice until they are updated):\n${formatStale(stale, label)}\n`,
    );
  }
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
