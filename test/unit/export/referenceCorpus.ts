import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeText } from '../../../src/core/anchoring';
import { loadCatalogue } from '../../../src/core/entities';
import { ExportCorpus } from '../../../src/core/export';
import { readSidecar } from '../../../src/core/store/readSidecar';

// The reference corpus (seeds/ and annotations/) as the exports read it.
export const REFERENCE_ROOT = resolve(__dirname, '../../..');

export function referenceCorpus(): ExportCorpus {
  const documents = readdirSync(join(REFERENCE_ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const path = `seeds/${name}`;
      const file = `annotations/${path}.yaml`;
      const read = readSidecar(readFileSync(join(REFERENCE_ROOT, file), 'utf8'), file);
      if (!read.sidecar) throw new Error(`${file}: ${read.problems.map((p) => p.message).join('; ')}`);
      return { path, text: normalizeText(readFileSync(join(REFERENCE_ROOT, path), 'utf8')), sidecar: read.sidecar };
    });
  const catalogue = loadCatalogue([{ file: 'entities.yaml', text: readFileSync(join(REFERENCE_ROOT, 'annotations', 'entities.yaml'), 'utf8') }]);
  if (!catalogue.ok) throw new Error('reference catalogue has errors');
  return { documents, entities: catalogue.catalogue.entities };
}
