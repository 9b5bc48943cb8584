/** Command-line check of data/ for editors and the build: `node src/cli/validate-data.ts [dataDir]` prints one OK line or every problem, and exits 1 on problems. */
import { DatasetError, dataDirLabel, loadDataset, plural } from '../lib/dataset/load.ts';

const dataDir = process.argv[2] ?? process.env['DATA_DIR'] ?? 'data';

try {
  const dataset = loadDataset(dataDir);
  const summary = [
    plural(dataset.sources.length, 'source'),
    plural(dataset.stations.length, 'station'),
    plural(dataset.countryCounts.length, 'country', 'countries'),
    plural(dataset.events.length, 'event'),
    plural(dataset.figures.length, 'figure'),
    plural(dataset.disagreements.length, 'disagreement'),
    plural(dataset.corrections.length, 'correction'),
  ].join(', ');
  console.log(`${dataDirLabel(dataDir)}/ OK: ${summary}`);
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
