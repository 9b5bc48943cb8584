/** `npm run schemas`: writes data/schemas/<file>.schema.json and the field tables in data/README.md from the zod schemas, after a change to src/lib/dataset/schema.ts. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILE_NAMES } from '../lib/dataset/files.ts';
import { SCHEMA_DIR, jsonSchemaText, schemaFileName, withCurrentFieldTables } from '../lib/dataset/json-schema.ts';

/** Replaces a file in one step (write a sibling, then rename), so an editor or the validator never reads half of it; untouched when unchanged. */
function writeIfChanged(file: string, text: string): boolean {
  let current: string | null = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = null;
  }
  if (current === text) return false;
  const temporary = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return true;
}

// npm runs scripts from the package root.
const root = process.cwd();
mkdirSync(path.join(root, SCHEMA_DIR), { recursive: true });
const written: string[] = [];
for (const name of DATA_FILE_NAMES) {
  const file = path.join(SCHEMA_DIR, schemaFileName(name));
  if (writeIfChanged(path.join(root, file), jsonSchemaText(name))) written.push(file);
}
const readme = path.join('data', 'README.md');
if (writeIfChanged(path.join(root, readme), withCurrentFieldTables(readFileSync(path.join(root, readme), 'utf8')))) written.push(readme);

console.log(written.length === 0 ? 'Schemas and data/README.md tables are up to date.' : `Updated: ${written.join(', ')}`);
